package sqlite

import (
	"database/sql"
	"math"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

// TestRankIsBM25 checks that rankFunction scores every hit as FTS5's own
// bm25() with the index's weights does, for words, phrases, OR, excluded
// words and tags, and after the index changed (the document counts kept
// must follow it).
func TestRankIsBM25(t *testing.T) {
	s, _, _ := boundsStore(t)
	check := func(query string) {
		t.Helper()
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		h, err := s.hitSet(ctx, q)
		if err != nil || h.none {
			t.Fatalf("%s: %v, none %v", query, err, h.none)
		}
		call, args, err := s.rankCall(ctx, h.phrases)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.query(ctx, `SELECT rowid, `+call+`, -bm25(search_index, 4.0, 1.0, 0.0)
			FROM search_index WHERE search_index MATCH ?`, append(args, h.match)...)
		if err != nil {
			t.Fatal(err)
		}
		type pair struct{ ours, theirs float64 }
		got, err := collect(rows, func(r *sql.Rows, p *pair) error {
			var id int64
			return r.Scan(&id, &p.ours, &p.theirs)
		})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no hits", query)
		}
		for _, p := range got {
			if p.theirs <= 0 || math.Abs(p.ours-p.theirs) > 1e-12*p.theirs {
				t.Errorf("%s: score %v, bm25 %v", query, p.ours, p.theirs)
			}
		}
	}
	queries := []string{`banjir`, `banjir warga`, `"hujan deras"`, `cabai OR banjir`, `banjir -cabai`, `cabai OR banjir -kampung`,
		`entity:purbaya banjir`, `banjir from:2025-10-20 to:2025-11-02`}
	for _, q := range queries {
		check(q)
	}
	if _, err := s.Put(ctx, storetest.Record(t, storetest.Article{Title: "Banjir Lagi di Kampung",
		Body: "Banjir dan hujan deras, banjir semalam.", URL: "https://contoh.example/banjir/lagi", Published: "2025-10-25"})); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries {
		check(q)
	}
}
