package postgres

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

// The name counts and the count of fingerprinted articles follow the keys
// as they are stored, replaced, and deleted with their article.
func TestLineageCounts(t *testing.T) {
	s := open(t, pgtest.URL(t), search.Indonesian())
	var ids []int64
	for i := range 3 {
		res, err := s.Put(ctx, []byte(fmt.Sprintf(`{"id":"r%d","source":{"url":"https://contoh.example/%d"},"title":"Berita %d","text":"Berita %d\n\nIsi berita %d.","published":"2025-10-1%d"}`, i, i, i, i, i, i)))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	for i, names := range [][]string{{"lavrov", "blinken"}, {"lavrov"}, {"lavrov", "putin"}} {
		if err := s.PutFingerprint(ctx, ids[i], []int64{int64(i)}, names, "2025-10-10"); err != nil {
			t.Fatal(err)
		}
	}
	// Stored again with other names: the counts move, the total does not.
	if err := s.PutFingerprint(ctx, ids[2], []int64{2}, []string{"putin", "biden", "putin"}, "2025-10-10"); err != nil {
		t.Fatal(err)
	}
	check := func(when string, want map[string]int, total int) {
		t.Helper()
		got, err := s.NameCounts(ctx, []string{"lavrov", "blinken", "putin", "biden"})
		if err != nil {
			t.Fatal(err)
		}
		for n, c := range want {
			if got[n] != c {
				t.Errorf("%s: %s in %d articles, want %d", when, n, got[n], c)
			}
		}
		if n, err := s.FingerprintCount(ctx); err != nil || n != total {
			t.Errorf("%s: FingerprintCount = %d, %v; want %d", when, n, err, total)
		}
	}
	check("stored", map[string]int{"lavrov": 2, "blinken": 1, "putin": 1, "biden": 1}, 3)
	if err := s.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	check("after a deletion", map[string]int{"lavrov": 1, "blinken": 0, "putin": 1, "biden": 1}, 2)
}
