package sqlite

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

func TestStatementCache(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	var arts []storetest.Article
	for i := range 40 {
		arts = append(arts, storetest.Article{
			URL:   fmt.Sprintf("https://contoh.test/berita/%d", i),
			Title: fmt.Sprintf("Banjir di Kota %d", i),
			Body:  fmt.Sprintf("Presiden Joko Widodo meninjau banjir di Kota %d pada hari Senin. \"Kami bantu,\" kata Joko Widodo.", i),
		})
	}
	put(t, s, arts[0]) // the write path's statements, prepared once
	exec0, prep0 := s.StatementCounts()
	for _, a := range arts[1:] {
		put(t, s, a)
	}
	exec1, prep1 := s.StatementCounts()
	perArticle := float64(exec1-exec0) / float64(len(arts)-1)
	if perArticle < 5 {
		t.Fatalf("%.1f statements per article: the counts miss the write path", perArticle)
	}
	// Only the transaction's BEGIN and COMMIT are compiled again.
	if compiled := float64(prep1-prep0) / float64(len(arts)-1); compiled > 3 {
		t.Errorf("%.1f of %.1f statements per article compiled again", compiled, perArticle)
	}

	// The same text on the same connection while its rows are still
	// read: a second statement, and each reads its own rows.
	const q = `SELECT id FROM articles WHERE id >= ? ORDER BY id`
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	count := func(rows interface {
		Next() bool
		Scan(...any) error
		Err() error
	}, each func(int64)) int {
		n := 0
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				t.Fatal(err)
			}
			if each != nil {
				each(id)
			}
			n++
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		return n
	}
	outer, err := tx.QueryContext(ctx, q, 1)
	if err != nil {
		t.Fatal(err)
	}
	n := count(outer, func(id int64) {
		inner, err := tx.QueryContext(ctx, q, id)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := count(inner, nil), len(arts)-int(id)+1; got != want {
			t.Fatalf("after id %d: %d rows, want %d", id, got, want)
		}
		inner.Close()
	})
	outer.Close()
	if n != len(arts) {
		t.Fatalf("outer query read %d rows, want %d", n, len(arts))
	}
}
