package entity

import (
	"unicode"
	"unicode/utf8"
)

// FNV-1a, 64 bits: cheap, allocation-free and stable across runs, so a
// hash computed at training time names the same feature at tagging time.
const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashByte(h uint64, c byte) uint64 {
	h ^= uint64(c)
	return h * fnvPrime
}

// mix finalises a hash (the splitmix64 finaliser) so that the low bits used
// as a bucket index depend on every input byte.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// lowerInto appends the lower-case form of s to buf. ASCII, most of
// Indonesian text, takes a byte loop; other runes go through
// unicode.ToLower. Curly apostrophes become ASCII ones so that Ma’ruf and
// Ma'ruf are one word.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '’' || r == '‘' {
			buf = append(buf, '\'')
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	return buf
}

// Word shapes, as bit flags of what a token holds.
const (
	shUpperFirst uint8 = 1 << iota // starts with a capital
	shAllUpper                     // two or more letters, all capitals
	shLower                        // has a lower-case letter
	shDigit                        // has a digit
	shPunct                        // has punctuation or a symbol
	shMixedCaps                    // a capital after a lower-case letter (iPhone, McDonald)
	shLetter                       // has a letter
)

// shapeOf returns the token's shape flags and a hash of its compressed
// shape: capitals X, lower case x, digits d, other characters as
// themselves, with runs of one class collapsed (Jakarta Xx, KPK X, 1.500
// d.d, Al-Azhar Xx-Xx).
func shapeOf(s string) (uint8, uint64) {
	var flags uint8
	h := fnvOffset
	var last byte
	letters, uppers := 0, 0
	seenLower := false
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		var c byte
		switch {
		case 'a' <= r && r <= 'z', r >= utf8.RuneSelf && unicode.IsLower(r):
			c = 'x'
			letters++
			seenLower = true
			flags |= shLower | shLetter
		case 'A' <= r && r <= 'Z', r >= utf8.RuneSelf && unicode.IsUpper(r):
			c = 'X'
			letters++
			uppers++
			if i == 0 {
				flags |= shUpperFirst
			}
			if seenLower {
				flags |= shMixedCaps
			}
			flags |= shLetter
		case '0' <= r && r <= '9':
			c = 'd'
			flags |= shDigit
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			c = 'x'
			letters++
			flags |= shLetter
		default:
			c = '.'
			if r < utf8.RuneSelf {
				c = byte(r)
			}
			flags |= shPunct
		}
		if c != last {
			h = hashByte(h, c)
			last = c
		}
		i += n
	}
	if letters >= 2 && uppers == letters {
		flags |= shAllUpper
	}
	return flags, h
}

// isCapitalised reports whether the token starts with an upper-case
// letter.
func isCapitalised(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}
