package event

import (
	"encoding/json"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/person"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

// Event is one event of an article, coded in PLOVER, in the shape of the
// record's events field.
type Event struct {
	Type     string // a PLOVER type: CONSULT, SANCTION, ...
	Mode     string // the type's PLOVER mode, where the trigger tells it
	Source   *Actor
	Target   *Actor
	Location *Actor
	// Date is the event's date from the dates stage (2021-05-19, 2021-06),
	// empty where the article does not date it.
	Date     string
	Negated  bool
	Modality string // asserted, planned, possible or reported
	// Confidence is Low where a side the type takes is not resolved (a
	// protest by no one named, a request with no target), else High.
	Confidence string
	Sentence   int    // index into the Document's Sentences
	Trigger    string // the words that name the event
	// TriggerStart and TriggerEnd are the trigger's byte span in the
	// Document's Text.
	TriggerStart, TriggerEnd int
}

// Actor is an event's source, target or location: an entity of the
// article where one is named, else the words that name it (polisi,
// Nord Stream 2).
type Actor struct {
	Entity  string // the entity's id, empty where none
	Name    string
	Country string // ISO 3166-1 alpha-2, empty where unknown
	// state marks a country acting as a state, which its people and
	// bodies act for; kind is the entity's type, empty for words; group
	// marks a group word (polisi, warga).
	state, group bool
	kind         string
	// party is the word of a lone party of a case (pelaku, korban; see
	// resolveParties), empty for any other actor.
	party string
}

// Modalities of an event.
const (
	Asserted = "asserted"
	Planned  = "planned"
	Possible = "possible"
	Reported = "reported"
)

// Confidences of an event.
const (
	High = "high"
	Low  = "low"
)

// Input is what event coding reads besides the Document: the results of
// the stages before it.
type Input struct {
	Entities *entity.Result
	// Dates are the dates stage's finds, in byte offsets, in text order.
	Dates []timex.Date
	// Quotes are the spans of quoted and reported words: an event inside
	// one is reported.
	Quotes []text.Span
	// Speakers are the entity ids of the quotes' speakers, beside Quotes
	// ("" where unknown): saya or kami in a quotation is its speaker.
	Speakers []string
	// Place is the dateline's place (JAKARTA), where the article has one.
	Place string
	// Syntax is the document's clause structure, parsed on demand: a
	// sentence whose event has found one side only is parsed for the
	// other (nil: none is parsed).
	Syntax *syntax.Trees
	// Section and URL say where the article was published: a sports page
	// (sport.detik.com, bola.kompas.com, section Sepakbola) is not coded,
	// since the words of play are those of war (menyerang, menjamu).
	Section, URL string
}

// MarshalJSON writes an event as the record has it: missing values are
// null.
func (e Event) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Type       string  `json:"type"`
		Mode       *string `json:"mode"`
		Source     *Actor  `json:"source"`
		Target     *Actor  `json:"target"`
		Location   *Actor  `json:"location"`
		Date       *string `json:"date"`
		Negated    bool    `json:"negated"`
		Modality   string  `json:"modality"`
		Confidence string  `json:"confidence"`
		Sentence   int     `json:"sentence"`
		Trigger    string  `json:"trigger"`
	}{e.Type, null(e.Mode), e.Source, e.Target, e.Location, null(e.Date), e.Negated, e.Modality, e.Confidence, e.Sentence, e.Trigger})
}

// MarshalJSON writes an actor with null for an unknown entity or country.
func (a Actor) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Entity  *string `json:"entity"`
		Name    string  `json:"name"`
		Country *string `json:"country"`
	}{null(a.Entity), a.Name, null(a.Country)})
}

func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Find codes the events of doc, whose Tokens and Sentences must be filled.
// It returns them in text order, one per event: mentions of the same event
// in several sentences (the meeting, then "pertemuan itu") are one event.
func Find(doc *text.Document, in Input) []Event {
	var evs []Event
	code(doc, in, nil, func(c *coder, found []candidate) {
		c.resolveParties(found)
		evs = merge(found, doc.Title.End)
	})
	return evs
}

// code runs a coder over every sentence of doc, recording each matched
// trigger in explained when it is not nil, and hands the candidates to
// done; a sports page is not coded.
func code(doc *text.Document, in Input, explained *[]Candidate, done func(*coder, []candidate)) {
	lx := tables.Get()
	if lx.sportsPage(in.Section, in.URL) {
		return
	}
	c := newCoder(lx, doc, in)
	defer c.release()
	c.explained = explained
	var found []candidate
	for si, s := range doc.Sentences {
		found = c.sentence(si, s, found)
	}
	done(c, found)
}

