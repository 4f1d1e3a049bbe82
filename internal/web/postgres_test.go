package web_test

import (
	"context"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

// The pages, the alerts and the sources page on a PostgreSQL store, as on
// SQLite: warta serve --store postgres://... serves them all.
func TestPagesPostgres(t *testing.T) {
	for name, test := range map[string]func(*testing.T, *site){"Pages": testPages, "Alert": testAlert, "Sources": testSourcesPage,
		"AlertCollapsesCopies": testAlertCollapsesCopies, "AlertCollapsesStories": testAlertCollapsesStories} {
		t.Run(name, func(t *testing.T) {
			resolver, err := identity.New()
			if err != nil {
				t.Fatal(err)
			}
			st, err := postgres.Open(context.Background(), pgtest.URL(t), postgres.Options{Analyzer: search.Indonesian(), Linker: resolver})
			if err != nil {
				t.Fatal(err)
			}
			test(t, newSiteOn(t, st))
		})
	}
}

// TestEstimatedTotalPostgres: past the count bound, PostgreSQL answers a
// search without words with the planner's estimate, and the page says so
// ("sekitar N"), as it does for SQLite's estimate; within it, the count is
// exact and said plainly.
func TestEstimatedTotalPostgres(t *testing.T) {
	resolver, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := postgres.Open(context.Background(), pgtest.URL(t), postgres.Options{Analyzer: search.Indonesian(), Linker: resolver,
		CountBound: 2})
	if err != nil {
		t.Fatal(err)
	}
	s := newSiteOn(t, st)
	for _, in := range []analysis.Input{rapat, hostile, banjir} {
		s.store(t, in)
	}
	for path, want := range map[string]bool{"/search?q=from:2025-10-01": true, "/search?q=site:lain.example": false} {
		code, body, _ := s.get(t, path)
		if code != 200 {
			t.Fatalf("%s: status %d", path, code)
		}
		if got := strings.Contains(body, `<p class="count">sekitar `); got != want {
			t.Errorf("%s: estimated total said %v, want %v", path, got, want)
		}
	}
}
