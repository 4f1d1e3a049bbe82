package stem

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

var (
	//go:embed data/roots_ud.txt
	udRootsFile string
	//go:embed data/roots.txt
	curatedRootsFile string
)

// entry is one dictionary word. closed marks a function word (dan, yang,
// per): it is recognised whole or with a clitic (inilah, apakah), never as
// what is left after a derivational affix, so sedan and keper are not read
// as se+dan and ke+per.
type entry struct {
	word   string // the key itself, returned so that a hit allocates nothing
	closed bool
}

// dictionary maps a lower-case root to its entry.
type dictionary struct {
	words map[string]entry
	// shape has, for each length and first letter of a listed word, a bit
	// for its last letter. Most lookups made while trying the readings of a
	// word miss; the filter turns most of them away before any hashing.
	shape [maxWord + 1][26]uint32
}

func newDictionary() *dictionary {
	return &dictionary{words: make(map[string]entry, 8192)}
}

// put adds or replaces e. A word's shape bit stays set after a delete from
// words: the filter may pass a word that is not there, never the reverse.
func (d *dictionary) put(e entry) {
	d.words[e.word] = e
	w := e.word
	d.shape[len(w)][w[0]-'a'] |= 1 << (w[len(w)-1] - 'a')
}

// lookup finds the lower-case word b without allocating.
func (d *dictionary) lookup(b []byte) (entry, bool) {
	if len(b) > maxWord || len(b) == 0 {
		return entry{}, false
	}
	if f, l := b[0]-'a', b[len(b)-1]-'a'; f < 26 && l < 26 && d.shape[len(b)][f]&(1<<l) == 0 {
		return entry{}, false
	}
	e, ok := d.words[string(b)]
	return e, ok
}

// dict is built from the embedded lists on first use, so that importing
// the package costs nothing until a word is stemmed (see text.Tables).
var dict = text.NewTables(func() (*dictionary, error) {
	d := newDictionary()
	for _, f := range []struct{ name, data string }{
		{"stem/data/roots_ud.txt", udRootsFile},
		{"stem/data/roots.txt", curatedRootsFile},
	} {
		if err := d.add(f.name, f.data); err != nil {
			return nil, err
		}
	}
	return d, nil
})

// Load parses the embedded root lists, once, and reports a malformed row;
// Stem and Known panic on one instead (see text.Tables).
func Load() error { return dict.Load() }

// defaultDict returns the dictionary of the embedded lists.
func defaultDict() *dictionary { return dict.Get() }

// add reads a word list: one lower-case word a line, optionally followed
// by the flag "closed"; # starts a comment. A word listed twice keeps the
// stricter reading: closed only if every listing says so.
func (d *dictionary) add(file, data string) error {
	return text.ReadTable(file, data, 1, func(f []string) error {
		word, flag, _ := strings.Cut(strings.TrimSpace(f[0]), " ")
		if len(f) > 1 || flag != "" && flag != "closed" {
			return fmt.Errorf("want WORD or WORD closed, got %q", strings.Join(f, "\t"))
		}
		if !validWord(word) {
			return fmt.Errorf("%q is not a lower-case word", word)
		}
		closed := flag == "closed"
		if e, ok := d.words[word]; ok {
			closed = closed && e.closed
		}
		d.put(entry{word: word, closed: closed})
		return nil
	})
}

// validWord reports whether w is a possible dictionary key: ASCII lower-case
// letters with single inner hyphens (undang-undang), at least two letters.
func validWord(w string) bool {
	if len(w) < 2 || len(w) > maxWord || w[0] == '-' || w[len(w)-1] == '-' || strings.Contains(w, "--") {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}
