package sqlite

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
)

// An entity keeps its longest name and its first country, whether the
// names come in one article or in several, and whether it was stored
// before or is new.
func TestUpsertEntities(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	type want struct{ name, norm, country string }
	check := func(t *testing.T, ids map[string]int64, wants map[string]want) {
		t.Helper()
		for key, w := range wants {
			var got want
			var id int64
			if err := s.db.QueryRowContext(ctx, `SELECT id, name, norm, coalesce(country, '') FROM entities WHERE key = ?`, key).
				Scan(&id, &got.name, &got.norm, &got.country); err != nil {
				t.Fatalf("%s: %v", key, err)
			}
			if got != w {
				t.Errorf("%s: got %+v, want %+v", key, got, w)
			}
			if ids[key] != id {
				t.Errorf("%s: id %d returned, %d stored", key, ids[key], id)
			}
		}
	}
	upsert := func(t *testing.T, rows ...entityRow) map[string]int64 {
		t.Helper()
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		ids, err := upsertEntities(ctx, tx, rows)
		if err != nil {
			t.Fatal(err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		return ids
	}
	ids := upsert(t,
		entityRow{key: "k:a", typ: "PERSON", name: "Joko", norm: "joko"},
		entityRow{key: "k:b", typ: "ORG", name: "KPK", norm: "kpk", country: "ID"},
		entityRow{key: "k:a", typ: "PERSON", name: "Joko Widodo", norm: "joko widodo"},
		entityRow{key: "k:a", typ: "PERSON", name: "Jokowi", norm: "jokowi", country: "ID"},
	)
	check(t, ids, map[string]want{
		"k:a": {"Joko Widodo", "joko widodo", "ID"},
		"k:b": {"KPK", "kpk", "ID"},
	})
	if ids["k:a"] >= ids["k:b"] {
		t.Errorf("ids %v: new entities take ids in the order they come", ids)
	}
	// Stored before: a shorter name and another country change nothing,
	// a longer name (in characters, not bytes) and a first country do.
	ids = upsert(t,
		entityRow{key: "k:b", typ: "ORG", name: "K.P.K.", norm: "kpk", country: "MY"},
		entityRow{key: "k:a", typ: "PERSON", name: "Joko Widodö", norm: "joko widodö"},
		entityRow{key: "k:c", typ: "PLACE", name: "Solo", norm: "solo"},
		entityRow{key: "k:c", typ: "PLACE", name: "Surakarta", norm: "surakarta", country: "ID"},
	)
	check(t, ids, map[string]want{
		"k:a": {"Joko Widodo", "joko widodo", "ID"},
		"k:b": {"KPK", "kpk", "ID"},
		"k:c": {"Surakarta", "surakarta", "ID"},
	})
	ids = upsert(t, entityRow{key: "k:b", typ: "ORG", name: "Komisi Pemberantasan Korupsi", norm: "komisi pemberantasan korupsi"})
	check(t, ids, map[string]want{"k:b": {"Komisi Pemberantasan Korupsi", "komisi pemberantasan korupsi", "ID"}})
	// The name index follows the new name.
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM entity_names WHERE entity_names MATCH 'pemberantasan'`).Scan(&n); err != nil || n != 1 {
		t.Errorf("entity_names finds the new name %d times (%v), want 1", n, err)
	}
}
