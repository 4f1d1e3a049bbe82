package syntax

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"github.com/warta-news/warta/analysis/internal/linear"
)

// Model is a trained part-of-speech tagger and dependency parser. It is
// read-only and safe for concurrent use.
type Model struct {
	tagger, transition, label *linear.Compact
	tagHash, relHash          []uint64
	rootRel                   int // the index of the "root" relation
}

// Tags are the part-of-speech tags the model gives (UD's UPOS).
func (m *Model) Tags() []string { return m.tagger.Classes }

// Relations are the dependency relations the model gives (UD's DEPREL,
// with the treebank's subtypes such as acl:relcl and nsubj:pass).
func (m *Model) Relations() []string { return m.label.Classes }

// Note says how the model was trained (the trainer's provenance, JSON).
func (m *Model) Note() string { return m.transition.Note }

func newModel(tagger, transition, label *linear.Compact) (*Model, error) {
	if len(transition.Classes) != transitions {
		return nil, fmt.Errorf("syntax: the transition model has %d classes, want %d", len(transition.Classes), transitions)
	}
	m := &Model{tagger: tagger, transition: transition, label: label, rootRel: -1}
	for _, t := range tagger.Classes {
		m.tagHash = append(m.tagHash, hashString('t', t))
	}
	for i, r := range label.Classes {
		m.relHash = append(m.relHash, hashString('r', r))
		if r == "root" {
			m.rootRel = i
		}
	}
	if m.rootRel < 0 {
		return nil, errors.New("syntax: the label model has no root relation")
	}
	return m, nil
}

// File layout: magic, the note (uint16 length, little-endian, and the
// text), kept in the clear so that the file says how it was made, then
// three length-prefixed (uint32) linear models: the tagger, the
// transition classifier and the label classifier. The weights are not
// compressed: DEFLATE saves a third of the file and costs more to load
// than all the rest.
const magic = "warta-syntax\x00\x03"

// WriteTo writes the model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var out bytes.Buffer
	out.WriteString(magic)
	note := m.Note()
	binary.Write(&out, binary.LittleEndian, uint16(len(note)))
	out.WriteString(note)
	for _, lm := range []*linear.Compact{m.tagger, m.transition, m.label} {
		var b bytes.Buffer
		if err := lm.Save(&b); err != nil {
			return 0, err
		}
		binary.Write(&out, binary.LittleEndian, uint32(b.Len()))
		out.Write(b.Bytes())
	}
	n, err := w.Write(out.Bytes())
	return int64(n), err
}

// ReadModel reads a model written by WriteTo.
func ReadModel(data []byte) (*Model, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, errors.New("syntax: not a model file (bad magic)")
	}
	if len(rest) < 2 || int(binary.LittleEndian.Uint16(rest))+2 > len(rest) {
		return nil, errors.New("syntax: truncated model note")
	}
	raw := rest[2+int(binary.LittleEndian.Uint16(rest)):]
	var parts [3]*linear.Compact
	for i := range parts {
		if len(raw) < 4 {
			return nil, errors.New("syntax: truncated model")
		}
		n := binary.LittleEndian.Uint32(raw)
		if uint64(n) > uint64(len(raw)-4) {
			return nil, errors.New("syntax: truncated model")
		}
		var err error
		if parts[i], err = linear.LoadCompact(raw[4 : 4+n]); err != nil {
			return nil, fmt.Errorf("syntax: model part %d: %w", i+1, err)
		}
		raw = raw[4+n:]
	}
	if len(raw) > 0 {
		return nil, fmt.Errorf("syntax: %d bytes after the model", len(raw))
	}
	return newModel(parts[0], parts[1], parts[2])
}

//go:embed data/syntax.model
var embedded []byte

// EmbeddedModel returns the bytes of the model built into warta.
func EmbeddedModel() []byte { return embedded }

// Default returns the model built into warta, loaded once on first use.
var Default = sync.OnceValues(func() (*Model, error) { return ReadModel(embedded) })

// Parse tags and parses one sentence of n tokens, token i's text given by
// form(i); the tree's First is 0.
func (m *Model) Parse(n int, form func(i int) string) *Tree { return m.ParseThrough(n, form, n-1) }

