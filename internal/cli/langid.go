package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalLangidCmd struct {
	Data string `default:"../shared/data/sib200" placeholder:"DIR" help:"Folder of the SIB-200 language folders (ind_Latn, zsm_Latn, ...)."`
}

func (c *evalLangidCmd) Run(env *Env) error {
	scores, err := eval.Langid(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteLangidReport(env.Stdout, scores)
}
