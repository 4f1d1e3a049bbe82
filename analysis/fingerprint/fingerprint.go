// Package fingerprint computes what the duplicate finder needs of one
// article: a SimHash and a MinHash signature of the word shingles of its
// body, a hash of each body sentence, and a language-independent
// fingerprint — the names, numbers, dates and quoted numbers it gives,
// normalised so that a translation can be matched with its source.
//
// The body is the Document's paragraphs: the title, the boilerplate (cut
// before the Document is built), an opening dateline ("JAKARTA, KOMPAS.com
// -") and inline credits ("(dnu/imk)") are left out, since same-site
// furniture is where near-duplicate detection goes wrong. Fingerprint reads
// the Document's tokens and sentences and never re-tokenises.
package fingerprint

import (
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

// Signature sizes. Bands × Rows MinHash values make the signature; two
// articles whose shingle sets have Jaccard similarity J share at least one
// band with probability 1-(1-J^Rows)^Bands: about 0.58 at J = 0.3, 0.88 at
// 0.4 and 0.99 at 0.5, so that copies of part of an article are found too.
const (
	Bands     = 32
	Rows      = 3
	MinHashes = Bands * Rows
	// ShingleWords is the length of a shingle in words.
	ShingleWords = 5
)

// Fingerprint is the record's fingerprint field.
type Fingerprint struct {
	// SimHash is the 64-bit SimHash of the body's shingles, 16 hex digits.
	SimHash string `json:"simhash"`
	// MinHash is the MinHash signature of the body's shingles: MinHashes
	// 32-bit values, 8 hex digits each, concatenated.
	MinHash string `json:"minhash"`
	// Shingles is the number of distinct shingles of the body.
	Shingles int `json:"shingles"`
	// Sentences holds a 32-bit hash (8 hex digits) of each body sentence
	// that has words, in order, over its words lowered.
	Sentences []string `json:"sentences"`
	// Names are the words of the names the article gives, each reduced to
	// a spelling key that transliterations share (Sergey and Sergei give
	// sergei, Moskow and Moscow moskow), sorted.
	Names []string `json:"names"`
	// Numbers are the amounts and durations, normalised: "USD 11000000000",
	// "12.5%", "6300s", or a bare count of 10 or more; sorted.
	Numbers []string `json:"numbers"`
	// Dates are the ISO dates and months the article gives, sorted.
	Dates []string `json:"dates"`
	// QuotedNumbers are the numbers inside quotation marks, as printed
	// with separators dropped, sorted.
	QuotedNumbers []string `json:"quoted_numbers"`
	// Credits name the outlets the article credits as its source, lowered
	// and without spaces or dots: "antara" for "JAKARTA (ANTARA) -",
	// "detiknews" for "dikutip dari detikNews".
	Credits []string `json:"credits"`
}

// Input is what the earlier stages found, for the language-independent
// part. Offsets are bytes into the Document's Text.
type Input struct {
	Language  string
	Published *time.Time
	// Dateline is the opening dateline's text as printed, and its outlet.
	Dateline, Outlet string
	Entities         []entity.Entity
	Amounts          []amount.Amount
	Dates            []timex.Date
	Durations        []timex.Duration
	// Credits are the source credits the cleaner cut from the body
	// ("dikutip dari detikNews", "Artikel ini telah tayang di ...").
	Credits []string
}

// Compute fingerprints one article. doc must be tokenised and split into
// sentences.
func Compute(doc *text.Document, in Input) Fingerprint {
	skip := furniture(doc, in.Dateline)
	words := make([]uint64, 0, len(doc.Tokens))
	// The sentence hashes, 8 hex digits each, go into one buffer made a
	// string once and cut into the fields: one allocation, not one a
	// sentence.
	var hexes []byte
	for _, s := range doc.Sentences {
		if doc.Title.End > doc.Title.Start && s.Start < doc.Title.End {
			continue
		}
		// FNV-1a over the sentence's words lowered and joined by single
		// spaces, hashed as they are read rather than built first.
		h, n := uint32(fnv32Offset), 0
		for i := s.First; i < s.Last && i < len(doc.Tokens); i++ {
			t := doc.Tokens[i]
			if skip[i] || (t.Kind != text.Word && t.Kind != text.Number) {
				continue
			}
			w := doc.Text[t.Start:t.End]
			words = append(words, hashWord(w))
			if n > 0 {
				h = (h ^ ' ') * fnv32Prime
			}
			h = hashLower32(h, w)
			n += len(w)
		}
		if n > 0 {
			hexes = appendHex8(hexes, h)
		}
	}
	all := string(hexes)
	fp := Fingerprint{Sentences: make([]string, len(all)/8)}
	for i := range fp.Sentences {
		fp.Sentences[i] = all[8*i : 8*i+8]
	}
	shingles := shingle(words)
	fp.Shingles = len(shingles)
	sim := simHash(shingles)
	fp.SimHash = string(appendHex8(appendHex8(make([]byte, 0, 16), uint32(sim>>32)), uint32(sim)))
	fp.MinHash = encodeMinHash(minHash(shingles))
	if in.Language == "id" || in.Language == "ms" {
		fp.Names = entityNames(in.Entities)
		fp.Numbers = amountNumbers(in.Amounts, in.Durations)
		fp.Dates = timexDates(in.Dates)
	} else {
		fp.Names, fp.Numbers, fp.Dates = readForeign(doc, in.Published)
	}
	fp.QuotedNumbers = quotedNumbers(doc)
	fp.Credits = credits(doc, in)
	return fp
}

// furniture marks the tokens of the opening dateline and of inline editor
// credits such as "(dnu/imk)" or "(red)".
func furniture(doc *text.Document, dateline string) []bool {
	skip := make([]bool, len(doc.Tokens))
	end := -1
	if dateline != "" && len(doc.Paragraphs) > 0 {
		p := doc.Paragraphs[0]
		if i := strings.Index(doc.Text[p.Start:p.End], dateline); i >= 0 {
			end = p.Start + i + len(dateline)
		}
	}
	if _, last := wireDateline(doc); last >= 0 {
		end = max(end, doc.Tokens[last].End)
	}
	for i, t := range doc.Tokens {
		if t.End <= end {
			skip[i] = true
			continue
		}
		if t.Kind == text.Punct && doc.Text[t.Start:t.End] == "(" {
			if j := creditEnd(doc, i); j > 0 {
				for k := i; k <= j; k++ {
					skip[k] = true
				}
			}
		}
	}
	return skip
}

// wireDateline reads a wire dateline the article stage does not know,
// "REYKJAVIK (Reuters) -" or "WASHINGTON (AP) —": up to four capitalised
// words opening the body, an outlet in parentheses and a dash. It returns
// the outlet and the index of the dash, or -1.
func wireDateline(doc *text.Document) (string, int) {
	if len(doc.Paragraphs) == 0 {
		return "", -1
	}
	start := doc.Paragraphs[0].Start
	i, _ := slices.BinarySearchFunc(doc.Tokens, start, func(t text.Token, s int) int { return t.Start - s })
	words := 0
	for ; i < len(doc.Tokens) && words <= 4 && doc.Tokens[i].Kind == text.Word && startsUpper(doc.TokenText(i)); i++ {
		words++
	}
	if words == 0 || i+3 >= len(doc.Tokens) || doc.TokenText(i) != "(" {
		return "", -1
	}
	var outlet strings.Builder
	for i++; i < len(doc.Tokens) && doc.Tokens[i].Kind == text.Word && outlet.Len() < 30; i++ {
		outlet.WriteString(doc.TokenText(i))
	}
	if i+1 >= len(doc.Tokens) || doc.TokenText(i) != ")" || !strings.Contains("-–—", doc.TokenText(i+1)) {
		return "", -1
	}
	return OutletKey(outlet.String()), i + 1
}

// creditEnd returns the index of the ")" closing an editor credit opened at
// token i — short lower-case initials separated by slashes — or -1.
func creditEnd(doc *text.Document, i int) int {
	words := 0
	for j := i + 1; j < len(doc.Tokens) && j <= i+8; j++ {
		s := doc.TokenText(j)
		switch {
		case s == ")":
			if words == 0 {
				return -1
			}
			return j
		case s == "/":
		case doc.Tokens[j].Kind == text.Word && len(s) <= 5 && strings.ToLower(s) == s:
			words++
		default:
			return -1
		}
	}
	return -1
}

// shingle hashes the runs of ShingleWords words (all the words, for a
// shorter text) and returns the distinct hashes.
func shingle(words []uint64) []uint64 {
	n := min(ShingleWords, len(words))
	if n == 0 {
		return nil
	}
	out := make([]uint64, 0, len(words)-n+1)
	for i := 0; i+n <= len(words); i++ {
		h := uint64(14695981039346656037)
		for _, w := range words[i : i+n] {
			h = mix64(h ^ w)
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// simHash is Charikar's SimHash over the shingles, each of weight one: bit
// b is set when more shingles have it set than clear. The bits are counted
// eight at a time, one byte counter per bit in a word per byte of the hash,
// emptied before a counter can overflow.
func simHash(shingles []uint64) uint64 {
	var set [64]int
	for rest := shingles; len(rest) > 0; {
		n := min(len(rest), 255)
		var acc [8]uint64
		for _, h := range rest[:n] {
			for k := range acc {
				acc[k] += spreadBits[byte(h>>(8*k))]
			}
		}
		for k, a := range acc {
			for j := range 8 {
				set[8*k+j] += int(byte(a >> (8 * j)))
			}
		}
		rest = rest[n:]
	}
	var out uint64
	for b, c := range set {
		if 2*c > len(shingles) {
			out |= 1 << b
		}
	}
	return out
}

// spreadBits[x] holds bit j of x in byte j.
var spreadBits = func() (t [256]uint64) {
	for x := range t {
		for j := range 8 {
			t[x] |= uint64(x>>j&1) << (8 * j)
		}
	}
	return t
}()

// minHashSeeds are the odd multipliers and the offsets of the MinHash
// permutations, drawn once from a fixed seed: signatures stay comparable
// across releases only while they do not change.
var minHashSeeds = func() (s [MinHashes][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x = mix64(x + 0x9e3779b97f4a7c15)
		s[i][0] = x | 1
		x = mix64(x + 0x9e3779b97f4a7c15)
		s[i][1] = x
	}
	return s
}()

// minHash returns the signature: for each permutation, the least of the
// top 32 bits of a·h+b over the shingles. An empty set gives all ones.
func minHash(shingles []uint64) []uint32 {
	sig := make([]uint32, MinHashes)
	// A permutation at a time, its least value kept in a register.
	for i, ab := range minHashSeeds {
		least := ^uint32(0)
		for _, h := range shingles {
			least = min(least, uint32((ab[0]*h+ab[1])>>32))
		}
		sig[i] = least
	}
	return sig
}

func encodeMinHash(sig []uint32) string {
	b := make([]byte, 0, 8*len(sig))
	for _, v := range sig {
		b = appendHex8(b, v)
	}
	return string(b)
}

func appendHex8(b []byte, v uint32) []byte {
	const digits = "0123456789abcdef"
	for shift := 28; shift >= 0; shift -= 4 {
		b = append(b, digits[v>>uint(shift)&0xf])
	}
	return b
}

// DecodeMinHash reads a Fingerprint's MinHash field.
func DecodeMinHash(s string) ([]uint32, error) {
	if len(s) != 8*MinHashes {
		return nil, fmt.Errorf("fingerprint: minhash has %d hex digits, want %d", len(s), 8*MinHashes)
	}
	sig := make([]uint32, MinHashes)
	for i := range sig {
		v, err := strconv.ParseUint(s[8*i:8*i+8], 16, 32)
		if err != nil {
			return nil, fmt.Errorf("fingerprint: minhash: %w", err)
		}
		sig[i] = uint32(v)
	}
	return sig, nil
}

// BandKeys returns the LSH key of each band of a signature: articles that
// share a key are candidates. Keys are 63-bit so that they fit a signed
// 64-bit column; the band's number is part of the key.
func BandKeys(sig []uint32) []int64 {
	keys := make([]int64, 0, Bands)
	for b := range Bands {
		h := mix64(uint64(b) + 1)
		for _, v := range sig[b*Rows : (b+1)*Rows] {
			h = mix64(h ^ uint64(v))
		}
		keys = append(keys, int64(h>>1))
	}
	return keys
}

// EstimateJaccard is the share of equal MinHash values of two signatures,
// an estimate of their shingle sets' Jaccard similarity.
func EstimateJaccard(a, b []uint32) float64 {
	if len(a) != len(b) || len(a) == 0 {
		return 0
	}
	same := 0
	for i := range a {
		if a[i] == b[i] && a[i] != ^uint32(0) {
			same++
		}
	}
	return float64(same) / float64(len(a))
}

// SimHashDistance is the number of bits two SimHash fields differ in, or
// 64 when either does not parse.
func SimHashDistance(a, b string) int {
	x, err1 := strconv.ParseUint(a, 16, 64)
	y, err2 := strconv.ParseUint(b, 16, 64)
	if err1 != nil || err2 != nil {
		return 64
	}
	return bits.OnesCount64(x ^ y)
}

// mix64 is the SplitMix64 finaliser.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// hashWord is FNV-1a over the word with ASCII letters lowered.
func hashWord(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// FNV-1a's 32-bit parameters.
const (
	fnv32Offset = 2166136261
	fnv32Prime  = 16777619
)

// hashLower32 continues FNV-1a hash h over w with ASCII letters lowered.
func hashLower32(h uint32, w string) uint32 {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint32(c)) * fnv32Prime
	}
	return h
}
