package cli

import (
	"github.com/warta-news/warta/internal/eval"
)

type evalStemCmd struct {
	Data   string `default:"../shared/data/stem" placeholder:"DIR" help:"Folder of the stemmer gold pairs (Sastrawi's test pairs, UD Indonesian-CSUI form-lemma pairs)."`
	Misses bool   `help:"List every disagreement after the scores."`
}

func (c *evalStemCmd) Run(env *Env) error {
	scores, err := eval.Stem(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteStemReport(env.Stdout, scores, c.Misses)
}
