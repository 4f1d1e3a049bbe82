package quote

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/golden"
)

// goldenQuote is a Quote as the golden files show it: the words instead of
// byte offsets, so that a diff reads like the article.
type goldenQuote struct {
	Text      string `json:"text"`
	Kind      string `json:"kind"`
	Cue       string `json:"cue,omitempty"`
	Ref       string `json:"ref,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
	Via       string `json:"via"`
	Name      string `json:"name,omitempty"`
	Role      string `json:"role,omitempty"`
	Continued bool   `json:"continued,omitempty"`
}

// TestGolden runs the cleaner, the text layer and Find over the articles in
// testdata/golden (written for this test: the people and quotations are
// invented) and compares with NAME.golden.json; go test -update rewrites
// them, to be reviewed in the diff like code.
func TestGolden(t *testing.T) {
	for _, file := range golden.Inputs(t, "testdata/golden/*.txt") {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			doc := docOf(article.FromText(text.Normalize(golden.Read(t, file))))
			out := []goldenQuote{}
			at := func(s text.Span) string { return doc.Text[s.Start:s.End] }
			for _, q := range Find(doc, nil) {
				out = append(out, goldenQuote{Text: at(q.Text), Kind: q.Kind.String(), Cue: at(q.Cue), Ref: at(q.Ref),
					Speaker: at(q.Speaker), Via: q.Via.String(), Name: q.Name, Role: q.Role, Continued: q.Continued})
			}
			golden.JSON(t, golden.JSONFor(file), out)
		})
	}
}
