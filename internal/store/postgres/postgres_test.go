package postgres

import (
	"context"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

var ctx = context.Background()

func open(t *testing.T, url string, a *search.Analyzer) *Store {
	t.Helper()
	s, err := Open(ctx, url, Options{Analyzer: a})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(ctx, pgtest.URL(t), Options{Analyzer: search.Indonesian()})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
