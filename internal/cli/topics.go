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
	Data string `placeholder:"DIR" help:"Folder holding sib200/, sentiment/ and ner/: SIB-200 ind_Latn train, SmSA train and NERP train are read (default: data in the shared folder)."`
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
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	model, err := topictrain.Train(c.Data)
	if err != nil {
		return err
	}
	if err := writeTrained(c.Out, model); err != nil {
		return fmt.Errorf("train topics: %w", err)
	}
	_, err = fmt.Fprintf(env.Stdout, "wrote %s: %d bytes, %s; trained in %.1f s\n",
		c.Out, len(model), sameAsBuiltIn(model, topic.ModelFile()), time.Since(start).Seconds())
	return err
}

type evalTopicsCmd struct {
	Data string `placeholder:"DIR" help:"Folder holding detik-news/ (default: data in the shared folder)."`
}

func (c *evalTopicsCmd) Run(ctx stdcontext.Context, env *Env) error {
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	rep, err := eval.Topics(ctx, c.Data)
	if err != nil {
		return err
	}
	return eval.WriteTopicsReport(env.Stdout, rep)
}

type evalSummaryCmd struct {
	Data string `placeholder:"DIR" help:"Folder holding detik-news/ (default: data in the shared folder)."`
}

func (c *evalSummaryCmd) Run(ctx stdcontext.Context, env *Env) error {
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	rep, err := eval.Summary(ctx, c.Data)
	if err != nil {
		return err
	}
	return eval.WriteSummaryReport(env.Stdout, rep)
}
