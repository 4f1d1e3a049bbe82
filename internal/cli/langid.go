package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/internal/eval"
)

type evalLangidCmd struct {
	Data string `default:"../shared/data/sib200" placeholder:"DIR" help:"Folder of the SIB-200 language folders (ind_Latn, zsm_Latn, ...)."`
}

func (c *evalLangidCmd) Run(env *Env) error {
	scores, err := eval.Langid(c.Data)
	if err != nil {
		return err
	}
	return eval.WriteLangidReport(env.Stdout, scores)
}

type trainLangidCmd struct {
	Data string `default:"../shared/data/sib200" placeholder:"DIR" help:"Folder of the SIB-200 language folders; their train.tsv files are read."`
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
	m, err := langid.Train(c.Data)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		return err
	}
	// Write beside the target and rename, so a failed write never leaves a
	// truncated model where the build embeds it.
	tmp, err := os.CreateTemp(filepath.Dir(c.Out), ".model-*.bin")
	if err != nil {
		return fmt.Errorf("train langid: %w", err)
	}
	_, err = tmp.Write(b.Bytes())
	if err == nil {
		err = tmp.Chmod(0o644) // CreateTemp makes it private; the model is a source file
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), c.Out)
	}
	if err != nil {
		os.Remove(tmp.Name())
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
