package sqlite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// boundsStore holds 30 articles about a flood, one a day from 2025-10-17
// to 2025-11-15, stored in a shuffled order so that version ids do not
// follow the dates; every third mentions Purbaya Yudhi Sadewa and quotes
// him, and every fifth quotes a speaker no entity stands for. Ten more
// articles are about something else.
func boundsStore(t *testing.T) (s *Store, days map[int64]string, purbaya []int64) {
	t.Helper()
	s = open(t, t.TempDir(), search.Indonesian())
	days = map[int64]string{}
	order := []int{7, 21, 3, 14, 28, 0, 11, 25, 18, 5, 29, 9, 16, 1, 23, 12, 27, 6, 19, 2, 24, 10, 15, 26, 4, 20, 13, 8, 22, 17}
	var recs [][]byte
	for _, i := range order {
		day := fmt.Sprintf("2025-%s", dayOf(i))
		extra := map[string]any{}
		var entities, quotes []any
		if i%3 == 0 {
			entities = append(entities, map[string]any{"id": "E1", "name": "Purbaya Yudhi Sadewa", "type": "PER", "country": "ID",
				"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}, "roles": []string{}, "salience": 0.3})
			quotes = append(quotes, map[string]any{"text": "Kami siapkan dana darurat.", "start": 1, "end": 27, "kind": "direct",
				"speaker": "E1", "speaker_name": "Purbaya Yudhi Sadewa", "cue": "kata"})
		}
		if i%5 == 0 {
			quotes = append(quotes, map[string]any{"text": "Air naik cepat sekali.", "start": 30, "end": 52, "kind": "direct",
				"speaker": nil, "speaker_name": "Sutrisno", "cue": "ujar"})
		}
		if entities != nil {
			extra["entities"] = entities
		}
		if quotes != nil {
			extra["quotes"] = quotes
		}
		recs = append(recs, storetest.Record(t, storetest.Article{
			Title:     fmt.Sprintf("Banjir Melanda Kampung %d", i),
			Body:      fmt.Sprintf("Banjir kembali melanda kampung nomor %d setelah hujan deras semalam. Warga mengungsi.", i),
			URL:       fmt.Sprintf("https://contoh.example/banjir/%d", i),
			Published: day,
			Extra:     extra,
		}))
	}
	for i := range 10 {
		recs = append(recs, storetest.Record(t, storetest.Article{
			Title: fmt.Sprintf("Harga Cabai Naik Lagi %d", i), Body: "Harga cabai di pasar naik karena pasokan berkurang.",
			URL: fmt.Sprintf("https://contoh.example/cabai/%d", i), Published: "2025-10-20",
		}))
	}
	res, err := s.PutBatch(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	for n, r := range res[:30] {
		i := order[n]
		days[r.ID] = "2025-" + dayOf(i)
		if i%3 == 0 {
			purbaya = append(purbaya, r.ID)
		}
	}
	for _, r := range res[30:] {
		days[r.ID] = "2025-10-20"
	}
	return s, days, purbaya
}

// dayOf is the i-th day from 10-17: 10-17 ... 10-31, 11-01 ... 11-15.
func dayOf(i int) string {
	if i < 15 {
		return fmt.Sprintf("10-%02d", 17+i)
	}
	return fmt.Sprintf("11-%02d", i-14)
}

// allPages pages through a search, limit hits at a time, and returns the
// hit ids in order and the first page's results.
func allPages(t *testing.T, s *Store, query, sort string, limit int) ([]int64, *search.Results) {
	t.Helper()
	var ids []int64
	var first *search.Results
	for offset := 0; offset < 200; offset += limit {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		q.Sort, q.Limit, q.Offset = sort, limit, offset
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%q offset %d: %v", query, offset, err)
		}
		if first == nil {
			first = res
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		if len(res.Hits) < limit {
			break
		}
	}
	return ids, first
}

func TestSearchPastTheBounds(t *testing.T) {
	defer func(c, r int, l float64) { countBound, rankWindow, lookupCost = c, r, l }(countBound, rankWindow, lookupCost)
	s, days, purbaya := boundsStore(t)
	countBound, rankWindow = 10, 4

	tests := []struct {
		query string
		want  int // hits
	}{
		{"banjir", 30},
		{"entity:purbaya", 10},
		{"entity:purbaya banjir", 10},
		{"speaker:sutrisno", 6},
		{"speaker:purbaya banjir", 10},
		{"from:2025-10-17 to:2025-11-15", 40},
		{"banjir from:2025-11", 15},
		{"entity:purbaya to:2025-10", 5},
	}
	// By date, hits looked up in a set of them, and (no cost) in the index.
	for _, cost := range []float64{lookupCost, 0} {
		lookupCost = cost
		for _, tt := range tests {
			for _, sort := range []string{search.ByRelevance, search.ByDate} {
				t.Run(fmt.Sprintf("%s by %s, look-ups cost %v", tt.query, sort, lookupCost), func(t *testing.T) {
					ids, first := allPages(t, s, tt.query, sort, 3)
					if len(ids) != tt.want {
						t.Errorf("%d hits over the pages, want %d", len(ids), tt.want)
					}
					seen := map[int64]bool{}
					for _, id := range ids {
						if seen[id] {
							t.Errorf("article %d on two pages", id)
						}
						seen[id] = true
					}
					// Past the bound the total is an estimate, and says so; it
					// is about right: the hits spread evenly here.
					if first.Estimated != (tt.want > countBound) {
						t.Errorf("total %d, estimate %v, with %d hits and the bound at %d", first.Total, first.Estimated, tt.want, countBound)
					}
					if first.Total < tt.want/2 || first.Total > 2*tt.want {
						t.Errorf("total %d for %d hits", first.Total, tt.want)
					}
					if sort == search.ByDate {
						for i := 1; i < len(ids); i++ {
							if days[ids[i]] > days[ids[i-1]] {
								t.Errorf("by date: %s after %s", days[ids[i]], days[ids[i-1]])
							}
						}
					}
				})
			}
		}
	}

	// Within the bounds the counts are exact and relevance ranks them all.
	countBound, rankWindow = 1000, 500
	if res := storetest.Find(t, s, "entity:purbaya banjir"); res.Total != 10 || res.Estimated {
		t.Errorf("entity and word: total %d, estimate %v; want 10, exact", res.Total, res.Estimated)
	}
	ids, _ := allPages(t, s, "entity:purbaya", search.ByDate, 100)
	want := slices.Clone(purbaya)
	slices.SortFunc(want, func(a, b int64) int { return -compareDays(days[a], days[b]) })
	if !slices.Equal(ids, want) {
		t.Errorf("entity:purbaya by date = %v, want %v", ids, want)
	}
}

func compareDays(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// TestDateBounds checks that to: takes the whole of its period and nothing
// after it, and from: starts on its first day.
func TestDateBounds(t *testing.T) {
	s, _, _ := boundsStore(t)
	for _, tt := range []struct {
		query string
		want  int
	}{
		{"banjir to:2025-10", 15},
		{"banjir to:2025-10-31", 15},
		{"banjir to:2025-10-30", 14},
		{"banjir from:2025-11-01", 15},
		{"banjir from:2025-10-31 to:2025-11-01", 2},
		{"to:2025", 40},
		{"from:2025-11-15 to:2025-11-15", 1},
		{"from:2025-11-16", 0},
	} {
		if res := storetest.Find(t, s, tt.query); res.Total != tt.want || len(res.Hits) != min(tt.want, search.DefaultLimit) {
			t.Errorf("%q: total %d, %d hits; want %d", tt.query, res.Total, len(res.Hits), tt.want)
		}
	}
}

// TestFacetsPastTheBound counts the facets over the newest facetWindow
// hits only, and says so; under the bound, over every hit.
func TestFacetsPastTheBound(t *testing.T) {
	defer func(w int) { facetWindow = w }(facetWindow)
	s, _, _ := boundsStore(t)
	q, err := search.Parse("banjir")
	if err != nil {
		t.Fatal(err)
	}
	count := func(name string, list []store.EntityCount) int {
		for _, e := range list {
			if e.Name == name {
				return e.Count
			}
		}
		return 0
	}
	f, err := s.Facets(ctx, q, 10)
	if err != nil {
		t.Fatal(err)
	}
	// Every third of the 30 articles mentions and quotes Purbaya.
	if f.Sampled != 0 || count("Purbaya Yudhi Sadewa", f.Entities) != 10 || count("Purbaya Yudhi Sadewa", f.Speakers) != 10 {
		t.Errorf("all hits: sampled %d, entities %+v, speakers %+v", f.Sampled, f.Entities, f.Speakers)
	}
	// The six stored last (4, 20, 13, 8, 22, 17) do not mention him.
	facetWindow = 6
	if f, err = s.Facets(ctx, q, 10); err != nil {
		t.Fatal(err)
	}
	sites := 0
	for _, v := range f.Sites {
		sites += v.Count
	}
	if f.Sampled != 6 || sites != 6 || len(f.Entities) != 0 || len(f.Speakers) != 0 {
		t.Errorf("newest 6: sampled %d, sites %+v, entities %+v, speakers %+v", f.Sampled, f.Sites, f.Entities, f.Speakers)
	}
}

func TestRecordText(t *testing.T) {
	for _, c := range []struct {
		doc, want string
		bad       bool
	}{
		{doc: `{"id":"x","paragraphs":["a \"}\" b",{"k":[1,2]}],"text":"Judul\n\nIsi \u00e9 \"kutip\"","entities":[}`, want: "Judul\n\nIsi é \"kutip\""},
		{doc: ` { "te\u0078t" : "escaped key" , "text": "second" }`, want: "escaped key"},
		{doc: `{"title":"t","n":-1.5e3,"ok":true,"none":null}`, want: ""},
		{doc: `{}`, want: ""},
		{doc: `{"text":null}`, want: ""},
		{doc: `{"title":"cut`, bad: true},
		{doc: `["text"]`, bad: true},
		{doc: `{"text" "x"}`, bad: true},
		{doc: `{"a":1 "text":"x"}`, bad: true},
		{doc: `{"text":7}`, bad: true},
	} {
		got, err := recordText([]byte(c.doc))
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("recordText(%s) = %q, %v; want %q, bad %v", c.doc, got, err, c.want, c.bad)
		}
	}
}

// FuzzRecordText checks recordText against encoding/json on any object
// that encoding/json reads: the same text, and no panic on anything else.
func FuzzRecordText(f *testing.F) {
	f.Add([]byte(`{"id":"x","paragraphs":["a"],"text":"Judul\n\nIsi","entities":[{"id":"E1"}]}`))
	f.Add([]byte(`{"a":{"b":["}",1]},"text":"x"}`))
	f.Add([]byte(`{"te\u0078t":"y"}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		got, err := recordText(doc)
		var want map[string]json.RawMessage
		if json.Unmarshal(doc, &want) != nil {
			return
		}
		raw, ok := want["text"]
		var text string
		if ok && json.Unmarshal(raw, &text) != nil {
			if err == nil {
				t.Fatalf("recordText(%q) = %q, want an error: text is %s", doc, got, raw)
			}
			return
		}
		// encoding/json keeps a repeated member's last value, recordText
		// its first: compare only where there is one.
		if bytes.Count(doc, []byte(`"text"`)) > 1 || bytes.Contains(doc, []byte(`\u`)) {
			return
		}
		if err != nil || got != text {
			t.Fatalf("recordText(%q) = %q, %v; want %q", doc, got, err, text)
		}
	})
}
