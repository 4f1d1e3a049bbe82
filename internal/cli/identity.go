package cli

import (
	"context"
	"os"

	"github.com/warta-news/warta/internal/eval"
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
