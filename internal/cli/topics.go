package cli

import (
	stdcontext "context"
	"fmt"
	"time"

	"github.com/warta-news/warta/analysis/topic"
	topictrain "github.com/warta-news/warta/analysis/topic/train"
	"github.com/warta-news/warta/internal/eval"
)

type trainTopicsCmd struct {
	SIB  string `default:"../shared/data/sib200" placeholder:"DIR" help:"SIB-200 folder; ind_Latn/train.tsv is read."`
	SmSA string `default:"../shared/data/sentiment/smsa_doc-sentiment-prosa" placeholder:"DIR" help:"SmSA folder; its train split gives the weak labels."`
	Out  string `default:"analysis/topic/data/topic.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
}

// Help says how the command relates to the committed model.
func (trainTopicsCmd) Help() string {
	return `Trains the topic model (logistic regression over words and subject-lexicon
hits, 17 IPTC subjects) from SIB-200 Indonesian train, its labels mapped to
IPTC, and from SmSA train sentences weakly labelled by the lexicon.
Deterministic: run from the module root with the defaults, it rewrites
analysis/topic/data/topic.model with the same bytes, and says so.`
}

func (c *trainTopicsCmd) Run(env *Env) error {
	start := time.Now()
	model, err := topictrain.Train(c.SIB, c.SmSA)
	if err != nil {
		return err
	}
	if err := writeModel(c.Out, model); err != nil {
		return fmt.Errorf("train topics: %w", err)
	}
	_, err = fmt.Fprintf(env.Stdout, "wrote %s: %d bytes, %s; trained in %.1f s\n",
		c.Out, len(model), sameAsBuiltIn(model, topic.ModelFile()), time.Since(start).Seconds())
	return err
}

type evalTopicsCmd struct {
	Data string `default:"../shared/data" placeholder:"DIR" help:"The shared data folder (detik-news/, sib200/)."`
}

func (c *evalTopicsCmd) Run(ctx stdcontext.Context, env *Env) error {
	rep, err := eval.Topics(ctx, c.Data)
	if err != nil {
		return err
	}
	return eval.WriteTopicsReport(env.Stdout, rep)
}
