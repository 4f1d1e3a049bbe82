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

	indonesian = wordSet(idWords)
	malay      = wordSet(msWords)
	english    = wordSet(enWords)
)

func wordSet(data string) map[string]bool {
	m := map[string]bool{}
	for l := range strings.Lines(data) {
		l = strings.TrimSpace(l)
		if l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}

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
		switch {
		case malay[w]: // lower case only: "Wang" is a surname
			ms++
			msKinds[w] = true
		case indonesian[string(lw)]:
			id++
		case english[string(lw)]:
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
