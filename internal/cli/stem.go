package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalStemCmd struct {
	Data   string `placeholder:"DIR" help:"Folder of the stemmer gold pairs (Sastrawi's test pairs, UD Indonesian-CSUI form-lemma pairs); default: data/stem in the shared folder."`
	Misses bool   `help:"List every disagreement after the scores."`
}

func (c *evalStemCmd) Run(env *Env) error {
	if err := env.dataset(&c.Data, "data/stem"); err != nil {
		return err
	}
	scores, err := eval.Stem(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteStemReport(env.Stdout, scores, c.Misses)
}
