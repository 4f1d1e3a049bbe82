package storetest

import (
	"testing"

	"github.com/warta-news/warta/internal/store"
)

// StoryRows checks a store's story rows (what listings read of each
// related article: its headline, site and day): they follow the relations
// and the articles' versions; a store made before them gets them on
// opening (remigrate takes their migration back out and opens the store
// again); an article whose last relation went is in none. rows counts
// them.
func StoryRows(t *testing.T, s LineageStore, rows func(LineageStore) int, remigrate func(LineageStore) LineageStore) {
	t.Helper()
	var ids []int64
	for _, a := range []Article{
		{Title: "Gudang Pasar Terbakar", URL: "https://satu.example/a", Published: "2025-10-20", Body: "Api melalap gudang di Pasar Senen pada Senin malam."},
		{Title: "Kebakaran di Pasar Senen", URL: "https://dua.example/b", Published: "2025-10-21", Body: "Petugas memadamkan api di Pasar Senen selama tiga jam."},
		{Title: "Ekspor Kopi Naik", URL: "https://tiga.example/c", Published: "2025-10-21", Body: "Ekspor kopi Lampung naik sepuluh persen tahun ini."},
	} {
		ids = append(ids, put(t, s, a).ID)
	}
	if err := s.PutRelation(ctx, store.Relation{A: ids[0], B: ids[1], Kind: "same_story", Evidence: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	if n := rows(s); n != 2 {
		t.Fatalf("%d story rows, want the two related articles", n)
	}
	// A new version renames the story its article first published.
	put(t, s, Article{Title: "Gudang Pasar Senen Terbakar", URL: "https://satu.example/a", Published: "2025-10-20",
		Body: "Api melalap gudang di Pasar Senen pada Senin malam. Tidak ada korban jiwa."})
	st, err := s.Story(ctx, ids[1])
	if err != nil || st == nil || st.Original != ids[0] || st.Title != "Gudang Pasar Senen Terbakar" {
		t.Fatalf("story after a new version: %+v, %v", st, err)
	}

	s = remigrate(s)
	if n := rows(s); n != 2 {
		t.Fatalf("after the migration, %d story rows, want 2", n)
	}
	if got, err := s.Stories(ctx, store.Page{}); err != nil || len(got) != 1 || got[0].Title != "Gudang Pasar Senen Terbakar" || len(got[0].Articles) != 1 {
		t.Fatalf("stories after the migration: %+v, %v", got, err)
	}
	// An article whose last relation went is in no story.
	if err := s.Delete(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if n := rows(s); n != 0 {
		t.Errorf("after deleting one of the two, %d story rows, want 0", n)
	}
}
