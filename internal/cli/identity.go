package cli

import (
	"context"
	"errors"
	"os"

	"github.com/warta-news/warta/internal/config"
	"github.com/warta-news/warta/internal/eval"
	"github.com/warta-news/warta/internal/store"
)

type evalIdentityCmd struct {
	Articles string `placeholder:"FILE" help:"detik-news articles (JSON Lines); default: data/detik-news/articles.jsonl in the shared folder."`
	Records  string `placeholder:"FILE" help:"Their records (warta analyze --jsonl output, same order) instead of analysing them again."`
	Gold     string `default:"internal/eval/testdata/identity-detik.tsv" placeholder:"FILE" help:"Identity gold: entity, type, form, article ids."`
	Verbose  bool   `short:"v" help:"List the gold entities split and the refs that join several."`
}

func (c *evalIdentityCmd) Run(ctx context.Context, env *Env) error {
	if err := env.dataset(&c.Articles, "data/detik-news/articles.jsonl"); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "warta-identity-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	s, err := eval.Identity(ctx, c.Articles, c.Records, c.Gold, dir)
	if err != nil {
		return err
	}
	return eval.WriteStoreIdentityReport(env.Stdout, s, c.Verbose)
}

type reindexCmd struct {
	Data  string `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory (default: as for warta serve)."`
	Store string `placeholder:"URL" env:"WARTA_STORE" help:"PostgreSQL URL of a shared store; default: the SQLite file in the data directory."`
}

// Help adds what reindexing does to "warta reindex --help".
func (reindexCmd) Help() string {
	return `Each article is linked to the store-wide identity of its entities when it is
stored, with what the store had learnt from the articles before it (names
that one article links, such as Joko Widodo (Jokowi); who held an office in
a month). An article stored before the one that taught something keeps its
old links until a reindex: it learns everything again from every article,
in publication order, and links every article with all of it. The API
never serves two refs for one entity: an id merged into another serves that
one's page.`
}

func (c *reindexCmd) Run(ctx context.Context, env *Env) error {
	dir, err := config.DataDir(c.Data, env.getenv)
	if err != nil {
		return err
	}
	st, err := openStoreFlag(ctx, c.Store, dir, env.Log, false)
	if err != nil {
		return err
	}
	defer st.Close()
	ids, ok := st.(store.Identities)
	if !ok {
		return &exitError{code: 1, err: errors.New("reindex: this store has no store-wide identity")}
	}
	stats, err := ids.Reindex(ctx)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	env.Log.Info("reindexed", "articles", stats.Articles, "entities", stats.Entities, "changed", stats.Changed, "store", storeName(c.Store, dir))
	return nil
}
