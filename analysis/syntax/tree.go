package syntax

import (
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// Trees is the syntax layer of one document: its sentences, tagged and
// parsed on demand, each once, on the document's own tokens. Parsing every
// sentence costs more than the rest of the analysis together, so a stage
// asks only for the sentences it reads (see the README). A Trees belongs
// to one document and is not safe for concurrent use.
type Trees struct {
	doc   *text.Document
	model *Model
	trees []*Tree
	// through is the last token (counted in its sentence) each tree was
	// parsed through.
	through []int
	parsed  int
}

// NewTrees returns the layer of a tokenised, sentence-split document; m
// nil is the built-in model, loaded on the first parse.
func NewTrees(doc *text.Document, m *Model) *Trees {
	return &Trees{doc: doc, model: m, trees: make([]*Tree, len(doc.Sentences)), through: make([]int, len(doc.Sentences))}
}

// Parsed is how many times a sentence has been parsed so far.
func (ts *Trees) Parsed() int { return ts.parsed }

// Sentence returns the whole tree of sentence i, parsing it on first use;
// nil when i is out of range or the model cannot be loaded.
func (ts *Trees) Sentence(i int) *Tree {
	if i < 0 || i >= len(ts.trees) {
		return nil
	}
	s := ts.doc.Sentences[i]
	return ts.parse(i, s.Last-s.First-1)
}

// At returns the whole tree of the sentence that holds document token
// tok, nil when none does.
func (ts *Trees) At(tok int) *Tree { return ts.Sentence(ts.sentenceOf(tok)) }

// Through returns the tree of the sentence that holds document token tok,
// parsed at least until tok has its dependents before it and, when it
// stands to the left, its head (Model.ParseThrough): a verb's subject
// before it, and the verb it is controlled by or coordinated with, cost
// only the sentence up to the verb. Heads further right may be unknown
// (Tree.Known). Nil when no sentence holds tok.
func (ts *Trees) Through(tok int) *Tree {
	i := ts.sentenceOf(tok)
	if i < 0 {
		return nil
	}
	return ts.parse(i, tok-ts.doc.Sentences[i].First)
}

// parse returns sentence i's tree parsed through its token last, parsing
// it again only if the cached tree stops before.
func (ts *Trees) parse(i, last int) *Tree {
	if t := ts.trees[i]; t != nil && ts.through[i] >= last {
		return t
	}
	if ts.model == nil {
		m, err := Default()
		if err != nil {
			return nil
		}
		ts.model = m
	}
	s := ts.doc.Sentences[i]
	first, end := max(s.First, 0), min(s.Last, len(ts.doc.Tokens))
	t := ts.model.ParseThrough(max(end-first, 0), func(k int) string { return ts.doc.TokenText(first + k) }, last)
	t.First = first
	ts.trees[i], ts.through[i] = t, last
	ts.parsed++
	return t
}

// sentenceOf is the index of the sentence holding document token tok, -1
// when none does.
func (ts *Trees) sentenceOf(tok int) int {
	lo, hi := 0, len(ts.doc.Sentences)
	for lo < hi {
		mid := (lo + hi) / 2
		if ts.doc.Sentences[mid].Last <= tok {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(ts.doc.Sentences) && ts.doc.Sentences[lo].First <= tok {
		return lo
	}
	return -1
}

// Tree is one parsed sentence: a tag, a head and a relation per token.
// Tags, Heads and Rels count the sentence's tokens from 0, and a root's
// head is -1; the methods take and return document token indices.
type Tree struct {
	First int // the document index of the sentence's first token
	Tags  []string
	Heads []int
	Rels  []string
	forms func(tok int) string // the text of a document token
}

// Has reports whether document token tok is in the tree.
func (t *Tree) Has(tok int) bool { return t != nil && tok >= t.First && tok < t.First+len(t.Heads) }

// Head is the document index of tok's head, -1 for a root or a token not
// in the tree.
func (t *Tree) Head(tok int) int {
	if !t.Has(tok) || t.Heads[tok-t.First] < 0 {
		return -1
	}
	return t.First + t.Heads[tok-t.First]
}

// Known reports whether tok's head is known: a tree parsed only through
// an earlier token (Trees.Through) leaves the heads to its right open.
func (t *Tree) Known(tok int) bool { return t.Has(tok) && t.Heads[tok-t.First] >= -1 }

// Rel is tok's relation to its head ("" for a token not in the tree).
func (t *Tree) Rel(tok int) string {
	if !t.Has(tok) {
		return ""
	}
	return t.Rels[tok-t.First]
}

// Tag is tok's part of speech (UPOS; "" for a token not in the tree).
func (t *Tree) Tag(tok int) string {
	if !t.Has(tok) {
		return ""
	}
	return t.Tags[tok-t.First]
}

// is reports whether relation r is rel or one of its subtypes (nsubj
// matches nsubj:pass; nsubj:pass only itself).
func is(r, rel string) bool {
	return r == rel || strings.HasPrefix(r, rel) && len(r) > len(rel) && r[len(rel)] == ':'
}

// Dependents returns tok's dependents whose relation is one of rels (or
// a subtype of one), in order; every dependent when rels is empty.
func (t *Tree) Dependents(tok int, rels ...string) []int {
	if !t.Has(tok) {
		return nil
	}
	var out []int
	for k, h := range t.Heads {
		if h != tok-t.First {
			continue
		}
		ok := len(rels) == 0
		for _, r := range rels {
			ok = ok || is(t.Rels[k], r)
		}
		if ok {
			out = append(out, t.First+k)
		}
	}
	return out
}

// dependent is tok's first dependent in one of rels, or -1.
func (t *Tree) dependent(tok int, rels ...string) int {
	if d := t.Dependents(tok, rels...); len(d) > 0 {
		return d[0]
	}
	return -1
}

// Span is the token range [first, last) of tok's subtree, the phrase it
// heads; a non-projective tree gives the range from its leftmost to its
// rightmost descendant.
func (t *Tree) Span(tok int) (first, last int) {
	if !t.Has(tok) {
		return tok, tok
	}
	first, last = tok, tok+1
	for k := range t.Heads {
		d := t.First + k
		if d >= first && d < last {
			continue
		}
		for a := d; a >= 0; a = t.Head(a) {
			if a == tok {
				first, last = min(first, d), max(last, d+1)
				break
			}
		}
	}
	return first, last
}

// Argument is a verb's subject or object as the tree gives it.
type Argument struct {
	Token int // the argument's head token, -1 when there is none
	// Passive marks a passive's subject (nsubj:pass): the one acted on.
	Passive bool
	// From is the verb the argument was found on: the verb itself, or,
	// for a controlled, coordinated or relative clause without its own,
	// the clause it hangs from.
	From int
}

// Subject returns verb v's subject. A relative clause's subject yang
// stands for the noun the clause modifies, which is returned instead
// (polisi yang menangkap → polisi); a verb with no subject of its own
// takes that of the verb it is controlled by (xcomp: berjanji
// memperbaiki), coordinated with (conj) or, for an open adverbial
// clause, hangs from (advcl without a mark).
func (t *Tree) Subject(v int) Argument {
	for hops, cur := 0, v; hops < 4 && t.Has(cur); hops++ {
		if s := t.dependent(cur, "nsubj", "csubj"); s >= 0 {
			a := Argument{Token: s, Passive: is(t.Rel(s), "nsubj") && strings.HasSuffix(t.Rel(s), ":pass"), From: cur}
			if strings.EqualFold(t.word(s), "yang") && is(t.Rel(cur), "acl") {
				a.Token = t.Head(cur)
			}
			return a
		}
		r := t.Rel(cur)
		switch {
		case is(r, "acl"):
			// A reduced relative clause (warga menolak → warga, the
			// noun): its subject is the noun it modifies.
			return Argument{Token: t.Head(cur), From: cur}
		case r == "xcomp", r == "conj", r == "advcl" && t.dependent(cur, "mark") < 0:
			cur = t.Head(cur)
		default:
			return Argument{Token: -1, From: v}
		}
	}
	return Argument{Token: -1, From: v}
}

// Object returns verb v's direct object, -1 when it has none. The
// object of a passive is its subject (see Subject).
func (t *Tree) Object(v int) int { return t.dependent(v, "obj") }

// Oblique is a verb's oblique argument with the preposition that marks
// it: kepada, dengan, terhadap, oleh (a passive's doer: obl:agent).
type Oblique struct {
	Token int    // the oblique's head token
	Case  int    // its preposition (the case dependent), -1 when none
	Rel   string // obl, obl:agent, obl:tmod ...
}

// Obliques returns verb v's obliques, in order.
func (t *Tree) Obliques(v int) []Oblique {
	var out []Oblique
	for _, d := range t.Dependents(v, "obl") {
		out = append(out, Oblique{Token: d, Case: t.dependent(d, "case"), Rel: t.Rel(d)})
	}
	return out
}

// Preposition returns the oblique of v marked by the given preposition
// (lower case: kepada, oleh), -1 when there is none.
func (t *Tree) Preposition(v int, prep string) int {
	for _, o := range t.Obliques(v) {
		if o.Case >= 0 && strings.EqualFold(t.word(o.Case), prep) {
			return o.Token
		}
	}
	return -1
}

// Clause is a clause attached to a token: a relative clause (acl:relcl,
// the one yang opens), an adverbial clause (advcl, with its mark untuk,
// agar), a complement clause (ccomp, with bahwa) or a controlled one
// (xcomp).
type Clause struct {
	Token int    // the clause's head (its verb)
	Rel   string // acl, acl:relcl, advcl, ccomp, xcomp, csubj
	Mark  int    // its subordinator (untuk, agar, bahwa), -1 when none
}

// Clauses returns the clauses attached to tok, in order.
func (t *Tree) Clauses(tok int) []Clause {
	var out []Clause
	for _, d := range t.Dependents(tok, "acl", "advcl", "ccomp", "xcomp", "csubj") {
		out = append(out, Clause{Token: d, Rel: t.Rel(d), Mark: t.dependent(d, "mark")})
	}
	return out
}

// word is the text of token tok.
func (t *Tree) word(tok int) string {
	if !t.Has(tok) || t.forms == nil {
		return ""
	}
	return t.forms(tok)
}
