package langid

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/warta-news/warta/analysis/text"
)

// Model is a multinomial naive Bayes language model over hashed features
// (see the package documentation). Each table row holds, for every
// language, −log P(feature | language) in 1/scale nats, one byte each.
// A Model is read-only once built and safe for concurrent use.
type Model struct {
	codes      []string
	minN, maxN int
	bits       [numTables]uint8
	weight     [numTables]int32 // how many times a table's evidence counts
	scale      int32            // table units per nat
	bias       []int32          // per-language penalty added to its cost, in table units
	temp       float64          // softmax temperature, in nats
	maxFit     float64          // worst mean n-gram cost, in nats, of text still told
	minWords   int              // fewest words scored to tell a language
	note       string           // provenance, kept in the file
	tables     [numTables][]byte
}

// File layout, little-endian: magic, a provenance note (uint16 length +
// text), the parameters below, then each table's rows (2^bits rows of one
// byte per language). Load takes the tables as slices of the data, so the
// embedded model costs no copy and no parsing beyond the header.
const magic = "warta-langid\x00\x01"

// maxLangs bounds the languages of a model: scores live in fixed arrays.
const maxLangs = 16

// Languages returns the codes the model tells apart, in its order.
func (m *Model) Languages() []string { return append([]string(nil), m.codes...) }

// Load reads a model written by Save. The model keeps references into
// data, which must not change afterwards.
func Load(data []byte) (*Model, error) {
	r := reader{b: data}
	if string(r.next(len(magic))) != magic {
		return nil, errors.New("langid: not a model file (bad magic)")
	}
	m := &Model{}
	m.note = string(r.next(int(r.u16())))
	nl := int(r.u8())
	if nl < 2 || nl > maxLangs {
		return nil, fmt.Errorf("langid: model has %d languages, want 2 to %d", nl, maxLangs)
	}
	for range nl {
		m.codes = append(m.codes, string(r.next(int(r.u8()))))
	}
	m.minN, m.maxN = int(r.u8()), int(r.u8())
	for t := range numTables {
		m.bits[t] = r.u8()
		m.weight[t] = int32(r.u8())
	}
	m.scale = int32(r.u8())
	for range nl {
		m.bias = append(m.bias, int32(int16(r.u16())))
	}
	m.temp = float64(math.Float32frombits(r.u32()))
	m.maxFit = float64(math.Float32frombits(r.u32()))
	m.minWords = int(r.u8())
	for t := range numTables {
		if m.bits[t] < 8 || m.bits[t] > 24 {
			return nil, fmt.Errorf("langid: table %d has 2^%d rows, want 2^8 to 2^24", t, m.bits[t])
		}
		m.tables[t] = r.next(nl << m.bits[t])
	}
	switch {
	case r.err != nil:
		return nil, fmt.Errorf("langid: truncated model: %w", r.err)
	case len(r.b) != 0:
		return nil, fmt.Errorf("langid: %d bytes after the model", len(r.b))
	case m.minN < 1 || m.maxN < m.minN || m.maxN > 8:
		return nil, fmt.Errorf("langid: bad n-gram range %d–%d", m.minN, m.maxN)
	case m.scale < 1 || !(m.temp > 0) || math.IsInf(m.temp, 0) || m.minWords < 1:
		return nil, errors.New("langid: bad scale, temperature or minimum words")
	}
	return m, nil
}

// Save writes the model in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	var b bytes.Buffer
	b.WriteString(magic)
	b.Write(binary.LittleEndian.AppendUint16(nil, uint16(len(m.note))))
	b.WriteString(m.note)
	b.WriteByte(byte(len(m.codes)))
	for _, c := range m.codes {
		b.WriteByte(byte(len(c)))
		b.WriteString(c)
	}
	b.WriteByte(byte(m.minN))
	b.WriteByte(byte(m.maxN))
	for t := range numTables {
		b.WriteByte(m.bits[t])
		b.WriteByte(byte(m.weight[t]))
	}
	b.WriteByte(byte(m.scale))
	for _, v := range m.bias {
		b.Write(binary.LittleEndian.AppendUint16(nil, uint16(int16(v))))
	}
	b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(m.temp))))
	b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(float32(m.maxFit))))
	b.WriteByte(byte(m.minWords))
	for t := range numTables {
		b.Write(m.tables[t])
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("langid: writing model: %w", err)
	}
	return nil
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

// Article-length text is not scored to its end: once stopWords words are
// scored and the best language leads the next by stopTemps temperatures
// (a confidence above 0.996), the rest cannot change the answer in
// practice, and maxWords bounds the cost of the longest article.
const (
	stopWords = 48
	stopTemps = 8
	maxWords  = 600
)

