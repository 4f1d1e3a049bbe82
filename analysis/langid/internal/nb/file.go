package nb

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// File is the content of a model file: naive Bayes over hashed features.
// Each table row holds, for every language, −log P(feature | language) in
// 1/Scale nats, one byte each.
type File struct {
	Codes      []string
	MinN, MaxN int
	Bits       [NumTables]uint8
	Weight     [NumTables]int32 // how many times a table's evidence counts
	Scale      int32            // table units per nat
	Bias       []int32          // per-language penalty added to its cost, in table units
	Temp       float64          // softmax temperature, in nats
	MaxFit     float64          // worst mean n-gram cost, in nats, of text still told
	MinWords   int              // fewest words scored to tell a language
	Note       string           // provenance, kept in the file
	Tables     [NumTables][]byte
}

// File layout, little-endian: magic, a provenance note (uint16 length +
// text), the parameters below, then each table's rows (2^bits rows of one
// byte per language). Decode takes the tables as slices of the data, so the
// embedded model costs no copy and no parsing beyond the header.
const magic = "warta-langid\x00\x01"

// MaxLangs bounds the languages of a model: scores live in fixed arrays.
const MaxLangs = 16

// Decode reads a model file written by Encode. The File keeps references
// into data, which must not change afterwards.
func Decode(data []byte) (*File, error) {
	r := reader{b: data}
	if string(r.next(len(magic))) != magic {
		return nil, errors.New("langid: not a model file (bad magic)")
	}
	m := &File{}
	m.Note = string(r.next(int(r.u16())))
	nl := int(r.u8())
	if nl < 2 || nl > MaxLangs {
		return nil, fmt.Errorf("langid: model has %d languages, want 2 to %d", nl, MaxLangs)
	}
	for range nl {
		m.Codes = append(m.Codes, string(r.next(int(r.u8()))))
	}
	m.MinN, m.MaxN = int(r.u8()), int(r.u8())
	for t := range NumTables {
		m.Bits[t] = r.u8()
		m.Weight[t] = int32(r.u8())
	}
	m.Scale = int32(r.u8())
	for range nl {
		m.Bias = append(m.Bias, int32(int16(r.u16())))
	}
	m.Temp = float64(math.Float32frombits(r.u32()))
	m.MaxFit = float64(math.Float32frombits(r.u32()))
	m.MinWords = int(r.u8())
	for t := range NumTables {
		if m.Bits[t] < 8 || m.Bits[t] > 24 {
			return nil, fmt.Errorf("langid: table %d has 2^%d rows, want 2^8 to 2^24", t, m.Bits[t])
		}
		m.Tables[t] = r.next(nl << m.Bits[t])
	}
	switch {
	case r.err != nil:
		return nil, fmt.Errorf("langid: truncated model: %w", r.err)
	case len(r.b) != 0:
		return nil, fmt.Errorf("langid: %d bytes after the model", len(r.b))
	case m.MinN < 1 || m.MaxN < m.MinN || m.MaxN > 8:
		return nil, fmt.Errorf("langid: bad n-gram range %d–%d", m.MinN, m.MaxN)
	case m.Scale < 1 || !(m.Temp > 0) || math.IsInf(m.Temp, 0) || m.MinWords < 1:
		return nil, errors.New("langid: bad scale, temperature or minimum words")
	}
	return m, nil
}

// Encode returns the model file.
func (m *File) Encode() []byte {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.LittleEndian.AppendUint16(nil, uint16(len(m.Note))))
	b.WriteString(m.Note)
	b.WriteByte(byte(len(m.Codes)))
	for _, c := range m.Codes {
		b.WriteByte(byte(len(c)))
		b.WriteString(c)
	}
	b.WriteByte(byte(m.MinN))
	b.WriteByte(byte(m.MaxN))
	for t := range NumTables {
		b.WriteByte(m.Bits[t])
		b.WriteByte(byte(m.Weight[t]))
	}
	b.WriteByte(byte(m.Scale))
	for _, v := range m.Bias {
		b.Write(binary.LittleEndian.AppendUint16(nil, uint16(int16(v))))
	}
	b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(m.Temp))))
	b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(m.MaxFit))))
	b.WriteByte(byte(m.MinWords))
	for t := range NumTables {
		b.Write(m.Tables[t])
	}
	return b.Bytes()
}

// reader reads the fixed-size fields of a model file, remembering the first
// overrun instead of failing at each field.
type reader struct {
	b   []byte
	err error
}

func (r *reader) next(n int) []byte {
	if r.err != nil || n > len(r.b) {
		r.err = io.ErrUnexpectedEOF
		return nil
	}
	p := r.b[:n:n]
	r.b = r.b[n:]
	return p
}

func (r *reader) u8() uint8 {
	if p := r.next(1); p != nil {
		return p[0]
	}
	return 0
}

func (r *reader) u16() uint16 {
	if p := r.next(2); p != nil {
		return binary.LittleEndian.Uint16(p)
	}
	return 0
}

func (r *reader) u32() uint32 {
	if p := r.next(4); p != nil {
		return binary.LittleEndian.Uint32(p)
	}
	return 0
}
