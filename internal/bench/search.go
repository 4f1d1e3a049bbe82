package bench

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"time"
)

// SearchOptions say what the search benchmark runs, against which store.
type SearchOptions struct {
	// Data is the data directory of the SQLite store to search, and the
	// store the queries are picked from.
	Data string
	// Store, when set, is the URL of a PostgreSQL store of the same corpus
	// that the server searches instead (warta serve --store); the queries
	// are still picked from Data, so that both stores answer the same.
	Store string
	// Server is the warta binary that serves it (warta serve) and ingests
	// during the concurrent run; it may be an older build, to compare.
	Server string
	// PerClass is how many queries each class has; Rounds how many times
	// each is run (after one warm-up round, not counted).
	PerClass, Rounds int
	// Clients is how many clients search at once in the concurrent run
	// (0: no such run).
	Clients int
	// Ingest is a corpus (JSON Lines) that warta ingest writes into a copy
	// of the store while the queries run again ("" : no such run).
	Ingest string
	// Peer builds a raw FTS5 table over the same documents, with the same
	// tokenizer, and runs the text classes against it in the same rounds.
	Peer bool
	Seed uint64
	Log  *slog.Logger
}

// Query classes, in the order they are reported.
const (
	ClassCommon     = "word, common"
	ClassMid        = "word, mid"
	ClassRare       = "word, rare"
	ClassByDate     = "word, common, by date"
	ClassPhrase     = "phrase"
	ClassTwoWords   = "two words"
	ClassOrExclude  = "OR and exclusion"
	ClassEntity     = "entity filter"
	ClassSpeaker    = "speaker filter"
	ClassEntityWord = "entity and a word"
	ClassDateRange  = "word in a date range"
	ClassDatesOnly  = "date range only"
	ClassEntityAPI  = "page: /api/v1/entities/{id}"
	ClassQuotesAPI  = "page: quotes by speaker"
	ClassEntityWeb  = "page: /entities/{id} first view (no-cache)"
	// ClassEntityWebKept is the same page asked for again, which the
	// server may answer from what it kept for it; ClassEntityWeb asks
	// with Cache-Control: no-cache, so that it times the page made anew.
	ClassEntityWebKept = "page: /entities/{id} shown again (kept)"
	ClassEntityArtAP   = "page: /api/v1/entities/{id}/articles"
	ClassSearchWeb     = "page: /search?q=common (facets, chart)"
)

// Probe is one request of the benchmark: a path on the server and, for
// the text classes, the same query as an FTS5 expression for the peer.
type Probe struct {
	Class string
	Path  string // with its query string
	FTS5  string // "" when the peer cannot answer it
	// Entity is the entity a page's path names by its id in Data; another
	// store gives it another id, found by its name and type.
	Entity *named
	// Fresh asks for the page made anew (Cache-Control: no-cache), not
	// what the server kept of it: first views, every time.
	Fresh bool
}

// ClassStats are the latencies of one class, in milliseconds: nearest-rank
// percentiles over all N requests of the class (every probe of every
// round), not over the probes' medians (ProbeResult.P50).
type ClassStats struct {
	Class         string  `json:"class"`
	N             int     `json:"n"`
	P50           float64 `json:"p50_ms"`
	P95           float64 `json:"p95_ms"`
	P99           float64 `json:"p99_ms"`
	Max           float64 `json:"max_ms"`
	MedianHits    int     `json:"median_hits,omitempty"`
	Estimated     int     `json:"estimated_totals,omitempty"` // answers whose total was an estimate
	Failed        int     `json:"failed,omitempty"`           // answers that were errors
	PeerN         int     `json:"peer_n,omitempty"`
	PeerP50       float64 `json:"peer_p50_ms,omitempty"`
	PeerP95       float64 `json:"peer_p95_ms,omitempty"`
	PeerP99       float64 `json:"peer_p99_ms,omitempty"`
	PeerMedianHit int     `json:"peer_median_hits,omitempty"`
	// ServerCPU and ServerReads are the median CPU time the server spent
	// on one request of the class (all its threads, from /proc) and its
	// read calls meanwhile (the database's pages the operating system gave
	// it, and the request's own socket reads): steadier than the latency
	// on a loaded machine. Sequential runs only; 0 where /proc has them not.
	ServerCPU   float64 `json:"server_cpu_p50_ms,omitempty"`
	ServerReads float64 `json:"server_reads_p50,omitempty"`
}

