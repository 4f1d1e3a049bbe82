package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/config"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/metrics"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres"
	"github.com/warta-news/warta/internal/worker"
)

type workerCmd struct {
	Store   string   `placeholder:"URL" env:"WARTA_STORE" help:"PostgreSQL URL (postgres://user:password@host:5432/db) of a store several processes share; default: the SQLite file in the data directory."`
	Data    string   `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory of the SQLite store, when --store is not given (one machine only)."`
	Queue   string   `required:"" placeholder:"URL" env:"WARTA_QUEUE" help:"NATS server with JetStream: nats://host:4222 (several separated by commas)."`
	Stages  []string `default:"analyse,store" enum:"analyse,store" help:"Stages to work on: analyse (articles into records), store (records into the store)."`
	Workers int      `help:"Articles analysed at once (default: one per CPU)."`
	// Alerts' webhooks go through the fetcher's guard.
	AllowPrivateNetworks bool          `env:"WARTA_ALLOW_PRIVATE_NETWORKS" help:"Let alert webhooks reach private and loopback addresses (an intranet)."`
	AckWait              time.Duration `default:"30s" help:"How long a message may stay with a worker before it is given to another (a worker that died)."`
	Metrics              string        `placeholder:"HOST:PORT" env:"WARTA_METRICS" help:"Serve /metrics (Prometheus), /healthz and /readyz there."`
}

// Help adds how the work is shared to "warta worker --help".
func (workerCmd) Help() string {
	return `Takes articles from the queue (NATS JetStream), analyses them and stores
their records, until stopped (Ctrl-C, SIGTERM). Start as many workers on as
many machines as the work needs: they share it. A worker that dies loses
nothing: what it held is delivered again to another. warta ingest --queue
puts articles on the queue.`
}

func (c *workerCmd) Run(ctx context.Context, env *Env) error {
	var stages []queue.Stage
	var fetcher worker.Fetcher
	for _, s := range c.Stages {
		switch s {
		case "fetch":
			stages = append(stages, queue.Fetch)
			client := fetch.New(fetch.Config{Log: env.Log})
			defer client.Close()
			fetcher = worker.PageFetcher{Client: client}
		case "analyse":
			stages = append(stages, queue.Analyse)
		case "store":
			stages = append(stages, queue.Store)
		}
	}
	m := metrics.New()
	q, err := queue.Connect(ctx, c.Queue, queue.Options{Name: "warta worker", AckWait: c.AckWait, Log: env.Log})
	if err != nil {
		return err
	}
	defer q.Close()
	m.WatchQueue(q, env.Log)
	checks := []metrics.Check{{Name: "queue", Ping: q.Ping}}

	var st store.Store
	for _, s := range stages {
		if s == queue.Store && st == nil {
			dir, err := config.DataDir(c.Data, env.getenv)
			if err != nil {
				return err
			}
			if st, err = openStoreFlag(ctx, c.Store, dir, env.Log, true); err != nil {
				return err
			}
			defer st.Close()
			if p, ok := st.(interface{ Ping(context.Context) error }); ok {
				checks = append(checks, metrics.Check{Name: "store", Ping: p.Ping})
			}
		}
	}
	if c.Metrics != "" {
		stop, err := serveMetrics(ctx, c.Metrics, m, env, checks...)
		if err != nil {
			return err
		}
		defer stop()
	}
	run := func(wr *pipeline.Writer) error {
		w := worker.Worker{Queue: q, Analyzer: analysis.DefaultPipeline(), Writer: wr, Fetcher: fetcher, Metrics: m,
			Stages: stages, Workers: c.Workers, Log: env.Log}
		return w.Run(ctx)
	}
	if st == nil {
		return run(nil)
	}
	// The process's one write path, with the copy and story linker and the
	// alerts, as in warta ingest and serve. The writer outlives ctx: the
	// batches under way at a stop commit.
	err = withWriter(context.WithoutCancel(ctx), st, env, c.AllowPrivateNetworks,
		func(w *pipeline.Writer, _ *alert.Service) error { return run(w) }, m.Observer())
	env.Log.Info("worker stopped")
	return err
}

// openStoreFlag opens the store a command's --store flag names, a
// PostgreSQL URL, else the SQLite store in the data directory dir. Every
// command chooses its store here. A long-running process (serve, worker)
// says so: on PostgreSQL it builds the indexes made after the migrations
// (postgres.Options.BuildIndexes), which a short command would only start
// and stop.
func openStoreFlag(ctx context.Context, storeFlag, dir string, log *slog.Logger, long bool) (store.Store, error) {
	if storeFlag != "" {
		if !postgres.IsURL(storeFlag) {
			return nil, &exitError{code: 2, err: fmt.Errorf("--store %q: want a postgres:// URL (a data directory is given with --data)", storeFlag)}
		}
		linker, err := identity.New()
		if err != nil {
			return nil, err
		}
		return postgres.Open(ctx, storeFlag, postgres.Options{Analyzer: search.Indonesian(), Linker: linker, BuildIndexes: long, Log: log})
	}
	return openStore(ctx, dir, log)
}

// storeName names the store of --store, else the data directory dir, for
// messages, without a password.
func storeName(storeFlag, dir string) string {
	if storeFlag == "" {
		return dir
	}
	if u, err := url.Parse(storeFlag); err == nil {
		return u.Redacted()
	}
	return "postgres"
}

// withOps adds /metrics, /healthz and /readyz (the store answers, and
// the queue when there is one) to a server's handler.
func withOps(h http.Handler, st store.Store, q *queue.Queue, m *metrics.Metrics) http.Handler {
	mux := http.NewServeMux()
	var checks []metrics.Check
	if p, ok := st.(interface{ Ping(context.Context) error }); ok {
		checks = append(checks, metrics.Check{Name: "store", Ping: p.Ping})
	}
	if q != nil {
		checks = append(checks, metrics.Check{Name: "queue", Ping: q.Ping})
	}
	m.Handle(mux, checks...)
	mux.Handle("/", h)
	return mux
}

// serveMetrics serves /metrics, /healthz and /readyz at addr until the
// returned stop is called.
func serveMetrics(ctx context.Context, addr string, m *metrics.Metrics, env *Env, checks ...metrics.Check) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, &exitError{code: 2, err: fmt.Errorf("--metrics: %w", err)}
	}
	mux := http.NewServeMux()
	m.Handle(mux, checks...)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second,
		ErrorLog: slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		srv.Serve(ln)
	}()
	env.Log.Info("metrics", "url", "http://"+ln.Addr().String()+"/metrics")
	return func() {
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
		<-done
	}, nil
}
