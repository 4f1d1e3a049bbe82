package stem

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzStem checks that no input panics and that a word of ASCII letters
// and hyphens gives a lower-case word no longer than itself (a root only
// ever loses letters: the one a nasal replaced comes back in place of the
// nasal). Seeds are in testdata/fuzz/FuzzStem.
func FuzzStem(f *testing.F) {
	for _, s := range []string{"pembangunan", "memperkenalkannya", "monyet-monyet", "CEO-nya", "-", "--nya", "mengebom", "kau", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		got := Stem(word)
		if !utf8.ValidString(word) {
			return
		}
		ascii := true
		for i := 0; i < len(word); i++ {
			c := word[i]
			ascii = ascii && ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-')
		}
		if !ascii {
			return
		}
		if got != strings.ToLower(got) || len(got) > len(word) {
			t.Errorf("Stem(%q) = %q", word, got)
		}
	})
}
