package cli

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/internal/eval"
)

type evalNERCmd struct {
	Data  string `default:"../shared/data/ner" placeholder:"DIR" help:"Folder of the NER sets (nergrit_ner-grit, nerp_ner-prosa, idner-news-2k, indolem)."`
	Model string `placeholder:"FILE" help:"Model file to score (default: the one built into warta)."`
	Split string `default:"test" enum:"test,dev" help:"Split to score: test (report) or dev (tuning)."`
}

func (c *evalNERCmd) Run(env *Env) error {
	m, size, err := loadNERModel(c.Model)
	if err != nil {
		return err
	}
	scores, err := eval.NER(c.Data, m, c.Split)
	if err != nil {
		return err
	}
	return eval.WriteNERReport(env.Stdout, scores, m.Info(), size)
}

// loadNERModel reads a model file, or returns the embedded model; it also
// returns the model's size in bytes.
func loadNERModel(path string) (*entity.Model, int, error) {
	if path == "" {
		m, err := entity.DefaultModel()
		return m, len(entity.EmbeddedModel()), err
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	m, err := entity.ReadModel(bytes.NewReader(b))
	return m, len(b), err
}

type trainNERCmd struct {
	Data   string `default:"../shared/data" placeholder:"DIR" help:"The shared data folder: NER sets under ner/, unlabelled text for the word clusters."`
	Out    string `default:"analysis/entity/data/ner.model" placeholder:"FILE" help:"Where to write the model (the default is the file built into warta)."`
	Epochs int    `help:"Passes over the training data (default: the tuned number)."`
	Seed   uint64 `help:"Seed for the order of training sentences."`
}

func (c *trainNERCmd) Run(env *Env) error {
	m, err := entity.Train(entity.TrainConfig{DataDir: c.Data, Epochs: c.Epochs, Seed: c.Seed, Log: env.Stderr})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(c.Out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(c.Out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "wrote %s (%.2f MB) after %.0f s of training\n", c.Out, float64(buf.Len())/1e6, m.Info().Seconds)
	return nil
}
