package sqlite

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

// A store made before topics were filed gets them from its records when
// it is opened again.
func TestTopicsMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	rec := storetest.Record(t, storetest.Article{Title: "Banjir Rendam Bekasi", URL: "https://contoh.example/banjir", Published: "2025-10-20",
		Body: "Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi. Bupati Ade Kuswara meninjau warga yang mengungsi."})
	if _, err := s.Put(ctx, rec); err != nil {
		t.Fatal(err)
	}
	want := storetest.Find(t, s, "topic:disaster").Total
	if want != 1 {
		t.Fatalf("topic:disaster: %d hits, want the flood", want)
	}
	// Back to the schema before migration 10 (and 11 and 12, which follow
	// it), the tones migration 21 moved into article_entities emptied.
	for _, stmt := range []string{storyArticlesDown, `DROP TABLE fingerprint_fields`, `DROP TABLE article_topics`,
		`UPDATE article_entities SET tone_score = NULL, tone_positive = NULL, tone_negative = NULL, tone_sentences = NULL`, `PRAGMA user_version = 9`} {
		if _, err := s.wdb.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.wdb.ExecContext(ctx, `SELECT 1 FROM article_topics`); err == nil {
		t.Fatal("article_topics is still there")
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	if got := storetest.Find(t, s, "topic:disaster").Total; got != want {
		t.Errorf("after the migration, topic:disaster: %d hits, want %d", got, want)
	}
	var tones int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_entities WHERE tone_sentences > 0`).Scan(&tones); err != nil || tones == 0 {
		t.Errorf("entity tones after the migration: %d, %v", tones, err)
	}
}

// Past the window, an entity's tone is read from an even sample of its
// articles, spread over the whole range, and says so; within it, exactly.
func TestEntityTonePastTheWindow(t *testing.T) {
	defer func(w int) { toneWindow = w }(toneWindow)
	storetest.RunTonePastTheWindow(t, open(t, t.TempDir(), search.Indonesian()), func(w int) { toneWindow = w })
}
