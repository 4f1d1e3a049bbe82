package cli

import (
	"context"

	"github.com/warta-news/warta/internal/eval"
)

type evalCopiesCmd struct {
	Articles string `default:"../shared/data/detik-news/articles.jsonl" placeholder:"FILE" help:"detik-news articles (JSON Lines)."`
	Labels   string `default:"internal/eval/testdata/copies-detik.tsv" placeholder:"FILE" help:"Labelled pairs: a, b, label, original."`
}

func (c *evalCopiesCmd) Run(ctx context.Context, env *Env) error {
	s, err := eval.Copies(ctx, c.Articles, c.Labels)
	if err != nil {
		return err
	}
	return eval.WriteCopyReport(env.Stdout, s)
}
