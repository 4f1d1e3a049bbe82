package sqlite

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
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
	want := find(t, s, "topic:disaster").Total
	if want != 1 {
		t.Fatalf("topic:disaster: %d hits, want the flood", want)
	}
	// Back to the schema before migration 10 (and 11 and 12, which follow it).
	for _, stmt := range []string{storyArticlesDown, `DROP TABLE fingerprint_fields`, `DROP TABLE article_topics`, `DROP TABLE entity_tones`, `PRAGMA user_version = 9`} {
		if _, err := s.wdb.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.wdb.ExecContext(ctx, `SELECT 1 FROM article_topics`); err == nil {
		t.Fatal("article_topics is still there")
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	if got := find(t, s, "topic:disaster").Total; got != want {
		t.Errorf("after the migration, topic:disaster: %d hits, want %d", got, want)
	}
	var tones int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM entity_tones`).Scan(&tones); err != nil || tones == 0 {
		t.Errorf("entity tones after the migration: %d, %v", tones, err)
	}
}

// Past the window, an entity's tone is read from an even sample of its
// articles, spread over the whole range, and says so; within it, exactly.
func TestEntityTonePastTheWindow(t *testing.T) {
	defer func(w int) { toneWindow = w }(toneWindow)
	s := open(t, t.TempDir(), search.Indonesian())
	const n = 40
	var recs [][]byte
	for i := range n {
		score := float64(i%5) * 10 // 0 to 40, every value as often
		recs = append(recs, storetest.Record(t, storetest.Article{
			Title: fmt.Sprintf("Menkeu Bicara Anggaran %d", i), Body: "Purbaya menjelaskan anggaran di depan wartawan.",
			URL: fmt.Sprintf("https://contoh.example/anggaran/%d", i), Published: fmt.Sprintf("2025-10-%02d", 1+i%28),
			Extra: map[string]any{
				"entities": []any{map[string]any{"id": "E1", "name": "Purbaya", "type": "PER", "country": "ID",
					"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}, "roles": []string{}, "salience": 0.5}},
				"tone": map[string]any{"entities": []any{map[string]any{"entity": "E1", "score": score, "positive": score, "negative": 0, "sentences": 1}}},
			},
		}))
	}
	if _, err := s.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	list, err := s.Entities(ctx, store.EntityFilter{Name: "Purbaya"})
	if err != nil || len(list) != 1 {
		t.Fatalf("entities named Purbaya: %v, %v", list, err)
	}
	exact, err := s.EntityTone(ctx, list[0].ID, store.ToneFilter{By: store.ByWeek})
	if err != nil {
		t.Fatal(err)
	}
	if exact.Sampled != 0 || exact.Articles != n || exact.Score != 20 || len(exact.Periods) != 5 {
		t.Fatalf("within the window: sampled %d, %d articles, score %v, %d weeks; want exact, %d, 20, 5",
			exact.Sampled, exact.Articles, exact.Score, len(exact.Periods), n)
	}
	toneWindow = 10
	got, err := s.EntityTone(ctx, list[0].ID, store.ToneFilter{By: store.ByWeek})
	if err != nil {
		t.Fatal(err)
	}
	// Every 4th of 40 rows: 10 read, each counting 4.
	if got.Sampled != 10 || got.Articles != n || got.Score < 0 || got.Score > 40 {
		t.Errorf("past the window: sampled %d, %d articles, score %v; want 10 read, %d estimated, within 0–40", got.Sampled, got.Articles, got.Score, n)
	}
	weeks := map[string]bool{}
	for _, p := range exact.Periods {
		weeks[p.Key] = true
	}
	spread := 0
	for _, p := range got.Periods {
		if !weeks[p.Key] || p.Articles%4 != 0 {
			t.Errorf("sampled week %+v: not a week of the entity's, or not counted 4 a row", p)
		}
		spread++
	}
	if spread < 3 {
		t.Errorf("the sample covers %d of 5 weeks: not spread over the range", spread)
	}
	if len(got.MostPositive) == 0 || got.MostPositive[0].Title == "" {
		t.Errorf("most positive of the sample: %+v", got.MostPositive)
	}
}
