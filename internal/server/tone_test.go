package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// putTopical stores two articles about one minister, each with its topics
// and his tone in it set.
func putTopical(t *testing.T, st store.Store) {
	t.Helper()
	per := map[string]any{"id": "E1", "name": "Purbaya Yudhi Sadewa", "type": "PER", "country": "ID",
		"mentions": []any{map[string]any{"text": "Purbaya", "start": 0, "end": 7}}}
	tone := func(score float64) map[string]any {
		return map[string]any{"score": score, "entities": []any{map[string]any{"entity": "E1", "name": "Purbaya Yudhi Sadewa",
			"score": score, "positive": max(score, 0), "negative": max(-score, 0), "sentences": 2}}}
	}
	topics := func(codes ...string) []any {
		var out []any
		for _, c := range codes {
			out = append(out, map[string]any{"label": c, "code": c, "score": 0.5})
		}
		return out
	}
	for i, a := range []storetest.Article{
		{Title: "Purbaya Dikritik soal Utang", Body: "Purbaya dikritik anggota DPR soal utang.", URL: "https://contoh.example/1", Published: "2025-10-06",
			Extra: map[string]any{"entities": []any{per}, "tone": tone(-40), "topics": topics("medtop:11000000", "medtop:04000000")}},
		{Title: "Purbaya Dipuji Investor", Body: "Purbaya dipuji investor karena rupiah menguat.", URL: "https://lain.example/2", Published: "2025-10-15",
			Extra: map[string]any{"entities": []any{per}, "tone": tone(30), "topics": topics("medtop:04000000")}},
	} {
		if _, err := st.Put(context.Background(), storetest.Record(t, a)); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
}

func TestTopicsAndToneAPI(t *testing.T) {
	ts, st := newServer(t, options{})
	putTopical(t, st)
	var hits searchPage
	for _, tc := range []struct {
		query string
		total int
	}{
		{"topic=politics", 1}, {"topic=ekonomi", 2}, {"topic=ekonomi&topic=politik", 1},
		{"q=" + url.QueryEscape("topic:medtop:04000000 investor"), 1}, {"topic=sport", 0},
	} {
		if resp := call(t, "GET", ts.URL+"/api/v1/search?"+tc.query, "", "", &hits); resp.StatusCode != 200 || hits.Total != tc.total {
			t.Errorf("search?%s: %d, %d hits, want %d", tc.query, resp.StatusCode, hits.Total, tc.total)
		}
	}
	var e errorBody
	if resp := call(t, "GET", ts.URL+"/api/v1/search?topic=hukum", "", "", &e); resp.StatusCode != 400 || !strings.Contains(e.Error.Message, "IPTC") {
		t.Errorf("unknown topic: %d %+v", resp.StatusCode, e)
	}
	var f store.Facets
	call(t, "GET", ts.URL+"/api/v1/search/facets?q=purbaya", "", "", &f)
	want := []store.FacetValue{{Value: "medtop:04000000", Label: "economy, business and finance", Count: 2}, {Value: "medtop:11000000", Label: "politics", Count: 1}}
	if fmt.Sprint(f.Topics) != fmt.Sprint(want) {
		t.Errorf("topic facet %+v, want %+v", f.Topics, want)
	}

	var ents list[store.Entity]
	call(t, "GET", ts.URL+"/api/v1/entities?type=PER", "", "", &ents)
	if len(ents.Items) != 1 {
		t.Fatalf("PER entities: %+v", ents)
	}
	id := ents.Items[0].ID
	var tone store.EntityTone
	if resp := call(t, "GET", fmt.Sprintf("%s/api/v1/entities/%d/tone?by=week", ts.URL, id), "", "", &tone); resp.StatusCode != 200 {
		t.Fatalf("tone: %d", resp.StatusCode)
	}
	if tone.Articles != 2 || tone.Score != -5 || len(tone.Periods) != 2 || tone.Periods[1].Key != "2025-10-13" ||
		len(tone.MostNegative) != 2 || tone.MostNegative[0].Title != "Purbaya Dikritik soal Utang" || len(tone.Sites) != 2 {
		t.Errorf("tone by week: %+v", tone)
	}
	for path, status := range map[string]int{
		fmt.Sprintf("/api/v1/entities/%d/tone?by=month", id):     400,
		fmt.Sprintf("/api/v1/entities/%d/tone?from=kemarin", id): 400,
		fmt.Sprintf("/api/v1/entities/%d/tone?limit=0", id):      400,
		fmt.Sprintf("/api/v1/entities/%d/tone?sort=score", id):   400,
		fmt.Sprintf("/api/v1/entities/%d/tone", id+100):          404,
	} {
		if resp := call(t, "GET", ts.URL+path, "", "", &e); resp.StatusCode != status {
			t.Errorf("%s: %d, want %d", path, resp.StatusCode, status)
		}
	}
}

func TestTopicsAndTonePages(t *testing.T) {
	ts, st := newServer(t, options{})
	putTopical(t, st)
	get := func(path string) (int, string) {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	checkPages(t, get, []pageCase{
		{"/search?q=purbaya", 200, []string{`data-topic="medtop:04000000">ekonomi, bisnis dan keuangan</a> <span class="meta">2</span>`,
			`href="/search?q=purbaya&amp;topic=medtop%3A11000000"`}, nil},
		{"/search?q=purbaya&lang=en", 200, []string{`>economy, business and finance</a>`}, nil},
		{"/search?q=purbaya&topic=politik", 200, []string{"1 hasil", "Dikritik"}, []string{"Dipuji Investor</a>"}},
		{"/search?q=topic:hukum", 400, []string{`class="error"`, "IPTC"}, nil},
		{"/entities/1", 200, []string{"Nada pemberitaan", `data-tone-score="-5"`, "Artikel paling negatif", "contoh.example", "2025-10-13", `<span class="meta">-40`}, nil},
		{"/entities/1?tone_by=day&tone_from=2025-10-10", 200, []string{`data-tone-score="30"`, "2025-10-15"}, []string{`<span class="meta">-40`}},
		{"/entities/1?tone_by=month", 400, nil, nil},
	})
}
