package text

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize cleans text for the later stages, which count offsets into its
// result:
//
//   - UTF-8 mojibake (UTF-8 read as Windows-1252 or Latin-1) is repaired
//     where the bytes decode back to valid UTF-8: AntÃ³nio → António,
//     â€œ → “; bytes that are not UTF-8 at all are read as Windows-1252;
//   - \r\n and \r become \n, \v and \f become \n, U+2028 and U+2029 become
//     a line and a paragraph break;
//   - tabs, no-break and other Unicode spaces become ' ';
//   - zero-width and bidi formatting characters, the soft hyphen and other
//     control characters are removed;
//   - the result is in Unicode NFC.
//
// Quotation marks and dashes stay as printed. Text that needs none of this
// is returned as is, without allocating.
func Normalize(s string) string {
	for i := firstDirty(s); i >= 0; i = firstDirty(s) {
		t := clean(s, i)
		if t == s { // cannot happen while clean fixes what firstDirty finds; stops a loop if it ever did
			break
		}
		// A repair can expose another layer of mojibake (text encoded
		// twice), so clean until nothing changes. Every round but the first
		// shortens the text, so this ends.
		s = t
	}
	return s
}

// firstDirty returns the offset of the first byte Normalize would change, 0
// if only NFC composition is wanting, or -1 if s is already normal.
func firstDirty(s string) int {
	ascii := true
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' && c != '\n' || c == 0x7f {
				return i
			}
			i++
			continue
		}
		ascii = false
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || needsMapping(r) {
			return i
		}
		if _, m := mojibakeAt(s, i); m > 0 {
			return i
		}
		i += n
	}
	// QuickSpanString answers for most text without allocating; only text
	// it is unsure of needs the full (allocating) IsNormalString check.
	if !ascii && norm.NFC.QuickSpanString(s) < len(s) && !norm.NFC.IsNormalString(s) {
		return 0
	}
	return -1
}

// needsMapping reports whether clean replaces or drops non-ASCII r.
func needsMapping(r rune) bool {
	switch {
	case r <= 0xA0, r == 0xAD, r == 0x1680, r == 0x180E, r == 0x3000, r == 0xFEFF:
		return true
	case 0x2000 <= r && r <= 0x200F, 0x2028 <= r && r <= 0x202F, 0x205F <= r && r <= 0x206F:
		return true
	}
	return false
}

// clean returns s with everything from offset i on cleaned, in NFC.
func clean(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c == '\r':
				if i < len(s) && s[i] == '\n' {
					i++
				}
				b.WriteByte('\n')
			case c == '\t':
				b.WriteByte(' ')
			case c == '\v' || c == '\f':
				b.WriteByte('\n')
			case c < ' ' && c != '\n' || c == 0x7f:
			default:
				b.WriteByte(c)
			}
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			r = cp1252[c] // a byte that is not UTF-8: most likely Windows-1252
		} else if fixed, m := mojibakeAt(s, i); m > 0 {
			r, n = fixed, m
		}
		i += n
		writeMapped(&b, r)
	}
	return norm.NFC.String(b.String())
}

// writeMapped writes non-ASCII r as Normalize maps it.
func writeMapped(b *strings.Builder, r rune) {
	switch {
	case r == 0x85 || r == 0x2028: // next line, line separator
		b.WriteByte('\n')
	case r == 0x2029: // paragraph separator
		b.WriteString("\n\n")
	case r < 0xA0:
		// C1 controls: dropped
	case r == 0xA0 || r == 0x1680 || 0x2000 <= r && r <= 0x200A || r == 0x202F || r == 0x205F || r == 0x3000:
		b.WriteByte(' ')
	case r == 0xAD || r == 0x180E || r == 0xFEFF || 0x200B <= r && r <= 0x200F || 0x202A <= r && r <= 0x202E || 0x2060 <= r && r <= 0x206F:
		// soft hyphen, zero-width and bidi formatting characters: dropped
	default:
		b.WriteRune(r)
	}
}

// mojibakeAt recognises, at offset i, a UTF-8 sequence that was decoded as
// Windows-1252 (or Latin-1) and encoded again: a lead byte shown as one of
// Â..ô followed by continuation bytes shown as Latin-1 or Windows-1252
// characters. It returns the original rune and the length of its mojibake
// in s, or 0 when the bytes do not decode cleanly.
func mojibakeAt(s string, i int) (rune, int) {
	lead, n := utf8.DecodeRuneInString(s[i:])
	var want int
	switch {
	case 0xC2 <= lead && lead <= 0xDF:
		want = 2
	case 0xE0 <= lead && lead <= 0xEF:
		want = 3
	case 0xF0 <= lead && lead <= 0xF4:
		want = 4
	default:
		return 0, 0
	}
	var buf [utf8.UTFMax]byte
	buf[0] = byte(lead)
	j := i + n
	for k := 1; k < want; k++ {
		if j >= len(s) {
			return 0, 0
		}
		r, m := utf8.DecodeRuneInString(s[j:])
		b, ok := cp1252Byte(r)
		if !ok || b < 0x80 || b > 0xBF {
			return 0, 0
		}
		buf[k] = b
		j += m
	}
	r, size := utf8.DecodeRune(buf[:want])
	if r == utf8.RuneError || size != want {
		return 0, 0
	}
	return r, j - i
}

// cp1252Byte returns the Windows-1252 (or, for 0x80..0x9F kept as C1
// controls, Latin-1) byte that decodes to r.
func cp1252Byte(r rune) (byte, bool) {
	if 0x80 <= r && r <= 0xFF {
		return byte(r), true
	}
	for b := 0x80; b < 0xA0; b++ {
		if cp1252[b] == r {
			return byte(b), true
		}
	}
	return 0, false
}

// cp1252 decodes a Windows-1252 byte; the five bytes it leaves undefined
// decode to the C1 control of the same number, as Latin-1 would.
var cp1252 = func() (t [256]rune) {
	for b := range t {
		t[b] = rune(b)
	}
	copy(t[0x80:0xA0], []rune{
		'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
		0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
	})
	return t
}()
