package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// The trigger lexicon is grown from the verbs the articles use: the most
// frequent roots of verbs and nominalisations over a set of articles are
// listed, and each is coded as a PLOVER type or rejected, with the decision
// kept in testdata/events-verbs.tsv (the root, the decision and why — no
// text of the articles).

// VerbRoot is one root's verbs and nominalisations in a set of articles.
type VerbRoot struct {
	Root  string
	Count int
	Forms []VerbForm // most frequent first
}

// VerbForm is one affixed form of a root.
type VerbForm struct {
	Form  string
	Count int
	// Types are the PLOVER types of the lexicon's one-word triggers for
	// the form, empty where it is none.
	Types []string
}

// verbForm returns the root of w, a lower-case word, when w is a verb (with
// meN- or memper-, di-, ber-, ter-) or a nominalisation (pe-…-an, per-…-an,
// ke-…-an, …-an) that the stemmer reduces to a dictionary root, and whether
// it is a verb; root is "" for any other word.
func verbForm(w string) (root string, verb bool) {
	if len(w) <= 4 || !stem.Known(w) {
		return "", false
	}
	root = stem.Stem(w)
	if root == w || len(root) < 3 {
		return "", false
	}
	for _, p := range []string{"me", "di", "ber", "ter"} {
		if strings.HasPrefix(w, p) {
			return root, true
		}
	}
	if bare := strings.TrimSuffix(w, "nya"); strings.HasSuffix(bare, "an") && !strings.HasSuffix(root, "an") {
		return root, false
	}
	return "", false
}

// TuningArticles are the articles of detik-news the event rules are
// chosen on: the first half (line index 0 to 349); the held-out golds and
// the judged samples are drawn from the second.
const TuningArticles = 350

// EventVerbs counts the verbs and nominalisations of the first upto
// articles of a detik-news JSON Lines file (all of them when upto is 0) by
// root, over the analysis tokens of each record's text, and returns the n
// most frequent roots that occur as a verb at least once (kebijakan, whose
// root is never a verb here, names no act).
func EventVerbs(ctx stdcontext.Context, articles string, upto, n int) ([]VerbRoot, error) {
	f, err := os.Open(articles)
	if err != nil {
		return nil, fmt.Errorf("eval verbs: %w", err)
	}
	defer f.Close()
	roots := map[string]*VerbRoot{}
	forms := map[string]int{}
	verbal := map[string]bool{}
	dec := json.NewDecoder(bufio.NewReader(f))
	for k := 0; dec.More() && (upto == 0 || k < upto); k++ {
		var a detikArticle
		if err := dec.Decode(&a); err != nil {
			return nil, fmt.Errorf("eval verbs: %s: article %d: %w", articles, k+1, err)
		}
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, fmt.Errorf("eval verbs: article %s: %w", a.ID, err)
		}
		doc := &text.Document{Text: rec.Text}
		text.Tokenize(doc)
		for i, t := range doc.Tokens {
			if t.Kind != text.Word {
				continue
			}
			w := strings.ToLower(doc.TokenText(i))
			r, verb := verbForm(w)
			if r == "" {
				continue
			}
			if verb {
				verbal[r] = true
			}
			vr := roots[r]
			if vr == nil {
				vr = &VerbRoot{Root: r}
				roots[r] = vr
			}
			vr.Count++
			forms[w]++
		}
	}
	for w, c := range forms {
		vr := roots[stem.Stem(w)]
		vr.Forms = append(vr.Forms, VerbForm{Form: w, Count: c, Types: event.TriggerTypes(w)})
	}
	out := make([]VerbRoot, 0, len(roots))
	for _, vr := range roots {
		if !verbal[vr.Root] {
			continue
		}
		slices.SortFunc(vr.Forms, func(a, b VerbForm) int {
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			return strings.Compare(a.Form, b.Form)
		})
		out = append(out, *vr)
	}
	slices.SortFunc(out, func(a, b VerbRoot) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Root, b.Root)
	})
	return out[:min(n, len(out))], nil
}

// VerbDecision is one line of the decisions on the frequent roots: coded
// as a PLOVER type, or rejected, and why.
type VerbDecision struct {
	Root     string
	Decision string // a PLOVER type, or "reject"
	Reason   string
}

// ReadVerbDecisions reads the decisions: tab-separated root, decision (a
// PLOVER type or reject) and reason; lines starting with # are comments.
func ReadVerbDecisions(path string) (map[string]VerbDecision, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("verb decisions: %w", err)
	}
	out := map[string]VerbDecision{}
	err = text.ReadTable(path, string(data), 3, func(fs []string) error {
		if len(fs) != 3 {
			return fmt.Errorf("want 3 fields, have %d", len(fs))
		}
		for _, typ := range strings.Split(fs[1], ",") {
			if typ != "reject" && !slices.Contains(event.Types, typ) {
				return fmt.Errorf("%q is neither a PLOVER type nor reject", typ)
			}
		}
		if _, dup := out[fs[0]]; dup {
			return fmt.Errorf("%s decided twice", fs[0])
		}
		out[fs[0]] = VerbDecision{Root: fs[0], Decision: fs[1], Reason: fs[2]}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("verb decisions: %w", err)
	}
	return out, nil
}

// WriteVerbs prints the frequent roots with their forms, the lexicon's
// types for each form and the decision taken, "?" where there is none.
func WriteVerbs(w io.Writer, roots []VerbRoot, decided map[string]VerbDecision) error {
	var b strings.Builder
	for i, r := range roots {
		d := "?"
		if v, ok := decided[r.Root]; ok {
			d = v.Decision
		}
		fmt.Fprintf(&b, "%3d  %-14s %5d  %-10s ", i+1, r.Root, r.Count, d)
		for k, f := range r.Forms {
			if k > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "%s %d", f.Form, f.Count)
			if len(f.Types) > 0 {
				fmt.Fprintf(&b, " [%s]", strings.Join(f.Types, " "))
			}
		}
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}
