package bench

import (
	"context"
	"encoding/json"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/server"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
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
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(ctx, detikRecords(t, 80)); err != nil {
		t.Fatal(err)
	}
	probes, n := pickFrom(t, dir, 3)
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

// detikRecords are the records of the first n detik articles.
func detikRecords(t *testing.T, n int) [][]byte {
	t.Helper()
	var recs [][]byte
	for _, a := range shared.DetikArticles(t)[:n] {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(rec)
		recs = append(recs, b)
	}
	return recs
}

// TestOtherStore readies the probes picked from a SQLite store for a
// PostgreSQL store of the same articles, served by the real API: every
// entity page is re-addressed to the same entity there, and a store of
// another corpus is refused.
func TestOtherStore(t *testing.T) {
	ctx := context.Background()
	recs := detikRecords(t, 60)
	link := func() store.Linker {
		r, err := identity.New()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	dir := t.TempDir()
	lite, err := sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian(), Linker: link()})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pgURL := pgtest.URL(t)
	pg, err := postgres.Open(ctx, pgURL, postgres.Options{Analyzer: search.Indonesian(), Linker: link()})
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close()
	// PostgreSQL first, so that its ids differ from SQLite's.
	if _, err := pg.PutBatch(ctx, slices.Concat(recs[30:], recs[:30])); err != nil {
		t.Fatal(err)
	}
	if _, err := lite.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(server.Config{API: api.New(api.FromStore(pg, nil)), Log: slog.New(slog.DiscardHandler)}))
	defer ts.Close()

	probes, n := pickFrom(t, dir, 5)
	run := &runner{base: ts.URL, client: ts.Client()}
	o := SearchOptions{Data: dir, Store: pgURL, Log: slog.New(slog.DiscardHandler)}
	rep := &SearchReport{Store: redactURL(pgURL)}
	if _, err := otherStore(ctx, o, run, probes, n+1, rep); err == nil {
		t.Error("a store with another number of articles was taken for the same corpus")
	}
	moved, err := otherStore(ctx, o, run, probes, n, rep)
	if err != nil {
		t.Fatal(err)
	}
	if rep.DBBytes <= 0 {
		t.Errorf("database size %d", rep.DBBytes)
	}
	pages, other := 0, 0
	for _, p := range moved {
		if p.Entity == nil || p.Class != ClassEntityAPI {
			continue
		}
		pages++
		var page struct {
			Entity struct {
				ID   int64  `json:"id"`
				Name string `json:"name"`
				Type string `json:"type"`
			} `json:"entity"`
		}
		resp, err := ts.Client().Get(ts.URL + p.Path)
		if err != nil {
			t.Fatal(err)
		}
		err = json.NewDecoder(resp.Body).Decode(&page)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			t.Errorf("GET %s: %s, %v", p.Path, resp.Status, err)
			continue
		}
		if page.Entity.Name != p.Entity.name || page.Entity.Type != p.Entity.kind {
			t.Errorf("GET %s is %s %q, picked as %s %q", p.Path, page.Entity.Type, page.Entity.Name, p.Entity.kind, p.Entity.name)
		}
		if page.Entity.ID != p.Entity.id {
			other++
		}
	}
	if pages == 0 || other == 0 {
		t.Errorf("%d entity pages, %d with another id: the test shows nothing", pages, other)
	}
}

