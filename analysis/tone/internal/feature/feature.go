// Package feature turns the tokens of a sentence into the rows of the tone
// model's feature table. The tone stage and its trainer both read text
// through it, so they cannot drift apart.
package feature

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/warta-news/warta/analysis/internal/linear"
	"github.com/warta-news/warta/analysis/text"
)

// Bits is the size of the model's feature table, 2^Bits rows: 2^16 rows
// of three classes keep the committed model at 384 KiB. On SmSA valid,
// 2^18 rows gained less than a point of macro-F1.
const Bits = 16

// Feature kinds, hashed in front of the feature's text.
const (
	kindWord    = 'w'
	kindNegated = 'n' // a word within reach of a negator
	kindPair    = 'b'
	kindNgram   = 'c'
	kindLexicon = 'L'
	kindPunct   = 'p'
)

// Character n-grams of 3 and 4 bytes of a word between boundary marks
// reach the stems of affixed forms (dikecam, kecaman) and SmSA's
// spellings (bgt, gk); words longer than maxNgramWord bytes add none. On
// SmSA valid, 3 and 4 gave macro-F1 85.4; 3 to 5, 85.1; 4 and 5, 85.3; 4
// alone, 84.8.
const (
	minN, maxN   = 3, 4
	maxNgramWord = 24
	negReach     = 2 // words a negator turns
)

// File is the embedded tone lexicon.
//
//go:embed lexicon.tsv
var File string

// Polarity is the class of a lexicon entry.
type Polarity int8

const (
	negator  Polarity = 0
	Positive Polarity = 1
	Negative Polarity = -1
)

// Lex is a parsed tone lexicon.
type Lex struct {
	words   *text.Lexicon[entry]
	phrases map[string]Polarity // two-word entries, keyed "first second"
}

// entry is what the lexicon knows of a word: its class, if it has one,
// and whether a phrase starts with it.
type entry struct {
	class       Polarity
	listed      bool
	startPhrase bool
}

// Parse reads a tone lexicon in the format of lexicon.tsv.
func Parse(data string) (*Lex, error) {
	words, phrases := map[string]entry{}, map[string]Polarity{}
	for n, f := range text.Rows(data) {
		if len(f) != 2 {
			return nil, fmt.Errorf("tone lexicon line %d: want word and class", n)
		}
		var p Polarity
		switch f[1] {
		case "+":
			p = Positive
		case "-":
			p = Negative
		case "not":
			p = negator
		default:
			return nil, fmt.Errorf("tone lexicon line %d: unknown class %q", n, f[1])
		}
		w := strings.ToLower(f[0])
		switch parts := strings.Fields(w); len(parts) {
		case 1:
			e := words[w]
			e.class, e.listed = p, true
			words[w] = e
		case 2:
			phrases[parts[0]+" "+parts[1]] = p
			e := words[parts[0]]
			e.startPhrase = true
			words[parts[0]] = e
		default:
			return nil, fmt.Errorf("tone lexicon line %d: %q has more than two words", n, w)
		}
	}
	return &Lex{words: text.NewLexicon(words), phrases: phrases}, nil
}

// Set says which kinds of feature to extract: all of them in the shipped
// model, fewer for the baselines the evaluation compares it with.
type Set uint8

// Kinds of feature.
const (
	Words   Set = 1 << iota // each word, and each word a negator turns
	Pairs                   // two words in a row
	Ngrams                  // character n-grams of each word
	Lexicon                 // hits of the tone lexicon, turned by negators
	All     = Words | Pairs | Ngrams | Lexicon
)

// Default is the embedded tone lexicon, parsed on first use.
var Default = sync.OnceValue(func() *Lex {
	lex, err := Parse(File)
	if err != nil {
		panic(err) // embedded data: TestLexicon keeps it valid
	}
	return lex
})

// Extract appends to rows the feature rows of the tokens
// doc.Tokens[first:last], and returns rows with the number of words they
// hold. When hits is not nil, it counts the lexicon's positive and
// negative hits (negators applied), for the lexicon baseline.
func Extract(lex *Lex, set Set, doc *text.Document, first, last int, rows []uint32, hits map[Polarity]int) ([]uint32, int) {
	var prev linear.Hasher
	havePrev := false
	negLeft := 0 // words a negator still turns
	words := 0
	for i := first; i < last; i++ {
		t := doc.Tokens[i]
		w := doc.Text[t.Start:t.End]
		if t.Kind != text.Word {
			if w == "!" || w == "?" {
				rows = append(rows, linear.Start(kindPunct).Add(w).Row(Bits))
			}
			if t.Kind == text.Punct {
				havePrev, negLeft = false, 0
			}
			continue
		}
		words++
		if set&Words != 0 {
			rows = append(rows, linear.Start(kindWord).Add(w).Row(Bits))
		}
		if havePrev && set&Pairs != 0 {
			rows = append(rows, prev.AddByte(' ').Add(w).Row(Bits))
		}
		prev, havePrev = linear.Start(kindPair).Add(w), true
		if len(w) <= maxNgramWord && set&Ngrams != 0 {
			rows = ngrams(rows, w)
		}
		e, _ := lex.words.Get(w)
		p, hit := e.class, e.listed
		if e.startPhrase && i+1 < last {
			next := doc.Tokens[i+1]
			if pp, ok := lex.phrases[strings.ToLower(w+" "+doc.Text[next.Start:next.End])]; ok {
				p, hit = pp, true
			}
		}
		turned := negLeft > 0
		if turned && set&Words != 0 {
			rows = append(rows, linear.Start(kindNegated).Add(w).Row(Bits))
			negLeft--
		}
		switch {
		case hit && p == negator:
			negLeft = negReach
		case hit:
			if turned {
				p = -p
			}
			if set&Lexicon != 0 {
				rows = append(rows, linear.Start(kindLexicon).AddByte(byte(p+1)).Row(Bits))
			}
			if hits != nil {
				hits[p]++
			}
		}
	}
	return rows, words
}

// ngrams appends the rows of the character n-grams of <w>.
func ngrams(rows []uint32, w string) []uint32 {
	var buf [maxNgramWord + 2]byte
	b := buf[:0]
	b = append(b, '<')
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	b = append(b, '>')
	// Rows in the order the model was trained with, every n-gram of one
	// length before the next length's, but each start's hash made once:
	// its (n+1)-gram's is its n-gram's with one byte more.
	var off [maxN - minN + 1]int // where each length's rows go
	total := len(rows)
	for n := minN; n <= maxN; n++ {
		off[n-minN] = total
		total += max(len(b)-n+1, 0)
	}
	rows = slices.Grow(rows, total-len(rows))[:total]
	for s := 0; s+minN <= len(b); s++ {
		h := linear.Start(kindNgram)
		for _, c := range b[s : s+minN-1] {
			h = h.AddByte(c)
		}
		for n := minN; n <= maxN && s+n <= len(b); n++ {
			h = h.AddByte(b[s+n-1])
			rows[off[n-minN]+s] = h.Row(Bits)
		}
	}
	return rows
}

func (s Set) String() string {
	var parts []string
	for _, k := range []struct {
		s    Set
		name string
	}{{Words, "words"}, {Pairs, "pairs"}, {Ngrams, "ngrams"}, {Lexicon, "lexicon"}} {
		if s&k.s != 0 {
			parts = append(parts, k.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}
