// Package nb holds what detection in package langid and training in
// analysis/langid/train share: the features of a word and the layout of a
// model file.
package nb

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

// The model has three tables of features, each hashed into a fixed number
// of rows: character n-grams of a word, the word itself, and the pair of a
// word and the one before it.
const (
	TabNgram = iota
	TabWord
	TabBigram
	NumTables
)

// maxRunes caps the runes of one word that n-grams are taken from, so that
// a run of letters without spaces costs no more than a long word.
const maxRunes = 32

// FNV-1a, then a multiplicative mix whose top bits pick the row: fixed
// arithmetic, so training and detection agree on every machine.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
	mixPrime  = 0x9E3779B97F4A7C15
)

func bucket(h uint64, bits uint8) uint32 { return uint32((h * mixPrime) >> (64 - bits)) }

// Extractor turns the word tokens of a document into table rows. Training
// and detection both read features through it, so they cannot drift apart.
type Extractor struct {
	bits       [NumTables]uint8
	minN, maxN int

	buf    []byte // the word in lower case between two spaces
	starts []int  // byte offset of each rune of buf, then len(buf)
	prev   uint64 // hash of the previous word, 0 after a break

	// Rows of the last word: n-grams, and word and bigram rows (-1 when
	// the word has none).
	Ngrams       []uint32
	Word, Bigram int32
}

func NewExtractor(bits [NumTables]uint8, minN, maxN int) *Extractor {
	return &Extractor{bits: bits, minN: minN, maxN: maxN,
		buf: make([]byte, 0, 4*maxRunes+2), starts: make([]int, 0, maxRunes+3),
		Ngrams: make([]uint32, 0, (maxRunes+2)*maxN)}
}

// BreakPair stops the next word from forming a bigram with the last one.
func (x *Extractor) BreakPair() { x.prev = 0 }

// Add computes the rows of word w. A name (lexical false) gives n-grams
// only: its letters say something about the language, but its word row
// would make the surname Wang count as wang, Malay for money.
func (x *Extractor) Add(w string, lexical bool) {
	x.buf = append(x.buf[:0], ' ')
	x.starts = append(x.starts[:0], 0)
	n := 0
	for _, r := range w {
		if n == maxRunes {
			break
		}
		n++
		x.starts = append(x.starts, len(x.buf))
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			x.buf = append(x.buf, byte(r))
		} else {
			x.buf = utf8.AppendRune(x.buf, unicode.ToLower(r))
		}
	}
	x.starts = append(x.starts, len(x.buf))
	x.buf = append(x.buf, ' ')
	x.starts = append(x.starts, len(x.buf))

	x.Ngrams = x.Ngrams[:0]
	runes := len(x.starts) - 1 // including the two spaces
	for a := 0; a < runes; a++ {
		h := uint64(fnvOffset)
		for k := 1; k <= x.maxN && a+k <= runes; k++ {
			for _, c := range x.buf[x.starts[a+k-1]:x.starts[a+k]] {
				h = (h ^ uint64(c)) * fnvPrime
			}
			if k >= x.minN {
				x.Ngrams = append(x.Ngrams, bucket(h, x.bits[TabNgram]))
			}
		}
	}

	x.Word, x.Bigram = -1, -1
	if !lexical {
		x.prev = 0
		return
	}
	h := uint64(fnvOffset)
	for _, c := range x.buf {
		h = (h ^ uint64(c)) * fnvPrime
	}
	h |= 1 // never 0, which marks a break
	x.Word = int32(bucket(h, x.bits[TabWord]))
	if x.prev != 0 {
		x.Bigram = int32(bucket(x.prev*fnvPrime^h, x.bits[TabBigram]))
	}
	x.prev = h
}

// WordTokens calls fn for each word token of doc in order, with whether it
// counts as a word of the language (lexical) rather than a name: a word
// that starts with a capital letter is a name unless it opens a sentence,
// a line or a quotation. fn returns false to stop. Other tokens break word
// pairs (onBreak).
func WordTokens(doc *text.Document, onBreak func(), fn func(w string, lexical bool) bool) {
	opens := true
	prevEnd := 0
	for _, t := range doc.Tokens {
		if strings.IndexByte(doc.Text[prevEnd:t.Start], '\n') >= 0 {
			opens = true
		}
		prevEnd = t.End
		w := doc.Text[t.Start:t.End]
		if t.Kind != text.Word {
			onBreak()
			opens = t.Kind == text.Punct && opensSentence(w)
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		lexical := opens || !unicode.IsUpper(r)
		opens = false
		if !isLatin(w) {
			onBreak()
			continue
		}
		if !fn(w, lexical) {
			return
		}
	}
}

// isLatin reports whether w is written in the Latin script, as all the
// model's languages are: a word in Arabic, Chinese or Cyrillic letters (a
// verse quoted in an Islamic article, a name in its own script) is no
// evidence for any of them.
func isLatin(w string) bool {
	for _, r := range w {
		if r >= 0x250 && unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// opensSentence reports whether a capitalised word after punctuation w may
// be an ordinary word: after a sentence end, a colon or a quotation mark.
func opensSentence(w string) bool {
	switch w[0] {
	case '.', '!', '?', ':', '"', '\'':
		return true
	}
	return strings.HasPrefix(w, "…") || strings.HasPrefix(w, "“") || strings.HasPrefix(w, "‘") ||
		strings.HasPrefix(w, "”") || strings.HasPrefix(w, "—") || strings.HasPrefix(w, "–")
}