// SearchReport is what the benchmark measured.
type SearchReport struct {
	Server     string       `json:"server"`
	Store      string       `json:"store,omitempty"` // the PostgreSQL store searched, without its password
	Articles   int          `json:"articles"`
	DBBytes    int64        `json:"db_bytes"`
	PeerBuild  float64      `json:"peer_build_s,omitempty"`
	PeerBytes  int64        `json:"peer_bytes,omitempty"`
	Sequential []ClassStats `json:"sequential"`
	// Warmup is the round before, each probe's first request on the
	// server: caches cold, nothing kept yet.
	Warmup []ClassStats `json:"warmup,omitempty"`
	// PeakRSS is the server's peak resident memory (VmHWM) after the
	// sequential and concurrent-client runs, in bytes; 0 where /proc has
	// no such line.
	PeakRSS    int64        `json:"server_peak_rss"`
	Clients    int          `json:"clients,omitempty"`
	Concurrent []ClassStats `json:"concurrent,omitempty"`
	// DuringIngest are the sequential classes again while warta ingest
	// writes IngestArticles into a copy of the store.
	DuringIngest   []ClassStats `json:"during_ingest,omitempty"`
	IngestArticles int          `json:"ingest_articles,omitempty"`
	Failures       int          `json:"failures"`
	// Probes are the sequential run's answers one by one: to find the slow
	// ones, and to check that two builds give the same hits.
	Probes []ProbeResult `json:"probes,omitempty"`
}

// ProbeResult is one probe of the sequential run: its median time, and
// for a search its total and the ids of its first page of hits.
type ProbeResult struct {
	Class     string  `json:"class"`
	Path      string  `json:"path"`
	P50       float64 `json:"p50_ms"`
	Total     int     `json:"total,omitempty"`
	Estimated bool    `json:"estimated,omitempty"`
	Hits      []int64 `json:"hits,omitempty"`
}

