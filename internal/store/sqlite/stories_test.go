package sqlite

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// storyArticlesDown takes migration 12 back out.
const storyArticlesDown = `DROP INDEX relations_story; DROP TRIGGER story_articles_relation; DROP TRIGGER story_articles_version;
	DROP TRIGGER story_articles_unrelated; DROP TABLE story_articles`

// The story rows follow the relations and the articles' versions, and a
// store made before them gets them on opening.
func TestStoryArticles(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	var ids []int64
	for _, a := range []storetest.Article{
		{Title: "Gudang Pasar Terbakar", URL: "https://satu.example/a", Published: "2025-10-20", Body: "Api melalap gudang di Pasar Senen pada Senin malam."},
		{Title: "Kebakaran di Pasar Senen", URL: "https://dua.example/b", Published: "2025-10-21", Body: "Petugas memadamkan api di Pasar Senen selama tiga jam."},
		{Title: "Ekspor Kopi Naik", URL: "https://tiga.example/c", Published: "2025-10-21", Body: "Ekspor kopi Lampung naik sepuluh persen tahun ini."},
	} {
		res, err := s.Put(ctx, storetest.Record(t, a))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	if err := s.PutRelation(ctx, store.Relation{A: ids[0], B: ids[1], Kind: "same_story", Evidence: []byte(`{}`)}); err != nil {
		t.Fatal(err)
	}
	rows := func() int {
		t.Helper()
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM story_articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := rows(); n != 2 {
		t.Fatalf("%d story rows, want the two related articles", n)
	}
	// A new version renames the story its article first published.
	rec := storetest.Record(t, storetest.Article{Title: "Gudang Pasar Senen Terbakar", URL: "https://satu.example/a", Published: "2025-10-20",
		Body: "Api melalap gudang di Pasar Senen pada Senin malam. Tidak ada korban jiwa."})
	if _, err := s.Put(ctx, rec); err != nil {
		t.Fatal(err)
	}
	st, err := s.Story(ctx, ids[1])
	if err != nil || st == nil || st.Original != ids[0] || st.Title != "Gudang Pasar Senen Terbakar" {
		t.Fatalf("story after a new version: %+v, %v", st, err)
	}

	if _, err := s.wdb.ExecContext(ctx, storyArticlesDown+`; PRAGMA user_version = 11`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	if n := rows(); n != 2 {
		t.Fatalf("after the migration, %d story rows, want 2", n)
	}
	if got, err := s.Stories(ctx, store.Page{}); err != nil || len(got) != 1 || got[0].Title != "Gudang Pasar Senen Terbakar" || len(got[0].Articles) != 1 {
		t.Fatalf("stories after the migration: %+v, %v", got, err)
	}
	// An article whose last relation went is in no story.
	if err := s.Delete(ctx, ids[1]); err != nil {
		t.Fatal(err)
	}
	if n := rows(); n != 0 {
		t.Errorf("after deleting one of the two, %d story rows, want 0", n)
	}
}
