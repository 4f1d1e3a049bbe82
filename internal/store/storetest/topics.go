package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Topical is what the topics suite uses.
type Topical interface {
	store.ArticleWriter
	store.Searcher
	store.EntityReader
	store.ToneReader
}

// RunTopics checks the topic filter of Search and EntityTone.
func RunTopics(t *testing.T, open func(t *testing.T) Topical) {
	suite(t, open, []test[Topical]{{"TopicFilter", testTopicFilter}, {"EntityTone", testEntityTone}})
}

// toneArticles are three articles naming the same minister, on two days
// of one week and a day of the next, with the topics and his tone set.
var toneArticles = []struct {
	Article
	topics []string // codes, best first
	score  float64  // his tone in it
}{
	{Article{Title: "Menkeu Purbaya Paparkan APBN", URL: "https://contoh.example/apbn", Published: "2025-10-06",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa memaparkan APBN di DPR."},
		[]string{"medtop:04000000", "medtop:11000000"}, 10},
	{Article{Title: "Purbaya Dikritik soal Utang", URL: "https://lain.example/utang", Published: "2025-10-08",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa dikritik anggota DPR soal utang negara."},
		[]string{"medtop:11000000"}, -30},
	{Article{Title: "Purbaya Tinjau Pasar", URL: "https://contoh.example/pasar", Published: "2025-10-14",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa meninjau pasar di Bekasi."},
		[]string{"medtop:04000000"}, 20},
}

// toneRecord is the record of the i-th tone article, with its body
// followed by more, its topics and the minister's tone set, the analysis
// aside.
func toneRecord(t *testing.T, i int, more string, topics []string) []byte {
	t.Helper()
	a := toneArticles[i]
	a.Body += more
	var m map[string]any
	if err := json.Unmarshal(Record(t, a.Article), &m); err != nil {
		t.Fatal(err)
	}
	var list []map[string]any
	for k, code := range topics {
		list = append(list, map[string]any{"label": code, "code": code, "score": 0.6 - 0.2*float64(k)})
	}
	m["topics"] = list
	var tones []map[string]any
	for _, e := range m["entities"].([]any) {
		e := e.(map[string]any)
		if strings.HasPrefix(e["name"].(string), "Purbaya") && e["type"] == "PER" {
			tones = append(tones, map[string]any{"entity": e["id"], "name": e["name"], "score": a.score,
				"positive": max(a.score, 0), "negative": max(-a.score, 0), "polarity": max(a.score, -a.score), "sentences": 1})
		}
	}
	if len(tones) != 1 {
		t.Fatalf("%s: %d entities named Purbaya, want one", a.Title, len(tones))
	}
	m["tone"] = map[string]any{"score": a.score, "entities": tones}
	rec, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

func putToneArticles(t *testing.T, s store.ArticleWriter) []int64 {
	t.Helper()
	var ids []int64
	for i, a := range toneArticles {
		res, err := putOne(s, toneRecord(t, i, "", a.topics))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	return ids
}

func testTopicFilter(t *testing.T, s Topical) {
	ids := putToneArticles(t, s)
	hits := func(text string) []int64 {
		t.Helper()
		q, err := search.Parse(text)
		if err != nil {
			t.Fatal(err)
		}
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		return got
	}
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"topic:politics", []int64{ids[0], ids[1]}},
		{"topic:ekonomi", []int64{ids[0], ids[2]}},
		{"topic:politik topic:economy", []int64{ids[0]}},
		{"utang topic:medtop:11000000", []int64{ids[1]}},
		{"pasar topic:politics", nil},
		{"topic:sport", nil},
	} {
		if got := hits(tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.query, got, tc.want)
		}
	}
	if f, ok := s.(store.SearchInsights); ok {
		got, err := f.Facets(ctx, search.Query{Clauses: []search.Clause{{Text: "purbaya"}}}, 5)
		want := []store.FacetValue{{Value: "medtop:04000000", Label: "economy, business and finance", Count: 2},
			{Value: "medtop:11000000", Label: "politics", Count: 2}}
		if err != nil || !slices.Equal(got.Topics, want) {
			t.Errorf("topic facet: %+v, %v; want %+v", got, err, want)
		}
	}
	// A new version's topics replace the old ones.
	if _, err := putOne(s, toneRecord(t, 1, " Ia dilaporkan ke polisi.", []string{"medtop:02000000"})); err != nil {
		t.Fatal(err)
	}
	if got := hits("topic:politics"); !slices.Equal(got, ids[:1]) {
		t.Errorf("after the new version, topic:politics: %v, want %v", got, ids[:1])
	}
	if got := hits("topic:crime"); !slices.Equal(got, ids[1:2]) {
		t.Errorf("after the new version, topic:crime: %v, want %v", got, ids[1:2])
	}
}

func testEntityTone(t *testing.T, s Topical) {
	ids := putToneArticles(t, s)
	per := findEntity(t, s, "purbaya", "PER")
	days, err := s.EntityTone(ctx, per.ID, store.ToneFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if days.Articles != 3 || days.Score != 0 || days.By != store.ByDay || len(days.Periods) != 3 ||
		days.Periods[1] != (store.TonePeriod{Key: "2025-10-08", Articles: 1, Score: -30, Negative: 30}) {
		t.Errorf("by day: %+v", days)
	}
	if len(days.MostNegative) == 0 || days.MostNegative[0].ID != ids[1] || days.MostNegative[0].Score != -30 ||
		len(days.MostPositive) == 0 || days.MostPositive[0].ID != ids[2] {
		t.Errorf("most negative %+v, most positive %+v", days.MostNegative, days.MostPositive)
	}
	if len(days.Sites) != 2 || days.Sites[0] != (store.TonePeriod{Key: "contoh.example", Articles: 2, Score: 15, Positive: 15}) {
		t.Errorf("by site: %+v", days.Sites)
	}
	weeks, err := s.EntityTone(ctx, per.ID, store.ToneFilter{By: store.ByWeek, From: "2025-10-07", Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.TonePeriod{
		{Key: "2025-10-06", Articles: 1, Score: -30, Negative: 30},
		{Key: "2025-10-13", Articles: 1, Score: 20, Positive: 20},
	}
	if weeks.Articles != 2 || weeks.Score != -5 || !slices.Equal(weeks.Periods, want) || len(weeks.MostPositive) != 1 {
		t.Errorf("by week from 7 October: %+v", weeks)
	}
	for _, bad := range []store.ToneFilter{{By: "month"}, {From: "kemarin"}, {Limit: store.MaxToneLimit + 1}} {
		if _, err := s.EntityTone(ctx, per.ID, bad); !errors.Is(err, store.ErrBadFilter) {
			t.Errorf("%+v: err %v, want ErrBadFilter", bad, err)
		}
	}
	none, err := s.EntityTone(ctx, per.ID+1000, store.ToneFilter{})
	if err != nil || none.Articles != 0 || len(none.Periods) != 0 {
		t.Errorf("an entity without articles: %+v, %v", none, err)
	}
}

// RunTonePastTheWindow checks EntityTone past its window, with setWindow
// setting the store's window (store.ToneWindow): within it the tone is
// exact; past it, read from an even sample of the entity's articles,
// spread over the whole range, and said so. The store must be empty.
func RunTonePastTheWindow(t *testing.T, s Topical, setWindow func(int)) {
	t.Helper()
	ctx := context.Background()
	const n = 40
	var recs [][]byte
	for i := range n {
		score := float64(i%5) * 10 // 0 to 40, every value as often
		recs = append(recs, Record(t, Article{
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
	setWindow(10)
	got, err := s.EntityTone(ctx, list[0].ID, store.ToneFilter{By: store.ByWeek})
	if err != nil {
		t.Fatal(err)
	}
	// Every 4th of 40: 10 read, each counting 4.
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
