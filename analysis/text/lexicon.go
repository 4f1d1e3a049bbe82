package text

import (
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Lexicon maps lower-case keys (ASCII) to values and looks tokens up without
// regard to ASCII case and without allocating. Stages that match words of
// running text against a word list use it: a filter on each key's first and
// last byte and length turns most words away before they are hashed.
type Lexicon[V any] struct {
	m           map[string]V
	first, last [256]uint32 // bit n: some key of length n starts / ends with this byte
}

// maxLexiconKey is the longest key a Lexicon holds: a length is a bit of
// a uint32.
const maxLexiconKey = 31

// NewLexicon builds a Lexicon over m, whose keys must be lower case and at
// most 31 bytes long. The lexicons are embedded data, so a longer key is a
// build defect and panics.
func NewLexicon[V any](m map[string]V) *Lexicon[V] {
	l := &Lexicon[V]{m: m}
	for k := range m {
		if k == "" || len(k) > maxLexiconKey {
			panic(fmt.Sprintf("text: lexicon key %q is empty or longer than %d bytes", k, maxLexiconKey))
		}
		l.first[k[0]] |= 1 << len(k)
		l.last[k[len(k)-1]] |= 1 << len(k)
	}
	return l
}

// Get returns the value of tok, compared without regard to ASCII case.
func (l *Lexicon[V]) Get(tok string) (V, bool) {
	var zero V
	n := len(tok)
	if n == 0 || n > maxLexiconKey || l.first[lowerByte(tok[0])]&l.last[lowerByte(tok[n-1])]&(1<<n) == 0 {
		return zero, false
	}
	var buf [maxLexiconKey]byte
	for i := range n {
		buf[i] = lowerByte(tok[i])
	}
	v, ok := l.m[string(buf[:n])]
	return v, ok
}

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// AppendLower appends s lowered exactly as strings.ToLower lowers it (rune
// by rune, an invalid byte as U+FFFD), for look-ups that lower a token
// into a reused buffer: a map index or comparison of string(buf) does not
// allocate, where strings.ToLower allocates for every word with a capital.
func AppendLower(b []byte, s string) []byte {
	for _, r := range s {
		if r < utf8.RuneSelf {
			b = append(b, lowerByte(byte(r)))
			continue
		}
		b = utf8.AppendRune(b, unicode.ToLower(r))
	}
	return b
}

// AppendLowerASCII appends s with its ASCII letters lowered and every
// other byte as it is.
func AppendLowerASCII(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b = append(b, lowerByte(s[i]))
	}
	return b
}
