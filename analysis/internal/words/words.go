// Package words gives the topic and summary stages one key per word: a
// case-folded hash that is also the word's feature in the topic model, and
// a fast test of whether it is a stopword.
package words

import (
	"sync"

	"github.com/warta-news/warta/analysis/internal/linear"
	"github.com/warta-news/warta/analysis/text"
)

// Key is the hash of a word in lower case.
func Key(w string) linear.Hasher { return linear.Start('w').Add(w) }

// stopTable holds the keys of text's stopwords in an open-addressed table
// of 2^stopBits slots, probed linearly: a look-up reads a slot or two of
// one cache line where a map would hash the key again.
const stopBits = 12

var stopTable = sync.OnceValue(func() *[1 << stopBits]linear.Hasher {
	var t [1 << stopBits]linear.Hasher
	for _, f := range text.Rows(text.StopwordsFile) {
		k := Key(f[0])
		i := k >> (64 - stopBits)
		for t[i] != 0 && t[i] != k {
			i = (i + 1) & (1<<stopBits - 1)
		}
		t[i] = k
	}
	return &t
})

// IsStopword reports whether the word of key k is on text's stopword
// list.
func IsStopword(k linear.Hasher) bool {
	t := stopTable()
	for i := k >> (64 - stopBits); t[i] != 0; i = (i + 1) & (1<<stopBits - 1) {
		if t[i] == k {
			return true
		}
	}
	return false
}
