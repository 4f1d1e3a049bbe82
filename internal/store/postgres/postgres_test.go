package postgres

import (
	"context"
	"testing"

	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

var ctx = context.Background()

func open(t *testing.T, url string, a *search.Analyzer) *Store {
	t.Helper()
	s, err := Open(ctx, url, Options{Analyzer: a, Linker: linker(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(ctx, pgtest.URL(t), Options{Analyzer: search.Indonesian(), Linker: linker(t)})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestIdentitySuite(t *testing.T) {
	storetest.RunIdentity(t, func(t *testing.T) storetest.Identifying {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

// linker is the resolver a store runs with (internal/identity).
func linker(t *testing.T) store.Linker {
	t.Helper()
	l, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLineageSuite(t *testing.T) {
	storetest.RunLineage(t, func(t *testing.T) storetest.LineageStore {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestInputLogSuite(t *testing.T) {
	storetest.RunInputLog(t, func(t *testing.T) storetest.Logging {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestTopicsSuite(t *testing.T) {
	storetest.RunTopics(t, func(t *testing.T) storetest.Topical {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestDeleteSuite(t *testing.T) {
	storetest.RunDelete(t, func(t *testing.T) storetest.Deleting {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestInsightsSuite(t *testing.T) {
	storetest.RunInsights(t, func(t *testing.T) storetest.Insight {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestAlertsSuite(t *testing.T) {
	storetest.RunAlerts(t, func(t *testing.T) storetest.Alerting {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestSourcesSuite(t *testing.T) {
	storetest.RunSources(t, func(t *testing.T) store.Sources {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}
