package postgres

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

// A database made before topics were filed gets them from its records
// when it is opened again (with the migrations after it: they are made
// again too).
func TestTopicsMigration(t *testing.T) {
	url := pgtest.URL(t)
	s := open(t, url, search.Indonesian())
	rec := storetest.Record(t, storetest.Article{Title: "Banjir Rendam Bekasi", URL: "https://contoh.example/banjir", Published: "2025-10-20",
		Body: "Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi. Bupati Ade Kuswara meninjau warga yang mengungsi."})
	if _, err := s.PutBatch(ctx, [][]byte{rec}); err != nil {
		t.Fatal(err)
	}
	count := func(s *Store, query string) int {
		t.Helper()
		return storetest.Find(t, s, query).Total
	}
	if n := count(s, "topic:disaster"); n != 1 {
		t.Fatalf("topic:disaster: %d hits, want the flood", n)
	}
	if _, err := s.pool.Exec(ctx, `DROP TABLE article_topics; DROP TABLE entity_tones; DELETE FROM schema_migrations WHERE version >= 8`); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, url, search.Indonesian())
	if n := count(s, "topic:disaster"); n != 1 {
		t.Errorf("after the migration, topic:disaster: %d hits, want 1", n)
	}
	var tones int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM entity_tones`).Scan(&tones); err != nil || tones == 0 {
		t.Errorf("entity tones after the migration: %d, %v", tones, err)
	}
}

// Past the window, an entity's tone is read from an even sample of its
// articles (those whose id is a multiple of k), spread over the whole
// range, and says so; within it, exactly.
func TestEntityTonePastTheWindow(t *testing.T) {
	defer func(w int) { toneWindow = w }(toneWindow)
	storetest.RunTonePastTheWindow(t, open(t, pgtest.URL(t), search.Indonesian()), func(w int) { toneWindow = w })
}
