package linear

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// Compact is a model as its file stores it, every weight an int16
// multiple of one step, held for fast scoring: half the memory of
// Model.Weights, and sums in integers, exact, four classes at a time.
// A scorer that reads many rows per decision (the parser reads 45 per
// transition) is bound by those sums and the cache lines they touch.
// It is read-only and safe for concurrent use.
type Compact struct {
	Classes []string
	Bits    uint8
	Step    float32
	Bias    []float32
	Note    string
	// words packs each row's weights, four classes to a uint64 (class
	// 4j+k in bits 16k..16k+15 of the row's word j), each weight biased
	// by +32768 so that it is unsigned: a mask and a shift split a word
	// into two uint64s of two 32-bit lanes, and adding those adds four
	// weights without one lane carrying into the next.
	words   []uint64
	perRow  int // words per row
	classes int
}

// bias makes a weight unsigned for its 16 bits.
const bias = 1 << 15

// laneMask keeps lanes 0 and 2 (or, after a 16-bit shift, 1 and 3).
const laneMask = 0x0000FFFF0000FFFF

// maxRows bounds the rows summed before the lanes are emptied: each
// lane adds at most 2^16-1 per row and holds 32 bits.
const maxRows = 1<<16 - 1

func newCompact(classes []string, bits uint8) *Compact {
	c := &Compact{Classes: classes, Bits: bits, classes: len(classes), perRow: (len(classes) + 3) / 4}
	c.words = make([]uint64, c.perRow<<bits)
	for i := range c.words {
		c.words[i] = bias * 0x0001000100010001
	}
	return c
}

// set stores weight q for class k of row r.
func (c *Compact) set(r uint32, k int, q int16) {
	i, shift := int(r)*c.perRow+k/4, 16*uint(k%4)
	c.words[i] = c.words[i]&^(0xFFFF<<shift) | uint64(uint16(int32(q)+bias))<<shift
}

// Weight is the stored weight of class k in row r, a multiple of Step.
func (c *Compact) Weight(r uint32, k int) int16 {
	w := c.words[int(r)*c.perRow+k/4] >> (16 * uint(k%4)) & 0xFFFF
	return int16(int32(w) - bias)
}

// Compact quantises the model as Save writes it.
func (m *Model) Compact() *Compact {
	top := float32(0)
	for _, v := range m.Weights {
		top = max(top, float32(math.Abs(float64(v))))
	}
	c := newCompact(m.Classes, m.Bits)
	c.Step, c.Bias, c.Note = max(top/math.MaxInt16, 1e-9), m.Bias, m.Note
	nc := len(m.Classes)
	for i, v := range m.Weights {
		c.set(uint32(i/nc), i%nc, int16(math.Round(float64(v/c.Step))))
	}
	return c
}

// Scores adds up the rows' weights into out (one per class, which it
// returns), the bias included; lanes is scratch, returned for reuse. A
// row listed twice counts twice.
func (c *Compact) Scores(rows []uint32, lanes [][2]uint64, out []float64) ([][2]uint64, []float64) {
	if cap(lanes) < c.perRow {
		lanes = make([][2]uint64, c.perRow)
	}
	lanes = lanes[:c.perRow]
	out = out[:0]
	for _, b := range c.Bias {
		out = append(out, float64(b))
	}
	for len(rows) > 0 {
		part := rows[:min(len(rows), maxRows)]
		rows = rows[len(part):]
		if c.perRow == 1 {
			// One word per row (the parser's four transitions): the
			// lanes stay in registers.
			var even, odd uint64
			for _, r := range part {
				w := c.words[r]
				even += w & laneMask
				odd += w >> 16 & laneMask
			}
			lanes[0] = [2]uint64{even, odd}
		} else {
			clear(lanes)
			for _, r := range part {
				ws := c.words[int(r)*c.perRow : int(r)*c.perRow+c.perRow]
				l := lanes[:len(ws)]
				for j, w := range ws {
					p := &l[j]
					p[0] += w & laneMask
					p[1] += w >> 16 & laneMask
				}
			}
		}
		// Word j's lanes hold the biased sums of classes 4j (low half
		// of the even lanes), 4j+1 (of the odd), 4j+2 and 4j+3 (their
		// high halves).
		step, off := float64(c.Step), int64(len(part))*bias
		o := out
		for _, p := range lanes {
			for k, v := range [4]uint64{p[0], p[1], p[0] >> 32, p[1] >> 32} {
				if k < len(o) {
					o[k] += step * float64(int64(v&0xFFFFFFFF)-off)
				}
			}
			o = o[min(4, len(o)):]
		}
	}
	return lanes, out
}

