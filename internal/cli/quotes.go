package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalQuotesCmd struct {
	Data     string `default:"../shared/data/quotes/pfsa-id" placeholder:"DIR" help:"Folder of PFSA-ID (dev-20.txt); evaluation only."`
	Examples int    `default:"0" placeholder:"N" help:"Print the first N missed, spurious and wrongly attributed quotations."`
}

func (c *evalQuotesCmd) Run(env *Env) error {
	score, err := eval.Quotes(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteQuotesReport(env.Stdout, score, c.Examples)
}