// A Gate says where Explain saw a matched trigger go.
type Gate string

// The gates of Explain, in the order sentence applies them.
const (
	GateInName   Gate = "inside a name"
	GateGoverned Gate = "governed by a request or threat"
	GateActors   Gate = "without the actors its frame needs"
	GateHelp     Gate = "help to do something, not aid"
	GateRelative Gate = "a relative clause with one side"
	// GateKept is a candidate kept for merging: it becomes an event, or
	// is merged into another, or is left out for want of a source.
	GateKept Gate = "kept"
)

// Candidate is a trigger matched in a sentence, with the actors read
// around it and where it went.
type Candidate struct {
	Type           string
	Gate           Gate
	Sentence       int
	TriggerStart   int // byte offset in the Document's Text
	Source, Target *Actor
}

// Explain returns every trigger of doc that the lexicon matched (blocking
// phrases left out), in text order, with the actors read around it and
// the gate it stopped at; what Find makes of the kept ones is its result.
// It tells an evaluation why an event was not coded.
func Explain(doc *text.Document, in Input) []Candidate {
	out := []Candidate{}
	code(doc, in, &out, func(*coder, []candidate) {})
	return out
}

// explain records a matched trigger and its gate, for Explain.
func (c *coder) explain(m match, gate Gate, src, tgt *Actor) {
	start := c.doc.Tokens[m.tokens.first].Start
	si := 0
	for si+1 < len(c.doc.Sentences) && c.doc.Sentences[si+1].Start <= start {
		si++
	}
	*c.explained = append(*c.explained, Candidate{Type: m.t.typ, Gate: gate, Sentence: si, TriggerStart: start, Source: src, Target: tgt})
}

// coder holds one document's layers while its events are coded.
type coder struct {
	lx  *lexicon
	doc *text.Document
	in  Input
	low []string // tokens in lower case
	// start is the lexicon's entry for each token as a first word, nil
	// where it has none.
	start []*start
	// cls holds the word classes of the phrase that covers each token,
	// and phrase its token span.
	cls    []uint32
	phrase []span
	// dateAt is 1 + the index into in.Dates of the date covering a token.
	dateAt []int32
	// quoteAt marks the tokens inside quoted or reported words.
	quoteAt []bool
	// speakerAt is 1 + the index in Input.Quotes of the quote covering
	// each token, 0 outside any.
	speakerAt []int32
	// verb caches isVerb per token: 0 unknown, 1 no, 2 yes.
	verb []uint8
	// rd reads person phrases (Gubernur Jawa Barat Dedi Mulyadi), made on
	// first use (reader).
	rd *person.Reader
	// held are the roles printed with persons' names, read on first use
	// (heldRoles).
	held []heldRole
	// carrying is set while carried reads the sentence before's subject,
	// so that it looks back one sentence only.
	carrying bool
	// explained collects every trigger matched and where it went, for
	// Explain; nil while Find codes.
	explained *[]Candidate
}

// span is a half-open range of tokens.
type span struct{ first, last int }

// coders keeps coders between documents: their per-token layers are the
// stage's main allocations.
var coders = sync.Pool{New: func() any { return new(coder) }}

func newCoder(lx *lexicon, doc *text.Document, in Input) *coder {
	n := len(doc.Tokens)
	c := coders.Get().(*coder)
	c.lx, c.doc, c.in = lx, doc, in
	c.low = resize(c.low, n)
	c.start = resize(c.start, n)
	c.cls = resize(c.cls, n)
	c.phrase = resize(c.phrase, n)
	c.dateAt = resize(c.dateAt, n)
	c.quoteAt = resize(c.quoteAt, n)
	c.speakerAt = resize(c.speakerAt, n)
	c.verb = resize(c.verb, n)
	c.lowerTokens()
	for i, w := range c.low {
		// No entry starts with a punctuation mark: one look-up fewer a mark.
		if doc.Tokens[i].Kind != text.Punct {
			c.start[i] = lx.starts[w]
		}
	}
	for i := 0; i < n; {
		l, cls := c.longestPhrase(i)
		if l == 0 {
			i++
			continue
		}
		for j := i; j < i+l; j++ {
			c.cls[j], c.phrase[j] = cls, span{i, i + l}
		}
		i += l
	}
	tokenSpans(doc, len(in.Dates), func(k int) (int, int) { return in.Dates[k].Start, in.Dates[k].End },
		func(k, tok int) { c.dateAt[tok] = int32(k + 1) })
	tokenSpans(doc, len(in.Quotes), func(k int) (int, int) { return in.Quotes[k].Start, in.Quotes[k].End },
		func(k, tok int) { c.quoteAt[tok], c.speakerAt[tok] = true, int32(k+1) })
	return c
}

