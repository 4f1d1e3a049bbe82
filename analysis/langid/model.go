package langid

import (
	"encoding/binary"
	"fmt"
	"io"
	"math"

	"github.com/warta-news/warta/analysis/langid/internal/nb"
	"github.com/warta-news/warta/analysis/text"
)

// Model is a multinomial naive Bayes language model over hashed features
// (see the package documentation). Each table row holds, for every
// language, −log P(feature | language) in 1/scale nats, one byte each.
// A Model is read-only once built and safe for concurrent use.
type Model struct {
	file nb.File
}

// Languages returns the codes the model tells apart, in its order.
func (m *Model) Languages() []string { return append([]string(nil), m.file.Codes...) }

// maxLangs bounds the languages of a model: scores live in fixed arrays.
const maxLangs = nb.MaxLangs

// Load reads a model written by Save. The model keeps references into
// data, which must not change afterwards.
func Load(data []byte) (*Model, error) {
	f, err := nb.Decode(data)
	if err != nil {
		return nil, err
	}
	return &Model{file: *f}, nil
}

// Save writes the model in the format Load reads.
func (m *Model) Save(w io.Writer) error {
	if _, err := w.Write(m.file.Encode()); err != nil {
		return fmt.Errorf("langid: writing model: %w", err)
	}
	return nil
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
	x      *nb.Extractor
	sum    [nb.NumTables][maxLangs]int32
	words  int // words scored
	ngrams int // n-grams scored
}

func (s *scores) add(w string, lexical bool) {
	m, x := s.m, s.x
	x.Add(w, lexical)
	nl := len(m.file.Codes)
	for rows := x.Ngrams; len(rows) > 0; {
		n := min(len(rows), 256)
		addRows(&s.sum[nb.TabNgram], m.file.Tables[nb.TabNgram], nl, rows[:n])
		rows = rows[n:]
	}
	s.ngrams += len(x.Ngrams)
	if x.Word >= 0 {
		r := m.file.Tables[nb.TabWord][int(x.Word)*nl : int(x.Word)*nl+nl]
		for l, v := range r {
			s.sum[nb.TabWord][l] += int32(v)
		}
	}
	if x.Bigram >= 0 {
		r := m.file.Tables[nb.TabBigram][int(x.Bigram)*nl : int(x.Bigram)*nl+nl]
		for l, v := range r {
			s.sum[nb.TabBigram][l] += int32(v)
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
	for l := range m.file.Codes {
		v := int64(m.file.Bias[l])
		for t := range nb.NumTables {
			v += int64(m.file.Weight[t]) * int64(s.sum[t][l])
		}
		c[l] = v
	}
	if c[second] < c[best] {
		best, second = second, best
	}
	for l := 2; l < len(m.file.Codes); l++ {
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
	s := scores{m: m, x: nb.NewExtractor(m.file.Bits, m.file.MinN, m.file.MaxN)}
	stop := int64(stopTemps * m.file.Temp * float64(m.file.Scale))
	nb.WordTokens(doc, s.x.BreakPair, func(w string, lexical bool) bool {
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
	if s.words < m.file.MinWords || s.ngrams == 0 {
		return "und", 0
	}
	c, best, _ := s.costs()
	if fit := float64(s.sum[nb.TabNgram][best]) / float64(s.ngrams) / float64(m.file.Scale); fit > m.file.MaxFit {
		return "und", 0
	}
	// Softmax over the languages' log-likelihoods, flattened by the
	// temperature tuned on the dev split: naive Bayes is overconfident.
	k := 1 / (float64(m.file.Scale) * m.file.Temp)
	z := 0.0
	for l := range m.file.Codes {
		z += math.Exp(-float64(c[l]-c[best]) * k)
	}
	return m.file.Codes[best], 1 / z
}
