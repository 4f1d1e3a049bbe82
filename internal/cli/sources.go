package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"text/tabwriter"
	"time"

	"github.com/warta-news/warta/internal/config"
	"github.com/warta-news/warta/internal/feed"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/opml"
	"github.com/warta-news/warta/internal/source"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/warc"
)

type sourcesCmd struct {
	Add    sourcesAddCmd    `cmd:"" help:"Follow a feed, sitemap, homepage or section page."`
	List   sourcesListCmd   `cmd:"" help:"List the sources followed, with their health."`
	Remove sourcesRemoveCmd `cmd:"" help:"Stop following a source (its articles stay)."`
	Import sourcesImportCmd `cmd:"" help:"Follow the sources of an OPML file."`
	Export sourcesExportCmd `cmd:"" help:"Write the sources followed as OPML to standard output."`
}

// dataFlag is the --data flag of the sources commands.
type dataFlag struct {
	Data string `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory, created on first use (default: as for warta serve)."`
}

func (d dataFlag) open(ctx context.Context, env *Env) (*sqlite.Store, string, error) {
	dir, err := config.DataDir(d.Data, env.getenv)
	if err != nil {
		return nil, "", err
	}
	st, err := openStore(ctx, dir, env.Log)
	if err != nil {
		return nil, "", err
	}
	return st, dir, nil
}

type sourcesAddCmd struct {
	dataFlag
	Name     string        `help:"A name to show for it."`
	Interval time.Duration `help:"Check it this often (at least 5m); default: adapt to how often it has news (5m to 24h)."`
	URL      string        `arg:"" name:"URL" help:"A feed (RSS, Atom, JSON Feed), a news sitemap or sitemap index, or a homepage or section page whose feeds warta finds."`
}

func (c *sourcesAddCmd) Run(ctx context.Context, env *Env) error {
	s, err := source.New(c.URL, c.Name, c.Interval, time.Now())
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	st, dir, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err = st.AddSource(ctx, s)
	if errors.Is(err, store.ErrSourceExists) {
		return &exitError{code: 1, err: fmt.Errorf("%s is followed already", s.URL)}
	}
	if err != nil {
		return err
	}
	every := "at an interval that adapts to its news (5m to 24h)"
	if s.FixedInterval {
		every = "every " + s.Interval.String()
	}
	fmt.Fprintf(env.Stdout, "following %s (source %d); warta serve --data %s checks it %s\n", s.URL, s.ID, dir, every)
	return nil
}

type sourcesListCmd struct {
	dataFlag
	JSON bool `help:"Print JSON."`
}

func (c *sourcesListCmd) Run(ctx context.Context, env *Env) error {
	st, _, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.SourceList(ctx)
	if err != nil {
		return err
	}
	if c.JSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(list)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tURL\tKIND\tINTERVAL\tNEXT CHECK\tLAST SUCCESS\tERRORS\tARTICLES/DAY\tLAST ERROR")
	for _, s := range list {
		interval := s.Interval.String()
		if !s.FixedInterval {
			interval += " (adaptive)"
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%s\n", s.ID, s.URL, orDash(s.Kind), interval,
			when(s.NextCheck), when(s.Health.LastSuccess), s.Health.ConsecutiveErrors, s.Health.ArticlesPerDay, orDash(clip(s.Health.LastError, 80)))
	}
	return tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func when(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Local().Format("2006-01-02 15:04")
}

type sourcesRemoveCmd struct {
	dataFlag
	Source string `arg:"" name:"ID|URL" help:"The source's ID (see warta sources list) or URL."`
}

func (c *sourcesRemoveCmd) Run(ctx context.Context, env *Env) error {
	st, _, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	id, err := strconv.ParseInt(c.Source, 10, 64)
	if err != nil {
		u, err := feed.Canonical(c.Source)
		if err != nil {
			return &exitError{code: 2, err: fmt.Errorf("%q is neither a source ID nor a URL", c.Source)}
		}
		list, err := st.SourceList(ctx)
		if err != nil {
			return err
		}
		for _, s := range list {
			if s.URL == u {
				id = s.ID
			}
		}
	}
	if err := st.RemoveSource(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return &exitError{code: 1, err: fmt.Errorf("no source %s", c.Source)}
		}
		return err
	}
	fmt.Fprintf(env.Stdout, "no longer following source %d\n", id)
	return nil
}

