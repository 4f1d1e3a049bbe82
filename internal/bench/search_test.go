package bench

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store/sqlite"
)

func TestPercentiles(t *testing.T) {
	var s []sample
	for i := 100; i >= 1; i-- { // 1..100 ms, out of order
		s = append(s, sample{ms: float64(i), hits: i % 7})
	}
	p50, p95, p99, most, hits := percentiles(s)
	if p50 != 50 || p95 != 95 || p99 != 99 || most != 100 || hits != 3 {
		t.Errorf("percentiles = %v %v %v %v, median hits %d; want 50 95 99 100, 3", p50, p95, p99, most, hits)
	}
	if p50, p95, _, _, _ := percentiles([]sample{{ms: 7}}); p50 != 7 || p95 != 7 {
		t.Errorf("one sample: %v %v", p50, p95)
	}
}

func TestTitleQueries(t *testing.T) {
	phrases, pairs := titleQueries([]string{
		"Menkeu Purbaya Bahas Inflasi di Jakarta", // a stopword (di) between words is not a phrase
		"Banjir, 2025",
	})
	if !slices.Equal(phrases, []string{"Menkeu Purbaya"}) {
		t.Errorf("phrases %q", phrases)
	}
	if len(pairs) != 1 || pairs[0] != [2]string{"Menkeu", "Jakarta"} {
		t.Errorf("pairs %q", pairs)
	}
}

// TestPickProbes picks the queries from a store of real articles and runs
// each search probe on the store: every class is there, each probe is a
// valid search, and those made from the store's own titles find something.
func TestPickProbes(t *testing.T) {
	ctx := context.Background()
	arts := shared.DetikArticles(t)[:80]
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var recs [][]byte
	for _, a := range arts {
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rec)
		recs = append(recs, b)
	}
	if _, err := st.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	f, err := openStoreFile(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	probes, n, err := pickProbes(ctx, f, 3, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if stats, _ := st.Stats(ctx); n != stats.Articles {
		t.Errorf("%d articles, the store has %d", n, stats.Articles)
	}
	classes := map[string]int{}
	for _, p := range probes {
		classes[p.Class]++
		path, raw, _ := strings.Cut(p.Path, "?")
		if path != "/api/v1/search" {
			continue
		}
		v, err := url.ParseQuery(raw)
		if err != nil {
			t.Fatal(err)
		}
		q, err := search.FromValues(v)
		if err != nil {
			t.Errorf("%s: %v", p.Path, err)
			continue
		}
		res, err := st.Search(ctx, q)
		if err != nil {
			t.Errorf("%s: %v", p.Path, err)
			continue
		}
		switch p.Class {
		case ClassCommon, ClassMid, ClassRare, ClassPhrase, ClassTwoWords, ClassEntity, ClassSpeaker:
			if res.Total == 0 {
				t.Errorf("%s (%s) finds nothing", p.Path, p.Class)
			}
		}
	}
	for _, c := range classOrder {
		if classes[c] == 0 {
			t.Errorf("no probe of class %q", c)
		}
	}
}
