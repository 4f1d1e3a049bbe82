package eval

import (
	stdcontext "context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/internal/shared"
)

// TestVerbDecisions lists the 300 most frequent roots of verbs and
// nominalisations over the tuning half of the detik-news articles and checks the decisions
// kept on them: every root is decided, a root coded as a type has a form
// in a trigger pattern of that type, and no form of a rejected root is a
// trigger on its own.
func TestVerbDecisions(t *testing.T) {
	articles := shared.Path(t, "data/detik-news/articles.jsonl")
	decided, err := ReadVerbDecisions("testdata/events-verbs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	roots, err := EventVerbs(stdcontext.Background(), articles, TuningArticles, 300)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 300 {
		t.Fatalf("%d roots listed, want 300", len(roots))
	}
	for _, r := range roots {
		d, ok := decided[r.Root]
		if !ok {
			t.Errorf("root %s (%d uses) is not decided", r.Root, r.Count)
			continue
		}
		if d.Decision == "reject" {
			for _, f := range r.Forms {
				if types := event.TriggerTypes(f.Form); len(types) > 0 {
					t.Errorf("root %s is rejected, but %s is a %s trigger", r.Root, f.Form, strings.Join(types, " "))
				}
			}
			continue
		}
		for typ := range strings.SplitSeq(d.Decision, ",") {
			if !slices.ContainsFunc(r.Forms, func(f VerbForm) bool { return slices.Contains(event.PatternTypes(f.Form), typ) }) {
				t.Errorf("root %s is coded %s, but none of its forms is in a %s pattern", r.Root, typ, typ)
			}
		}
	}
}

func TestVerbForm(t *testing.T) {
	for _, row := range []struct {
		word, root string
		verb       bool
	}{
		{"menangkap", "tangkap", true},
		{"ditahan", "tahan", true},
		{"bertemu", "temu", true},
		{"pertemuan", "temu", false},
		{"bantuan", "bantu", false},
		{"kebijakan", "bijak", false},
		{"pemerintah", "", false}, // a root of its own
		{"katanya", "", false},    // a clitic, no verbal affix
		{"Jakarta", "", false},
	} {
		root, verb := verbForm(strings.ToLower(row.word))
		if root != row.root || verb != row.verb {
			t.Errorf("verbForm(%q) = %q, %v; want %q, %v", row.word, root, verb, row.root, row.verb)
		}
	}
}

func TestReadVerbDecisionsErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"fields": "tangkap\tCOERCE\n",
		"type":   "tangkap\tARREST\twhy\n",
		"twice":  "tangkap\tCOERCE\twhy\n# again\ntangkap\treject\twhy\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("# comment\n"+content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadVerbDecisions(p); err == nil || !strings.Contains(err.Error(), p+":") {
			t.Errorf("%s: error %v, want one naming the line", name, err)
		}
	}
}
