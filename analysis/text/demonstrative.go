package text

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed data/demonstratives.txt
var demonstrativesFile string

// demonstratives is the set of data/demonstratives.txt, lower case.
var demonstratives = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	for _, f := range Rows(demonstrativesFile) {
		out[strings.ToLower(f[0])] = true
	}
	return out
})

// IsDemonstrative reports whether a word, in any case, is one that points
// back to what the text named before (ini, itu, tersebut): the one list
// that the entity, quote and event stages read.
func IsDemonstrative(w string) bool { return demonstratives()[strings.ToLower(w)] }
