package cli

import (
	"context"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/config"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

type ingestCmd struct {
	Data      string `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory, created on first use (default: as for warta serve)."`
	Store     string `placeholder:"URL" env:"WARTA_STORE" help:"PostgreSQL URL (postgres://user:password@host:5432/db) of a store several processes share; default: the SQLite file in the data directory."`
	Queue     string `placeholder:"URL" env:"WARTA_QUEUE" help:"Put the articles on this NATS JetStream queue (nats://host:4222) for warta worker, instead of analysing them here."`
	Published string `placeholder:"DATE" help:"Publication date (YYYY-MM-DD or RFC 3339) for inputs that carry none."`
	URL       string `name:"url" help:"Source URL for inputs that carry none."`
	Workers   int    `help:"Articles analysed in parallel (default: one per CPU)."`
	Quiet     bool   `short:"q" help:"No progress bar and no summary."`
	// For finding where an ingest's time goes (go tool pprof).
	CPUProfile string `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile (go tool pprof) of the run to FILE."`
	// Alerts' webhooks go through the fetcher's guard.
	AllowPrivateNetworks bool     `env:"WARTA_ALLOW_PRIVATE_NETWORKS" help:"Let alert webhooks reach private and loopback addresses (an intranet)."`
	Paths                []string `arg:"" name:"FILE|DIR" help:"Text, HTML, JSON or JSON Lines files, WARC files (.warc, .warc.gz: their HTML pages), or directories to read them from (recursively); - reads standard input."`
}

// Help adds the store's rules to "warta ingest --help".
func (ingestCmd) Help() string {
	return `Analyses articles and stores them in the data directory. The same article
twice is stored once, so ingesting again is safe; an article whose URL is
known but whose text changed is stored as a new version. A running
warta serve on the same directory sees new articles at once.`
}

// Validate checks the flags once they are read (kong calls it).
func (c *ingestCmd) Validate() error { return validateBatch(c.Published, c.Workers) }

func (c *ingestCmd) Run(ctx context.Context, env *Env) error {
	files, err := ingest.Expand(c.Paths)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	if c.CPUProfile != "" {
		stop, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	if c.Queue != "" {
		return c.publish(ctx, env, files)
	}
	dir, err := config.DataDir(c.Data, env.getenv)
	if err != nil {
		return err
	}
	st, err := openStoreFlag(ctx, c.Store, dir, env.Log, false)
	if err != nil {
		return err
	}
	defer st.Close()
	counts := map[store.PutStatus]int{}
	skipped := 0 // unchanged inputs, not analysed again
	prog := newProgress(env, "ingesting", c.Quiet)
	src := ingest.Defaults(withWARC(files, env.Stdin), c.Published, c.URL)
	inputs, _ := st.(store.InputLog)
	err = withWriter(ctx, st, env, c.AllowPrivateNetworks, func(w *pipeline.Writer, _ *alert.Service) error {
		p := pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w, Workers: c.Workers, Inputs: inputs}
		return p.Ingest(ctx, src, func(o pipeline.Outcome) {
			prog.add(o.Result)
			if o.Err == nil {
				counts[o.Put.Status]++
			}
			if o.Skipped {
				skipped++
			}
		})
	})
	if err != nil {
		err = &exitError{code: 1, err: err}
	} else {
		err = prog.finish()
	}
	if counts[store.Created]+counts[store.NewVersion] > 0 {
		if oerr := st.Optimize(ctx); err == nil {
			err = oerr
		}
	}
	if sc, ok := st.(interface{ StatementCounts() (int64, int64) }); ok && !c.Quiet {
		executed, prepared := sc.StatementCounts()
		env.Log.Info("sql statements", "executed", executed, "compiled", prepared)
	}
	if !c.Quiet {
		env.Log.Info("stored", "new", counts[store.Created], "new_versions", counts[store.NewVersion],
			"unchanged", counts[store.Unchanged], "skipped_unanalysed", skipped, "store", storeName(c.Store, dir))
	}
	return err
}

// withWriter runs fn with the process's one Writer to st and its alerts,
// and returns once the writer has committed what fn wrote and the
// webhooks of new matches are sent. Alerts fire from this one write path,
// whichever process stores the article.
// ctx bounds the writer: once it is done, what is not committed fails.
func withWriter(ctx context.Context, st store.ArticleWriter, env *Env, allowPrivate bool, fn func(*pipeline.Writer, *alert.Service) error, more ...pipeline.Observer) error {
	al := startAlerting(ctx, st, allowPrivate, env.Log)
	defer al.close()
	txObservers, observers := linkObservers(st)
	observers = append(observers, more...)
	if al != nil {
		observers = append(observers, al.svc.Observe)
	}
	opts := pipeline.WriterOptions{Log: env.Log, Observers: observers, TxObservers: txObservers}
	if inputs, ok := st.(store.InputLog); ok {
		opts.Inputs = inputs
	}
	w := pipeline.NewWriter(st, opts)
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	err := fn(w, al.service())
	w.Close()
	if rerr := <-ran; err == nil {
		err = rerr
	}
	return err
}
