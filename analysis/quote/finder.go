package quote

import (
	"strings"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/text"
)

// tokInfo is what the finder knows about one token, filled once per
// article so that the rules never look a word up twice.
type tokInfo struct {
	sent  int32 // index of the token's sentence
	unit  int32 // 0 for the title, p+1 for paragraph p, -1 outside both
	quote int32 // 1 + index of the marked quotation holding the token (marks included), 0 outside
}

// finder holds the state of one Find call.
type finder struct {
	s     string
	toks  []text.Token
	sents []text.Sentence
	info  []tokInfo
	cls   []person.Class // per token: the lexicon's classes of a word, and Quoted
	rd    *person.Reader // reads phrases naming a person over cls
	ents  *Entities
	types []string // per entity: its type as this stage reads it (personNamed)

	caps      []int8 // per sentence: 0 not computed, 1 title case, -1 not
	raws      []rawQuote
	contNext  bool // the next quotation closed continues the previous paragraph's
	persons   []named
	index     *names           // built when the quotations are resolved
	inside    map[string][]int // a capitalised word → where the body prints it inside a sentence (known)
	firstVerb []int            // per sentence: its first verb of saying outside quotations, -1 for none (reported)
	bodies    map[string]int   // a mention's text → the organisation or place printed so (bodyPrinted)
	quotes    []cand
	// said lists where a speaker spoke (the quotations' speakers and the
	// subjects of reporting verbs), for quotations that continue the last
	// speaker; it is sorted before the continuations are filled.
	said []spoke
	// bodyReports are the reports of bodies (DKPP menilai ...) in text
	// order, found before the quotations are attributed (see runningBody).
	bodyReports []spoke
	// runs holds where each run of said in text order starts after the
	// first: stages append in text order, each its own run (lastSaid).
	runs []int
}

// cand is a quotation being built.
type cand struct {
	Quote
	who  span // the speaker's name mention (a key into finder.persons), empty when unknown
	role span // the role printed at the cue
	raw  int  // index into finder.raws, -1 for indirect speech
	// source marks a report whose speaker is a cited outlet: its name is
	// the span printed, not a shorter entity inside it (Times of India).
	source bool
	body   bool // the speaker is an organisation, no person
}

// spoke records that the person named at who spoke at token pos: words
// quoted or reported, or the subject of a verb of saying (quoted), or
// only the subject of a verb that governs quoted words or urges (meminta,
// memuji) or a denied one.
type spoke struct {
	pos    int
	who    span
	quoted bool
	body   bool // who is an organisation that speaks (see runningBody)
}

// span is a half-open range of token indexes.
type span struct{ first, last int }

func (s span) empty() bool { return s.last <= s.first }

func newFinder(doc *text.Document, ents *Entities) *finder {
	f := &finder{s: doc.Text, toks: doc.Tokens, sents: doc.Sentences, ents: ents}
	if ents != nil {
		f.types = make([]string, len(ents.List))
		for e, ent := range ents.List {
			f.types[e] = ent.Type
		}
	}
	if len(f.sents) == 0 || f.sents[len(f.sents)-1].Last != len(f.toks) {
		f.sents = unitSentences(doc)
	}
	f.info = make([]tokInfo, len(f.toks))
	f.cls = make([]person.Class, len(f.toks))
	f.rd = &person.Reader{Lex: person.Default(), Text: f.s, Tokens: f.toks, Classes: f.cls}
	for si, st := range f.sents {
		for i := st.First; i < st.Last && i < len(f.info); i++ {
			f.info[i].sent = int32(si)
		}
	}
	// Units: the title, then each paragraph, in text order.
	units := make([]text.Span, 0, len(doc.Paragraphs)+1)
	units = append(units, doc.Title)
	units = append(units, doc.Paragraphs...)
	u := 0
	for i, t := range f.toks {
		for u < len(units) && (units[u].End <= t.Start || units[u].Start == units[u].End) {
			u++
		}
		f.info[i].unit = -1
		if u < len(units) && units[u].Start <= t.Start {
			f.info[i].unit = int32(u)
		}
		if t.Kind == text.Word {
			f.cls[i] = lex().classOf(f.s[t.Start:t.End])
		}
	}
	return f
}

