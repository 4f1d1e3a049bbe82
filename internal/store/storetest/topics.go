package storetest

import (
	"encoding/json"
	"errors"
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
