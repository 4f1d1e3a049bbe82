package postgres

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
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
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
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
// articles, spread over the whole range, and says so; within it, exactly.
func TestEntityTonePastTheWindow(t *testing.T) {
	defer func(w int) { toneWindow = w }(toneWindow)
	s := open(t, pgtest.URL(t), search.Indonesian())
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
	// The articles whose id is a multiple of 4: 10 read, each counting 4.
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
