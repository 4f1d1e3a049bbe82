package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalQuotesCmd struct {
	Data     string `placeholder:"DIR" help:"Folder of PFSA-ID (dev-20.txt), evaluation only; default: data/quotes/pfsa-id in the shared folder."`
	Examples int    `default:"0" placeholder:"N" help:"Print the first N missed, spurious and wrongly attributed quotations."`
}

func (c *evalQuotesCmd) Run(env *Env) error {
	if err := env.dataset(&c.Data, "data/quotes/pfsa-id"); err != nil {
		return err
	}
	score, err := eval.Quotes(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteQuotesReport(env.Stdout, score, c.Examples)
}
