package syntax

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/warta-news/warta/analysis/internal/linear"
	"github.com/warta-news/warta/analysis/internal/linear/train"
)

// TrainOptions are the training choices; the zero value takes the tuned
// defaults.
type TrainOptions struct {
	TagBits, TransitionBits, LabelBits uint8
	Epochs                             int
	// Folds is how many parts the tagger is trained on to tag the rest
	// (jackknifing), so that the parser learns from tags as mistaken as
	// those it will read; 1 trains the parser on the gold tags.
	Folds int
	// Explore, when positive (the default), adds one pass of training
	// on the parser's own parses of the training sentences, each fold
	// parsed by a parser that did not see it, with the dynamic oracle;
	// -1 trains on the static oracle's transitions only.
	Explore int
	// Rate is the AdaGrad step, L2 the weight decay per example.
	Rate, L2 float64
	Seed     uint64
	// Sources names the training sets and their sentence counts, for the
	// model's note.
	Sources map[string]int
}

// The tuned defaults (GSD dev; Explore on held-out fifths of CSUI
// train; see the README).
var defaults = TrainOptions{TagBits: 15, TransitionBits: 16, LabelBits: 14, Epochs: 12, Folds: 5, Explore: 1, Rate: 0.03, L2: 1e-6, Seed: 1}

func (o TrainOptions) withDefaults() TrainOptions {
	d := defaults
	o.TagBits, o.TransitionBits, o.LabelBits = cmp.Or(o.TagBits, d.TagBits), cmp.Or(o.TransitionBits, d.TransitionBits), cmp.Or(o.LabelBits, d.LabelBits)
	o.Epochs, o.Folds, o.Seed = cmp.Or(o.Epochs, d.Epochs), cmp.Or(o.Folds, d.Folds), cmp.Or(o.Seed, d.Seed)
	o.Rate, o.L2 = cmp.Or(o.Rate, d.Rate), cmp.Or(o.L2, d.L2)
	o.Explore = max(cmp.Or(o.Explore, d.Explore), 0)
	return o
}

// TrainReport says what training read and skipped.
type TrainReport struct {
	Sentences, Nonprojective int
	// Transitions and Arcs count the examples of the transition and
	// label classifiers, over every round.
	Transitions, Arcs int
}

// Train fits a tagger and parser to gold sentences. It is deterministic
// for given sentences and options. Trees the arc-eager oracle cannot
// reach (non-projective ones) teach the tagger only.
func Train(sents []Sentence, o TrainOptions) (*Model, TrainReport, error) {
	o = o.withDefaults()
	rep := TrainReport{Sentences: len(sents)}
	if len(sents) == 0 {
		return nil, rep, fmt.Errorf("syntax: no training sentences")
	}
	tagNames, relNames := classes(sents)
	tagIndex, relIndex := index(tagNames), index(relNames)
	opts := func(bits uint8) train.Options {
		return train.Options{Bits: bits, Epochs: o.Epochs, Rate: o.Rate, L2: o.L2, Seed: o.Seed}
	}
	note := train.Note("warta train parser", "UPOS tagger and arc-eager dependency parser", o.Sources)

	tagger := train.Fit(tagNames, tagExamples(sents, tagIndex, o.TagBits), opts(o.TagBits))
	tagger.Note = note

	// Jackknife: each fold is tagged by a tagger that did not see it.
	predicted := make([][]uint64, len(sents))
	if o.Folds == 1 {
		for i, s := range sents {
			for _, w := range s.Words {
				predicted[i] = append(predicted[i], hashString('t', w.UPOS))
			}
		}
	}
	for f := 0; o.Folds > 1 && f < o.Folds; f++ {
		var in, out []int
		for i := range sents {
			if i%o.Folds == f {
				out = append(out, i)
			} else {
				in = append(in, i)
			}
		}
		part := make([]Sentence, len(in))
		for k, i := range in {
			part[k] = sents[i]
		}
		tm := train.Fit(tagNames, tagExamples(part, tagIndex, o.TagBits), opts(o.TagBits))
		m := &Model{tagger: tm.Compact()}
		for _, t := range tagNames {
			m.tagHash = append(m.tagHash, hashString('t', t))
		}
		for _, i := range out {
			toks := tokens(sents[i])
			for _, c := range m.tag(new(work), toks[1:], len(toks)-1) {
				predicted[i] = append(predicted[i], m.tagHash[c])
			}
		}
	}

	relHash := make([]uint64, len(relNames))
	for i, r := range relNames {
		relHash[i] = hashString('r', r)
	}
	golds := make([]goldTree, len(sents))
	// Per sentence, the static oracle's transition and label examples
	// (none for a tree it cannot reach); the explored ones are added.
	examples := make([][2][]train.Example, len(sents))
	for i, s := range sents {
		g := &golds[i]
		g.x = sentence{toks: tokens(s), tags: append([]uint64{root}, predicted[i]...)}
		g.heads, g.rels = make([]int, len(s.Words)+1), make([]int, len(s.Words)+1)
		for k, w := range s.Words {
			g.heads[k+1], g.rels[k+1] = w.Head, relIndex[w.Rel]
		}
		st := newState(len(s.Words))
		var tx, lx []train.Example
		for !st.done() {
			t := st.oracle(g.heads)
			tx = append(tx, train.Example{Rows: transitionFeatures(nil, o.TransitionBits, &g.x, st, relHash), Class: t})
			rel := -1
			if h, d, ok := st.arc(t); ok {
				rel = g.rels[d]
				if h != 0 {
					lx = append(lx, train.Example{Rows: labelFeatures(nil, o.LabelBits, &g.x, st, relHash, h, d), Class: rel})
				}
			}
			st.apply(t, rel)
		}
		reached := true
		for k := 1; k < len(g.heads); k++ {
			reached = reached && (st.heads[k] == g.heads[k] || (st.heads[k] < 0 && g.heads[k] == 0))
		}
		if !reached {
			rep.Nonprojective++
			continue
		}
		examples[i] = [2][]train.Example{tx, lx}
	}
	fit := func(keep func(i int) bool) (transition, label *linear.Model) {
		var trans, labels []train.Example
		for i, ex := range examples {
			if keep(i) {
				trans, labels = append(trans, ex[0]...), append(labels, ex[1]...)
			}
		}
		return train.Fit(transitionNames, trans, opts(o.TransitionBits)), train.Fit(relNames, labels, opts(o.LabelBits))
	}
	// Exploration: each fold is parsed by a parser trained on the other
	// folds' static-oracle examples (on all, with one fold), so that it
	// makes the mistakes an unseen sentence brings (on its own training
	// sentences a parser makes few). It follows its own choices; every
	// state it reaches teaches the best transition the dynamic oracle
	// allows there, every gold arc it makes the gold relation, so that
	// the parser learns to recover from its mistakes (Goldberg and Nivre
	// 2012). Non-projective trees are explored too: the oracle's costs
	// hold for any tree.
	var explored [2][]train.Example
	inStack := make([]bool, 0)
	for f := 0; o.Explore > 0 && f < o.Folds; f++ {
		transition, label := fit(func(i int) bool { return i%o.Folds != f || o.Folds == 1 })
		m, err := newModel(tagger.Compact(), transition.Compact(), label.Compact())
		if err != nil {
			return nil, rep, err
		}
		for i := f; i < len(golds); i += o.Folds {
			inStack = resize(inStack, len(golds[i].heads))
			tx, lx := m.explore(&golds[i], inStack)
			explored[0], explored[1] = append(explored[0], tx...), append(explored[1], lx...)
		}
	}
	examples = append(examples, explored)
	transition, label := fit(func(int) bool { return true })
	for _, ex := range examples {
		rep.Transitions, rep.Arcs = rep.Transitions+len(ex[0]), rep.Arcs+len(ex[1])
	}
	transition.Note, label.Note = note, note
	m, err := newModel(tagger.Compact(), transition.Compact(), label.Compact())
	return m, rep, err
}

