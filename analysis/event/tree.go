package event

import (
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/analysis/text"
)

// fromTree fills the side a candidate still lacks from its sentence's
// parse, when the words around the trigger gave only the other: the
// subject of the trigger's verb (over the clause it is controlled by or
// coordinated with, and the noun a relative clause modifies), its object,
// or the phrase a target preposition marks (kepada, terhadap; untuk and
// bagi for aid). Only such sentences are parsed: a parse costs about half
// the rest of the analysis, and most events find both sides without one.
func (c *coder) fromTree(cd *candidate, m match, s text.Sentence) {
	if c.in.Syntax == nil || (cd.Source == nil) == (cd.Target == nil) {
		return
	}
	switch f := m.t.frame; {
	case cd.Target == nil && (f == framePass || f.symmetric() || f == frameRef || f == frameNom || f == frameGen || cd.Mode == "visit"):
		// berkunjung ke Bank X: the place of a visit is no target.
		return
	case cd.Source == nil && f != frameAct && f != frameActObj && f != frameIntr && f != framePass:
		return
	}
	// Only as much of the sentence is parsed as the side needs (a
	// left-to-right parse's arcs up to a token are final): up to the
	// trigger for its subject, an object's reach past it for a target or
	// a passive's oleh phrase.
	through := m.tokens.last - 1
	if cd.Target == nil || m.t.frame == framePass {
		through = min(m.tokens.last-1+treeReach, s.Last-1)
	}
	// A tree names a side only at an actor's word (treeActor): with none
	// where the side would stand, the parse is not worth its cost. A
	// target stands after the trigger, or before it after kepada (Kepada
	// X, kami meminta ...).
	var worth bool
	if cd.Source == nil {
		worth = c.actorWord(s.First, m.tokens.first)
	} else {
		worth = c.actorWord(m.tokens.last, through+1) || slices.Contains(c.low[s.First:m.tokens.first], "kepada")
	}
	if !worth || through-s.First >= treeLength {
		return
	}
	t := c.in.Syntax.Through(through)
	if t == nil {
		return
	}
	v := triggerHead(t, m.tokens)
	if cd.Target == nil {
		cd.Target = c.treeTarget(t, v, cd, m.t.frame, s, m.tokens)
	} else {
		cd.Source = c.treeSource(t, v, cd, m.t.frame, s, m.tokens)
	}
}

// treeReach is how far past the trigger its sentence is parsed for a
// target: the object or the kepada phrase stands within it (measured over
// the 700: 9 keeps every event 12 finds, 6 loses one).
const treeReach = 9

// treeLength caps the words parsed for one side: a longer prefix costs
// more than the sides it gives back (measured over the 700).
const treeLength = 24

// triggerHead is the token of the trigger's span whose head lies outside
// it: the verb of menjatuhkan sanksi, the noun of atas permintaan.
func triggerHead(t *syntax.Tree, tr span) int {
	for k := tr.first; k < tr.last; k++ {
		if h := t.Head(k); h < tr.first || h >= tr.last {
			return k
		}
	}
	return tr.first
}

// treeTarget is the trigger's object, or the actor a target preposition
// marks among its dependents; nil when the tree names none, or names the
// source again.
func (c *coder) treeTarget(t *syntax.Tree, v int, cd *candidate, f frame, s text.Sentence, tr span) *Actor {
	if f == frameAct || f == frameActObj || f == frameIntr {
		if o := t.Object(v); o >= 0 {
			if a := c.treeActor(t, o, s, tr); a != nil && !sameActor(a, cd.Source) {
				return a
			}
		}
	}
	// meminta uang kepada X: the parse may hang the kepada phrase from
	// the thing asked for rather than from the verb; it still names whom.
	heads := []int{v}
	if o := t.Object(v); o >= 0 {
		heads = append(heads, o)
	}
	material := typeHas(cd.Type, traitMaterial)
	for _, d := range dependentsOf(t, heads, "obl", "nmod") {
		cs := t.Dependents(d, "case")
		if len(cs) == 0 {
			continue
		}
		switch c.low[cs[0]] {
		case "kepada":
		case "terhadap", "pada":
			// pemeriksaan terhadap X, gawai pada anak: on the object,
			// these name its own patient, not the verb's target.
			if t.Head(d) != v {
				continue
			}
		case "untuk", "bagi":
			if !material {
				continue
			}
		default:
			continue
		}
		if a := c.treeActor(t, d, s, tr); a != nil && !sameActor(a, cd.Source) {
			return a
		}
	}
	return nil
}

// treeSource is the subject of the trigger's verb (not a passive's, which
// is acted on), or a passive's oleh phrase; nil when the tree names none,
// or names the target again.
func (c *coder) treeSource(t *syntax.Tree, v int, cd *candidate, f frame, s text.Sentence, tr span) *Actor {
	var k int
	if f == framePass {
		if k = t.Preposition(v, "oleh"); k < 0 {
			return nil
		}
	} else {
		sub := t.Subject(v)
		if sub.Token < 0 || sub.Passive {
			return nil
		}
		k = sub.Token
	}
	if a := c.treeActor(t, k, s, tr); a != nil && !sameActor(a, cd.Target) {
		return a
	}
	return nil
}

// treeActor is the actor a phrase headed by token k names: an entity, a
// group word (with whose it is, as group reads it), a pronoun that
// resolves, or a title whose name hangs from it (Gubernur ... Dedi
// Mulyadi); nil for anything else (kebijakan, program), and for the
// trigger's own words (the tersangka of menetapkan tersangka).
func (c *coder) treeActor(t *syntax.Tree, k int, s text.Sentence, tr span) *Actor {
	if k < s.First || k >= s.Last || k >= tr.first && k < tr.last {
		return nil
	}
	if e, ms := c.entityAt(k); e != nil {
		if e.Type == "LOC" && !e.State {
			return nil
		}
		return c.actorAt(e, ms)
	}
	switch cls := c.cls[k]; {
	case cls&wPronoun != 0:
		return c.pronoun(k)
	case cls&wSpeaker != 0:
		return c.speaker(k)
	case cls&wAgent != 0:
		return c.group(c.phrase[k], s.Last)
	}
	if !c.isCapitalised(k) {
		return nil
	}
	for _, d := range t.Dependents(k, "flat", "appos") {
		if e, ms := c.entityAt(d); e != nil && e.Type == "PER" && !strings.EqualFold(c.low[d], c.low[k]) {
			return c.actorAt(e, ms)
		}
	}
	return nil
}

// dependentsOf is the dependents in rels of each of heads, in turn.
func dependentsOf(t *syntax.Tree, heads []int, rels ...string) []int {
	var out []int
	for _, h := range heads {
		out = append(out, t.Dependents(h, rels...)...)
	}
	return out
}

// actorWord reports whether a token in [from, to) could head an actor as
// treeActor reads one: an entity's, a group word, a pronoun.
func (c *coder) actorWord(from, to int) bool {
	for k := from; k < to; k++ {
		if c.in.Entities.At(k) != nil || c.cls[k]&(wAgent|wPronoun|wSpeaker) != 0 {
			return true
		}
	}
	return false
}
