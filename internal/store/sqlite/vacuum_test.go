package sqlite

import (
	"fmt"
	"strings"
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

// TestOptimizeAfterBulk: Optimize merges the whole full-text index after
// a store's worth of articles, and decides so only for a tenth or more.
func TestOptimizeAfterBulk(t *testing.T) {
	defer func(n int) { mergePages = n }(mergePages)
	mergePages = 1 // a bounded merge leaves several segments
	s := open(t, t.TempDir(), search.Indonesian())
	for i := range 30 {
		// Numbered lots, each a term of its own, so that every
		// article's segment spans pages.
		var lots strings.Builder
		for j := range 300 {
			fmt.Fprintf(&lots, " Kavling %d diukur.", i*1000+j)
		}
		put(t, s, storetest.Article{
			Title: fmt.Sprintf("Jembatan Desa %d Diperbaiki", i),
			Body:  fmt.Sprintf("Jembatan desa nomor %d diperbaiki warga bersama pemerintah kecamatan.", i) + lots.String(),
			URL:   fmt.Sprintf("https://contoh.example/jembatan/%d", i), Published: "2025-09-04",
		})
	}
	var segments int
	count := func() int {
		if err := s.wdb.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM search_index_idx`).Scan(&segments); err != nil {
			t.Fatal(err)
		}
		return segments
	}
	if count() < 2 {
		t.Fatalf("%d full-text segments after 30 puts: the test needs several", segments)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	if count() != 1 {
		t.Errorf("%d full-text segments after a bulk ingest's Optimize, want 1", segments)
	}
	for _, tt := range []struct {
		written, articles int64
		whole             bool
	}{{0, 100, false}, {9, 100, false}, {10, 100, true}, {30, 30, true}, {50, 100_000, false}} {
		if got := mergeWhole(tt.written, tt.articles); got != tt.whole {
			t.Errorf("mergeWhole(%d, %d) = %v, want %v", tt.written, tt.articles, got, tt.whole)
		}
	}
}
