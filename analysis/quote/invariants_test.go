package quote

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// checkQuotes reports what is wrong with the quotations of doc: every span
// lies in the text on token boundaries, the words of a marked quotation
// hold no mark at either end, the speaker and name go together, and
// quotations come in text order without two marked ones overlapping.
func checkQuotes(doc *text.Document, qs []Quote) []string {
	var errs []string
	starts := make(map[int]bool, len(doc.Tokens))
	ends := make(map[int]bool, len(doc.Tokens))
	for _, t := range doc.Tokens {
		starts[t.Start], ends[t.End] = true, true
	}
	lastMarked := -1
	for i, q := range qs {
		for _, sp := range []text.Span{q.Text, q.Cue, q.Ref, q.Speaker} {
			if sp.Start < 0 || sp.End > len(doc.Text) || sp.Start > sp.End {
				errs = append(errs, "span out of the text")
				return errs
			}
			if sp.End > sp.Start && (!starts[sp.Start] || !ends[sp.End]) {
				errs = append(errs, "span off token boundaries: "+doc.Text[sp.Start:sp.End])
			}
		}
		w := doc.Text[q.Text.Start:q.Text.End]
		if strings.TrimSpace(w) == "" {
			errs = append(errs, "empty quotation")
		}
		if q.Kind != Indirect {
			first, _ := utf8.DecodeRuneInString(w)
			last, _ := utf8.DecodeLastRuneInString(w)
			if strings.ContainsRune("“”\"«»„", first) || strings.ContainsRune("“”\"«»„", last) {
				errs = append(errs, "quotation mark inside the words: "+w)
			}
			if q.Text.Start < lastMarked {
				errs = append(errs, "overlapping quotations: "+w)
			}
			lastMarked = q.Text.End
		}
		if i > 0 && q.Text.Start < qs[i-1].Text.Start {
			errs = append(errs, "quotations out of order")
		}
		if q.Kind < Direct || q.Kind > Indirect || q.Via > ViaContinuation {
			errs = append(errs, "bad kind or via")
		}
		if q.Name != "" && q.Speaker == (text.Span{}) {
			errs = append(errs, "a name without a speaker span: "+q.Name)
		}
	}
	return errs
}

// TestDetik runs Find over the 700 real detik-news articles (read in place,
// never copied into the project) and checks the invariants on every one.
func TestDetik(t *testing.T) {
	arts := shared.DetikArticles(t)
	counts := map[string]int{}
	for _, a := range arts {
		doc := docOf(article.FromParts(text.Normalize(a.Title), text.Normalize(a.Body)))
		qs := Find(doc, nil)
		for _, e := range checkQuotes(doc, qs) {
			t.Errorf("article %s: %s", a.ID, e)
		}
		for _, q := range qs {
			counts[q.Kind.String()]++
			if q.Kind != Indirect {
				counts["via "+q.Via.String()]++
			}
		}
	}
	t.Logf("%d articles: %v", len(arts), counts)
	if counts["direct"] < 1000 {
		t.Errorf("only %d direct quotations in 700 articles", counts["direct"])
	}
}

// TestLargeInputs runs Find over about a megabyte of pathological text
// each: an unpunctuated run of quotations, thousands of attributions,
// capitals, bare marks, roles standing alone. Linear work takes a fraction
// of a second; the bound is loose for a busy machine, but quadratic work
// would take minutes.
func TestLargeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	for name, s := range map[string]string{
		"one sentence":    strings.Repeat("mereka menyebut “gas” dan Budi Santoso mengatakan “rem” lalu, katanya, ", 12000),
		"many paragraphs": strings.Repeat("Menteri Luar Negeri Budi Santoso mengatakan, “Kami siap bekerja sama.”\n“Kami siap,” ujarnya.\n", 8000),
		"capitals":        strings.Repeat("Budi Santoso Andi Wijaya Kepala Dinas ", 30000),
		"marks":           strings.Repeat("“ ” \" “a” ", 60000),
		"role alone":      strings.Repeat("Presiden Joko Santoso hadir. “Siap,” kata Presiden. ", 10000),
	} {
		doc := &text.Document{Text: s}
		start := 0
		for i := 0; i <= len(s); i++ {
			if i == len(s) || s[i] == '\n' {
				if i > start {
					doc.Paragraphs = append(doc.Paragraphs, text.Span{Start: start, End: i})
				}
				start = i + 1
			}
		}
		text.Tokenize(doc)
		text.SplitSentences(doc)
		t0 := time.Now()
		qs := Find(doc, nil)
		if d := time.Since(t0); d > 10*time.Second {
			t.Errorf("%s: %d tokens took %v", name, len(doc.Tokens), d)
		}
		for _, e := range checkQuotes(doc, qs) {
			t.Errorf("%s: %s", name, e)
			break
		}
	}
}
