// Package linear is the hashed linear classifier the tone and topic stages
// share: features are hashed into a fixed number of rows, each row holds one
// weight per class, and a text's class scores are the sums of its rows'
// weights plus a bias. Training lives in linear/train; this package only
// scores, loads and saves.
package linear

import (
	"encoding/binary"
	"io"
	"math"
)

// FNV-1a over the feature's bytes, then a multiplicative mix whose top
// bits pick the row: fixed arithmetic, so training and scoring agree on
// every machine.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	mixPrime  = 0x9E3779B97F4A7C15
)

// Hasher builds one feature's hash from a kind byte and some text, without
// allocating.
type Hasher uint64

// Start begins a feature of the given kind (a word, a pair, an n-gram...).
func Start(kind byte) Hasher { return Hasher((fnvOffset ^ uint64(kind)) * fnvPrime) }

// Add mixes s into the feature, each byte lower-cased when ASCII.
func (h Hasher) Add(s string) Hasher {
	x := uint64(h)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		x = (x ^ uint64(c)) * fnvPrime
	}
	return Hasher(x)
}

// AddByte mixes one byte into the feature, as a separator between parts.
func (h Hasher) AddByte(c byte) Hasher { return Hasher((uint64(h) ^ uint64(c)) * fnvPrime) }

// Row is the feature's row in a table of 2^bits rows.
func (h Hasher) Row(bits uint8) uint32 { return uint32((uint64(h) * mixPrime) >> (64 - bits)) }

// Model is a trained classifier. It is read-only and safe for concurrent
// use.
type Model struct {
	Classes []string
	Bits    uint8
	// Weights holds 2^Bits rows of len(Classes) weights each.
	Weights []float32
	Bias    []float32
	// Note says how the model was made; it is kept in the file.
	Note string
}

// Scores adds up the rows' weights into out (one per class, which it
// returns), the bias included. A row listed twice counts twice.
func (m *Model) Scores(rows []uint32, out []float64) []float64 {
	nc := len(m.Classes)
	out = out[:0]
	for _, b := range m.Bias {
		out = append(out, float64(b))
	}
	if nc == 3 {
		// The tone model's three classes: the sums stay in registers,
		// added in the same order, so the scores are the same.
		s0, s1, s2 := out[0], out[1], out[2]
		for _, r := range rows {
			w := m.Weights[int(r)*3 : int(r)*3+3 : int(r)*3+3]
			s0 += float64(w[0])
			s1 += float64(w[1])
			s2 += float64(w[2])
		}
		out[0], out[1], out[2] = s0, s1, s2
		return out
	}
	for _, r := range rows {
		w := m.Weights[int(r)*nc : int(r)*nc+nc]
		for c := range w {
			out[c] += float64(w[c])
		}
	}
	return out
}

// Softmax turns scores into probabilities in place.
func Softmax(s []float64) {
	top := math.Inf(-1)
	for _, v := range s {
		top = max(top, v)
	}
	sum := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - top)
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
}

// File layout, little-endian: magic, note (uint16 length + text), the
// number of classes (uint8) and their names (uint8 length + text), bits
// (uint8), the quantisation step (float32), the biases (float32 each), then
// every weight as an int16 multiple of the step. Sixteen bits keep the
// weights within half a step of the trained ones at half the size.
const magic = "warta-linear\x00\x01"

// Save writes the model.
func (m *Model) Save(w io.Writer) error { return m.Compact().Save(w) }

// Load reads a model written by Save.
func Load(data []byte) (*Model, error) {
	h, err := readHeader(data)
	if err != nil {
		return nil, err
	}
	m := &Model{Classes: h.classes, Bits: h.bits, Bias: h.bias, Note: h.note, Weights: make([]float32, len(h.weights)/2)}
	for i := range m.Weights {
		m.Weights[i] = float32(int16(binary.LittleEndian.Uint16(h.weights[2*i:]))) * h.step
	}
	return m, nil
}
