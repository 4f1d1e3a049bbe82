package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/source"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/warc"
)

type fetchCmd struct {
	dataFlag
	fetchFlags
	URLs []string `arg:"" name:"URL" help:"Feeds, sitemaps, homepages or section pages (whose feeds are followed), or article pages."`
}

// Help adds what fetch does to "warta fetch --help".
func (fetchCmd) Help() string {
	return `Fetches each URL once, politely (robots.txt, one request at a time per
host, conditional requests), and stores the articles it finds through the
same analysis as warta ingest: a feed's or sitemap's items (their pages,
read whole when split over pages, or the feed's own full text), a
homepage's feeds, or an article page itself. Fetching again is cheap: what
did not change is answered 304 and stored once.`
}

func (c *fetchCmd) Run(ctx context.Context, env *Env) error {
	st, dir, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	client, closeClient, err := c.client(st, env)
	if err != nil {
		return err
	}
	failed := 0
	total := source.Result{}
	err = withWriter(ctx, st, env, c.AllowPrivateNetworks, func(w *pipeline.Writer, _ *alert.Service) error {
		poller := &source.Poller{Store: st, Client: client, Pipeline: &pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}, Log: env.Log}
		for _, u := range c.URLs {
			start := time.Now()
			res, err := poller.Fetch(ctx, u)
			if ctx.Err() != nil {
				return ctx.Err()
			}
			for _, e := range res.Errors {
				env.Log.Warn("item failed", "err", e)
			}
			if err != nil {
				failed++
				env.Log.Error("fetch failed", "url", u, "err", err)
				continue
			}
			total.Created += res.Created
			total.NewVersions += res.NewVersions
			env.Log.Info("fetched", "url", u, "kind", res.Kind, "items", res.Items, "pages", res.Fetched, "new", res.Created,
				"new_versions", res.NewVersions, "unchanged", res.Unchanged, "not_modified", res.NotModified,
				"skipped", res.Skipped, "failed", len(res.Errors), "took", time.Since(start).Round(time.Millisecond))
			if len(res.Errors) > 0 {
				failed++
			}
		}
		return nil
	})
	if cerr := closeClient(); err == nil {
		err = cerr
	}
	if total.Created+total.NewVersions > 0 {
		if oerr := st.Optimize(ctx); err == nil {
			err = oerr
		}
	}
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	env.Log.Info("stored", "new", total.Created, "new_versions", total.NewVersions, "data", dir)
	if failed > 0 {
		return &exitError{code: 1, err: fmt.Errorf("%d of %d URLs failed in part or whole", failed, len(c.URLs))}
	}
	return nil
}

// startPolling polls the store's due sources until ctx is done or the
// returned func is called, which waits for the polls under way.
// With a queue, the pages fetched are published for the workers.
func (c *serveCmd) startPolling(ctx context.Context, st store.Sources, p *pipeline.Pipeline, q *queue.Queue, env *Env) (func() error, error) {
	if !c.Poll {
		return func() error { return nil }, nil
	}
	client, closeClient, err := c.client(st, env)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	poller := &source.Poller{Store: st, Client: client, Pipeline: p, Log: env.Log}
	if q != nil {
		poller.Queue = q
	}
	done := make(chan error, 1)
	go func() { done <- poller.Run(ctx, c.PollWorkers, pollTick) }()
	return func() error {
		cancel()
		err := <-done
		if cerr := closeClient(); err == nil {
			err = cerr
		}
		return err
	}, nil
}

// pollTick is how often warta serve looks for due sources.
const pollTick = 5 * time.Second

// withWARC is the source of files in order, WARC files (named on the
// command line) read by warc.Source and the others by ingest.Files.
func withWARC(files []string, stdin io.Reader) ingest.Source {
	return func(ctx context.Context, emit func(ingest.Item) error) error {
		for i := 0; i < len(files); {
			j := i + 1
			for j < len(files) && warc.IsWARC(files[j]) == warc.IsWARC(files[i]) {
				j++
			}
			src := ingest.Files(files[i:j], stdin)
			if warc.IsWARC(files[i]) {
				src = warc.Source(files[i:j])
			}
			if err := src(ctx, emit); err != nil {
				return err
			}
			i = j
		}
		return nil
	}
}
