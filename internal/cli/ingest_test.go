package cli

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
)

// syncBuffer is a buffer a command writes while the test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func ingestCmdRun(t *testing.T, args ...string) (code int, stderr string) {
	t.Helper()
	var out, errOut syncBuffer
	code = Main(context.Background(), append([]string{"ingest"}, args...), Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut})
	if out.String() != "" {
		t.Errorf("ingest wrote to stdout: %q", out.String())
	}
	return code, errOut.String()
}

func openTestStore(t *testing.T, dir string) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), dir, sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

const jsonlTwo = `{"title": "Harga Cabai Naik Jelang Akhir Tahun", "url": "https://contoh.example/cabai", "published": "2025-10-20", "body": "Harga cabai rawit di pasar induk naik karena pasokan berkurang."}
{"title": "Bawang Merah Langka di Pasar", "url": "https://contoh.example/bawang", "published": "2025-10-21", "body": "Pedagang mengeluhkan pasokan bawang merah yang berkurang sejak pekan lalu."}
`

func TestIngestFiles(t *testing.T) {
	in, data := t.TempDir(), filepath.Join(t.TempDir(), "data")
	writeFile(t, filepath.Join(in, "a.txt"), "Banjir Rendam Ratusan Rumah di Bekasi\nBanjir setinggi satu meter merendam ratusan rumah warga.\n")
	writeFile(t, filepath.Join(in, "sub", "b.jsonl"), jsonlTwo)
	writeFile(t, filepath.Join(in, "sub", "notes.md"), "# not an article\n")
	writeFile(t, filepath.Join(in, "sub", ".hidden", "c.txt"), "Judul Tersembunyi\nIsi yang tidak boleh terbaca.\n")

	code, stderr := ingestCmdRun(t, "--data", data, in)
	if code != 0 || !strings.Contains(stderr, "new=3 new_versions=0 unchanged=0") {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	code, stderr = ingestCmdRun(t, "--data", data, in)
	if code != 0 || !strings.Contains(stderr, "new=0 new_versions=0 unchanged=3") {
		t.Errorf("second run is not idempotent: exit %d\n%s", code, stderr)
	}
	writeFile(t, filepath.Join(in, "sub", "b.jsonl"), strings.Replace(jsonlTwo, "naik karena", "naik tajam karena", 1))
	code, stderr = ingestCmdRun(t, "--data", data, filepath.Join(in, "sub", "b.jsonl"))
	if code != 0 || !strings.Contains(stderr, "new=0 new_versions=1 unchanged=1") {
		t.Errorf("changed text: exit %d\n%s", code, stderr)
	}
	st, err := openTestStore(t, data).Stats(context.Background())
	if err != nil || st.Articles != 3 || st.Versions != 4 {
		t.Errorf("Stats = %+v (%v), want 3 articles, 4 versions", st, err)
	}
}

func TestIngestErrors(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	empty := t.TempDir()
	if code, stderr := ingestCmdRun(t, "--data", data, empty); code != 1 || !strings.Contains(stderr, "no article files") {
		t.Errorf("empty directory: exit %d\n%s", code, stderr)
	}
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "ok.txt"), "Judul Berita Baik\nIsi berita yang baik dan benar.\n")
	writeFile(t, filepath.Join(in, "bad.jsonl"), "{\"title\": \n")
	code, stderr := ingestCmdRun(t, "--data", data, filepath.Join(in, "missing.txt"), in)
	if code != 1 || !strings.Contains(stderr, "missing.txt") || !strings.Contains(stderr, "new=1") {
		t.Errorf("a missing file and a bad line: exit %d, want 1 after storing the good article\n%s", code, stderr)
	}
	if code, _ := ingestCmdRun(t, "--data", data, "--published", "kemarin", in); code != 2 {
		t.Errorf("bad --published: exit %d, want 2", code)
	}
}

