package sqlite

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

// TestVacuum deletes most of a store's articles, which leaves their pages
// free, and checks that Vacuum gives them back and keeps the rest
// searchable.
func TestVacuum(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	var ids []int64
	for i := range 40 {
		res := put(t, s, storetest.Article{
			Title: fmt.Sprintf("Pasar Malam Kelurahan %d Dibuka", i),
			Body:  fmt.Sprintf("Pasar malam di kelurahan nomor %d dibuka kembali pekan ini. Pedagang menata lapak sejak sore.", i),
			URL:   fmt.Sprintf("https://contoh.example/pasar/%d", i), Published: "2025-09-01",
		})
		ids = append(ids, res.ID)
	}
	for _, id := range ids[:35] {
		if err := s.Delete(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	free := func() int {
		var n int
		if err := s.wdb.QueryRowContext(ctx, `PRAGMA freelist_count`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if free() == 0 {
		t.Fatal("no free pages after deleting 35 of 40 articles")
	}
	segments := func() int {
		var n int
		if err := s.wdb.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM search_index_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if segments() < 2 {
		t.Fatalf("%d full-text segments before vacuum: the test needs several to merge", segments())
	}
	before, after, err := s.Vacuum(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after >= before || free() != 0 {
		t.Errorf("vacuum: %d -> %d bytes, %d pages still free", before, after, free())
	}
	if n := segments(); n != 1 {
		t.Errorf("%d full-text segments after vacuum, want 1", n)
	}
	if res := storetest.Find(t, s, "pedagang"); res.Total != 5 {
		t.Errorf("after vacuum %d hits for pedagang, want 5", res.Total)
	}
}
