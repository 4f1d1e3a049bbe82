package text

import (
	_ "embed"
	"sync"
)

// StopwordsFile is the stopwords-iso Indonesian list (MIT), one word a
// line; its header says where it comes from. The search index drops these
// words, and the topic and summary stages read only the words that are not
// on it.
//
//go:embed data/stopwords-id.txt
var StopwordsFile string

var stopwords = sync.OnceValue(func() *Lexicon[bool] {
	m := map[string]bool{}
	for _, f := range Rows(StopwordsFile) {
		m[f[0]] = true
	}
	return NewLexicon(m)
})

// IsStopword reports whether w is an Indonesian stopword, without regard
// to ASCII case.
func IsStopword(w string) bool {
	_, ok := stopwords().Get(w)
	return ok
}