// goldTree is a training sentence as the parser reads it (with
// jackknifed tags) and its gold heads and relations (nodes 0..n).
type goldTree struct {
	x           sentence
	heads, rels []int
}

// explore parses g with m, following m's choices, and returns the
// examples of the dynamic oracle's best transition in each state (the
// least costly, the one m scores highest among those) and of the gold
// relation of each gold arc m makes.
func (m *Model) explore(g *goldTree, inStack []bool) (tx, lx []train.Example) {
	w := &work{x: g.x}
	s := &w.st
	s.reset(len(g.heads) - 1)
	for !s.done() {
		t := m.transitionScores(w)
		c := s.costs(g.heads, inStack)
		best := -1
		for k, ck := range c {
			if ck >= 0 && (best < 0 || ck < c[best] || ck == c[best] && w.scores[k] > w.scores[best]) {
				best = k
			}
		}
		tx = append(tx, train.Example{Rows: slices.Clone(w.rows), Class: best})
		rel := -1
		if h, d, ok := s.arc(t); ok {
			if h != 0 && g.heads[d] == h {
				lx = append(lx, train.Example{Rows: labelFeatures(nil, m.label.Bits, &g.x, s, m.relHash, h, d), Class: g.rels[d]})
			}
			rel = m.relation(w, h, d)
		}
		s.apply(t, rel)
	}
	return tx, lx
}

// classes lists the tags and relations of the sentences, sorted, so that
// a model's class order does not depend on the data's order.
func classes(sents []Sentence) (tags, rels []string) {
	seenT, seenR := map[string]bool{}, map[string]bool{"root": true}
	rels = []string{"root"}
	for _, s := range sents {
		for _, w := range s.Words {
			if !seenT[w.UPOS] {
				seenT[w.UPOS] = true
				tags = append(tags, w.UPOS)
			}
			if !seenR[w.Rel] {
				seenR[w.Rel] = true
				rels = append(rels, w.Rel)
			}
		}
	}
	slices.Sort(tags)
	slices.Sort(rels)
	return tags, rels
}

func index(names []string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i
	}
	return m
}

// tokens hashes a gold sentence's forms, with the root as node 0.
func tokens(s Sentence) []token {
	toks := make([]token, len(s.Words)+1)
	toks[0] = token{form: root, prefix2: root, prefix3: root, suffix2: root, suffix3: root, shape: root}
	for i, w := range s.Words {
		toks[i+1] = newToken(w.Form)
	}
	return toks
}

// tagExamples are the tagger's examples, each token with the gold tags
// before it.
func tagExamples(sents []Sentence, tagIndex map[string]int, bits uint8) []train.Example {
	var ex []train.Example
	for _, s := range sents {
		toks := tokens(s)[1:]
		hashes := make([]uint64, len(toks))
		for i, w := range s.Words {
			hashes[i] = hashString('t', w.UPOS)
		}
		for i, w := range s.Words {
			ex = append(ex, train.Example{Rows: tagFeatures(nil, bits, toks, hashes, i), Class: tagIndex[w.UPOS]})
		}
	}
	return ex
}
