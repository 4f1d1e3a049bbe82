package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/warta-news/warta/internal/bench"
)

type benchCmd struct {
	Corpus benchCorpusCmd `cmd:"" help:"Build a benchmark corpus of N unique articles (JSON Lines) from detik-news."`
	Ingest benchIngestCmd `cmd:"" help:"Time warta ingest of a corpus into a fresh store beside warta analyze --jsonl and gzip -6 of the same file."`
	Search benchSearchCmd `cmd:"" help:"Time the query classes and the entity pages through warta serve, beside a raw FTS5 table, sequentially, concurrently and while an ingest writes."`
}

type benchIngestCmd struct {
	Warta  []string `placeholder:"BINARY" help:"warta binaries to measure, taking turns in each round (repeat the flag to compare builds in the same run); default: this one."`
	Runs   int      `default:"3" help:"Rounds; each figure is the median over them."`
	Dir    string   `placeholder:"DIR" help:"Where the fresh stores are made (default: the system's temporary directory); each is removed after its run."`
	Corpus string   `arg:"" placeholder:"FILE" help:"The corpus (JSON Lines), e.g. from warta bench corpus."`
}

func (c *benchIngestCmd) Run(ctx context.Context, env *Env) error {
	if len(c.Warta) == 0 {
		self, err := os.Executable()
		if err != nil {
			return err
		}
		c.Warta = []string{self}
	}
	runs, err := bench.IngestBench(ctx, bench.IngestOptions{Corpus: c.Corpus, Binaries: c.Warta, Runs: c.Runs, Dir: c.Dir, Log: env.Stderr})
	if err != nil {
		return err
	}
	return bench.WriteIngestReport(env.Stdout, runs)
}

type benchCorpusCmd struct {
	Size     int    `required:"" placeholder:"N" help:"Articles to write."`
	Out      string `required:"" placeholder:"FILE" help:"Where to write the corpus (JSON Lines); - is standard output."`
	Seed     uint64 `default:"1" help:"Seed: the same seed and sources give the same corpus, byte for byte."`
	Articles string `placeholder:"FILE" help:"Source articles (JSON Lines); default: data/detik-news/articles.jsonl in the shared folder."`
}

// Validate checks the flags once they are read (kong calls it).
func (c *benchCorpusCmd) Validate() error {
	if c.Size < 1 {
		return fmt.Errorf("--size %d: want at least 1", c.Size)
	}
	return nil
}

func (c *benchCorpusCmd) Run(ctx context.Context, env *Env) error {
	if err := env.dataset(&c.Articles, "data/detik-news/articles.jsonl"); err != nil {
		return err
	}
	f, err := os.Open(c.Articles)
	if err != nil {
		return err
	}
	src, err := bench.ReadArticles(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", c.Articles, err)
	}
	out := env.Stdout
	var file *os.File
	if c.Out != "-" {
		if file, err = os.Create(c.Out); err != nil {
			return err
		}
		out = file
	}
	st, err := bench.WriteCorpus(ctx, out, src, bench.CorpusOptions{Size: c.Size, Seed: c.Seed})
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", c.Out, err)
	}
	env.Log.Info("corpus written", "articles", st.Articles, "bytes", st.Bytes, "redrawn", st.Redrawn,
		"sources", len(src), "seed", c.Seed, "out", c.Out)
	return nil
}
