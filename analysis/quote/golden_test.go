package quote

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

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
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden articles: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			doc := docOf(article.FromText(text.Normalize(string(raw))))
			out := []goldenQuote{}
			at := func(s text.Span) string { return doc.Text[s.Start:s.End] }
			for _, q := range Find(doc, nil) {
				out = append(out, goldenQuote{Text: at(q.Text), Kind: q.Kind.String(), Cue: at(q.Cue), Ref: at(q.Ref),
					Speaker: at(q.Speaker), Via: q.Via.String(), Name: q.Name, Role: q.Role, Continued: q.Continued})
			}
			var b bytes.Buffer
			enc := json.NewEncoder(&b)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(out); err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("quotations differ from %s:\n%s", golden, b.String())
			}
		})
	}
}
