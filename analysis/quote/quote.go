package quote

import (
	"slices"

	"github.com/warta-news/warta/analysis/text"
)

// Kind says how a quotation is given.
type Kind uint8

const (
	// Direct words stand as the speaker's own sentence or sentences, with
	// the attribution around them: “Kami siap,” kata Lavrov.
	Direct Kind = iota + 1
	// Partial words are embedded in the reporter's sentence: memuji
	// pembicaraan itu sebagai “konstruktif”.
	Partial
	// Indirect speech is reported without quotation marks: Lavrov
	// mengatakan bahwa ...; the text is the reported clause.
	Indirect
)

var kindNames = [...]string{"", "direct", "partial", "indirect"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "unknown"
}

// Via says how a quotation's speaker was found.
type Via uint8

const (
	// ViaNone: no speaker was found.
	ViaNone Via = iota
	// ViaName: a name at the cue (kata Lavrov, Lavrov mengatakan), with or
	// without a role before or after it.
	ViaName
	// ViaRole: a role without a name (kata Presiden), resolved to the
	// person the article last gave that role, when there is one.
	ViaRole
	// ViaPronoun: ia, dia, beliau at the cue, resolved to the person
	// last named.
	ViaPronoun
	// ViaNya: a cue with -nya (katanya, ujarnya), resolved like a pronoun.
	ViaNya
	// ViaContinuation: a quotation with no cue of its own, a paragraph
	// that is only a quotation or a piece of one running over paragraphs,
	// given to the speaker of the quotation before it.
	ViaContinuation
)

var viaNames = [...]string{"none", "name", "role", "pronoun", "nya", "continuation"}

func (v Via) String() string {
	if int(v) < len(viaNames) {
		return viaNames[v]
	}
	return "unknown"
}

// Quote is one quotation of the article. Spans are byte offsets into
// Document.Text.
type Quote struct {
	// Text is the quoted words without the quotation marks, or for
	// indirect speech the reported clause.
	Text text.Span
	Kind Kind
	// Cue is the reporting word (kata, mengatakan, menurut, ujarnya);
	// empty when the quotation has none of its own.
	Cue text.Span
	// Ref is what refers to the speaker at the cue: the name or role as
	// printed there (Kepala Polresta Denpasar Bambang), the pronoun (dia),
	// or the -nya cue itself; empty for a continuation.
	Ref text.Span
	// Speaker is the speaker's name as printed at the mention Ref
	// resolves to: the name at the cue, or for a pronoun, -nya, a role or
	// a continuation, the name of the person it stands for. Empty when no
	// speaker was found; when only a role is known it is the role's span.
	Speaker text.Span
	Via     Via
	// Entity is the id of the entity covering Speaker, "" when none or
	// when no entities were given.
	Entity string
	// Name is the speaker's name: the entity's name, or without one the
	// fullest form of the name the article gives (Sergey Lavrov for
	// Lavrov). Empty when the speaker is unknown or only a role.
	Name string
	// Role is the role the article gives the speaker: at the cue
	// (kata Kepala Polresta Denpasar Bambang), else where the article
	// introduces the person, else the entity's first role.
	Role string
	// Continued marks a piece of a quotation running over paragraphs that
	// continues the piece before it (each paragraph opens the quotation
	// again; only the last one closes it).
	Continued bool
}

// Entities is what the quote stage reads from the entity stage: the
// article's entities and their mentions. It is optional; without it the
// speaker is found from what the text shows, and Quote.Entity stays empty.
type Entities struct {
	List []Entity
	// Mentions are in byte offsets into Document.Text, sorted by Start,
	// and do not overlap.
	Mentions []Mention
}

// Entity is one distinct real-world entity of the article.
type Entity struct {
	ID    string   // E1, E2, ...
	Name  string   // the fullest form the article gives
	Type  string   // PER, ORG, LOC or MISC
	Roles []string // the roles the article gives it, the first the one to report
}

// Mention is one place where the article names an entity.
type Mention struct {
	Start, End int // byte offsets into Document.Text
	Entity     int // index into Entities.List
}

// Find returns the quotations of a tokenised, sentence-split document in
// text order: direct and partial quotations between quotation marks and
// indirect speech, each with its cue and speaker. ents may be nil.
func Find(doc *text.Document, ents *Entities) []Quote {
	if len(doc.Tokens) == 0 {
		return nil
	}
	f := newFinder(doc, ents)
	f.pairMarks()
	f.findPersons()
	f.attributeMarked()
	f.findIndirect()
	f.fillContinuations()
	return f.finish()
}

// finish resolves names, roles and entities and returns the quotations in
// text order.
func (f *finder) finish() []Quote {
	out := make([]Quote, 0, len(f.quotes))
	for i := range f.quotes {
		c := &f.quotes[i]
		q := c.Quote
		f.resolveSpeaker(&q, c.who, c.role)
		if name := f.spanText(c.who); c.source && q.Name != name {
			q.Name, q.Entity = name, ""
		}
		out = append(out, q)
	}
	slices.SortStableFunc(out, func(a, b Quote) int { return a.Text.Start - b.Text.Start })
	return out
}