// TestIngestDetik ingests the 700 detik-news articles and measures; with
// -v it prints ingest throughput, database size per 1,000 articles and
// search latency over 1,000 distinct queries drawn from the corpus:
//
//	go test -run TestIngestDetik -v ./internal/cli
func TestIngestDetik(t *testing.T) {
	path := shared.Path(t, "data/detik-news/articles.jsonl")
	articles := shared.DetikArticles(t)
	urls := map[string]bool{}
	for _, a := range articles {
		urls[a.URL] = true
	}
	data := t.TempDir()
	cpu0, _ := processCPU()
	start := time.Now()
	code, stderr := ingestCmdRun(t, "--data", data, path)
	elapsed := time.Since(start)
	cpu1, cpuOK := processCPU()
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	info, err := os.Stat(filepath.Join(data, sqlite.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if code, stderr := ingestCmdRun(t, "--data", data, path); code != 0 || !strings.Contains(stderr, "new=0 new_versions=0") {
		t.Errorf("ingesting again changed the store: exit %d\n%s", code, stderr)
	}
	st := openTestStore(t, data)
	ctx := context.Background()
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Articles != len(urls) {
		t.Errorf("%d articles stored, want %d (one per URL)", stats.Articles, len(urls))
	}
	t.Logf("ingest: %d articles in %.2f s: %.0f articles/s (whole command: open, analyse, store)",
		len(articles), elapsed.Seconds(), float64(len(articles))/elapsed.Seconds())
	if cpuOK {
		t.Logf("ingest: %.2f CPU seconds, all threads: %.0f articles per CPU second", (cpu1 - cpu0).Seconds(),
			float64(len(articles))/(cpu1-cpu0).Seconds())
	}
	t.Logf("database: %.2f MB file for %d articles: %.2f MB per 1,000 articles",
		float64(info.Size())/1e6, stats.Articles, float64(info.Size())/1e6/float64(stats.Articles)*1000)

	queries := detikQueries(t, articles, st, 1000)
	var times []time.Duration
	found := 0
	// The search runs on this goroutine (SQLite is compiled to Go): locked
	// to its thread, the thread's CPU time over the loop is the searches'
	// own, which other processes on a busy machine do not inflate. (Per
	// query it is too coarse: Linux accounts it in scheduler ticks.)
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	searchCPU0, searchCPUOK := threadCPU()
	for _, query := range queries {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		start := time.Now()
		res, err := st.Search(ctx, q)
		times = append(times, time.Since(start))
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		if res.Total > 0 {
			found++
		}
	}
	searchCPU1, _ := threadCPU()
	// Every query is made of words of the corpus: nearly all must find
	// something (a pair of words can fall in different articles).
	if found < len(queries)*9/10 {
		t.Errorf("only %d of %d queries found an article", found, len(queries))
	}
	slices.Sort(times)
	t.Logf("search: %d distinct queries, %d with hits: median %v, p95 %v, max %v (wall clock)",
		len(queries), found, times[len(times)/2], times[len(times)*95/100], times[len(times)-1])
	if searchCPUOK {
		t.Logf("search: %v CPU time per query on average", (searchCPU1-searchCPU0)/time.Duration(len(queries)))
	}
}

// detikQueries draws n distinct queries from the corpus: single words,
// two words, two-word phrases, and entity names where the records carry
// entities.
func detikQueries(t *testing.T, articles []shared.Article, st store.Store, n int) []string {
	t.Helper()
	a := search.Indonesian()
	var docs [][]string
	for _, art := range articles {
		var words []string
		for w := range strings.FieldsFuncSeq(strings.ToLower(art.Title+" "+art.Body), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if len(w) >= 4 && !a.IsStopword(w) {
				words = append(words, w)
			}
		}
		if len(words) > 1 {
			docs = append(docs, words)
		}
	}
	seen := map[string]bool{}
	var queries []string
	add := func(q string) {
		if !seen[q] && len(queries) < n {
			seen[q] = true
			queries = append(queries, q)
		}
	}
	ents, err := st.Entities(context.Background(), store.EntityFilter{Page: store.Page{Limit: n / 5}})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		add(`"` + e.Name + `"`)
	}
	t.Logf("queries: %d entity names (records carry entities once the entity stage lands)", len(queries))
	rng := rand.New(rand.NewPCG(8, 2025))
	for tries := 0; len(queries) < n && tries < 100*n; tries++ {
		doc := docs[rng.IntN(len(docs))]
		i := rng.IntN(len(doc) - 1)
		switch tries % 10 {
		case 0, 1, 2, 3, 4, 5:
			add(doc[i])
		case 6, 7, 8:
			add(doc[i] + " " + doc[rng.IntN(len(doc))])
		default:
			add(`"` + doc[i] + " " + doc[i+1] + `"`)
		}
	}
	return queries
}
