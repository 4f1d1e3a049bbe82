package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalEntitiesCmd struct {
	Records string `arg:"" placeholder:"FILE" help:"Records as JSON Lines, the output of warta analyze --jsonl."`
	List    bool   `help:"Print every split and merge."`
}

func (c *evalEntitiesCmd) Run(env *Env) error {
	counts, err := eval.CountIdentityFile(c.Records)
	if err != nil {
		return err
	}
	return eval.WriteIdentityReport(env.Stdout, counts, c.List)
}
