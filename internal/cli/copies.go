package cli

import (
	"context"

	"github.com/warta-news/warta/internal/eval"
)

type evalCopiesCmd struct {
	Articles string `placeholder:"FILE" help:"detik-news articles (JSON Lines); default: data/detik-news/articles.jsonl in the shared folder."`
	Labels   string `default:"internal/eval/testdata/copies-detik.tsv" placeholder:"FILE" help:"Labelled pairs: a, b, label, original."`
}

func (c *evalCopiesCmd) Run(ctx context.Context, env *Env) error {
	if err := env.dataset(&c.Articles, "data/detik-news/articles.jsonl"); err != nil {
		return err
	}
	s, err := eval.Copies(ctx, c.Articles, c.Labels)
	if err != nil {
		return err
	}
	return eval.WriteCopyReport(env.Stdout, s)
}
