package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	entitytrain "github.com/warta-news/warta/analysis/entity/train"
	"github.com/warta-news/warta/analysis/langid"
	langidtrain "github.com/warta-news/warta/analysis/langid/train"
	stemtrain "github.com/warta-news/warta/analysis/stem/train"
	"github.com/warta-news/warta/internal/lineage/bilingual"
)

// trainCmd groups the commands that rebuild the models and tables committed
// in the repository from the shared datasets.
type trainCmd struct {
	Langid trainLangidCmd `cmd:"" help:"Train the language model from SIB-200 train."`
	Stem   trainStemCmd   `cmd:"" help:"Build the stemmer's root list from UD Indonesian-CSUI train."`
	NER    trainNERCmd    `cmd:"" name:"ner" help:"Train the NER model from NERGrit, NERP and IDNer-news-2k."`
	Tone   trainToneCmd   `cmd:"" help:"Train the tone model from SmSA train."`
	Topics trainTopicsCmd `cmd:"" help:"Train the topic model from SIB-200 train and SmSA sentences weakly labelled by the lexicon."`
	Parser trainParserCmd `cmd:"" help:"Train the tagger and dependency parser from UD Indonesian-CSUI train."`
	// Bilingual: the word table lineage aligns translated quotes by.
	Bilingual trainBilingualCmd `cmd:"" help:"Build the Indonesian–English word table from SIB-200 train (eng_Latn, ind_Latn)."`
}

type trainBilingualCmd struct {
	Data string `placeholder:"DIR" help:"Folder of the SIB-200 language folders (default: data/sib200 in the shared folder)."`
	Out  string `default:"internal/lineage/bilingual/data/id-en.tsv" placeholder:"FILE" help:"Where to write the table."`
}

func (c *trainBilingualCmd) Run(env *Env) error {
	if err := env.dataset(&c.Data, "data/sib200"); err != nil {
		return err
	}
	en, err := langidtrain.ReadSplit(filepath.Join(c.Data, "eng_Latn", "train.tsv"))
	if err != nil {
		return fmt.Errorf("train bilingual: %w", err)
	}
	id, err := langidtrain.ReadSplit(filepath.Join(c.Data, "ind_Latn", "train.tsv"))
	if err != nil {
		return fmt.Errorf("train bilingual: %w", err)
	}
	b, err := bilingual.Train(en, id, bilingual.Source)
	if err != nil {
		return fmt.Errorf("train bilingual: %w", err)
	}
	if err := writeTrained(c.Out, b); err != nil {
		return fmt.Errorf("train bilingual: %w", err)
	}
	fmt.Fprintf(env.Stderr, "train bilingual: %d sentence pairs, %d bytes written to %s\n", len(en), len(b), c.Out)
	return nil
}

type trainLangidCmd struct {
	Data string `placeholder:"DIR" help:"Folder of the SIB-200 language folders (default: data/sib200 in the shared folder); their train.tsv files are read."`
	Out  string `default:"analysis/langid/model.bin" placeholder:"FILE" help:"Where to write the model."`
}

// Help says how the command relates to the committed model.
func (trainLangidCmd) Help() string {
	return `Trains the language identification model from the SIB-200 train split and
the contrast list embedded in the binary. Training is deterministic: run from
the module root with the defaults, it rewrites analysis/langid/model.bin with
the same bytes, and says so.`
}

func (c *trainLangidCmd) Run(env *Env) error {
	start := time.Now()
	if err := env.dataset(&c.Data, "data/sib200"); err != nil {
		return err
	}
	m, err := langidtrain.Model(c.Data)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		return err
	}
	if err := writeTrained(c.Out, b.Bytes()); err != nil {
		return fmt.Errorf("train langid: %w", err)
	}
	same := "differs from"
	if built, err := langid.Default(); err == nil {
		var cur bytes.Buffer
		if built.Save(&cur) == nil && bytes.Equal(cur.Bytes(), b.Bytes()) {
			same = "is identical to"
		}
	}
	_, err = fmt.Fprintf(env.Stdout, "wrote %s: %d bytes, %s the model built into this binary; trained in %.2f s\n",
		c.Out, b.Len(), same, time.Since(start).Seconds())
	return err
}

type trainStemCmd struct {
	Treebank string `placeholder:"FILE" help:"CoNLL-U treebank to take the roots from, a train split only (default: data/treebank/ud-indonesian-csui/id_csui-ud-train.conllu in the shared folder)."`
	Out      string `default:"analysis/stem/data/roots_ud.txt" placeholder:"FILE" help:"Root list to write (embedded by analysis/stem)."`
}

// Help says how the command relates to the committed list.
func (trainStemCmd) Help() string {
	return `Builds the stemmer's root list from the lemmas of a UD treebank's train
split (analysis/stem/train has the rules) and refuses any other split.
It is deterministic: run from the module root with the defaults, it rewrites
analysis/stem/data/roots_ud.txt with the same bytes. Curated roots go in
analysis/stem/data/roots.txt, which this command does not touch.`
}

// Run writes the root list from the treebank's lemmas. It refuses a file
// that is not a train split, so that no test data leaks into the list.
func (c *trainStemCmd) Run(env *Env) error {
	if err := env.dataset(&c.Treebank, "data/treebank/ud-indonesian-csui/id_csui-ud-train.conllu"); err != nil {
		return err
	}
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
	if err := stemtrain.Roots(&b, f, base); err != nil {
		return fmt.Errorf("train stem: %w", err)
	}
	if err := writeTrained(c.Out, b.Bytes()); err != nil {
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

type trainNERCmd struct {
	Data   string `placeholder:"DIR" help:"Folder with the NER sets under ner/ and unlabelled text for the word clusters (default: data in the shared folder)."`
	Out    string `default:"analysis/entity/data/ner.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
	Epochs int    `help:"Passes over the training data (default: the tuned number)."`
	Seed   uint64 `help:"Seed for the order of training sentences."`
}

func (c *trainNERCmd) Run(env *Env) error {
	if err := env.dataset(&c.Data, "data"); err != nil {
		return err
	}
	m, err := entitytrain.Model(entitytrain.Config{DataDir: c.Data, Epochs: c.Epochs, Seed: c.Seed, Log: env.Stderr})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := writeTrained(c.Out, buf.Bytes()); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%.2f MB) after %.0f s of training\n", c.Out, float64(buf.Len())/1e6, m.Info().Seconds)
	return nil
}

// writeTrained writes a trained model or table beside its target and
// renames it into place, so that a failed run never leaves a truncated
// file where the build embeds it.
func writeTrained(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+"-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(b)
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it private; the file is a source file
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}
