package amount

import (
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

// Kind is the kind of an amount, as the record names it.
type Kind string

// The kinds of amount.
const (
	Money    Kind = "money"    // Unit is an ISO 4217 code: IDR, USD
	Percent  Kind = "percent"  // Unit is %
	Count    Kind = "count"    // Unit is the noun counted: orang
	Quantity Kind = "quantity" // Unit is the measure: ton, km
)

// Amount is one amount found in a Document, in the shape of the record's
// amounts (docs/record.md). Start and End are byte offsets into
// Document.Text; the analysis package converts them to code points.
type Amount struct {
	Text  string  `json:"text"`
	Start int     `json:"start"`
	End   int     `json:"end"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Kind  Kind    `json:"kind"`
	// Approximate marks a vague amount (ratusan warga, 16.300-an); Max is
	// the largest value it covers where the words say so (ratusan: 999),
	// or the top of a range (5-6 persen: value 5, max 6).
	Approximate bool    `json:"approximate,omitempty"`
	Max         float64 `json:"max,omitempty"`
}

// Find returns the amounts of doc in text order. They never overlap. doc
// must be tokenised; amounts are looked for within sentences when it has
// them.
func Find(doc *text.Document) []Amount {
	var out []Amount
	doc.EachSentence(func(first, last int) {
		for i := first; i < last; {
			a, next, ok := At(doc, i, last)
			if !ok {
				i++
				continue
			}
			out = append(out, a)
			i = next
		}
	})
	return out
}

// At reads the amount that starts at token i, reading no further than
// token end, and returns it with the token after it. Find is At over every
// sentence.
func At(doc *text.Document, i, end int) (Amount, int, bool) {
	end = min(end, len(doc.Tokens))
	if i < 0 || i >= end {
		return Amount{}, 0, false
	}
	a, next, ok := match(doc, i, end)
	if ok {
		a.Start = doc.Tokens[i].Start
		a.Text = doc.Text[a.Start:a.End]
	}
	return a, next, ok
}

// match reads the amount that starts at token i, if any. It returns the
// amount with its End set, and the token after it.
func match(doc *text.Document, i, end int) (Amount, int, bool) {
	if !mayStart(doc, i) {
		return Amount{}, 0, false
	}
	if code, j := currencyBefore(doc, i, end); j > 0 {
		n, ok := ReadNumber(doc, j, end)
		if !ok {
			return Amount{}, 0, false
		}
		n = readRange(doc, n, end)
		if k := n.Last; n.Scale == 1 && k < end && n.End == doc.Tokens[k-1].End {
			// Rp 90 M, Rp 3,1 T: abbreviated scales only a currency allows.
			if e := lookupToken(doc, k); e != nil && e.num == numMoneyScale && doc.Tokens[k].Kind == text.Word {
				n.Value *= e.value
				n.Max *= e.value
				n.Last, n.End = k+1, wordEnd(doc, k)
			}
		}
		return amountOf(n, Money, code, n.End), n.Last, true
	}
	j, negative := i, false
	if e := lookupToken(doc, i); e != nil && e.num == numSign {
		j, negative = i+1, true // minus 3 derajat
	}
	n, ok := ReadNumber(doc, j, end)
	if !ok || n.Plain && isYear(n.Value) || identifierBefore(doc, j) || n.End != doc.Tokens[n.Last-1].End {
		return Amount{}, 0, false
	}
	n = readRange(doc, n, end)
	s, k := senseAfter(doc, n.Last, end)
	if k == 0 {
		return Amount{}, 0, false
	}
	kind, unit := Count, s.noun
	switch {
	case s.currency != "":
		kind, unit = Money, s.currency
	case s.unit == "%":
		kind, unit = Percent, "%"
	case s.unit != "":
		kind, unit = Quantity, s.unit
		if r, next := rateAfter(doc, k, end); next > 0 {
			unit, k = s.unit+"/"+r, next // 100 km/jam
		}
	}
	if negative {
		if kind == Count || n.Approximate {
			return Amount{}, 0, false // minus dua orang: not a number below zero
		}
		n.Value, n.Max = -n.Value, -n.Max
		if n.Max != 0 {
			n.Value, n.Max = n.Max, n.Value // minus 3-5 derajat: -5 to -3
		}
	}
	return amountOf(n, kind, unit, wordEnd(doc, k-1)), k, true
}

// rateAfter reads the word glued by a slash after a unit (km/jam), in lower
// case, and returns it with the token after it, or next = 0.
func rateAfter(doc *text.Document, k, end int) (string, int) {
	if k+1 >= end {
		return "", 0
	}
	slash, w := doc.Tokens[k], doc.Tokens[k+1]
	if doc.Text[slash.Start:slash.End] != "/" || slash.Start != doc.Tokens[k-1].End || w.Start != slash.End || w.Kind != text.Word || !isLetters(doc.Text[w.Start:w.End]) {
		return "", 0
	}
	return strings.ToLower(doc.Text[w.Start:w.End]), k + 2
}

func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' { // ASCII letters of either case
			return false
		}
	}
	return s != ""
}

// wordEnd is where word k ends, without a period the tokeniser glued to it
// when the word is known without it (Rp 12,8 T. ends at T).
func wordEnd(doc *text.Document, k int) int {
	t := doc.Tokens[k]
	if w := doc.Text[t.Start:t.End]; len(w) > 1 && w[len(w)-1] == '.' && lookupExact(w) == nil {
		return t.End - 1
	}
	return t.End
}

func amountOf(n Number, kind Kind, unit string, end int) Amount {
	return Amount{End: end, Value: n.Value, Unit: unit, Kind: kind, Approximate: n.Approximate, Max: n.Max}
}

// mayStart is the cheap test of every token: an amount starts at a
// number, a symbol, a word that starts with a digit (16.300-an) or a word
// in the lexicon (Rp, tiga, ratusan, US of US$).
func mayStart(doc *text.Document, i int) bool {
	t := doc.Tokens[i]
	switch t.Kind {
	case text.Number, text.Time, text.Symbol:
		return true
	case text.Word:
		return isDigitByte(doc.Text[t.Start]) || lookup(doc.Text[t.Start:t.End]) != nil || i+1 < len(doc.Tokens) && doc.Tokens[i+1].Start == t.End && doc.Text[t.End] == '$'
	}
	return false
}

// CurrencyBefore reports whether a currency written before a number (Rp,
// $, US$, USD) ends right before token i: the number there is money, never
// a duration or a year.
func CurrencyBefore(doc *text.Document, i int) bool {
	for _, k := range [...]int{i - 1, i - 2} {
		if k >= 0 && k < i && i <= len(doc.Tokens) {
			if _, next := currencyBefore(doc, k, i); next == i {
				return true
			}
		}
	}
	return false
}

// currencyBefore reads a currency written before a number at token i: a
// code or symbol (Rp, USD, $, €) or a letter prefix glued to $ (US$, S$).
// It returns the ISO code and the token after the currency, or 0.
func currencyBefore(doc *text.Document, i, end int) (string, int) {
	t := doc.Tokens[i]
	if t.Kind != text.Word && t.Kind != text.Symbol {
		return "", 0
	}
	if t.Kind == text.Word && i+1 < end {
		if d := doc.Tokens[i+1]; d.Start == t.End && doc.Text[d.Start:d.End] == "$" {
			var buf [16]byte // letter prefixes of $ are short: US, S, HK, NZ
			w := doc.Text[t.Start:t.End]
			if len(w) < len(buf) {
				key := append(append(buf[:0], w...), '$')
				if e := lookup(string(key)); e != nil && e.before != "" {
					return e.before, i + 2
				}
			}
			return "", 0
		}
	}
	if e := lookupToken(doc, i); e != nil && e.before != "" {
		return e.before, i + 1
	}
	return "", 0
}

// senseAfter reads the longest currency, unit or counted noun at token k,
// one word or several (dolar Singapura, basis poin, rumah sakit), and
// returns it with the token after it, or k = 0.
func senseAfter(doc *text.Document, k, end int) (sense, int) {
	if k >= end {
		return sense{}, 0
	}
	t := doc.Tokens[k]
	if t.Kind != text.Word && t.Kind != text.Symbol {
		return sense{}, 0
	}
	e := lookupToken(doc, k)
	if e == nil {
		return sense{}, 0
	}
	for _, p := range e.phrases {
		if k+len(p.rest) >= end {
			continue
		}
		ok := true
		for m, w := range p.rest {
			if !strings.EqualFold(doc.TokenText(k+1+m), w) {
				ok = false
				break
			}
		}
		if ok {
			return p.sense, k + 1 + len(p.rest)
		}
	}
	if w := doc.TokenText(k); !e.hasAfter || e.after.exact && 'A' <= w[0] && w[0] <= 'Z' {
		return sense{}, 0
	}
	return e.after, k + 1
}

// readRange extends n over a range written with a dash or a word (5-6
// persen, 10 hingga 20 warung, Rp 10-20 juta): n keeps the low end as its
// value, takes the high end as Max, and takes its scale when it has none.
// A second number that is not higher is left alone.
func readRange(doc *text.Document, n Number, end int) Number {
	k := n.Last
	if n.Approximate || k+1 >= end || !isRangeWord(doc.TokenText(k)) {
		return n
	}
	hi, ok := ReadNumber(doc, k+1, end)
	if !ok || hi.Approximate {
		return n
	}
	lo := n.Value
	if n.Scale == 1 {
		lo *= hi.Scale
	}
	if hi.Value <= lo {
		return n
	}
	n.Value, n.Max, n.Last, n.End, n.Scale, n.Plain = lo, hi.Value, hi.Last, hi.End, hi.Scale, false
	return n
}

// rangeWords join the two ends of a range.
var rangeWords = []string{"-", "–", "hingga", "sampai", "s.d.", "s/d"}

// identifierWords number what follows them (Pasal 28, Nomor 5), and the
// police and military ranks that end in a numeral (Brigadir Satu, Letnan
// Dua).
var identifierWords = []string{
	"pasal", "ayat", "nomor", "nomer", "no", "no.", "huruf", "butir", "bab",
	"brigadir", "bripda", "inspektur", "letnan", "sersan", "kopral", "prajurit", "kelasi",
}

func isRangeWord(s string) bool { return equalFoldAny(s, rangeWords) }

func equalFoldAny(s string, list []string) bool {
	for _, w := range list {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// isYear says a plain four-digit number is a year: Indonesian writes
// counts from a thousand up with a dot (2.000 orang), so 2025 is a date
// (package timex), never a count.
func isYear(v float64) bool { return v >= 1900 && v <= 2100 }

// identifierBefore reports whether token i is numbered by the word before
// it (Pasal 28, ayat 2, Brigadir Satu): an identifier, not an amount.
func identifierBefore(doc *text.Document, i int) bool {
	return i > 0 && doc.Tokens[i-1].Kind == text.Word && equalFoldAny(doc.TokenText(i-1), identifierWords)
}
