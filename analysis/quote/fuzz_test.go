package quote

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// FuzzFind checks that no input makes Find panic or break the invariants
// of its output, with and without an entity table whose mentions are the
// input's capitalised words.
func FuzzFind(f *testing.F) {
	files, _ := filepath.Glob("testdata/golden/*.txt")
	for _, file := range files {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(string(data))
		}
	}
	for _, row := range findRows {
		f.Add(row.in)
	}
	f.Add("T\n“\n”\n\"\n“”“”")
	f.Add("T\n“A,” kata, “B\n“C” ujarnya (")
	f.Fuzz(func(t *testing.T, s string) {
		doc := docOf(article.FromText(text.Normalize(s)))
		for _, e := range checkQuotes(doc, Find(doc, nil)) {
			t.Error(e)
		}
		ents := &Entities{List: []Entity{{ID: "E1", Name: "X", Type: "PER"}, {ID: "E2", Name: "Y", Type: "ORG"}}}
		for i, tok := range doc.Tokens {
			if w := doc.Text[tok.Start:tok.End]; person.IsUpperStart(w) {
				ents.Mentions = append(ents.Mentions, Mention{Start: tok.Start, End: tok.End, Entity: i % 3}) // index 2 is out of range on purpose
			}
		}
		for _, e := range checkQuotes(doc, Find(doc, ents)) {
			t.Error(e)
		}
	})
}
