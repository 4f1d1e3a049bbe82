package search

import (
	"errors"
	"html"
	"strings"
)

var errEnough = errors.New("enough tokens")

// Snippet returns a piece of text around the words whose terms are in
// terms, as HTML: about width index terms (stopwords come along between
// them), the text escaped, the matching words in <mark>, "…" where the text
// is cut, line breaks as spaces. The piece chosen has the most distinct
// matching terms, then the most matches; without any match it is the
// start of the text.
func (a *Analyzer) Snippet(text string, terms map[string]bool, width int) string {
	type token struct {
		start, end int
		hit        string // the term, when it matches
	}
	// Reading stops once every term has been seen and a window's width
	// after that: the window with all of them is then known.
	var toks []token
	seen := make(map[string]bool, len(terms))
	stopAt := -1
	a.Tokens(text, func(term string, start, end int) error {
		t := token{start: start, end: end}
		if terms[term] {
			t.hit = term
			if !seen[term] {
				seen[term] = true
				if len(seen) == len(terms) {
					stopAt = len(toks) + width
				}
			}
		}
		toks = append(toks, t)
		if len(toks) == stopAt {
			return errEnough
		}
		return nil
	})
	if len(toks) == 0 {
		return html.EscapeString(collapseSpace(text))
	}
	// A window starts a few terms before a match, so that the match has
	// some context on its left, or earlier when it would run past the end.
	const lead = 3
	best, bestScore := 0, -1
	for i, t := range toks {
		if t.hit == "" {
			continue
		}
		s := max(min(i-lead, len(toks)-width), 0)
		distinct := map[string]bool{}
		hits := 0
		for _, u := range toks[s:min(s+width, len(toks))] {
			if u.hit != "" {
				distinct[u.hit] = true
				hits++
			}
		}
		if score := 1000*len(distinct) + hits; score > bestScore {
			best, bestScore = s, score
		}
	}
	last := min(best+width, len(toks)) - 1
	from, to := toks[best].start, toks[last].end
	if best == 0 {
		from = 0
	}
	if last == len(toks)-1 && stopAt < 0 {
		to = len(text)
	}
	// Punctuation next to the first and last words stays with them.
	for from > 0 && !isSpace(text[from-1]) {
		from--
	}
	for to < len(text) && !isSpace(text[to]) {
		to++
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	pos := from
	for _, t := range toks[best : last+1] {
		if t.hit == "" {
			continue
		}
		b.WriteString(html.EscapeString(collapseSpace(text[pos:t.start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[t.start:t.end]))
		b.WriteString("</mark>")
		pos = t.end
	}
	b.WriteString(html.EscapeString(collapseSpace(text[pos:to])))
	if to < len(text) {
		b.WriteString("…")
	}
	return b.String()
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' }

// collapseSpace turns every run of white space into one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if r < 0x80 && isSpace(byte(r)) {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
