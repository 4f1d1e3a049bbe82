package web_test

import (
	"context"
	"testing"

	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

// The pages, the alerts and the sources page on a PostgreSQL store, as on
// SQLite: warta serve --store postgres://... serves them all.
func TestPagesPostgres(t *testing.T) {
	for name, test := range map[string]func(*testing.T, *site){"Pages": testPages, "Alert": testAlert, "Sources": testSourcesPage,
		"AlertCollapsesCopies": testAlertCollapsesCopies} {
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
