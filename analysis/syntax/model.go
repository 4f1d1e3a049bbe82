package syntax

import (
	"bytes"
	"compress/flate"
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
	tagger, transition, label *linear.Model
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

func newModel(tagger, transition, label *linear.Model) (*Model, error) {
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
// text), kept in the clear so that the file says how it was made, then a
// DEFLATE stream of three length-prefixed (uint32) linear models: the
// tagger, the transition classifier and the label classifier.
const magic = "warta-syntax\x00\x02"

// WriteTo writes the model.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var raw bytes.Buffer
	for _, lm := range []*linear.Model{m.tagger, m.transition, m.label} {
		var b bytes.Buffer
		if err := lm.Save(&b); err != nil {
			return 0, err
		}
		binary.Write(&raw, binary.LittleEndian, uint32(b.Len()))
		raw.Write(b.Bytes())
	}
	var out bytes.Buffer
	out.WriteString(magic)
	note := m.Note()
	binary.Write(&out, binary.LittleEndian, uint16(len(note)))
	out.WriteString(note)
	zw, err := flate.NewWriter(&out, flate.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(raw.Bytes()); err != nil {
		return 0, err
	}
	if err := zw.Close(); err != nil {
		return 0, err
	}
	n, err := w.Write(out.Bytes())
	return int64(n), err
}

// maxModel bounds what a model file may unpack to, so that a damaged file
// cannot ask for gigabytes.
const maxModel = 256 << 20

// ReadModel reads a model written by WriteTo.
func ReadModel(data []byte) (*Model, error) {
	rest, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, errors.New("syntax: not a model file (bad magic)")
	}
	if len(rest) < 2 || int(binary.LittleEndian.Uint16(rest))+2 > len(rest) {
		return nil, errors.New("syntax: truncated model note")
	}
	rest = rest[2+int(binary.LittleEndian.Uint16(rest)):]
	raw, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(rest)), maxModel+1))
	if err != nil {
		return nil, fmt.Errorf("syntax: read model: %w", err)
	}
	if len(raw) > maxModel {
		return nil, errors.New("syntax: model too large")
	}
	var parts [3]*linear.Model
	for i := range parts {
		if len(raw) < 4 {
			return nil, errors.New("syntax: truncated model")
		}
		n := binary.LittleEndian.Uint32(raw)
		if uint64(n) > uint64(len(raw)-4) {
			return nil, errors.New("syntax: truncated model")
		}
		if parts[i], err = linear.Load(raw[4 : 4+n]); err != nil {
			return nil, fmt.Errorf("syntax: model part %d: %w", i+1, err)
		}
		raw = raw[4+n:]
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
func (m *Model) Parse(n int, form func(i int) string) *Tree {
	x := &sentence{toks: make([]token, n+1), tags: make([]uint64, n+1)}
	x.toks[0] = token{form: root, prefix2: root, prefix3: root, suffix2: root, suffix3: root, shape: root}
	x.tags[0] = root
	for i := range n {
		x.toks[i+1] = newToken(form(i))
	}
	t := &Tree{Tags: make([]string, n), Heads: make([]int, n), Rels: make([]string, n)}
	t.forms = func(tok int) string { return form(tok - t.First) }
	tags := m.tag(x.toks[1:])
	for i, c := range tags {
		t.Tags[i] = m.tagger.Classes[c]
		x.tags[i+1] = m.tagHash[c]
	}
	heads, rels := m.parse(x)
	for i := range n {
		t.Heads[i] = heads[i+1] - 1
		t.Rels[i] = m.label.Classes[rels[i+1]]
	}
	return t
}

// tag chooses each token's tag left to right.
func (m *Model) tag(toks []token) []int {
	out := make([]int, len(toks))
	hashes := make([]uint64, len(toks))
	var rows []uint32
	var scores []float64
	for i := range toks {
		rows = tagFeatures(rows[:0], m.tagger.Bits, toks, hashes, i)
		scores = m.tagger.Scores(rows, scores)
		out[i] = argmax(scores, nil)
		hashes[i] = m.tagHash[out[i]]
	}
	return out
}

// parse runs the transitions the classifiers choose until the buffer is
// empty; nodes left without a head are roots.
func (m *Model) parse(x *sentence) (heads, rels []int) {
	n := len(x.toks) - 1
	s := newState(n)
	var rows, labelRows []uint32
	var scores, labelScores []float64
	legal := make([]bool, transitions)
	for !s.done() {
		for t := range legal {
			legal[t] = s.legal(t)
		}
		rows = transitionFeatures(rows[:0], m.transition.Bits, x, s, m.relHash)
		scores = m.transition.Scores(rows, scores)
		t := argmax(scores, legal)
		rel := -1
		if t == leftArc || t == rightArc {
			h, d := s.next, s.top()
			if t == rightArc {
				h, d = d, h
			}
			if h == 0 {
				rel = m.rootRel
			} else {
				labelRows = labelFeatures(labelRows[:0], m.label.Bits, x, s, m.relHash, h, d)
				labelScores = m.label.Scores(labelRows, labelScores)
				labelScores[m.rootRel] = math.Inf(-1) // only an arc from the root is one
				rel = argmax(labelScores, nil)
			}
		}
		s.apply(t, rel)
	}
	for i := 1; i <= n; i++ {
		if s.heads[i] < 0 {
			s.heads[i], s.rels[i] = 0, m.rootRel
		}
	}
	return s.heads, s.rels
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