// release returns the coder to the pool, without the document.
func (c *coder) release() {
	c.doc, c.in, c.rd, c.held, c.explained = nil, Input{}, nil, nil, nil
	clear(c.low)
	clear(c.start)
	coders.Put(c)
}

// resize returns s with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// lowerTokens fills low with the tokens in lower case, as substrings of
// one lower-cased copy of the tokens: a token already in lower case is
// the text's own substring.
func (c *coder) lowerTokens() {
	var b []byte
	ends := make([]int, 0, 64)
	var upper []int
	for i, t := range c.doc.Tokens {
		w := c.doc.Text[t.Start:t.End]
		if !hasUpper(w) {
			c.low[i] = w
			continue
		}
		b = appendLower(b, w)
		upper = append(upper, i)
		ends = append(ends, len(b))
	}
	all, start := string(b), 0
	for k, i := range upper {
		c.low[i] = all[start:ends[k]]
		start = ends[k]
	}
}

// tokenSpans calls mark for every token inside each of n byte spans.
func tokenSpans(doc *text.Document, n int, at func(int) (int, int), mark func(k, tok int)) {
	for k := range n {
		s, e := at(k)
		i, _ := slices.BinarySearchFunc(doc.Tokens, s, func(t text.Token, s int) int { return t.End - s - 1 })
		for ; i < len(doc.Tokens) && doc.Tokens[i].Start < e; i++ {
			mark(k, i)
		}
	}
}

// longestPhrase returns the length and classes of the longest entry of
// words.tsv starting at token i.
func (c *coder) longestPhrase(i int) (int, uint32) {
	if c.start[i] == nil {
		return 0, 0
	}
	for _, p := range c.start[i].phrases {
		// Sports words name pages, not words of the text.
		if p.class&^wSport != 0 && c.wordsAt(i, p.words) {
			return len(p.words), p.class &^ wSport
		}
	}
	return 0, 0
}

// triggers returns the lexicon's patterns that start at token i.
func (c *coder) triggers(i int) []*trigger {
	if c.start[i] == nil {
		return nil
	}
	return c.start[i].triggers
}

// wordsAt reports whether the tokens from i are the words ws.
func (c *coder) wordsAt(i int, ws []string) bool {
	if i+len(ws) > len(c.low) {
		return false
	}
	for k, w := range ws {
		if c.low[i+k] != w {
			return false
		}
	}
	return true
}

// hasUpper reports whether s may change in lower case: an upper-case
// ASCII letter or any non-ASCII character.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; 'A' <= b && b <= 'Z' || b >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// appendLower appends s in lower case to b.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// is reports whether token i belongs to a phrase of one of the classes.
func (c *coder) is(i int, class uint32) bool { return c.cls[i]&class != 0 }

// isPunct reports whether token i is punctuation.
func (c *coder) isPunct(i int) bool { return c.doc.Tokens[i].Kind == text.Punct }

// isQuoteMark reports whether token i is a quotation mark, which patterns
// and actor searches read through (menganggap Putin sebagai “pembunuh”).
func (c *coder) isQuoteMark(i int) bool {
	switch c.low[i] {
	case "“", "”", "\"", "‘", "’", "'", "«", "»":
		return true
	}
	return false
}

// isVerb reports whether token i is a verb: a word with a verbal prefix
// (meN-, di-, ber-, ter-) that the stemmer takes off. Words of the lexicons
// are never verbs here: terhadap is a preposition.
func (c *coder) isVerb(i int) bool {
	if c.verb[i] == 0 {
		c.verb[i] = 1
		w := c.low[i]
		if c.cls[i] == 0 && c.doc.Tokens[i].Kind == text.Word && len(w) > 4 &&
			(strings.HasPrefix(w, "me") || strings.HasPrefix(w, "di") || strings.HasPrefix(w, "ber") || strings.HasPrefix(w, "ter")) &&
			stem.Stem(w) != w {
			c.verb[i] = 2
		}
	}
	return c.verb[i] == 2
}

// isCapitalised reports whether token i starts with an upper-case letter.
func (c *coder) isCapitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(c.doc.Text[c.doc.Tokens[i].Start:])
	return unicode.IsUpper(r)
}