// ParseThrough parses the sentence only until token last has taken its
// dependents before it and, when it stands to the left, its head: the
// parser reads left to right, so those arcs, and every arc among the
// tokens before last, are the ones a whole parse makes. A token whose
// head the prefix leaves unknown has head -1 and no relation (Tree.Known
// tells it from a root); the tokens after it are not all tagged.
func (m *Model) ParseThrough(n int, form func(i int) string, last int) *Tree {
	last = min(max(last, 0), n-1)
	w := pool.Get().(*work)
	defer pool.Put(w)
	x := &w.x
	x.toks, x.tags = resize(x.toks, n+1), resize(x.tags, n+1)
	x.toks[0] = token{form: root, prefix2: root, prefix3: root, suffix2: root, suffix3: root, shape: root}
	x.tags[0] = root
	for i := range n {
		x.toks[i+1] = newToken(form(i))
	}
	t := &Tree{Tags: make([]string, n), Heads: make([]int, n), Rels: make([]string, n)}
	t.forms = func(tok int) string { return form(tok - t.First) }
	// The transitions read the tags of the buffer's first three tokens.
	tags := m.tag(w, x.toks[1:], min(last+3, n))
	for i, c := range tags {
		t.Tags[i] = m.tagger.Classes[c]
		x.tags[i+1] = m.tagHash[c]
	}
	clear(x.tags[len(tags)+1:]) // untagged, as in a fresh parse
	heads, rels := m.parse(w, last+1)
	for i := range n {
		t.Heads[i] = heads[i+1] - 1
		if rels[i+1] >= 0 {
			t.Rels[i] = m.label.Classes[rels[i+1]]
		}
	}
	return t
}

// work is one parse's scratch, pooled, so that a parse allocates its
// tree and nothing per token or transition.
type work struct {
	x      sentence
	st     state
	hashes []uint64 // the tagger's tags so far, hashed
	tags   []int
	rows   []uint32
	lanes  [][2]uint64
	scores []float64
}

var pool = sync.Pool{New: func() any { return new(work) }}

// resize returns s with length n, reusing its array when it has room;
// the elements are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// tag chooses the first count tokens' tags left to right, in w.tags.
func (m *Model) tag(w *work, toks []token, count int) []int {
	w.tags = resize(w.tags, count)
	w.hashes = resize(w.hashes, len(toks))
	clear(w.hashes)
	for i := range count {
		w.rows = tagFeatures(w.rows[:0], m.tagger.Bits, toks, w.hashes, i)
		w.lanes, w.scores = m.tagger.Scores(w.rows, w.lanes, w.scores)
		w.tags[i] = argmax(w.scores, nil)
		w.hashes[i] = m.tagHash[w.tags[i]]
	}
	return w.tags
}

// parse runs the transitions the classifiers choose over sentence w.x
// until node last has left the buffer's front (the whole sentence when
// last is n): nodes left without a head are roots then, and stay
// unattached (head 0, relation -1) after a prefix.
func (m *Model) parse(w *work, last int) (heads, rels []int) {
	x := &w.x
	n := len(x.toks) - 1
	s := &w.st
	s.reset(n)
	for !s.done() && s.next <= last {
		t := m.transitionScores(w)
		rel := -1
		if h, d, ok := s.arc(t); ok {
			rel = m.relation(w, h, d)
		}
		s.apply(t, rel)
	}
	for i := 1; s.done() && i <= n; i++ {
		if s.heads[i] < 0 {
			s.heads[i], s.rels[i] = 0, m.rootRel
		}
	}
	return s.heads, s.rels
}

// transitionScores scores the transitions in state w.st into w.scores
// and returns the best legal one.
func (m *Model) transitionScores(w *work) int {
	var legal [transitions]bool
	for t := range legal {
		legal[t] = w.st.legal(t)
	}
	w.rows = transitionFeatures(w.rows[:0], m.transition.Bits, &w.x, &w.st, m.relHash)
	w.lanes, w.scores = m.transition.Scores(w.rows, w.lanes, w.scores)
	return argmax(w.scores, legal[:])
}

// relation is the relation the label classifier gives an arc from h to
// d made in state w.st; an arc from the root is root.
func (m *Model) relation(w *work, h, d int) int {
	if h == 0 {
		return m.rootRel
	}
	w.rows = labelFeatures(w.rows[:0], m.label.Bits, &w.x, &w.st, m.relHash, h, d)
	w.lanes, w.scores = m.label.Scores(w.rows, w.lanes, w.scores)
	w.scores[m.rootRel] = math.Inf(-1) // only an arc from the root is one
	return argmax(w.scores, nil)
}

// argmax returns the best-scoring class that ok allows (all when nil).
func argmax(scores []float64, ok []bool) int {
	best := -1
	for c, v := range scores {
		if ok != nil && !ok[c] {
			continue
		}
		if best < 0 || v > scores[best] {
			best = c
		}
	}
	return best
}
