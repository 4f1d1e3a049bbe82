package cli

import (
	"bytes"
	stdcontext "context"
	"fmt"
	"io"
	"time"

	"github.com/warta-news/warta/analysis/tone"
	tonetrain "github.com/warta-news/warta/analysis/tone/train"
	"github.com/warta-news/warta/internal/eval"
)

// trainedModel is the shape of `warta train tone` and `warta train
// topics`: a deterministic trainer over a dataset folder, whose model
// replaces the built-in one when written to its default path.
type trainedModel struct {
	name    string // as in the command: tone, topics
	data    string // the dataset folder, relative to the shared folder
	train   func(dir string) ([]byte, error)
	builtIn func() []byte
}

// run trains from the folder flag (or the default), writes the model to
// out and says whether it is the one built into this binary.
func (m trainedModel) run(env *Env, data *string, out string) error {
	start := time.Now()
	if err := env.dataset(data, m.data); err != nil {
		return err
	}
	model, err := m.train(*data)
	if err != nil {
		return fmt.Errorf("train %s: %w", m.name, err)
	}
	if err := writeTrained(out, model); err != nil {
		return fmt.Errorf("train %s: %w", m.name, err)
	}
	_, err = fmt.Fprintf(env.Stdout, "wrote %s: %d bytes, %s; trained in %.1f s\n",
		out, len(model), sameAsBuiltIn(model, m.builtIn()), time.Since(start).Seconds())
	return err
}

// sameAsBuiltIn says whether a freshly trained model is the one built into
// this binary.
func sameAsBuiltIn(model, builtIn []byte) string {
	if bytes.Equal(model, builtIn) {
		return "identical to the model built into this binary"
	}
	return "different from the model built into this binary"
}

// runEval is the shape of the `warta eval tone|topics|summary` commands:
// find the data folder (the flag or data in the shared folder), score, and
// print the report.
func runEval[R any](ctx stdcontext.Context, env *Env, data *string, score func(ctx stdcontext.Context, data string) (R, error), write func(io.Writer, R) error) error {
	if err := env.dataset(data, "data"); err != nil {
		return err
	}
	rep, err := score(ctx, *data)
	if err != nil {
		return err
	}
	return write(env.Stdout, rep)
}

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
	return trainedModel{name: "tone", data: "data/sentiment/smsa_doc-sentiment-prosa", train: tonetrain.Train, builtIn: tone.ModelFile}.
		run(env, &c.Data, c.Out)
}

type evalToneCmd struct {
	Data   string `placeholder:"DIR" help:"Folder holding sentiment/ and detik-news/ (default: data in the shared folder)."`
	Labels string `default:"internal/eval/testdata/tone-news.tsv" placeholder:"FILE" help:"Sentences of detik-news labelled for their tone toward an entity (ids and offsets only)."`
}

func (c *evalToneCmd) Run(ctx stdcontext.Context, env *Env) error {
	score := func(ctx stdcontext.Context, data string) (*eval.ToneReport, error) {
		return eval.Tone(ctx, data, c.Labels)
	}
	return runEval(ctx, env, &c.Data, score, eval.WriteToneReport)
}
