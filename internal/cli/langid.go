package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalLangidCmd struct {
	Data string `placeholder:"DIR" help:"Folder of the SIB-200 language folders (ind_Latn, zsm_Latn, ...); default: data/sib200 in the shared folder."`
}

func (c *evalLangidCmd) Run(env *Env) error {
	if err := env.dataset(&c.Data, "data/sib200"); err != nil {
		return err
	}
	scores, err := eval.Langid(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteLangidReport(env.Stdout, scores)
}
