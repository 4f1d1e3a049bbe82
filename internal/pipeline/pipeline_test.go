package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// articles is a source of n JSON Lines articles; every seventh line is
// broken, and every fifth article repeats the one before it.
func articles(n int) (ingest.Source, []string) {
	var b strings.Builder
	var titles []string
	for i := range n {
		switch {
		case i%7 == 6:
			b.WriteString("{\"title\": \n")
			titles = append(titles, "")
		case i%5 == 4:
			fmt.Fprintf(&b, `{"title": "Berita Nomor %d", "url": "https://contoh.example/%d", "body": "Warga Desa Sukamaju menggelar rapat tentang jalan desa yang rusak."}`+"\n", i-1, i-1)
			titles = append(titles, fmt.Sprintf("Berita Nomor %d", i-1))
		default:
			fmt.Fprintf(&b, `{"title": "Berita Nomor %d", "url": "https://contoh.example/%d", "body": "Warga Desa Sukamaju menggelar rapat tentang jalan desa yang rusak."}`+"\n", i, i)
			titles = append(titles, fmt.Sprintf("Berita Nomor %d", i))
		}
	}
	data := b.String()
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		return ingest.Read(ctx, "berita.jsonl", strings.NewReader(data), emit)
	}, titles
}

// slowFirst is the real analysis, slower for the first articles of every
// ten, so that results come in out of order.
type slowFirst struct{ analysis.Pipeline }

func (s slowFirst) Analyze(ctx context.Context, in analysis.Input) (*analysis.Record, error) {
	if in.Line%10 < 3 {
		time.Sleep(5 * time.Millisecond)
	}
	return s.Pipeline.Analyze(ctx, in)
}

func TestRunnerKeepsOrder(t *testing.T) {
	src, titles := articles(60)
	r := pipeline.Runner{Analyzer: slowFirst{analysis.DefaultPipeline()}, Workers: 4, Encode: true}
	var got []string
	err := r.Run(context.Background(), src, func(res pipeline.Result) error {
		if res.Err != nil {
			got = append(got, "")
			return nil
		}
		if len(res.JSON) == 0 {
			t.Errorf("line %d: no JSON", res.Item.Input.Line)
		}
		got = append(got, res.Record.Title)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(got, "|") != strings.Join(titles, "|") {
		t.Errorf("results out of order:\n got %q\nwant %q", got, titles)
	}
}

func TestRunnerStopsOnSinkError(t *testing.T) {
	src, _ := articles(200)
	r := pipeline.Runner{Analyzer: analysis.DefaultPipeline(), Workers: 3}
	stop := errors.New("stop")
	n := 0
	err := r.Run(context.Background(), src, func(pipeline.Result) error {
		if n++; n == 5 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 5 {
		t.Errorf("Run = %v after %d results, want the sink's error after 5", err, n)
	}
}

func TestRunnerStopsOnCancel(t *testing.T) {
	src, _ := articles(500)
	ctx, cancel := context.WithCancel(context.Background())
	r := pipeline.Runner{Analyzer: analysis.DefaultPipeline(), Workers: 2}
	n := 0
	err := r.Run(ctx, src, func(pipeline.Result) error {
		if n++; n == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || n >= 500 {
		t.Errorf("Run = %v after %d results, want context.Canceled early", err, n)
	}
}

// countingStore is the SQLite store, counting its transactions.
type countingStore struct {
	*sqlite.Store
	mu      sync.Mutex
	batches []int
}

func (c *countingStore) PutBatch(ctx context.Context, records [][]byte) ([]store.PutResult, error) {
	c.mu.Lock()
	c.batches = append(c.batches, len(records))
	c.mu.Unlock()
	return c.Store.PutBatch(ctx, records)
}

func openStore(t *testing.T) *countingStore {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &countingStore{Store: st}
}

// running starts w and returns a function that closes it and checks Run's
// error.
func running(t *testing.T, ctx context.Context, w *pipeline.Writer) func() error {
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		w.Close()
		return <-ran
	}
	t.Cleanup(func() { stop() })
	return stop
}

func TestIngest(t *testing.T) {
	st := openStore(t)
	var seen []pipeline.Stored
	w := pipeline.NewWriter(st, pipeline.WriterOptions{MaxBatch: 16, Log: quiet, Observers: []pipeline.Observer{
		func(_ context.Context, s pipeline.Stored) error {
			seen = append(seen, s)
			return nil
		},
	}})
	stop := running(t, context.Background(), w)
	p := pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w, Workers: 3}
	src, titles := articles(70)
	ingestAll := func() (map[store.PutStatus]int, int) {
		counts := map[store.PutStatus]int{}
		failed, i := 0, 0
		err := p.Ingest(context.Background(), src, func(o pipeline.Outcome) {
			if o.Err != nil {
				failed++
			} else {
				counts[o.Put.Status]++
				if o.Record.Title != titles[i] {
					t.Errorf("outcome %d is %q, want %q", i, o.Record.Title, titles[i])
				}
			}
			i++
		})
		if err != nil {
			t.Fatal(err)
		}
		return counts, failed
	}
	counts, failed := ingestAll()
	// 70 lines: 10 broken, 10 repeats of the article before them (two
	// more follow a broken line, and are new).
	if failed != 10 || counts[store.Created] != 50 || counts[store.Unchanged] != 10 {
		t.Errorf("first ingest: %v, %d failed; want 50 created, 10 unchanged, 10 failed", counts, failed)
	}
	if len(seen) != 60 || seen[0].Result.Status != store.Created || seen[0].Record == nil {
		t.Errorf("observers saw %d records, want 60, the first created with its record", len(seen))
	}
	for _, n := range st.batches {
		if n > 16 {
			t.Errorf("a batch of %d records, over MaxBatch", n)
		}
	}
	if len(st.batches) > 10 {
		t.Errorf("%d transactions for 60 records: not batched", len(st.batches))
	}
	counts, _ = ingestAll()
	if counts[store.Unchanged] != 60 {
		t.Errorf("second ingest: %v, want all 60 unchanged", counts)
	}
	if err := stop(); err != nil {
		t.Errorf("Run: %v", err)
	}
	stats, err := st.Stats(context.Background())
	if err != nil || stats.Articles != 50 {
		t.Errorf("Stats = %+v, %v; want 50 articles", stats, err)
	}
}

func TestStoreWaitsForCommit(t *testing.T) {
	st := openStore(t)
	w := pipeline.NewWriter(st, pipeline.WriterOptions{MaxDelay: time.Hour, Log: quiet})
	running(t, context.Background(), w)
	p := pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}
	// A lone request is committed at once, not after MaxDelay.
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rec, res, err := p.Store(ctx, analysis.Input{Title: "Jalan Desa Rusak", Body: "Warga Desa Sukamaju mengeluhkan jalan yang rusak parah."})
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != store.Created || rec.Title != "Jalan Desa Rusak" {
		t.Errorf("Store = %+v, %q", res, rec.Title)
	}
	art, err := st.Article(ctx, res.ID)
	if err != nil || art.Version != 1 {
		t.Errorf("Article(%d) = %v, %v", res.ID, art, err)
	}
}