// The sequential run keeps every probe's median and its first page of
// hits, as the store gives them, so that two builds can be compared.
func TestProbeResults(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lite, err := sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := lite.PutBatch(ctx, detikRecords(t, 60)); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(server.Config{API: api.New(api.FromStore(lite, nil)), Log: slog.New(slog.DiscardHandler)}))
	defer ts.Close()
	all, _ := pickFrom(t, dir, 2)
	// The API's probes: the server here has no web pages.
	probes := slices.DeleteFunc(all, func(p Probe) bool { return !strings.HasPrefix(p.Path, "/api/") })
	run := &runner{base: ts.URL, client: ts.Client(), results: map[string]*probeSamples{}}
	run.rounds(ctx, probes, nil, 3)
	results := run.probeResults(probes)
	if run.failures > 0 || len(results) != len(probes) {
		t.Fatalf("%d results of %d probes, %d failures (%v)", len(results), len(probes), run.failures, run.firstErr)
	}
	searches := 0
	for _, r := range results {
		if r.P50 <= 0 || !strings.HasPrefix(r.Path, "/api/v1/search?") {
			continue
		}
		u, err := url.Parse(r.Path)
		if err != nil {
			t.Fatal(err)
		}
		q, err := search.Parse(u.Query().Get("q"))
		if err != nil {
			t.Fatal(err)
		}
		q.From, q.To, q.Sort = u.Query().Get("from"), u.Query().Get("to"), u.Query().Get("sort")
		res, err := lite.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for _, h := range res.Hits {
			want = append(want, h.ID)
		}
		if !slices.Equal(r.Hits, want) || r.Total != res.Total {
			t.Errorf("%s: kept %d hits %v, the store gives %d %v", r.Path, r.Total, r.Hits, res.Total, want)
		}
		searches += min(len(want), 1)
	}
	if searches == 0 {
		t.Error("no search with hits among the probes: the test shows nothing")
	}
}

// pickFrom picks perClass probes of every class from the store in dir,
// with the same seed every time, and the store's articles.
func pickFrom(t *testing.T, dir string, perClass int) ([]Probe, int) {
	t.Helper()
	ctx := context.Background()
	f, err := openStoreFile(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	probes, n, err := pickProbes(ctx, f, perClass, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	return probes, n
}

func TestCostMedians(t *testing.T) {
	s := []sample{{ms: 9}, {cost: true, cpuMS: 3, reads: 40}, {cost: true, cpuMS: 1, reads: 10}, {cost: true, cpuMS: 2, reads: 30}}
	if cpu, reads := costMedians(s); cpu != 2 || reads != 30 {
		t.Errorf("costMedians = %v, %v; want 2, 30 (the uncosted sample left out)", cpu, reads)
	}
	if cpu, reads := costMedians(s[:1]); cpu != 0 || reads != 0 {
		t.Errorf("costMedians of none costed = %v, %v; want 0, 0", cpu, reads)
	}
}

// TestUsage reads a child's use from /proc: it grows as the child works.
func TestUsage(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("no /proc here:", err)
	}
	// Busy, then reading a file through the shell's own read calls.
	cmd := exec.Command("sh", "-c", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; read x < /proc/self/status; sleep 5")
	if err := cmd.Start(); err != nil {
		t.Skip("no sh:", err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	c := &child{cmd: cmd}
	first, ok := c.usage()
	if !ok {
		t.Fatal("no usage of a running child")
	}
	var last usage
	for range 150 {
		time.Sleep(20 * time.Millisecond)
		if last, ok = c.usage(); !ok || last.cpu > first.cpu && last.reads > first.reads {
			break
		}
	}
	if !ok || last.cpu <= first.cpu || last.reads <= first.reads {
		t.Errorf("usage did not grow while the child worked and read: %+v then %+v", first, last)
	}
}

// TestFreshProbe: a Fresh probe asks for the page made anew, another not.
func TestFreshProbe(t *testing.T) {
	var got []string
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Header.Get("Cache-Control"))
	}))
	defer ts.Close()
	r := &runner{base: ts.URL, client: ts.Client()}
	for _, p := range []Probe{{Class: ClassEntityWeb, Path: "/entities/1", Fresh: true}, {Class: ClassEntityWebKept, Path: "/entities/1"}} {
		if _, err := r.get(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	if len(got) != 2 || got[0] != "no-cache" || got[1] != "" {
		t.Errorf("Cache-Control sent: %q, want no-cache for the fresh probe only", got)
	}
}
