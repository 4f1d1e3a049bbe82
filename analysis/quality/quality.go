// Package quality reads signals about an article page itself: whether its
// Indonesian is a machine translation, and what marks it as the product of
// a content farm. Each signal comes with its evidence.
//
// A machine translation leaves slips that survive into the Indonesian: a
// name misspelt beside its correct form (Blinkin beside Blinken), calques
// of English idiom (pada hari Rabu for "on Wednesday"), a sentence broken
// by a stray full stop where English word order did not fit, a dollar sign
// set apart from its number. machine_translated combines them into a score
// from 0 to 1. Content-farm reasons are a template author bio and a section
// label glued to the headline; a copy without credit to its original is
// told by the lineage, across articles, not here.
package quality

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
)

// Quality is the record's quality field.
type Quality struct {
	// MachineTranslated is 1 - Π(1 - weight) over the slips found (each
	// distinct calque, each other kind once), 0 when there is none.
	MachineTranslated float64 `json:"machine_translated"`
	Slips             []Slip  `json:"slips"`
	// ContentFarm lists the reasons the page looks like a content farm's.
	ContentFarm []Reason `json:"content_farm"`
}

// Slip is one trace of machine translation. Start and End are offsets into
// the Document's text: bytes from Assess, code points in the record.
type Slip struct {
	Kind  SlipKind `json:"kind"`
	Text  string   `json:"text"`
	Start int      `json:"start"`
	End   int      `json:"end"`
	// Note says what the slip renders or stands beside: the correct form
	// of a misspelt name, the English of a calque.
	Note string `json:"note,omitempty"`
}

// SlipKind names a kind of slip.
type SlipKind string

// Kinds of slip, with the weight each distinct one adds.
const (
	MisspeltName SlipKind = "misspelt_name" // Blinkin beside Blinken
	Calque       SlipKind = "calque"        // pada hari Rabu
	StrayStop    SlipKind = "stray_stop"    // "kedua negara. bekerja sama"
	DollarApart  SlipKind = "dollar_apart"  // "$ 11 miliar"
)

var weights = map[SlipKind]float64{MisspeltName: 0.5, Calque: 0.25, StrayStop: 0.3, DollarApart: 0.2}

// Reason is one content-farm reason with its evidence.
type Reason struct {
	Reason   string `json:"reason"` // author_bio, section_in_title
	Evidence string `json:"evidence"`
}

// Input is what earlier stages found: the entities (byte offsets), the
// boilerplate cut, and the section label cut from the headline, if any.
type Input struct {
	Language       string
	Entities       []entity.Entity
	Boilerplate    []article.Boilerplate
	SectionInTitle string
	// Dates are the spans of the dates found: a weekday the entities stage
	// took for a name (Kamis beside Kamil) is no misspelling.
	Dates []text.Span
}

// Assess reads the quality signals of one tokenised Document.
func Assess(doc *text.Document, in Input) Quality {
	q := Quality{Slips: []Slip{}, ContentFarm: []Reason{}}
	for _, b := range in.Boilerplate {
		if b.Kind == article.AuthorBio {
			q.ContentFarm = append(q.ContentFarm, Reason{Reason: "author_bio", Evidence: b.Text})
		}
	}
	if in.SectionInTitle != "" {
		q.ContentFarm = append(q.ContentFarm, Reason{Reason: "section_in_title", Evidence: in.SectionInTitle})
	}
	if in.Language != "id" {
		return q
	}
	q.Slips = append(q.Slips, misspeltNames(in.Entities, in.Dates)...)
	q.Slips = append(q.Slips, tokenSlips(doc)...)
	slices.SortFunc(q.Slips, func(a, b Slip) int { return a.Start - b.Start })
	q.MachineTranslated = score(q.Slips)
	return q
}

