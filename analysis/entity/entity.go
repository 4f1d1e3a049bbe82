package entity

import (
	"fmt"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// Entity is one real-world entity of an article, in the shape of the
// record's entities field. Mention offsets are byte offsets into the
// Document's Text; the analysis package converts them to code points.
type Entity struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Type     string    `json:"type"` // PER, ORG, LOC or MISC
	Mentions []Mention `json:"mentions"`
	Roles    []string  `json:"roles"`
	Country  string    `json:"country,omitempty"` // ISO 3166-1 alpha-2
	Salience float64   `json:"salience"`
	// State reports whether the entity is a country, which acts as a
	// state in events: its people and bodies act for it.
	State bool `json:"-"`
}

// Mention is one place where the article names an entity.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"` // byte offset into Document.Text
	End   int    `json:"end"`
	// First and Last are the mention's tokens, Document.Tokens[First:Last].
	First int `json:"-"`
	Last  int `json:"-"`
}

// Result is the entities of one document, with a way from a token back
// to the entity mentioned there.
type Result struct {
	Entities []Entity
	// byToken[i] is 1 + the index in Entities of the entity mentioned at
	// token i, 0 where none is.
	byToken []int32
}

// At returns the entity mentioned at token i (an index into the
// Document's Tokens), or nil.
func (r *Result) At(token int) *Entity {
	if r == nil || token < 0 || token >= len(r.byToken) || r.byToken[token] == 0 {
		return nil
	}
	return &r.Entities[r.byToken[token]-1]
}

// ByID returns the entity with the given id (E1, E2, ...), or nil.
func (r *Result) ByID(id string) *Entity {
	for i := range r.Entities {
		if r.Entities[i].ID == id {
			return &r.Entities[i]
		}
	}
	return nil
}

// Recognizer finds the entities of documents with a model and the
// gazetteers. It is safe for concurrent use.
type Recognizer struct {
	m      *Model
	domain int
	lists  *wordLists
}

// New returns a Recognizer with the embedded model.
func New() (*Recognizer, error) {
	m, err := DefaultModel()
	if err != nil {
		return nil, err
	}
	return NewWithModel(m)
}

// NewWithModel returns a Recognizer that tags with m in its default
// (news) domain.
func NewWithModel(m *Model) (*Recognizer, error) {
	lists, err := sharedWordLists()
	if err != nil {
		return nil, err
	}
	return &Recognizer{m: m, domain: m.defaultDomain, lists: lists}, nil
}

// Find returns the entities of doc, whose Tokens and Sentences must be
// filled (text.Tokenize, text.SplitSentences). Each entity gathers every
// mention of one referent; entities are numbered in order of first
// mention.
func (r *Recognizer) Find(doc *text.Document) *Result {
	t := r.m.getTagger()
	defer r.m.putTagger(t)
	a := t.article(doc, r)
	a.mentions(t)
	a.merge()
	res := a.result()
	a.release()
	return res
}

// String describes an entity in one line, for tests and debugging.
func (e *Entity) String() string {
	var ms []string
	for _, m := range e.Mentions {
		ms = append(ms, m.Text)
	}
	s := fmt.Sprintf("%s %s %q %q", e.ID, e.Type, e.Name, ms)
	if len(e.Roles) > 0 {
		s += fmt.Sprintf(" roles %q", e.Roles)
	}
	if e.Country != "" {
		s += " " + e.Country
	}
	return s + fmt.Sprintf(" %.2f", e.Salience)
}

// recordType maps the model's classes to the record's types: NERP's
// events and food and beverage names are MISC.
func recordType(class string) string {
	switch class {
	case "PER", "ORG", "LOC":
		return class
	}
	return "MISC"
}

// uniqueFold appends s to list unless it is there already, ignoring case.
func uniqueFold(list []string, s string) []string {
	if slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) }) {
		return list
	}
	return append(list, s)
}
