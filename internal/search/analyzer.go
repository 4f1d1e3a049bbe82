package search

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// stopwordsFile is the stopwords-iso Indonesian list (MIT) that the
// analysis stages share; its header says where it comes from.
var stopwordsFile = text.StopwordsFile

// Analyzer turns text into the terms of the index: words, case-folded,
// without stopwords, stemmed. The index and the queries must use the same
// Analyzer, so a store records its Fingerprint and re-indexes when it
// changes.
type Analyzer struct {
	stem      func(string) string
	stopwords map[string]bool

	// terms caches the term of each folded word ("" for a stopword), up to
	// maxCached words so that memory stays bounded: news repeats its
	// words, and one map look-up is cheaper than a stopword look-up and a
	// stem.
	mu    sync.RWMutex
	terms map[string]string
}

const maxCached = 200_000

// Indonesian returns the Analyzer warta indexes with: the Indonesian
// stemmer (analysis/stem) and stopwords. It is shared, and so is its cache.
var Indonesian = sync.OnceValue(func() *Analyzer { return NewAnalyzer(stem.Stem) })

// NewAnalyzer returns an Analyzer that stems words with stem (nil: no
// stemming) and drops the Indonesian stopwords.
func NewAnalyzer(stem func(string) string) *Analyzer {
	a := &Analyzer{stem: stem, stopwords: map[string]bool{}, terms: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(stopwordsFile))
	for sc.Scan() {
		w := strings.TrimSpace(sc.Text())
		if w != "" && !strings.HasPrefix(w, "#") {
			a.stopwords[w] = true
		}
	}
	return a
}

// IsStopword reports whether the lower-case word w is a stopword.
func (a *Analyzer) IsStopword(w string) bool { return a.stopwords[w] }

// Tokens calls fn with each term of text and the byte range of the word it
// comes from. A hyphenated word is split into its parts (anak-anak gives
// anak twice, Covid-19 gives covid and 19) unless it is a stopword as a
// whole (masing-masing). Digits joined by "." or "," stay one word
// (10.000, 1,5), and so do letters joined by an apostrophe (Jum'at).
func (a *Analyzer) Tokens(text string, fn func(term string, start, end int) error) error {
	var buf []byte // a folded word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			i += size
			continue
		}
		start := i
		end, hyphen := wordEnd(text, i)
		i = end
		if hyphen {
			if a.stopwords[fold(text[start:end])] {
				continue
			}
			for part := range strings.SplitSeq(text[start:end], "-") {
				if part != "" {
					if err := a.emit(part, start, start+len(part), &buf, fn); err != nil {
						return err
					}
				}
				start += len(part) + 1
			}
			continue
		}
		if err := a.emit(text[start:end], start, end, &buf, fn); err != nil {
			return err
		}
	}
	return nil
}

// Terms returns the terms of text, in order.
func (a *Analyzer) Terms(text string) []string {
	var terms []string
	a.Tokens(text, func(term string, _, _ int) error {
		terms = append(terms, term)
		return nil
	})
	return terms
}

// emit calls fn with the term of word, unless it is a stopword.
func (a *Analyzer) emit(word string, start, end int, buf *[]byte, fn func(string, int, int) error) error {
	folded := word
	if needsFold(word) {
		*buf = appendFold((*buf)[:0], word)
		folded = ""
	}
	a.mu.RLock()
	var term string
	var ok bool
	if folded != "" {
		term, ok = a.terms[folded]
	} else {
		term, ok = a.terms[string(*buf)] // no allocation for a look-up
	}
	a.mu.RUnlock()
	if !ok {
		// A copy: the word may be a slice of a whole article, which the
		// cache must not keep alive.
		if folded == "" {
			folded = string(*buf)
		} else {
			folded = strings.Clone(folded)
		}
		term = a.term(folded)
		a.mu.Lock()
		if len(a.terms) < maxCached {
			a.terms[folded] = term
		}
		a.mu.Unlock()
	}
	if term == "" {
		return nil
	}
	return fn(term, start, end)
}

// term returns the term of a folded word: "" for a stopword, the word
// itself when it has digits, else its stem.
func (a *Analyzer) term(w string) string {
	if a.stopwords[w] {
		return ""
	}
	if a.stem == nil || strings.ContainsAny(w, "0123456789") {
		return w
	}
	if s := a.stem(w); s != "" {
		return s
	}
	return w
}

// Fingerprint identifies what the Analyzer does: a hash of its stopwords
// and of the stems of a fixed list of probe words. An index built with
// another fingerprint must be rebuilt.
func (a *Analyzer) Fingerprint() string {
	h := sha256.New()
	h.Write([]byte(stopwordsFile))
	for _, w := range probeWords {
		h.Write([]byte(a.term(w) + "\n"))
	}
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// probeWords exercise the usual Indonesian affixes, so that a change in the
// stemmer changes the Fingerprint.
var probeWords = strings.Fields(`pertemuan bertemu pembangunan membangun dibangun
	pemerintah pemerintahan perintah kebijakan bijaksana menteri kementerian
	mengatakan dikatakan perkataan penangkapan ditangkap menangkap kepolisian
	polisi pembagian dibagikan membagikan keberhasilan berhasil pendanaan dana
	perdebatan berdebat kesepakatan menyepakati sepakat ketidakadilan
	mempertanyakan bertanya-tanya anak-anak rumahnya bukunya kepadamu
	pengamanan keamanan aman penghijauan menghijaukan tertangkap terbangun
	menyelesaikan penyelesaian selesai memperbaiki perbaikan pelajaran belajar
	mempelajari pengajar ajaran berlari pelari larian menyapu penyapu sapu`)

// isWordRune reports whether r is part of a word: a letter, digit or mark.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// wordEnd returns the end of the word starting at i, and whether it is
// hyphenated.
func wordEnd(text string, i int) (end int, hyphen bool) {
	prev := rune(0)
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) {
			prev = r
			i += size
			continue
		}
		next, nsize := utf8.DecodeRuneInString(text[i+size:])
		if i+size >= len(text) || !isWordRune(next) {
			break
		}
		switch {
		case r == '-':
			hyphen = true
		case (r == '.' || r == ',') && isDigit(prev) && isDigit(next):
		case (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(next):
		default:
			return i, hyphen
		}
		prev = next
		i += size + nsize
	}
	return i, hyphen
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// needsFold reports whether w has upper-case or non-ASCII letters.
func needsFold(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

// appendFold appends w lower-cased to buf; a curly apostrophe becomes a
// straight one.
func appendFold(buf []byte, w string) []byte {
	for _, r := range w {
		switch {
		case 'A' <= r && r <= 'Z':
			buf = append(buf, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			buf = append(buf, byte(r))
		case r == '’':
			buf = append(buf, '\'')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// fold returns w lower-cased, as appendFold.
func fold(w string) string {
	if !needsFold(w) {
		return w
	}
	return string(appendFold(nil, w))
}
