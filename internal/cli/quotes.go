package cli

import (
	stdcontext "context"

	"github.com/warta-news/warta/internal/eval"
)

type evalQuotesCmd struct {
	Records  string `arg:"" optional:"" placeholder:"FILE" help:"With --gold: records as JSON Lines, the output of warta analyze --jsonl over detik-news/articles.jsonl; without a file the gold's articles are analysed here."`
	Data     string `placeholder:"DIR" help:"Folder of PFSA-ID (dev-20.txt), evaluation only; default: data/quotes/pfsa-id in the shared folder. With --gold: the shared data folder (default: data in the shared folder)."`
	Examples int    `default:"0" placeholder:"N" help:"Print the first N missed, spurious and wrongly attributed quotations."`
	Gold     string `placeholder:"FILE" help:"Score against a detik quote gold (e.g. internal/eval/testdata/quotes-detik.tsv) instead of PFSA-ID."`
	Split    string `default:"all" placeholder:"NAME" help:"With --gold: the split to score (dev, dev2, dev3, heldout, heldout2, heldout3 or heldout4), or all."`
	List     bool   `help:"With --gold: print every miss."`
}

func (c *evalQuotesCmd) Run(ctx stdcontext.Context, env *Env) error {
	if c.Gold != "" {
		if err := env.dataset(&c.Data, "data"); err != nil {
			return err
		}
		split := c.Split
		if split == "all" {
			split = ""
		}
		s, err := eval.ScoreQuoteGold(ctx, c.Data, c.Gold, split, c.Records)
		if err != nil {
			return err
		}
		return eval.WriteQuoteGoldReport(env.Stdout, s, c.List)
	}
	if err := env.dataset(&c.Data, "data/quotes/pfsa-id"); err != nil {
		return err
	}
	score, err := eval.Quotes(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteQuotesReport(env.Stdout, score, c.Examples)
}
