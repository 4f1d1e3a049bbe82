package text

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/negations.txt
var negationsFile string

// Negations returns the words that deny what follows them (tidak, belum,
// batal), lower case: the one list that the quote and event stages read.
var Negations = sync.OnceValue(func() []string {
	var out []string
	for _, f := range Rows(negationsFile) {
		out = append(out, strings.ToLower(f[0]))
	}
	return out
})