type sourcesImportCmd struct {
	dataFlag
	File string `arg:"" name:"FILE" help:"An OPML file (- reads standard input)."`
}

func (c *sourcesImportCmd) Run(ctx context.Context, env *Env) error {
	var r io.Reader = env.Stdin
	if c.File != "-" {
		f, err := os.Open(c.File)
		if err != nil {
			return &exitError{code: 1, err: err}
		}
		defer f.Close()
		r = f
	}
	outlines, err := opml.Read(r)
	if err != nil {
		return &exitError{code: 1, err: fmt.Errorf("%s: %w", c.File, err)}
	}
	st, _, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := source.Import(ctx, st, outlines, time.Now())
	for _, e := range res.Errors {
		env.Log.Warn("skipped", "err", e)
	}
	if err != nil {
		return err
	}
	added, known, bad := res.Added, res.Known, res.Skipped
	fmt.Fprintf(env.Stdout, "followed %d new sources; %d were followed already, %d skipped\n", added, known, bad)
	if bad > 0 {
		return &exitError{code: 1}
	}
	return nil
}

type sourcesExportCmd struct {
	dataFlag
}

func (c *sourcesExportCmd) Run(ctx context.Context, env *Env) error {
	st, _, err := c.open(ctx, env)
	if err != nil {
		return err
	}
	defer st.Close()
	list, err := st.SourceList(ctx)
	if err != nil {
		return err
	}
	outlines := make([]opml.Outline, 0, len(list))
	for _, s := range list {
		o := opml.Outline{Title: s.Name, XMLURL: s.URL}
		if s.Kind == "page" {
			o = opml.Outline{Title: s.Name, HTMLURL: s.URL}
		}
		if o.Title == "" {
			o.Title = s.URL
		}
		if s.FixedInterval {
			o.Interval = s.Interval
		}
		outlines = append(outlines, o)
	}
	return opml.Write(env.Stdout, "warta sources", outlines, time.Now())
}

// fetchFlags are the flags of the commands that fetch from the web.
type fetchFlags struct {
	AllowPrivateNetworks bool          `name:"allow-private-networks" env:"WARTA_ALLOW_PRIVATE_NETWORKS" help:"Let the fetcher and alert webhooks reach private and special-purpose addresses (loopback, RFC 1918, link-local, ...) and their ports: intranets and tests. Off, such addresses are refused when dialling."`
	WARC                 string        `name:"warc" placeholder:"DIR" help:"Keep every response fetched as WARC 1.1 files in DIR (request, response and metadata records), a new file every --warc-size."`
	WARCSize             int64         `name:"warc-size" default:"1073741824" placeholder:"BYTES" help:"Size at which a WARC file is closed and the next begun."`
	FetchDelay           time.Duration `name:"fetch-delay" default:"1s" help:"Minimum time between two requests to one host (robots.txt Crawl-delay lengthens it)."`
}

// client returns the fetcher the flags describe, keeping validators in
// v, and a func that closes it and its WARC writer.
func (f fetchFlags) client(v fetch.Validators, env *Env) (*fetch.Client, func() error, error) {
	if f.FetchDelay <= 0 {
		return nil, nil, &exitError{code: 2, err: fmt.Errorf("--fetch-delay must be positive")}
	}
	cfg := fetch.Config{
		UserAgent:  fetch.UserAgent(shortVersion()),
		MinDelay:   f.FetchDelay,
		Policy:     fetch.Policy{AllowPrivate: f.AllowPrivateNetworks},
		Validators: v,
		Log:        env.Log,
	}
	var w *warc.Writer
	if f.WARC != "" {
		var err error
		if w, err = warc.NewWriter(f.WARC, f.WARCSize, shortVersion()); err != nil {
			return nil, nil, err
		}
		cfg.Recorder = w
	}
	c := fetch.New(cfg)
	return c, func() error {
		c.Close()
		if w != nil {
			return w.Close()
		}
		return nil
	}, nil
}

// shortVersion is warta's version for the User-Agent.
func shortVersion() string {
	if Version != "" {
		return Version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