// scores accumulates the evidence of the words seen so far.
type scores struct {
	m      *Model
	x      *extractor
	sum    [numTables][maxLangs]int32
	words  int // words scored
	ngrams int // n-grams scored
}

func (s *scores) add(w string, lexical bool) {
	m, x := s.m, s.x
	x.add(w, lexical)
	nl := len(m.codes)
	for rows := x.ngrams; len(rows) > 0; {
		n := min(len(rows), 256)
		addRows(&s.sum[tabNgram], m.tables[tabNgram], nl, rows[:n])
		rows = rows[n:]
	}
	s.ngrams += len(x.ngrams)
	if x.word >= 0 {
		r := m.tables[tabWord][int(x.word)*nl : int(x.word)*nl+nl]
		for l, v := range r {
			s.sum[tabWord][l] += int32(v)
		}
	}
	if x.bigram >= 0 {
		r := m.tables[tabBigram][int(x.bigram)*nl : int(x.bigram)*nl+nl]
		for l, v := range r {
			s.sum[tabBigram][l] += int32(v)
		}
	}
	s.words++
}

// addRows adds up to 256 table rows into acc. It is the hot loop of
// Detect, so it adds eight languages at a time: the bytes of a row, read as
// one uint64, are split into even and odd bytes in 16-bit lanes, which
// cannot overflow in 256 additions of at most 255.
func addRows(acc *[maxLangs]int32, tab []byte, nl int, rows []uint32) {
	const lanes = 0x00ff00ff00ff00ff
	var even, odd [maxLangs / 8]uint64
	chunks := nl / 8
	for _, row := range rows {
		r := tab[int(row)*nl : int(row)*nl+nl]
		for k := range chunks {
			v := binary.LittleEndian.Uint64(r[8*k:])
			even[k] += v & lanes
			odd[k] += v >> 8 & lanes
		}
		for l := 8 * chunks; l < nl; l++ {
			acc[l] += int32(r[l])
		}
	}
	for k := range chunks {
		for j := range 4 {
			acc[8*k+2*j] += int32(even[k] >> (16 * j) & 0xffff)
			acc[8*k+2*j+1] += int32(odd[k] >> (16 * j) & 0xffff)
		}
	}
}

// costs returns each language's weighted cost (−log likelihood plus bias,
// in table units) and the best and second-best languages.
func (s *scores) costs() (c [maxLangs]int64, best, second int) {
	m := s.m
	best, second = 0, 1
	for l := range m.codes {
		v := int64(m.bias[l])
		for t := range numTables {
			v += int64(m.weight[t]) * int64(s.sum[t][l])
		}
		c[l] = v
	}
	if c[second] < c[best] {
		best, second = second, best
	}
	for l := 2; l < len(m.codes); l++ {
		switch {
		case c[l] < c[best]:
			best, second = l, best
		case c[l] < c[second]:
			second = l
		}
	}
	return c, best, second
}

// Detect returns the language of the document's word tokens (doc.Tokens
// must be filled: see text.Tokenize) and a confidence from 0 to 1, or "und"
// and 0 when too few words are scored or they fit no language well.
func (m *Model) Detect(doc *text.Document) (string, float64) {
	s := scores{m: m, x: newExtractor(m.bits, m.minN, m.maxN)}
	stop := int64(stopTemps * m.temp * float64(m.scale))
	wordTokens(doc, s.x.breakPair, func(w string, lexical bool) bool {
		s.add(w, lexical)
		if s.words >= maxWords {
			return false
		}
		if s.words >= stopWords && s.words%16 == 0 {
			c, best, second := s.costs()
			if c[second]-c[best] >= stop {
				return false
			}
		}
		return true
	})
	return s.result()
}

func (s *scores) result() (string, float64) {
	m := s.m
	if s.words < m.minWords || s.ngrams == 0 {
		return "und", 0
	}
	c, best, _ := s.costs()
	if fit := float64(s.sum[tabNgram][best]) / float64(s.ngrams) / float64(m.scale); fit > m.maxFit {
		return "und", 0
	}
	// Softmax over the languages' log-likelihoods, flattened by the
	// temperature tuned on the dev split: naive Bayes is overconfident.
	k := 1 / (float64(m.scale) * m.temp)
	z := 0.0
	for l := range m.codes {
		z += math.Exp(-float64(c[l]-c[best]) * k)
	}
	return m.codes[best], 1 / z
}
