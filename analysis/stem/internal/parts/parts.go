// Package parts hands analysis/stem/train the pieces of package stem that
// building a root list shares with stemming, without making them stem's
// public API. Package stem fills in these variables when it is
// initialised, and train imports stem for it.
package parts

// Dictionary is a root list under construction and the stemmer reading it.
type Dictionary interface {
	Put(root string, closed bool)
	Delete(root string)
	Closed(root string) bool
	Roots() []string // sorted
	Stem(word string) string
}

var (
	// NewDictionary returns an empty root list.
	NewDictionary func() Dictionary
	// ValidRoot reports whether a word can be listed: ASCII lower-case
	// letters with single inner hyphens, at least two letters.
	ValidRoot func(word string) bool
	// IsClitic reports whether a word is a particle or possessive written
	// after a hyphen (nya, lah).
	IsClitic func(word string) bool
	// Derivations are the derivational suffixes the stemmer strips.
	Derivations []string
	// IsVowel reports whether c is a vowel.
	IsVowel func(c byte) bool
)
