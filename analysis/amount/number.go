package amount

import (
	"math"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// Number is a numeral read from the tokens doc.Tokens[First:Last]: digits
// (1.250.000,50), words (dua puluh lima), or both (1,5 juta), with its scale
// words.
type Number struct {
	First, Last int
	// End is the byte offset in Document.Text where the numeral ends: the
	// end of token Last-1, or inside it for a rate glued to its unit by a
	// slash (16.335/US$ is 16.335 per US dollar).
	End   int
	Value float64
	// Max is the largest value a vague numeral covers (ratusan: 999;
	// puluhan ribu: 99 999), else 0.
	Max         float64
	Approximate bool    // ratusan, puluhan ribu, 16.300-an
	Scale       float64 // the scale words read (juta: 1e6); 1 when none
	// Plain says the numeral is bare digits without separators or scale
	// (2025, 28, 0812345): a year, an article number or an identifier
	// rather than a quantity unless a unit follows.
	Plain bool
}

// ReadNumber reads the numeral that starts at token i, reading no further
// than token end (exclusive, usually the end of the sentence). It reports
// false when token i does not start a numeral.
//
// Digits follow Indonesian usage: a dot groups thousands and a comma marks
// decimals (1.250.000,50). The separators themselves say when a writer used
// English style: several commas (1,250,000), a comma before a dot
// (1,234.56), or a single dot not followed by exactly three digits (1.2
// juta). A single comma is always a decimal comma (1,792 juta). Dates
// (20/10) and clock times (14.30) are tokens of their own and never
// numerals, except a "time" followed by a scale word (1.25 juta), which can
// only be an English decimal. "satu" in "salah satu" (one of) is not a
// numeral.
func ReadNumber(doc *text.Document, i, end int) (Number, bool) {
	if end > len(doc.Tokens) {
		end = len(doc.Tokens)
	}
	if i < 0 || i >= end {
		return Number{}, false
	}
	tok := doc.Tokens[i]
	s := doc.Text[tok.Start:tok.End]
	n := Number{First: i, Last: i + 1, Scale: 1}
	var mant float64
	var decimals int
	var ok bool
	switch tok.Kind {
	case text.Number:
		mant, decimals, ok = parseDigits(s)
		n.Plain = ok && isDigits(s)
	case text.Time:
		if isScale(doc, i+1, end) {
			mant, decimals, ok = parseDigits(s)
		}
	case text.Word:
		if isDigitByte(s[0]) {
			return readGlued(s, tok.Start, n)
		}
		ok = readWords(doc, i, end, &n)
		n.End = doc.Tokens[n.Last-1].End
		return n, ok
	}
	if !ok {
		return Number{}, false
	}
	// Scale words after digits, stacked from small to large (ribu triliun).
	n.End = tok.End
	for n.Last < end {
		e, wordEnd := scaleAt(doc, n.Last)
		if e == nil || n.Scale > 1 && e.value <= n.Scale {
			break
		}
		n.Scale *= e.value
		n.Last++
		n.End, n.Plain = wordEnd, false
		if wordEnd < doc.Tokens[n.Last-1].End {
			break
		}
	}
	n.Value = scaleDown(mant, n.Scale, decimals)
	return n, true
}

// scaleAt returns the scale word at token k and where it ends. Scraped
// lists glue the next item's number to it (Rp 6,8 triliun3.): the scale
// then ends before the digits.
func scaleAt(doc *text.Document, k int) (*entry, int) {
	t := doc.Tokens[k]
	w := doc.Text[t.Start:t.End]
	if t.Kind != text.Word {
		return nil, 0
	}
	end := len(w)
	for end > 0 && isDigitByte(w[end-1]) {
		end--
	}
	if e := lookup(w[:end]); e != nil && e.num == numScale && end > 0 {
		return e, t.Start + end
	}
	return nil, 0
}

// readGlued reads the numeral of a word token that starts with digits: an
// approximate 16.300-an (about 16 300), or a rate 16.335/US of which only
// the digits are the numeral.
func readGlued(s string, start int, n Number) (Number, bool) {
	digits, end := s, start+len(s)
	if base, ok := strings.CutSuffix(s, "-an"); ok {
		digits, n.Approximate = base, true
	} else if k := strings.IndexByte(s, '/'); k > 0 && k+1 < len(s) && !isDigitByte(s[k+1]) {
		digits, end = s[:k], start+k
	} else {
		return Number{}, false
	}
	mant, decimals, ok := parseDigits(digits)
	if !ok {
		return Number{}, false
	}
	n.Value, n.End = scaleDown(mant, 1, decimals), end
	return n, true
}

// scaleDown returns mant × scale / 10^decimals with one rounding where the
// product is exact, so that 2,65 miliar is exactly 2 650 000 000.
func scaleDown(mant, scale float64, decimals int) float64 {
	if p := mant * scale; p < 1<<53 {
		return p / math.Pow10(decimals)
	}
	return mant / math.Pow10(decimals) * scale
}

// readWords reads a numeral in words: digits combine with belas, puluh and
// ratus into a group below a thousand, groups take scales (dua ratus lima
// puluh ribu), a fraction adds to a digit (satu setengah) or stands alone
// (setengah), and a vague numeral (ratusan) may take scales (ratusan ribu).
// It stops at the first word that does not continue the numeral.
func readWords(doc *text.Document, i, end int, n *Number) bool {
	if lookupToken(doc, i) == nil || i > 0 && strings.EqualFold(doc.TokenText(i-1), "salah") {
		return false // not a number word, or salah satu: one of
	}
	var total, group, lastDigit float64
	afterDigit := false // the last word read was a digit (dua in dua puluh)
	j := i
	for ; j < end && doc.Tokens[j].Kind == text.Word; j++ {
		e := lookupToken(doc, j)
		if e == nil {
			break
		}
		if e.num == numVague {
			if j > i {
				break
			}
			return readVague(doc, i, end, e, n)
		}
		if !wordContinues(e, group, total, afterDigit) {
			break
		}
		switch e.num {
		case numDigit:
			group += e.value
			lastDigit = e.value
		case numWhole, numFraction:
			group += e.value
		case numTeen:
			group += 10
		case numTens:
			group += lastDigit * 9
		case numHundreds:
			group += lastDigit * 99
		case numDenominator:
			group += lastDigit/e.value - lastDigit
		case numScale:
			total += group * e.value
			group = 0
		case numScale1:
			total += e.value
		}
		afterDigit = e.num == numDigit
	}
	if j == i {
		return false
	}
	n.Value, n.Last = total+group, j
	return true
}

// wordContinues reports whether a number word may follow what has been
// read: group is the value below a thousand so far, total the value of
// the scaled groups.
func wordContinues(e *entry, group, total float64, afterDigit bool) bool {
	switch e.num {
	case numDigit:
		return !afterDigit && group < 10 || group >= 10 && !afterDigit && int(group)%10 == 0
	case numWhole:
		return !afterDigit && group < e.value
	case numTeen, numTens, numHundreds, numDenominator:
		return afterDigit
	case numScale:
		return group > 0 && (total == 0 || total >= e.value*1000)
	case numScale1:
		return group == 0 && (total == 0 || total >= e.value*1000)
	case numFraction:
		return afterDigit || group == 0 && total == 0
	}
	return false
}

// readVague reads a vague numeral and its scales: ratusan ribu covers
// 100 000 to 999 999.
func readVague(doc *text.Document, i, end int, e *entry, n *Number) bool {
	j := i + 1
	for j < end {
		s := lookupToken(doc, j)
		if s == nil || s.num != numScale || n.Scale > 1 && s.value <= n.Scale {
			break
		}
		n.Scale *= s.value
		j++
	}
	n.Value = e.value * n.Scale
	n.Max = (e.max+1)*n.Scale - 1
	n.Approximate, n.Last = true, j
	return true
}

// isScale reports whether token i is a scale word (ribu, juta ...).
func isScale(doc *text.Document, i, end int) bool {
	if i >= end {
		return false
	}
	e := lookupToken(doc, i)
	return e != nil && e.num == numScale
}

// lookupToken looks up word token i in the lexicon.
func lookupToken(doc *text.Document, i int) *entry {
	t := doc.Tokens[i]
	return lookup(doc.Text[t.Start:t.End])
}

// parseDigits reads digits with separators (see ReadNumber for the rules)
// as an integer mantissa and a count of decimals: 1.500.000,50 is 150000050
// and 2. It reports false for shapes that are not one number (1.2.3,
// 1.250.00, 1,2.3,4).
func parseDigits(s string) (mant float64, decimals int, ok bool) {
	// seps holds the offsets of the separators; a number has few.
	var seps [16]int
	n := 0
	for k := 0; k < len(s); k++ {
		c := s[k]
		if isDigitByte(c) {
			continue
		}
		if c != '.' && c != ',' || n == len(seps) || k == 0 || k == len(s)-1 || n > 0 && seps[n-1] == k-1 {
			return 0, 0, false
		}
		seps[n] = k
		n++
	}
	if s == "" || n == 0 {
		return digitsValue(s), 0, s != ""
	}
	first, last := s[seps[0]], s[seps[n-1]]
	same := true
	for _, k := range seps[1:n] {
		same = same && s[k] == first
	}
	// Groups between separators (not counting the first and the last)
	// group thousands and must hold three digits.
	for m := 1; m < n; m++ {
		if seps[m]-seps[m-1] != 4 {
			return 0, 0, false
		}
	}
	lastLen := len(s) - seps[n-1] - 1
	dec := -1 // offset of the decimal separator
	switch {
	case same && first == ',' && n == 1:
		dec = seps[0] // 1,5: Indonesian decimal comma
	case same && first == '.' && n == 1 && lastLen != 3:
		dec = seps[0] // 1.5: English decimal point
	case same:
		if lastLen != 3 { // 1.250.000 or 1,250,000: thousands
			return 0, 0, false
		}
	default:
		for _, k := range seps[:n-1] {
			if s[k] == last {
				return 0, 0, false // 1.2,3.4: no single decimal mark
			}
		}
		dec = seps[n-1] // 1.500.000,50 or 1,234.56
	}
	if dec < 0 {
		return digitsValue(s), 0, true
	}
	return digitsValue(s), len(s) - dec - 1, true
}

// digitsValue reads the digits of s, skipping separators. Up to 15 digits
// it is exact; beyond, the float rounds.
func digitsValue(s string) float64 {
	var v float64
	for k := 0; k < len(s); k++ {
		if isDigitByte(s[k]) {
			v = v*10 + float64(s[k]-'0')
		}
	}
	return v
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }

func isDigits(s string) bool {
	for k := 0; k < len(s); k++ {
		if !isDigitByte(s[k]) {
			return false
		}
	}
	return s != ""
}
