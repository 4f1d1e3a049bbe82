// Package langid tells the language of a document's text.
//
// This first version scores the share of Indonesian, Malay and English
// function words among the document's word tokens: enough to tell an
// Indonesian article from an English or a Malay one, and to flag text that
// is none of these. The word lists are embedded data files.
package langid

import (
	_ "embed"
	"strings"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/text"
)

var (
	//go:embed data/id.txt
	idWords string
	//go:embed data/ms.txt
	msWords string
	//go:embed data/en.txt
	enWords string

	// functionWords maps each listed word to the languages it marks.
	functionWords = func() map[string]langs {
		m := map[string]langs{}
		for _, list := range []struct {
			data string
			lang langs
		}{{idWords, indonesian}, {msWords, malay}, {enWords, english}} {
			for l := range strings.Lines(list.data) {
				l = strings.TrimSpace(l)
				if l != "" && !strings.HasPrefix(l, "#") {
					m[l] |= list.lang
				}
			}
		}
		return m
	}()
)

// langs is a set of languages a function word marks.
type langs uint8

const (
	indonesian langs = 1 << iota
	malay
	english
)

const (
	// minWords is the fewest word tokens on which a language is told.
	minWords = 5
	// fullShare is the share of function words at which confidence is 1:
	// news text in a language runs at 20–35% of its function words.
	fullShare = 0.2
	// malayShare is the share of Malay-only words (per word token) that
	// makes a text Malay rather than Indonesian; at least two different
	// ones must occur.
	malayShare = 0.01
)

// Detect returns the ISO 639-1 code of the document's language ("id", "ms"
// or "en"), or "und" when it cannot be told, and a confidence from 0 to 1.
func Detect(doc *text.Document) (string, float64) {
	var words, id, en, ms int
	msKinds := map[string]bool{}
	var buf [32]byte
	for i, t := range doc.Tokens {
		if t.Kind != text.Word {
			continue
		}
		words++
		w := doc.TokenText(i)
		if len(w) > len(buf) || !utf8.ValidString(w) {
			continue
		}
		lw := lower(buf[:0], w)
		switch l := functionWords[string(lw)]; {
		case l&malay != 0:
			// Lower case only: "Wang" is a surname, "wang" money in Malay.
			if string(lw) == w {
				ms++
				msKinds[w] = true
			}
		case l&indonesian != 0:
			id++
		case l&english != 0:
			en++
		}
	}
	if words < minWords {
		return "und", 0
	}
	best, code := id+ms, "id"
	if en > best {
		best, code = en, "en"
	}
	conf := min(1, float64(best)/float64(words)/fullShare)
	if conf < 0.25 {
		return "und", conf
	}
	if code == "id" && len(msKinds) >= 2 && float64(ms) >= malayShare*float64(words) {
		code = "ms"
	}
	return code, conf
}

// lower appends the ASCII lower case of w to dst; other bytes are copied.
func lower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
