package sqlite

import (
	"context"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
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

// A batch's rows for the search index are written after its records'
// savepoints, in one segment; an article whose two versions come in the
// same batch has only the newer indexed, and the index stays whole.
func TestBatchIndexedOnce(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	first := storetest.Article{Title: "Banjir Rob di Pesisir", Body: "Air laut menggenangi permukiman nelayan.", URL: "https://contoh.example/rob"}
	second := first
	second.Body = "Air pasang menggenangi tambak garam."
	other := storetest.Article{Title: "Pasar Murah Digelar", Body: "Warga antre membeli beras murah.", URL: "https://contoh.example/pasar"}
	records := [][]byte{storetest.Record(t, first), storetest.Record(t, other), storetest.Record(t, second)}
	segments := func() int {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM search_index_data WHERE id > 10`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := segments()
	saw := 0
	res, err := s.PutBatchTx(ctx, records, func(ctx context.Context, tx store.LineageTx, i int, r store.PutResult) error {
		saw++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if saw != 3 || res[2].Status != store.NewVersion || res[2].ID != res[0].ID {
		t.Fatalf("results %+v, %d records observed", res, saw)
	}
	if got := segments() - before; got != 1 {
		t.Errorf("the batch wrote %d index pages, want one segment's", got)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
	for word, want := range map[string]int{"tambak": 1, "nelayan": 0, "beras": 1} {
		if got := storetest.Find(t, s, word).Total; got != want {
			t.Errorf("%q: %d hits, want %d", word, got, want)
		}
	}
}
