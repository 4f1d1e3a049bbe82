package cli

import (
	"bytes"
	"os"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/internal/eval"
)

type evalNERCmd struct {
	Data  string `placeholder:"DIR" help:"Folder of the NER sets (nergrit_ner-grit, nerp_ner-prosa, idner-news-2k, indolem); default: data/ner in the shared folder."`
	Model string `placeholder:"FILE" help:"Model file to score (default: the one built into warta)."`
	Split string `default:"test" enum:"test,dev" help:"Split to score: test (report) or dev (tuning)."`
}

func (c *evalNERCmd) Run(env *Env) error {
	m, size, err := loadNERModel(c.Model)
	if err != nil {
		return err
	}
	if err := env.dataset(&c.Data, "data/ner"); err != nil {
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