// typeOf returns the type of entity e as this stage reads it: the entity
// stage's, but PER for an organisation it names after a person's role
// (personNamed).
func (f *finder) typeOf(e int) string { return f.types[e] }

// unitSentences stands in for sentences when a document was tokenised but
// not split: one sentence a paragraph.
func unitSentences(doc *text.Document) []text.Sentence {
	var out []text.Sentence
	first := 0
	for i := range doc.Tokens {
		if i+1 == len(doc.Tokens) || strings.IndexByte(doc.Text[doc.Tokens[i].End:doc.Tokens[i+1].Start], '\n') >= 0 {
			out = append(out, text.Sentence{Start: doc.Tokens[first].Start, End: doc.Tokens[i].End, First: first, Last: i + 1})
			first = i + 1
		}
	}
	return out
}

// tok returns the text of token i.
func (f *finder) tok(i int) string {
	t := f.toks[i]
	return f.s[t.Start:t.End]
}

// is reports whether token i is exactly w.
func (f *finder) is(i int, w string) bool {
	return i >= 0 && i < len(f.toks) && f.tok(i) == w
}

// isFold reports whether token i is w in any case (w lower case ASCII).
func (f *finder) isFold(i int, w string) bool {
	if i < 0 || i >= len(f.toks) {
		return false
	}
	t := f.tok(i)
	if len(t) != len(w) {
		return false
	}
	for k := 0; k < len(t); k++ {
		c := t[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

func (f *finder) has(i int, cls person.Class) bool {
	return i >= 0 && i < len(f.cls) && f.cls[i]&cls != 0
}

// sentOf returns the sentence holding token i.
func (f *finder) sentOf(i int) text.Sentence { return f.sents[f.info[i].sent] }

// sameSentence reports whether tokens i and j are in one sentence.
func (f *finder) sameSentence(i, j int) bool {
	return i >= 0 && j >= 0 && i < len(f.info) && j < len(f.info) && f.info[i].sent == f.info[j].sent
}

// inQuote reports whether token i lies inside a marked quotation.
func (f *finder) inQuote(i int) bool { return f.info[i].quote != 0 }

// Marks: double quotation marks only. Single quotes mark terms and quotes
// inside quotes in Indonesian news, never a speaker's words of their own.
const (
	markNone  = iota
	markOpen  // “ „ «: opens by its shape
	markClose // »: closes by its shape
	markEither
)

// markAt classifies token i as a quotation mark.
func (f *finder) markAt(i int) int {
	t := f.toks[i]
	if t.Kind != text.Punct {
		return markNone
	}
	r, n := utf8.DecodeRuneInString(f.s[t.Start:t.End])
	if n != t.End-t.Start {
		return markNone
	}
	switch r {
	case '“', '„', '«':
		return markOpen
	case '»':
		return markClose
	case '”', '"', '‟', '″':
		return markEither
	}
	return markNone
}

func (f *finder) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].Kind == text.Punct && f.toks[i].End-f.toks[i].Start == 1 && f.s[f.toks[i].Start] == c
}

// isTerminal reports whether token i ends a sentence (. ? ! … and runs).
func (f *finder) isTerminal(i int) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != text.Punct {
		return false
	}
	switch f.s[f.toks[i].Start] {
	case '.', '?', '!':
		return true
	}
	return f.tok(i) == "…"
}

// isDash reports whether token i is a dash used as a parenthesis.
func (f *finder) isDash(i int) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].Kind != text.Punct {
		return false
	}
	switch f.tok(i) {
	case "–", "—", "-", "--":
		return true
	}
	return false
}

// byteSpan returns the byte span of tokens [s.first, s.last).
func (f *finder) byteSpan(s span) text.Span {
	if s.empty() {
		return text.Span{}
	}
	return text.Span{Start: f.toks[s.first].Start, End: f.toks[s.last-1].End}
}

func (f *finder) spanText(s span) string {
	b := f.byteSpan(s)
	return f.s[b.Start:b.End]
}
