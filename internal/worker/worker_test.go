package worker_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	dto "github.com/prometheus/client_model/go"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/examples"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/metrics"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/worker"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// All three stages in one process, on an embedded NATS server: a fetch
// job for a page on a loopback site becomes a stored article; a page that
// is gone becomes nothing, and no dead letter.
func TestStages(t *testing.T) {
	page, err := examples.FS.ReadFile("halaman-berita.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /robots.txt", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "User-agent: *\nAllow: /\n") })
	mux.HandleFunc("GET /berita/1", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	site := httptest.NewServer(mux)
	defer site.Close()
	_, portText, _ := net.SplitHostPort(site.Listener.Addr().String())
	port, _ := strconv.Atoi(portText)

	q, st := queueAndStore(t, queue.Options{AckWait: 2 * time.Second, Log: quiet})
	client := fetch.New(fetch.Config{MinDelay: time.Millisecond, Log: quiet,
		Policy: fetch.Policy{Allow: []netip.Prefix{netip.MustParsePrefix("127.0.0.0/8")}, Ports: []int{port}}})
	defer client.Close()

	m := metrics.New()
	wr := pipeline.NewWriter(st, pipeline.WriterOptions{Log: quiet, Observers: []pipeline.Observer{m.Observer()}})
	wctx, stop := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- wr.Run(context.WithoutCancel(wctx)) }()
	w := worker.Worker{Queue: q, Analyzer: analysis.DefaultPipeline(), Writer: wr, Fetcher: worker.PageFetcher{Client: client},
		Metrics: m, Log: quiet}
	done := make(chan error, 1)
	go func() { done <- w.Run(wctx) }()

	for _, path := range []string{"/berita/1", "/berita/hilang"} {
		if _, err := q.PublishFetch(ctx, queue.FetchJob{URL: site.URL + path}); err != nil {
			t.Fatal(err)
		}
	}
	deadline := time.Now().Add(30 * time.Second)
	var stats store.Stats
	for time.Now().Before(deadline) {
		if stats, _ = st.Stats(ctx); stats.Articles > 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The gone page is settled too before the work stops.
	for time.Now().Before(deadline) {
		if lags, _ := q.Lags(ctx); len(lags) == 3 && lags[0].Pending+uint64(lags[0].AckPending) == 0 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	if err := <-done; err != nil {
		t.Error(err)
	}
	wr.Close()
	<-ran
	if stats.Articles != 1 {
		t.Fatalf("%d articles stored, want the one page", stats.Articles)
	}
	list, _ := st.Articles(ctx, store.ArticleFilter{})
	if len(list) != 1 || list[0].Title == "" {
		t.Errorf("stored %+v", list)
	}
	status, _ := q.Status(ctx, 10)
	if status.Dead != 0 {
		t.Errorf("dead letters: %+v", status.DeadLetters)
	}
	for metric, want := range map[string]float64{"200": 1, "404": 1} {
		if got := counter(t, m.FetchResults.WithLabelValues(metric)); got != want {
			t.Errorf("fetch results %s: %v, want %v", metric, got, want)
		}
	}
	if got := counter(t, m.Stored.WithLabelValues(string(store.Created))); got != 1 {
		t.Errorf("stored (created): %v", got)
	}
}

// queueAndStore starts an embedded NATS server, connects to it with opts
// and opens a SQLite store, each closed when the test ends.
func queueAndStore(t *testing.T, opts queue.Options) (*queue.Queue, *sqlite.Store) {
	t.Helper()
	e, err := queue.StartEmbedded(queue.EmbeddedOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	q, err := e.Connect(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	st, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return q, st
}

func counter(t *testing.T, c prometheus.Counter) float64 {
	t.Helper()
	var m dto.Metric
	if err := c.Write(&m); err != nil {
		t.Fatal(err)
	}
	return m.GetCounter().GetValue()
}
