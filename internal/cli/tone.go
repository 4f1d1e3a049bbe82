package cli

import (
	"bytes"
	stdcontext "context"
	"fmt"
	"time"

	"github.com/warta-news/warta/analysis/tone"
	tonetrain "github.com/warta-news/warta/analysis/tone/train"
	"github.com/warta-news/warta/internal/eval"
)

type trainToneCmd struct {
	Data string `placeholder:"DIR" help:"SmSA folder; its train split is read (default: data/sentiment/smsa_doc-sentiment-prosa in the shared folder)."`
	Out  string `default:"analysis/tone/data/tone.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
}

// Help says how the command relates to the committed model.
func (trainToneCmd) Help() string {
	return `Trains the tone model (multinomial logistic regression over words, word
pairs, character n-grams and the tone lexicon) from SmSA train. Training is
deterministic: run from the module root with the defaults, it rewrites
analysis/tone/data/tone.model with the same bytes, and says so.`
}

func (c *trainToneCmd) Run(env *Env) error {
	start := time.Now()
	if err := env.dataset(&c.Data, "data/sentiment/smsa_doc-sentiment-prosa"); err != nil {
		return err
	}
	model, err := tonetrain.Train(c.Data)
	if err != nil {
		return fmt.Errorf("train tone: %w", err)
	}
	if err := writeTrained(c.Out, model); err != nil {
		return fmt.Errorf("train tone: %w", err)
	}
	_, err = fmt.Fprintf(env.Stdout, "wrote %s: %d bytes, %s; trained in %.1f s\n",
		c.Out, len(model), sameAsBuiltIn(model, tone.ModelFile()), time.Since(start).Seconds())
	return err
}

type evalToneCmd struct {
	Data   string `placeholder:"DIR" help:"Folder holding sentiment/ and detik-news/ (default: data in the shared folder)."`
	Labels string `default:"internal/eval/testdata/tone-news.tsv" placeholder:"FILE" help:"Sentences of detik-news labelled for their tone toward an entity (ids and offsets only)."`
}

func (c *evalToneCmd) Run(ctx stdcontext.Context, env *Env) error {
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	rep, err := eval.Tone(ctx, c.Data, c.Labels)
	if err != nil {
		return err
	}
	return eval.WriteToneReport(env.Stdout, rep)
}

// sameAsBuiltIn says whether a freshly trained model is the one built into
// this binary.
func sameAsBuiltIn(model, builtIn []byte) string {
	if bytes.Equal(model, builtIn) {
		return "identical to the model built into this binary"
	}
	return "different from the model built into this binary"
}