// score combines the slips: each distinct calque counts, and each other
// kind counts once however often it is seen.
func score(slips []Slip) float64 {
	seen := map[string]bool{}
	keep := 1.0
	for _, s := range slips {
		key := string(s.Kind) // one stray stop or misspelt name weighs as much as several
		if s.Kind == Calque {
			key += "\x00" + strings.ToLower(s.Text)
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		keep *= 1 - weights[s.Kind]
	}
	return float64(int((1-keep)*1000+0.5)) / 1000
}

// misspeltNames finds a person's mention that differs from a word of the
// person's name by one or two letters, with the same first letter: a
// translation that spelt the name two ways.
func misspeltNames(ents []entity.Entity, dates []text.Span) []Slip {
	var out []Slip
	for _, e := range ents {
		if e.Type != "PER" {
			continue
		}
		names := strings.Fields(e.Name)
		for _, m := range e.Mentions {
			if slices.ContainsFunc(dates, func(d text.Span) bool { return d.Start < m.End && m.Start < d.End }) {
				continue
			}
			for w := range strings.FieldsSeq(m.Text) {
				if slices.Contains(names, w) || strings.HasSuffix(w, "nya") {
					continue
				}
				for _, n := range names {
					if near(w, n) {
						out = append(out, Slip{Kind: MisspeltName, Text: m.Text, Start: m.Start, End: m.End, Note: n})
						break
					}
				}
			}
		}
	}
	return out
}

// near reports whether a and b are names of five letters or more, with the
// same first three letters, neither a prefix of the other, one or two edits
// apart. A name spelt the Indonesian way (Sistem for System) differs early.
func near(a, b string) bool {
	if utf8.RuneCountInString(a) < 5 || utf8.RuneCountInString(b) < 5 || !strings.EqualFold(a[:3], b[:3]) ||
		strings.HasPrefix(a, b) || strings.HasPrefix(b, a) || strings.EqualFold(a, b) {
		return false
	}
	d := editDistance([]rune(a), []rune(b))
	return d >= 1 && d <= 2
}

func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

//go:embed data/calques.tsv
var calqueData string

// calques maps a calque's first word to its words and its English.
var calques = func() map[string][]calque {
	m := map[string][]calque{}
	for _, row := range text.Rows(calqueData) {
		words := strings.Fields(row[0])
		m[words[0]] = append(m[words[0]], calque{words: words, english: row[1]})
	}
	return m
}()

type calque struct {
	words   []string
	english string
}

// tokenSlips finds calques, stray full stops and dollar signs set apart.
func tokenSlips(doc *text.Document) []Slip {
	var out []Slip
	toks := doc.Tokens
	// Tokens are lowered into one buffer: indexing calques and comparing
	// with string(buf) allocates nothing.
	var buf []byte
	lower := func(i int) []byte {
		buf = text.AppendLower(buf[:0], doc.TokenText(i))
		return buf
	}
	quoted := false // inside quotation marks: speech as transcribed, not translated
	for i, t := range toks {
		switch doc.TokenText(i) {
		case "“":
			quoted = true
		case "”":
			quoted = false
		case `"`:
			quoted = !quoted
		}
		switch t.Kind {
		case text.Word:
			for _, c := range calques[string(lower(i))] {
				if i+len(c.words) > len(toks) {
					continue
				}
				match := true
				for k, w := range c.words[1:] {
					if string(lower(i+1+k)) != w {
						match = false
						break
					}
				}
				if match {
					end := toks[i+len(c.words)-1].End
					out = append(out, Slip{Kind: Calque, Text: doc.Text[t.Start:end], Start: t.Start, End: end, Note: c.english})
				}
			}
		case text.Punct:
			if !quoted && doc.TokenText(i) == "." && strayStop(doc, i) {
				out = append(out, Slip{Kind: StrayStop, Text: doc.Text[toks[i-1].Start:toks[i+1].End], Start: toks[i-1].Start, End: toks[i+1].End})
			}
		case text.Symbol:
			if doc.TokenText(i) == "$" && i+1 < len(toks) && toks[i+1].Kind == text.Number &&
				toks[i+1].Start > t.End && (i == 0 || !strings.EqualFold(doc.TokenText(i-1), "US")) && (i == 0 || toks[i-1].End < t.Start) {
				out = append(out, Slip{Kind: DollarApart, Text: doc.Text[t.Start:toks[i+1].End], Start: t.Start, End: toks[i+1].End})
			}
		}
	}
	return out
}

// strayStop reports a full stop between two lower-case words of four and
// three letters or more, in one paragraph: "kedua negara. bekerja sama".
// Abbreviations are short, and a new sentence starts with a capital.
func strayStop(doc *text.Document, i int) bool {
	toks := doc.Tokens
	if i == 0 || i+1 >= len(toks) || toks[i-1].Kind != text.Word || toks[i+1].Kind != text.Word {
		return false
	}
	prev, next := doc.TokenText(i-1), doc.TokenText(i+1)
	if toks[i-1].End != toks[i].Start || strings.Contains(doc.Text[toks[i].End:toks[i+1].Start], "\n") {
		return false
	}
	return len(prev) >= 4 && len(next) >= 3 && isLowerWord(prev) && isLowerWord(next)
}

func isLowerWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return true
}
