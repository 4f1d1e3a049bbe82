// Package linear is the hashed linear classifier the tone and topic stages
// share: features are hashed into a fixed number of rows, each row holds one
// weight per class, and a text's class scores are the sums of its rows'
// weights plus a bias. Training lives in linear/train; this package only
// scores, loads and saves.
package linear

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
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
func (m *Model) Save(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(magic)
	binary.Write(&b, binary.LittleEndian, uint16(len(m.Note)))
	b.WriteString(m.Note)
	b.WriteByte(byte(len(m.Classes)))
	for _, c := range m.Classes {
		b.WriteByte(byte(len(c)))
		b.WriteString(c)
	}
	b.WriteByte(m.Bits)
	top := float32(0)
	for _, v := range m.Weights {
		top = max(top, float32(math.Abs(float64(v))))
	}
	step := max(top/math.MaxInt16, 1e-9)
	binary.Write(&b, binary.LittleEndian, step)
	binary.Write(&b, binary.LittleEndian, m.Bias)
	q := make([]int16, len(m.Weights))
	for i, v := range m.Weights {
		q[i] = int16(math.Round(float64(v / step)))
	}
	binary.Write(&b, binary.LittleEndian, q)
	_, err := w.Write(b.Bytes())
	return err
}

// Load reads a model written by Save.
func Load(data []byte) (*Model, error) {
	r := bytes.NewReader(data)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return nil, errors.New("linear: not a model file (bad magic)")
	}
	m := &Model{}
	var n16 uint16
	if err := binary.Read(r, binary.LittleEndian, &n16); err != nil {
		return nil, fmt.Errorf("linear: truncated model: %w", err)
	}
	note := make([]byte, n16)
	if _, err := io.ReadFull(r, note); err != nil {
		return nil, fmt.Errorf("linear: truncated model: %w", err)
	}
	m.Note = string(note)
	nc, err := r.ReadByte()
	if err != nil || nc < 2 {
		return nil, errors.New("linear: model needs at least two classes")
	}
	for range nc {
		l, err := r.ReadByte()
		name := make([]byte, l)
		if err == nil {
			_, err = io.ReadFull(r, name)
		}
		if err != nil {
			return nil, fmt.Errorf("linear: truncated class names: %w", err)
		}
		m.Classes = append(m.Classes, string(name))
	}
	if m.Bits, err = r.ReadByte(); err != nil || m.Bits < 1 || m.Bits > 24 {
		return nil, fmt.Errorf("linear: bad table size 2^%d", m.Bits)
	}
	// The size is known from the header: check it before allocating, so
	// that a damaged header cannot ask for gigabytes.
	if want := 4 + 4*int(nc) + 2*int(nc)<<m.Bits; r.Len() != want {
		return nil, fmt.Errorf("linear: %d bytes of weights, want %d", r.Len(), want)
	}
	var step float32
	m.Bias = make([]float32, nc)
	q := make([]int16, (1<<m.Bits)*int(nc))
	for _, v := range []any{&step, m.Bias, q} {
		if err := binary.Read(r, binary.LittleEndian, v); err != nil {
			return nil, fmt.Errorf("linear: truncated model: %w", err)
		}
	}
	m.Weights = make([]float32, len(q))
	for i, v := range q {
		m.Weights[i] = float32(v) * step
	}
	return m, nil
}
