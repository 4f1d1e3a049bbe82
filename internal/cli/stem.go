package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/warta-news/warta/analysis/stem"
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

type trainStemCmd struct {
	Treebank string `default:"../shared/data/treebank/ud-indonesian-csui/id_csui-ud-train.conllu" placeholder:"FILE" help:"CoNLL-U treebank to take the roots from: a train split only."`
	Out      string `default:"analysis/stem/data/roots_ud.txt" placeholder:"FILE" help:"Root list to write (embedded by analysis/stem)."`
}

// Help says how the command relates to the committed list.
func (trainStemCmd) Help() string {
	return `Builds the stemmer's root list from the lemmas of a UD treebank's train
split (analysis/stem/train.go has the rules) and refuses any other split.
It is deterministic: run from the module root with the defaults, it rewrites
analysis/stem/data/roots_ud.txt with the same bytes. Curated roots go in
analysis/stem/data/roots.txt, which this command does not touch.`
}

// Run writes the root list from the treebank's lemmas. It refuses a file
// that is not a train split, so that no test data leaks into the list.
func (c *trainStemCmd) Run(env *Env) error {
	base := filepath.Base(c.Treebank)
	if !strings.Contains(base, "-train.") {
		return &exitError{code: 2, err: fmt.Errorf("train stem: %s is not a train split (want a *-train.conllu file)", base)}
	}
	f, err := os.Open(c.Treebank)
	if err != nil {
		return fmt.Errorf("train stem: %w", err)
	}
	defer f.Close()
	var b bytes.Buffer
	if err := stem.TrainRoots(&b, f, base); err != nil {
		return fmt.Errorf("train stem: %w", err)
	}
	// Write beside the target and rename, so that a failed run never
	// leaves a half-written list for go:embed to pick up.
	tmp, err := os.CreateTemp(filepath.Dir(c.Out), ".roots-*.txt")
	if err != nil {
		return fmt.Errorf("train stem: %w", err)
	}
	_, werr := tmp.Write(b.Bytes())
	if err := errors.Join(werr, tmp.Chmod(0o644), tmp.Close()); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("train stem: writing %s: %w", c.Out, err)
	}
	if err := os.Rename(tmp.Name(), c.Out); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("train stem: %w", err)
	}
	roots := 0
	for line := range strings.Lines(b.String()) {
		if !strings.HasPrefix(line, "#") {
			roots++
		}
	}
	fmt.Fprintf(env.Stderr, "train stem: %d roots from %s written to %s\n", roots, base, c.Out)
	return nil
}
