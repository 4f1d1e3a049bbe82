package text

import (
	"strings"
	"unicode/utf8"
)

// Kind classifies a token.
type Kind uint8

// Token kinds. Word covers letters with inner hyphens and apostrophes
// (monyet-monyet, Jum'at); Number covers digits with Indonesian separators
// (1.500.000,50) and ordinals glued to a prefix stay words (ke-2).
const (
	Word Kind = iota
	Number
	Punct
	Symbol
	URL
	Email
	Hashtag
	Mention
	Date // 20/10/2025, 20/10
	Time // 14.30, 14:30
)

var kindNames = [...]string{"word", "number", "punct", "symbol", "url", "email", "hashtag", "mention", "date", "time"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Token is one surface token. Start and End are byte offsets into
// Document.Text; a token never spans white space.
type Token struct {
	Start, End int
	Kind       Kind
}

// Sentence is a span of Document.Text together with the tokens it covers:
// Tokens[First:Last] (Last exclusive). Start and End are byte offsets.
type Sentence struct {
	Start, End  int
	First, Last int
}

// Span is a half-open byte range of Document.Text.
type Span struct {
	Start, End int
}

// Document is the shared unit every analysis stage reads and annotates: the
// cleaned text of one article (title, blank line, paragraphs joined by blank
// lines), its paragraph spans, tokens and sentences. Stages add their own
// layers by referring to byte offsets in Text and never re-tokenise.
type Document struct {
	Text       string
	Title      Span   // the title's span; empty when the article has none
	Paragraphs []Span // body paragraphs, in order
	Tokens     []Token
	Sentences  []Sentence
}

// NewDocument lays out an article's text as the record has it: the title,
// a blank line, then the paragraphs joined by blank lines (no blank line
// first when there is no title). Tokens and sentences are left to Tokenize
// and SplitSentences.
func NewDocument(title string, paragraphs []string) *Document {
	n := len(title) + 2
	for _, p := range paragraphs {
		n += len(p) + 2
	}
	var b strings.Builder
	b.Grow(n)
	doc := &Document{Paragraphs: make([]Span, 0, len(paragraphs))}
	b.WriteString(title)
	doc.Title = Span{Start: 0, End: b.Len()}
	for i, p := range paragraphs {
		if i > 0 || title != "" {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		doc.Paragraphs = append(doc.Paragraphs, Span{Start: start, End: b.Len()})
	}
	doc.Text = b.String()
	return doc
}

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string {
	t := d.Tokens[i]
	return d.Text[t.Start:t.End]
}

// RuneOffsets converts byte offsets into code-point offsets, the unit of the
// record's start and end fields. offs must be sorted ascending; the result is
// computed in one pass over Text and written back in place.
func (d *Document) RuneOffsets(offs []int) {
	pos, runes := 0, 0
	for i, o := range offs {
		if o < pos { // unsorted input: restart the walk
			pos, runes = 0, 0
		}
		runes += utf8.RuneCountInString(d.Text[pos:o])
		pos = o
		offs[i] = runes
	}
}

// EachSentence calls f with the token range [first, last) of each sentence
// in order, or of the whole document when it has no sentences. Ranges that a
// malformed Document gives are clipped to its tokens and never overlap.
func (d *Document) EachSentence(f func(first, last int)) {
	n := len(d.Tokens)
	if len(d.Sentences) == 0 {
		if n > 0 {
			f(0, n)
		}
		return
	}
	prev := 0
	for _, s := range d.Sentences {
		first, last := max(s.First, prev), min(s.Last, n)
		if first < last {
			f(first, last)
			prev = last
		}
	}
}
