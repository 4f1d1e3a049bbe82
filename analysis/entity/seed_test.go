package entity_test

import (
	"strings"
	"testing"
	"unicode"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// newDocument lays out an article as analysis.Analyze does: the title, a
// blank line, then the paragraphs joined by blank lines; then tokens and
// sentences.
func newDocument(a *article.Article) *text.Document {
	doc := text.NewDocument(a.Title, a.Paragraphs)
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

// goldEntity is an entity of ../shared/fixtures/seed/gold.json.
type goldEntity struct {
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	AltTypes []string `json:"alt_types"`
	Mentions []string `json:"mentions"`
	Country  string   `json:"country"`
	Optional bool     `json:"optional"`
}

// norm is the shared scorer's normalisation (tools/score_record.py).
func norm(s string) string {
	s = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, " \"'.,;:!?-\u2013\u2014")
	return strings.ToLower(s)
}

func matches(g goldEntity, e entity.Entity) bool {
	forms := map[string]bool{norm(g.Name): true}
	for _, m := range g.Mentions {
		forms[norm(m)] = true
	}
	hit := forms[norm(e.Name)]
	for _, m := range e.Mentions {
		hit = hit || forms[norm(m.Text)]
	}
	if !hit {
		return false
	}
	if e.Type == g.Type {
		return true
	}
	for _, t := range g.AltTypes {
		if e.Type == t {
			return true
		}
	}
	return false
}

// TestSeedArticle checks the entities of the founding article against its
// gold annotation, scored as the shared scorer's score_entities does.
func TestSeedArticle(t *testing.T) {
	var gold struct {
		Entities    []goldEntity `json:"entities"`
		NotEntities []string     `json:"not_entities"`
	}
	raw := shared.Seed(t, &gold)
	doc := newDocument(article.FromText(text.Normalize(raw)))
	r, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	res := r.Find(doc)
	for _, e := range res.Entities {
		t.Log(e.String())
	}
	used := map[int]bool{}
	tp, required := 0, 0
	for _, g := range gold.Entities {
		if g.Optional {
			continue
		}
		required++
		found := -1
		for i, e := range res.Entities {
			if !used[i] && matches(g, e) {
				found = i
				break
			}
		}
		if found < 0 {
			t.Errorf("missed %s %q", g.Type, g.Name)
			continue
		}
		used[found] = true
		tp++
		e := res.Entities[found]
		have := map[string]bool{norm(e.Name): true}
		for _, m := range e.Mentions {
			have[norm(m.Text)] = true
		}
		for _, m := range g.Mentions {
			if !have[norm(m)] {
				t.Errorf("%s: mention %q missing from %v", g.Name, m, e.String())
			}
		}
		if g.Country != "" && e.Country != g.Country {
			t.Errorf("%s: country %q, want %q", g.Name, e.Country, g.Country)
		}
	}
	for _, g := range gold.Entities {
		if !g.Optional {
			continue
		}
		for i, e := range res.Entities {
			if !used[i] && matches(g, e) {
				used[i] = true
				break
			}
		}
	}
	banned := map[string]bool{}
	for _, n := range gold.NotEntities {
		banned[norm(n)] = true
	}
	spurious := 0
	for i, e := range res.Entities {
		if used[i] {
			continue
		}
		spurious++
		t.Logf("spurious: %s", e.String())
		if banned[norm(e.Name)] {
			t.Errorf("%q is listed as not an entity", e.Name)
		}
	}
	p := float64(tp) / float64(tp+spurious)
	rc := float64(tp) / float64(required)
	f1 := 2 * p * rc / (p + rc)
	t.Logf("entity P %.3f R %.3f F1 %.3f (%d of %d, %d spurious)", p, rc, f1, tp, required, spurious)
	if f1 < 0.95 {
		t.Errorf("entity F1 %.3f, want ≥ 0.95", f1)
	}
	for _, e := range res.Entities {
		for _, m := range e.Mentions {
			if doc.Text[m.Start:m.End] != m.Text || !unicode.IsUpper([]rune(m.Text)[0]) && !unicode.IsDigit([]rune(m.Text)[0]) {
				t.Errorf("%s: bad mention %+v", e.Name, m)
			}
		}
	}
}
