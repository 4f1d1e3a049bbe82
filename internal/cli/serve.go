package cli

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/examples"
	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/config"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/metrics"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/server"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/web"
)

type serveCmd struct {
	Addr  string `default:"127.0.0.1:8080" placeholder:"HOST:PORT" help:"Address to listen on (port 0: any free port)."`
	Data  string `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory, created on first use (default: $XDG_DATA_HOME/warta or ~/.local/share/warta)."`
	Store string `placeholder:"URL" env:"WARTA_STORE" help:"PostgreSQL URL (postgres://user:password@host:5432/db) of a store several processes share; default: the SQLite file in the data directory."`
	Token string `env:"WARTA_TOKEN" help:"Token that writes (POST /api/v1/articles) must carry as 'Authorization: Bearer TOKEN'. Beyond localhost one is required: without this flag one is made up and printed."`
	fetchFlags
	Poll        bool   `default:"true" negatable:"" help:"Poll the sources followed (warta sources add) when they are due."`
	PollWorkers int    `default:"8" help:"Sources polled at once (requests to one host still go one at a time)."`
	Queue       string `placeholder:"URL" env:"WARTA_QUEUE" help:"NATS server with JetStream (nats://host:4222): the pages the sources' polls fetch are published there for warta worker processes to analyse and store, instead of being analysed here."`
}

// Help adds what serve does on first use to "warta serve --help".
func (serveCmd) Help() string {
	return `Serves the JSON API under /api/v1 (see /api/v1/openapi.json) and a search
page at /. A new data directory is filled with the example articles.
warta ingest may add articles to the same directory while the server runs.`
}

// Validate checks the flags once they are read (kong calls it).
func (c *serveCmd) Validate() error {
	if _, _, err := net.SplitHostPort(c.Addr); err != nil {
		return fmt.Errorf("--addr %q: want HOST:PORT: %w", c.Addr, err)
	}
	if strings.ContainsAny(c.Token, " \t\r\n") {
		return errors.New("--token: a token has no spaces")
	}
	return nil
}

func (c *serveCmd) Run(ctx context.Context, env *Env) error {
	dir, err := config.DataDir(c.Data, env.getenv)
	if err != nil {
		return err
	}
	_, statErr := os.Stat(filepath.Join(dir, sqlite.FileName))
	// A new data directory gets the examples; a shared database does not.
	fresh := errors.Is(statErr, fs.ErrNotExist) && c.Store == ""
	st, err := openStoreFlag(ctx, c.Store, dir, env.Log, true)
	if err != nil {
		return err
	}
	defer st.Close()
	dir = storeName(c.Store, dir)
	m := metrics.New()
	// The writer outlives ctx: requests under way at Ctrl-C still commit.
	return withWriter(context.WithoutCancel(ctx), st, env, c.AllowPrivateNetworks, func(w *pipeline.Writer, al *alert.Service) error {
		p := &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}
		if fresh {
			n, err := loadExamples(ctx, p)
			if err != nil {
				return fmt.Errorf("load the examples: %w", err)
			}
			env.Log.Info("new data directory: loaded the example articles", "articles", n, "data", dir)
		}
		var q *queue.Queue
		if c.Queue != "" {
			var err error
			if q, err = queue.Connect(ctx, c.Queue, queue.Options{Name: "warta serve", Log: env.Log}); err != nil {
				return err
			}
			defer q.Close()
			m.WatchQueue(q, env.Log)
		}
		if srcs, ok := st.(store.Sources); ok {
			stopPolling, err := c.startPolling(ctx, srcs, p, q, env)
			if err != nil {
				return err
			}
			defer stopPolling()
		}
		return c.serve(ctx, env, st, p, al, dir, m, q)
	}, m.Observer())
}

// serve listens and serves until ctx is done, then lets the requests
// under way finish.
func (c *serveCmd) serve(ctx context.Context, env *Env, st store.Store, p *pipeline.Pipeline, al *alert.Service, dir string, m *metrics.Metrics, q *queue.Queue) error {
	ln, err := net.Listen("tcp", c.Addr)
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("--addr: %w", err)}
	}
	addr := ln.Addr().(*net.TCPAddr)
	token := c.Token
	if token == "" && !addr.IP.IsLoopback() {
		if token, err = newToken(); err != nil {
			ln.Close()
			return err
		}
		fmt.Fprintf(env.Stdout, "warta: writes need the token %s (Authorization: Bearer TOKEN)\n", token)
	}
	acfg := api.FromStore(st, p)
	acfg.Log, acfg.AlertService = env.Log, al
	wcfg := web.FromStore(st)
	wcfg.Log, wcfg.AlertService = env.Log, al
	ui, err := web.New(wcfg)
	if err != nil {
		ln.Close()
		return err
	}
	scfg := server.Config{API: api.New(acfg), Web: ui, Token: token, Log: env.Log}
	if addr.IP.IsLoopback() {
		// Only names of this machine: a page on a rebinding domain that
		// resolves to 127.0.0.1 cannot read the server.
		scfg.AllowedHosts = []string{"localhost", "127.0.0.1", "::1", addr.IP.String()}
	}
	handler := server.New(scfg)
	srv := &http.Server{
		Handler:           withOps(handler, st, q, m),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      time.Minute,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(env.Log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(env.Stdout, "warta is serving http://%s/ (data: %s)\n", displayAddr(addr), dir)

	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case err := <-served:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Requests under way get some seconds to finish; new ones are refused.
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	env.Log.Info("stopped")
	return nil
}

// displayAddr is the address to print: localhost for a server listening on
// every interface.
func displayAddr(a *net.TCPAddr) string {
	if a.IP.IsUnspecified() {
		return net.JoinHostPort("localhost", fmt.Sprint(a.Port))
	}
	return a.String()
}

func newToken() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("make a token: %w", err)
	}
	return hex.EncodeToString(b), nil
}

// openStore opens the SQLite store in dir with the Indonesian analyzer.
func openStore(ctx context.Context, dir string, log *slog.Logger) (*sqlite.Store, error) {
	linker, err := identity.New()
	if err != nil {
		return nil, err
	}
	return sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian(), Linker: linker, Log: log})
}

// loadExamples analyses and stores the embedded example articles, and
// returns how many it stored.
func loadExamples(ctx context.Context, p *pipeline.Pipeline) (int, error) {
	n := 0
	var failed error
	err := p.Ingest(ctx, ingest.FS(examples.FS, "examples/"), func(o pipeline.Outcome) {
		switch {
		case o.Err != nil:
			failed = cmp.Or(failed, o.Err)
		case o.Put.Status == store.Created:
			n++
		}
	})
	return n, cmp.Or(err, failed)
}
