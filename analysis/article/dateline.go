package article

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDatelineRunes bounds the part of a first paragraph searched for the
// dash that ends a dateline.
const maxDatelineRunes = 60

// parseDateline parses an opening dateline such as "JAKARTA, KOMPAS.com -",
// "Jakarta, CNN Indonesia --", "Bandung (ANTARA) -", "REPUBLIKA.CO.ID,
// JAKARTA --", "Suara.com -" or "Jakarta -", or returns nil.
func parseDateline(p string) *Dateline {
	head, ok := datelineHead(p)
	if !ok {
		return nil
	}
	d := &Dateline{Text: head}
	// "Place (OUTLET)".
	if open := strings.IndexByte(head, '('); open > 0 && strings.HasSuffix(head, ")") {
		place, outlet := strings.TrimSpace(head[:open]), head[open+1:len(head)-1]
		if !isPlace(place) || !isOutlet(outlet) {
			return nil
		}
		d.Place, d.Outlet = placeCase(place), outlet
		return d
	}
	parts := strings.Split(head, ",")
	switch len(parts) {
	case 1:
		part := strings.TrimSpace(parts[0])
		switch {
		case isOutlet(part):
			d.Outlet = part
		case isPlace(part) && (isUpperWord(part) || len(strings.Fields(part)) <= 2):
			d.Place = placeCase(part)
		default:
			return nil
		}
	case 2:
		a, b := strings.TrimSpace(parts[0]), strings.TrimSpace(parts[1])
		switch {
		case isOutlet(a) && isPlace(b):
			d.Outlet, d.Place = a, placeCase(b)
		case isPlace(a) && (isOutlet(b) || isUpperWord(b)):
			d.Place, d.Outlet = placeCase(a), b
		default:
			return nil
		}
	default:
		return nil
	}
	return d
}

// datelineHead returns what comes before the dash that closes a dateline:
// a spaced "-", "--", "—" or "–" within the first few words, followed by a
// capitalised word, a digit or a quote.
func datelineHead(p string) (string, bool) {
	n := 0
	for i, r := range p {
		if n++; n > maxDatelineRunes {
			return "", false
		}
		if !isDash(r) || i == 0 || p[i-1] != ' ' {
			continue
		}
		rest := strings.TrimLeftFunc(p[i:], isDash)
		if !strings.HasPrefix(rest, " ") {
			return "", false
		}
		first, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
		if !unicode.IsUpper(first) && !unicode.IsDigit(first) && first != '"' && first != '“' {
			return "", false
		}
		return strings.TrimSpace(p[:i]), true
	}
	return "", false
}

func isDash(r rune) bool { return r == '-' || r == '—' || r == '–' }

// isPlace reports whether s can be a place name in a dateline: one to four
// capitalised words.
func isPlace(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '.' && c != '\'' {
				return false
			}
		}
	}
	return true
}

// placeCase turns an all-caps place ("JAKARTA", "TANJUNG PINANG") into title
// case and leaves any other spelling as printed.
func placeCase(s string) string {
	if !isUpperWord(s) {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToUpper(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