// Save writes the model.
func (c *Compact) Save(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(magic)
	binary.Write(&b, binary.LittleEndian, uint16(len(c.Note)))
	b.WriteString(c.Note)
	b.WriteByte(byte(len(c.Classes)))
	for _, name := range c.Classes {
		b.WriteByte(byte(len(name)))
		b.WriteString(name)
	}
	b.WriteByte(c.Bits)
	binary.Write(&b, binary.LittleEndian, c.Step)
	binary.Write(&b, binary.LittleEndian, c.Bias)
	q := make([]int16, 0, c.classes<<c.Bits)
	for r := range uint32(1) << c.Bits {
		for k := range c.classes {
			q = append(q, c.Weight(r, k))
		}
	}
	binary.Write(&b, binary.LittleEndian, q)
	_, err := w.Write(b.Bytes())
	return err
}

// LoadCompact reads a model written by Save, as the file stores it.
func LoadCompact(data []byte) (*Compact, error) {
	h, err := readHeader(data)
	if err != nil {
		return nil, err
	}
	c := &Compact{Classes: h.classes, Bits: h.bits, Step: h.step, Bias: h.bias, Note: h.note,
		classes: len(h.classes), perRow: (len(h.classes) + 3) / 4}
	// The weights are packed straight from the file's bytes, row by row:
	// four classes' int16s side by side, little-endian, are already one
	// word's lanes once each is biased (x ^ 0x8000 is x + 32768 for an
	// int16's bits). A row's last word may have spare lanes, which hold a
	// zero weight. This is the bulk of the parser's start-up (1.5M weights).
	nc, w := c.classes, h.weights
	full := nc / 4
	c.words = make([]uint64, c.perRow<<h.bits)
	if 4*full == nc {
		// No spare lanes (the parser's): the rows run on as one array.
		for i := range c.words {
			c.words[i] = binary.LittleEndian.Uint64(w[8*i:]) ^ bias*0x0001000100010001
		}
		return c, nil
	}
	for r := range 1 << h.bits {
		row, out := w[2*nc*r:2*nc*(r+1)], c.words[r*c.perRow:(r+1)*c.perRow]
		for j := range full {
			out[j] = binary.LittleEndian.Uint64(row[8*j:]) ^ bias*0x0001000100010001
		}
		if full < c.perRow {
			word := uint64(bias * 0x0001000100010001)
			for k := range nc - 4*full {
				word ^= uint64(binary.LittleEndian.Uint16(row[8*full+2*k:])) << (16 * k)
			}
			out[full] = word
		}
	}
	return c, nil
}

// header is a model file's header, its weights left as the file's bytes
// (int16, little-endian, row by row).
type header struct {
	note    string
	classes []string
	bits    uint8
	step    float32
	bias    []float32
	weights []byte
}

// readHeader checks a model file's layout and sizes and splits it.
func readHeader(data []byte) (header, error) {
	var h header
	r := bytes.NewReader(data)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(r, head); err != nil || string(head) != magic {
		return h, errors.New("linear: not a model file (bad magic)")
	}
	var n16 uint16
	if err := binary.Read(r, binary.LittleEndian, &n16); err != nil {
		return h, fmt.Errorf("linear: truncated model: %w", err)
	}
	note := make([]byte, n16)
	if _, err := io.ReadFull(r, note); err != nil {
		return h, fmt.Errorf("linear: truncated model: %w", err)
	}
	h.note = string(note)
	nc, err := r.ReadByte()
	if err != nil || nc < 2 {
		return h, errors.New("linear: model needs at least two classes")
	}
	for range nc {
		l, err := r.ReadByte()
		name := make([]byte, l)
		if err == nil {
			_, err = io.ReadFull(r, name)
		}
		if err != nil {
			return h, fmt.Errorf("linear: truncated class names: %w", err)
		}
		h.classes = append(h.classes, string(name))
	}
	if h.bits, err = r.ReadByte(); err != nil || h.bits < 1 || h.bits > 24 {
		return h, fmt.Errorf("linear: bad table size 2^%d", h.bits)
	}
	// The size is known from the header: check it before allocating, so
	// that a damaged header cannot ask for gigabytes.
	if want := 4 + 4*int(nc) + 2*int(nc)<<h.bits; r.Len() != want {
		return h, fmt.Errorf("linear: %d bytes of weights, want %d", r.Len(), want)
	}
	rest := data[len(data)-r.Len():]
	h.step = math.Float32frombits(binary.LittleEndian.Uint32(rest))
	h.bias = make([]float32, nc)
	for k := range h.bias {
		h.bias[k] = math.Float32frombits(binary.LittleEndian.Uint32(rest[4+4*k:]))
	}
	h.weights = rest[4+4*int(nc):]
	return h, nil
}
