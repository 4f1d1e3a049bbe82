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
	HoldOut  int    `name:"hold-out" default:"-1" placeholder:"K" help:"Train without the fifth K (0-4: sentences i%5=K) of CSUI train and score the model on it, a dev set in CSUI's own conventions (default: train on all)."`
	Explore  int    `help:"1 (the default): after the static oracle, train once more on the parser's own parses of each fifth, with the dynamic oracle; -1: the static oracle only."`
}

// Help says how the command relates to the committed model.
func (trainParserCmd) Help() string {
	return `Trains the part-of-speech tagger and dependency parser of analysis/syntax from
UD Indonesian-CSUI train (CC BY-SA 4.0): the static oracle's transitions, then the
parser's own parses of each fifth with the dynamic oracle. Training is deterministic: run from the
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
	if c.Explore < -1 || c.Explore > 1 {
		return fmt.Errorf("train parser: --explore=%d: want 1 or -1", c.Explore)
	}
	var held []syntax.Sentence
	if c.HoldOut >= 0 {
		if c.HoldOut > 4 {
			return fmt.Errorf("train parser: --hold-out %d: want 0 to 4", c.HoldOut)
		}
		var keep []syntax.Sentence
		for i, s := range sents {
			if i%5 == c.HoldOut {
				held = append(held, s)
			} else {
				keep = append(keep, s)
			}
		}
		sents = keep
	}
	m, rep, err := syntax.Train(sents, syntax.TrainOptions{Epochs: c.Epochs, Seed: c.Seed, Explore: c.Explore,
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
	fmt.Fprintf(env.Stderr, "train parser: %d sentences (%d non-projective, left out of the static oracle's examples), %d transitions, %d labelled arcs (examples); %d bytes written to %s in %s\n",
		rep.Sentences, rep.Nonprojective, rep.Transitions, rep.Arcs, b.Len(), c.Out, time.Since(start).Round(time.Millisecond))
	if held != nil {
		sc := eval.ScoreParser(m, held, "ud-indonesian-csui", eval.ParserTrainFile, fmt.Sprintf("held-out fifth %d", c.HoldOut))
		pct := func(n int) float64 { return 100 * float64(n) / float64(max(sc.Tokens, 1)) }
		fmt.Fprintf(env.Stdout, "held-out fifth %d of CSUI train: %d sentences, %d tokens, UPOS %.2f, UAS %.2f, LAS %.2f\n",
			c.HoldOut, sc.Sentences, sc.Tokens, pct(sc.UPOS), pct(sc.UAS), pct(sc.LAS))
	}
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