// RunSearch picks the queries from the store, starts the server, and
// measures every class sequentially, then with concurrent clients, then
// while an ingest writes.
func RunSearch(ctx context.Context, o SearchOptions) (*SearchReport, error) {
	if o.Log == nil {
		o.Log = slog.Default()
	}
	o.PerClass, o.Rounds = cmp.Or(o.PerClass, 10), cmp.Or(o.Rounds, 5)
	if o.Store != "" && o.Ingest != "" {
		return nil, errors.New("bench search: --ingest writes into a copy of a SQLite store; it cannot run against --store")
	}
	rep := &SearchReport{Server: o.Server, Store: redactURL(o.Store)}
	src, err := openStoreFile(ctx, o.Data)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	if st, err := os.Stat(src.path); err == nil && o.Store == "" {
		rep.DBBytes = st.Size()
	}
	probes, articles, err := pickProbes(ctx, src, o.PerClass, rand.New(rand.NewPCG(o.Seed, 20)))
	if err != nil {
		return nil, err
	}
	rep.Articles = articles
	o.Log.Info("queries picked", "classes", len(classOrder), "probes", len(probes), "articles", articles)

	var peer *ftsPeer
	if o.Peer {
		tmp, err := os.MkdirTemp("", "warta-bench-peer-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		start := time.Now()
		if peer, err = buildPeer(ctx, src, tmp); err != nil {
			return nil, err
		}
		defer peer.Close()
		rep.PeerBuild = time.Since(start).Seconds()
		rep.PeerBytes = peer.size()
		o.Log.Info("peer built", "seconds", rep.PeerBuild, "bytes", rep.PeerBytes)
	}
	src.Close()

	srv, err := startServer(ctx, o.Server, o.Data, o.Store, o.Log)
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	run := &runner{base: srv.base, client: &http.Client{Timeout: time.Minute}, server: srv.usage}
	if o.Store != "" {
		if probes, err = otherStore(ctx, o, run, probes, articles, rep); err != nil {
			return nil, err
		}
	}
	// The warm-up fills the page caches, the prepared statements and the
	// pages the server keeps: its times are the first views'.
	rep.Warmup = run.rounds(ctx, probes, nil, 1)
	run.results = map[string]*probeSamples{}
	rep.Sequential = run.rounds(ctx, probes, peer, o.Rounds)
	rep.Probes = run.probeResults(probes)
	run.results = nil
	o.Log.Info("sequential run done")
	if o.Clients > 1 {
		rep.Clients = o.Clients
		rep.Concurrent = run.concurrent(ctx, probes, o.Clients, o.Rounds)
		o.Log.Info("concurrent run done", "clients", o.Clients)
	}
	rep.PeakRSS = srv.peakRSS()
	srv.stop()

	if o.Ingest != "" {
		during, n, err := duringIngest(ctx, o, probes, run)
		if err != nil {
			return nil, err
		}
		rep.DuringIngest, rep.IngestArticles = during, n
		o.Log.Info("run during ingest done", "ingested", n)
	}
	rep.Failures = run.failures
	if run.failures > 0 {
		return rep, fmt.Errorf("%d requests failed, first: %v", run.failures, run.firstErr)
	}
	return rep, nil
}

// runner sends probes to one server.
type runner struct {
	base     string
	client   *http.Client
	mu       sync.Mutex
	failures int
	firstErr error
	// results, when set, keeps each probe's answers by path.
	results map[string]*probeSamples
	// server, when set, reads the server's CPU time and read calls so
	// far, for each sequential request's cost.
	server func() (usage, bool)
}

// probeSamples are one probe's times, and its last answer.
type probeSamples struct {
	ms   []float64
	last sample
}

// sample is one answer; a failed one (an error or a status other than
// 200) still counts with the time it took.
type sample struct {
	ms        float64
	hits      int
	estimated bool
	failed    bool
	ids       []int64 // a search's first page of hits
	// cost says whether the server's use was read around the request:
	// cpuMS of CPU time, reads read calls.
	cost         bool
	cpuMS, reads float64
}

// get sends one probe and times it, reading the whole answer.
func (r *runner) get(ctx context.Context, p Probe) (sample, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.base+p.Path, nil)
	if err != nil {
		return sample{}, err
	}
	if p.Fresh {
		req.Header.Set("Cache-Control", "no-cache")
	}
	start := time.Now()
	resp, err := r.client.Do(req)
	if err != nil {
		return sample{ms: float64(time.Since(start).Microseconds()) / 1000}, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	s := sample{ms: float64(time.Since(start).Microseconds()) / 1000}
	if err != nil {
		return s, err
	}
	if resp.StatusCode != http.StatusOK {
		return s, fmt.Errorf("GET %s: %s: %.200s", p.Path, resp.Status, body)
	}
	if strings.HasPrefix(p.Path, "/api/v1/search") {
		var res struct {
			Total    int  `json:"total"`
			Estimate bool `json:"estimated"`
			Hits     []struct {
				ID int64 `json:"id"`
			} `json:"hits"`
		}
		if err := json.Unmarshal(body, &res); err != nil {
			return s, fmt.Errorf("GET %s: %w", p.Path, err)
		}
		s.hits, s.estimated = res.Total, res.Estimate
		for _, h := range res.Hits {
			s.ids = append(s.ids, h.ID)
		}
	}
	return s, nil
}

func (r *runner) fail(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.failures == 0 {
		r.firstErr = err
	}
	r.failures++
}

// rounds runs every probe n times in turn, and its peer query right after
// it, so that both see the same moment of a noisy machine.
func (r *runner) rounds(ctx context.Context, probes []Probe, peer *ftsPeer, n int) []ClassStats {
	warta, other := map[string][]sample{}, map[string][]sample{}
	for range n {
		for _, p := range probes {
			if ctx.Err() != nil {
				return nil
			}
			var before usage
			costed := false
			if r.server != nil {
				before, costed = r.server()
			}
			s, err := r.get(ctx, p)
			if err != nil {
				r.fail(err)
				s.failed = true
			}
			if costed {
				if after, ok := r.server(); ok {
					s.cost, s.cpuMS, s.reads = true, float64(after.cpu-before.cpu)/1e6, float64(after.reads-before.reads)
				}
			}
			warta[p.Class] = append(warta[p.Class], s)
			if r.results != nil {
				ps := r.results[p.Class+"\x00"+p.Path]
				if ps == nil {
					ps = &probeSamples{}
					r.results[p.Class+"\x00"+p.Path] = ps
				}
				ps.ms, ps.last = append(ps.ms, s.ms), s
			}
			if peer != nil && p.FTS5 != "" {
				s, err := peer.search(ctx, p.FTS5)
				if err != nil {
					r.fail(fmt.Errorf("peer %q: %w", p.FTS5, err))
					continue
				}
				other[p.Class] = append(other[p.Class], s)
			}
		}
	}
	return summarise(warta, other)
}

// probeResults are the kept answers of probes, in their order.
func (r *runner) probeResults(probes []Probe) []ProbeResult {
	var out []ProbeResult
	for _, p := range probes {
		ps := r.results[p.Class+"\x00"+p.Path]
		if ps == nil {
			continue
		}
		ms := slices.Sorted(slices.Values(ps.ms))
		out = append(out, ProbeResult{Class: p.Class, Path: p.Path, P50: ms[(len(ms)-1)/2],
			Total: ps.last.hits, Estimated: ps.last.estimated, Hits: ps.last.ids})
	}
	return out
}

// concurrent runs the probes from clients at once, each in its own order.
func (r *runner) concurrent(ctx context.Context, probes []Probe, clients, n int) []ClassStats {
	var mu sync.Mutex
	all := map[string][]sample{}
	var wg sync.WaitGroup
	for c := range clients {
		wg.Go(func() {
			order := slices.Clone(probes)
			rand.New(rand.NewPCG(uint64(c), 7)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			for range n {
				for _, p := range order {
					if ctx.Err() != nil {
						return
					}
					s, err := r.get(ctx, p)
					if err != nil {
						r.fail(err)
						s.failed = true
					}
					mu.Lock()
					all[p.Class] = append(all[p.Class], s)
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return summarise(all, nil)
}

// duringIngest copies the store, serves the copy, and runs the probes
// sequentially while warta ingest writes the corpus o.Ingest into it.
// Its failures count in total.
func duringIngest(ctx context.Context, o SearchOptions, probes []Probe, total *runner) ([]ClassStats, int, error) {
	tmp, err := os.MkdirTemp("", "warta-bench-ingest-")
	if err != nil {
		return nil, 0, err
	}
	defer os.RemoveAll(tmp)
	if err := copyStore(o.Data, tmp); err != nil {
		return nil, 0, err
	}
	srv, err := startServer(ctx, o.Server, tmp, "", o.Log)
	if err != nil {
		return nil, 0, err
	}
	defer srv.stop()
	run := &runner{base: srv.base, client: &http.Client{Timeout: time.Minute}, server: srv.usage}
	run.rounds(ctx, probes, nil, 1)
	before, err := srv.articles(ctx)
	if err != nil {
		return nil, 0, err
	}
	ing, err := startIngest(ctx, o.Server, tmp, o.Ingest, o.Log)
	if err != nil {
		return nil, 0, err
	}
	// The writes must have begun, or the run measures nothing new.
	deadline := time.Now().Add(2 * time.Minute)
	for {
		n, err := srv.articles(ctx)
		if err != nil {
			ing.stop()
			return nil, 0, err
		}
		if n > before {
			break
		}
		if time.Now().After(deadline) || ing.exited() {
			ing.stop()
			return nil, 0, errors.New("warta ingest stored nothing within 2 minutes")
		}
		time.Sleep(100 * time.Millisecond)
	}
	stats := run.rounds(ctx, probes, nil, o.Rounds)
	stillWriting := !ing.exited()
	ing.stop()
	after, err := srv.articles(ctx)
	if err != nil {
		return nil, 0, err
	}
	if !stillWriting {
		o.Log.Warn("the ingest ended before the searches did: the corpus is too small to cover the whole run")
	}
	if run.failures > 0 {
		total.mu.Lock()
		if total.failures == 0 {
			total.firstErr = run.firstErr
		}
		total.failures += run.failures
		total.mu.Unlock()
	}
	return stats, after - before, nil
}

// summarise gives each class its percentiles, in the order of classOrder.
func summarise(warta, peer map[string][]sample) []ClassStats {
	var out []ClassStats
	for _, c := range classOrder {
		ws := warta[c]
		if len(ws) == 0 {
			continue
		}
		st := ClassStats{Class: c, N: len(ws)}
		st.P50, st.P95, st.P99, st.Max, st.MedianHits = percentiles(ws)
		st.ServerCPU, st.ServerReads = costMedians(ws)
		for _, s := range ws {
			if s.estimated {
				st.Estimated++
			}
			if s.failed {
				st.Failed++
			}
		}
		if ps := peer[c]; len(ps) > 0 {
			st.PeerN = len(ps)
			st.PeerP50, st.PeerP95, st.PeerP99, _, st.PeerMedianHit = percentiles(ps)
		}
		out = append(out, st)
	}
	return out
}

// percentiles are nearest-rank percentiles of the latencies, and the
// median hit count.
func percentiles(s []sample) (p50, p95, p99, most float64, hits int) {
	ms := make([]float64, len(s))
	h := make([]int, len(s))
	for i, x := range s {
		ms[i], h[i] = x.ms, x.hits
	}
	slices.Sort(ms)
	slices.Sort(h)
	rank := func(p float64) float64 {
		i := int(p*float64(len(ms))+0.999999) - 1
		return ms[min(max(i, 0), len(ms)-1)]
	}
	return rank(0.50), rank(0.95), rank(0.99), ms[len(ms)-1], h[len(h)/2]
}

// costMedians are the median server CPU (ms) and read calls of the
// samples whose cost was read; 0, 0 for none.
func costMedians(s []sample) (cpuMS, reads float64) {
	var cpu, rd []float64
	for _, x := range s {
		if x.cost {
			cpu, rd = append(cpu, x.cpuMS), append(rd, x.reads)
		}
	}
	if len(cpu) == 0 {
		return 0, 0
	}
	slices.Sort(cpu)
	slices.Sort(rd)
	return cpu[(len(cpu)-1)/2], rd[(len(rd)-1)/2]
}

// WriteSearchReport prints the report as a table.
func WriteSearchReport(w io.Writer, rep *SearchReport) {
	fmt.Fprintf(w, "server %s, %d articles, database %.1f MB", rep.Server, rep.Articles, float64(rep.DBBytes)/1e6)
	if rep.Store != "" {
		fmt.Fprintf(w, " (%s)", rep.Store)
	}
	if rep.PeerBuild > 0 {
		fmt.Fprintf(w, "; raw FTS5 peer built in %.1f s, %.1f MB", rep.PeerBuild, float64(rep.PeerBytes)/1e6)
	}
	fmt.Fprintf(w, "\nserver peak RSS %.1f MB, failures %d\n", float64(rep.PeakRSS)/1e6, rep.Failures)
	table := func(title string, stats []ClassStats) {
		if len(stats) == 0 {
			return
		}
		costed := slices.ContainsFunc(stats, func(s ClassStats) bool { return s.ServerCPU > 0 })
		head := fmt.Sprintf("%-44s %5s %5s %8s %8s %8s %8s %8s", "class", "n", "fail", "p50 ms", "p95 ms", "p99 ms", "max ms", "hits")
		if costed {
			head += fmt.Sprintf(" %8s %7s", "cpu ms", "reads")
		}
		fmt.Fprintf(w, "\n%s\n%s  %8s %8s %8s %8s\n", title, head, "FTS5 p50", "p95", "p99", "hits")
		for _, s := range stats {
			hits := ""
			if !strings.HasPrefix(s.Class, "page:") {
				hits = fmt.Sprint(s.MedianHits)
			}
			if s.Estimated > 0 {
				hits = "~" + hits
			}
			fmt.Fprintf(w, "%-44s %5d %5d %8.2f %8.2f %8.2f %8.2f %8s", s.Class, s.N, s.Failed, s.P50, s.P95, s.P99, s.Max, hits)
			if costed {
				fmt.Fprintf(w, " %8.2f %7.0f", s.ServerCPU, s.ServerReads)
			}
			if s.PeerN > 0 {
				fmt.Fprintf(w, "  %8.2f %8.2f %8.2f %8d", s.PeerP50, s.PeerP95, s.PeerP99, s.PeerMedianHit)
			}
			fmt.Fprintln(w)
		}
	}
	table("sequential (one client; FTS5 = raw FTS5 table, same documents and tokenizer, in-process)", rep.Sequential)
	table("first requests (the warm-up round before the above: caches cold, pages not kept yet)", rep.Warmup)
	table(fmt.Sprintf("%d clients at once", rep.Clients), rep.Concurrent)
	table(fmt.Sprintf("sequential while warta ingest writes (%d articles stored meanwhile)", rep.IngestArticles), rep.DuringIngest)
}

var classOrder = []string{ClassCommon, ClassMid, ClassRare, ClassByDate, ClassPhrase, ClassTwoWords, ClassOrExclude,
	ClassEntity, ClassSpeaker, ClassEntityWord, ClassDateRange, ClassDatesOnly,
	ClassEntityAPI, ClassEntityArtAP, ClassQuotesAPI, ClassEntityWeb, ClassEntityWebKept, ClassSearchWeb}

func searchPath(q string, extra ...string) string {
	v := url.Values{"q": {q}}
	for i := 0; i+1 < len(extra); i += 2 {
		v.Set(extra[i], extra[i+1])
	}
	return "/api/v1/search?" + v.Encode()
}
