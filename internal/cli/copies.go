package cli

import (
	"context"

	"github.com/warta-news/warta/internal/eval"
)

type evalCopiesCmd struct {
	Articles string `placeholder:"FILE" help:"detik-news articles (JSON Lines); default: data/detik-news/articles.jsonl in the shared folder."`
	Labels   string `default:"internal/eval/testdata/copies-detik.tsv" placeholder:"FILE" help:"Labelled pairs: a, b, label, original."`
	Split    string `enum:"dev,test,all" default:"test" help:"Half of the labelled pairs to score: dev (to tune on), test (to report), or all."`
}

func (c *evalCopiesCmd) Run(ctx context.Context, env *Env) error {
	if err := env.dataset(&c.Articles, "data/detik-news/articles.jsonl"); err != nil {
		return err
	}
	split := c.Split
	if split == "all" {
		split = ""
	}
	s, err := eval.Copies(ctx, c.Articles, c.Labels, split)
	if err != nil {
		return err
	}
	return eval.WriteCopyReport(env.Stdout, s)
}

type evalQualityCmd struct {
	Articles     string `placeholder:"FILE" help:"Native articles (JSON Lines); default: data/detik-news/articles.jsonl in the shared folder."`
	Seed         string `placeholder:"FILE" help:"The founding article, a known machine translation; default: fixtures/seed/article.txt in the shared folder."`
	Translations string `default:"internal/eval/testdata/translations" placeholder:"DIR" help:"More known translations, one .txt file each."`
	Flores       string `placeholder:"FILE" help:"Human translations read ten sentences at a time; default: data/sib200/ind_Latn/test.tsv in the shared folder."`
}

func (c *evalQualityCmd) Run(ctx context.Context, env *Env) error {
	for _, d := range []struct {
		flag *string
		rel  string
	}{{&c.Articles, "data/detik-news/articles.jsonl"}, {&c.Seed, "fixtures/seed/article.txt"}, {&c.Flores, "data/sib200/ind_Latn/test.tsv"}} {
		if err := env.dataset(d.flag, d.rel); err != nil {
			return err
		}
	}
	s, err := eval.Translations(ctx, c.Articles, c.Seed, c.Translations, c.Flores)
	if err != nil {
		return err
	}
	return eval.WriteTranslationReport(env.Stdout, s)
}
