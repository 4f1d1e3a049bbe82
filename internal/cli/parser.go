package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/internal/eval"
)

type trainParserCmd struct {
	Treebank string `placeholder:"DIR" help:"Folder of the UD treebanks (default: data/treebank in the shared folder); ud-indonesian-csui/id_csui-ud-train.conllu is read."`
	Out      string `default:"analysis/syntax/data/syntax.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
	Epochs   int    `help:"Passes over the training data (default: the tuned number)."`
	Seed     uint64 `help:"Seed for the order of training examples (default: the committed model's)."`
}

// Help says how the command relates to the committed model.
func (trainParserCmd) Help() string {
	return `Trains the part-of-speech tagger and dependency parser of analysis/syntax from
UD Indonesian-CSUI train (CC BY-SA 4.0). Training is deterministic: run from the
module root with the defaults, it rewrites analysis/syntax/data/syntax.model
with the same bytes.`
}

func (c *trainParserCmd) Run(env *Env) error {
	start := time.Now()
	if err := env.dataset(&c.Treebank, "data/treebank"); err != nil {
		return err
	}
	sents, err := eval.ReadTreebank(filepath.Join(c.Treebank, eval.ParserTrainFile))
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	m, rep, err := syntax.Train(sents, syntax.TrainOptions{Epochs: c.Epochs, Seed: c.Seed,
		Sources: map[string]int{"ud-indonesian-csui/train": len(sents)}})
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	if err := writeTrained(c.Out, b.Bytes()); err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	fmt.Fprintf(env.Stderr, "train parser: %d sentences (%d non-projective, tagger only), %d transitions, %d labelled arcs; %d bytes written to %s in %s\n",
		rep.Sentences, rep.Nonprojective, rep.Transitions, rep.Arcs, b.Len(), c.Out, time.Since(start).Round(time.Millisecond))
	return nil
}

type evalParserCmd struct {
	Treebank string `placeholder:"DIR" help:"Folder of the UD treebanks (ud-indonesian-csui, ud-indonesian-gsd); default: data/treebank in the shared folder."`
	Model    string `placeholder:"FILE" help:"Model file to score (default: the one built into warta)."`
	Split    string `default:"test" enum:"test,dev" help:"Split to score: test (CSUI test and GSD test, report) or dev (GSD dev, tuning)."`
}

func (c *evalParserCmd) Run(env *Env) error {
	data := syntax.EmbeddedModel()
	if c.Model != "" {
		var err error
		if data, err = os.ReadFile(c.Model); err != nil {
			return err
		}
	}
	m, err := syntax.ReadModel(data)
	if err != nil {
		return err
	}
	if err := env.dataset(&c.Treebank, "data/treebank"); err != nil {
		return err
	}
	scores, err := eval.Parser(c.Treebank, m, c.Split)
	if err != nil {
		return err
	}
	return eval.WriteParserReport(env.Stdout, scores, m.Note(), len(data))
}
