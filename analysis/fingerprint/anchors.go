package fingerprint

import (
	_ "embed"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

// NameKey reduces one word of a name to a key that the spellings of one
// name in Indonesian and in English share: accents folded, lowered, th → t,
// ph → f, kh → h, c before a back vowel or a consonant → k, y → i, double
// letters single, a final vowel dropped. Anthony and Antony give antoni,
// Rusia and Russia rusi, Ukraina and Ukraine ukrain. It returns "" for a
// word shorter than three letters.
func NameKey(w string) string {
	// Most words fit the stack buffers; a longer one grows them.
	var buf, spelt [32]byte
	b := buf[:0]
	for _, r := range w {
		r = fold(unicode.ToLower(r))
		if 'a' <= r && r <= 'z' {
			b = append(b, byte(r))
		}
	}
	if len(b) < 3 {
		return ""
	}
	// The spellings, left to right: th → t, ph → f, kh → h, ck → k, y → i.
	s := spelt[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if i+1 < len(b) {
			if r, ok := spelling(c, b[i+1]); ok {
				s = append(s, r)
				i++
				continue
			}
		}
		if c == 'y' {
			c = 'i'
		}
		s = append(s, c)
	}
	out := b[:0] // b is read no more
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 'c' && (i+1 == len(s) || (s[i+1] != 'e' && s[i+1] != 'i' && s[i+1] != 'h')) {
			c = 'k'
		}
		if n := len(out); n > 0 && out[n-1] == c {
			continue
		}
		out = append(out, c)
	}
	if n := len(out); n > 3 && strings.IndexByte("aeiou", out[n-1]) >= 0 {
		out = out[:n-1]
	}
	return string(out)
}

// spelling returns the letter a two-letter spelling becomes, and whether
// c, d is one.
func spelling(c, d byte) (byte, bool) {
	switch {
	case d == 'h' && c == 't':
		return 't', true
	case d == 'h' && c == 'p':
		return 'f', true
	case d == 'h' && c == 'k':
		return 'h', true
	case c == 'c' && d == 'k':
		return 'k', true
	}
	return 0, false
}

// fold maps common accented Latin letters to their base letter.
func fold(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	const from, to = "áàâäãåāéèêëēíìîïīıóòôöõøōúùûüūýÿçčćñńšśşžźłğ", "aaaaaaaeeeeeiiiiiiooooooouuuuuyycccnnssszzlg"
	if i := strings.IndexRune(from, r); i >= 0 {
		return rune(to[utf8.RuneCountInString(from[:i])])
	}
	return r
}

// entityNames gives the keys of the words of the entities' names.
func entityNames(ents []entity.Entity) []string {
	var out []string
	for _, e := range ents {
		for w := range strings.FieldsSeq(e.Name) {
			if k := NameKey(w); k != "" {
				out = append(out, k)
			}
		}
	}
	return sorted(out)
}

// amountNumbers normalises the amounts and durations the Indonesian stages
// found.
func amountNumbers(amounts []amount.Amount, durations []timex.Duration) []string {
	var out []string
	for _, a := range amounts {
		if a.Approximate {
			continue
		}
		switch a.Kind {
		case amount.Money:
			out = append(out, money(a.Unit, a.Value))
		case amount.Percent:
			out = append(out, percent(a.Value))
		default:
			if n, ok := count(a.Value); ok {
				out = append(out, n)
			}
		}
	}
	for _, d := range durations {
		out = append(out, seconds(d.Seconds))
	}
	return sorted(out)
}

func money(currency string, v float64) string { return currency + " " + number(v) }
func percent(v float64) string                { return number(v) + "%" }
func seconds(v float64) string                { return number(v) + "s" }

// count gives a bare number, kept only from 10 up: small counts are too
// common to tell articles apart.
func count(v float64) (string, bool) {
	if v < 10 {
		return "", false
	}
	return number(v), true
}

func number(v float64) string {
	return strconv.FormatFloat(math.Round(v*1000)/1000, 'f', -1, 64)
}

// timexDates keeps the resolved days and months.
func timexDates(dates []timex.Date) []string {
	var out []string
	for _, d := range dates {
		if d.Value != "" && (d.Granularity == timex.Day || d.Granularity == timex.Month) {
			out = append(out, d.Value)
		}
	}
	return sorted(out)
}

// quotedNumbers gives the numbers inside quotation marks, digits only.
func quotedNumbers(doc *text.Document) []string {
	var out []string
	inside := false
	for i, t := range doc.Tokens {
		switch s := doc.TokenText(i); {
		case s == "“":
			inside = true
		case s == "”":
			inside = false
		case s == `"`:
			inside = !inside
		case inside && t.Kind == text.Number:
			out = append(out, strings.Map(func(r rune) rune {
				if '0' <= r && r <= '9' {
					return r
				}
				return -1
			}, s))
		}
	}
	return sorted(out)
}

// creditCues open a credit to an outlet in Indonesian: "dikutip dari X",
// "dilansir X", "Artikel ini telah tayang di X", "Sumber: X".
var creditCues = map[string]bool{"dikutip": true, "dilansir": true, "melansir": true, "mengutip": true, "tayang": true, "sumber": true}

// credits lists the outlets an article credits: the dateline's outlet, the
// credits the cleaner cut, and credits left in the body.
func credits(doc *text.Document, in Input) []string {
	out := bodyCredits(doc)
	if k := OutletKey(in.Outlet); k != "" {
		out = append(out, k)
	} else if k, _ := wireDateline(doc); k != "" {
		out = append(out, k)
	}
	for _, c := range in.Credits {
		if k := creditOutlet(strings.Fields(c)); k != "" {
			out = append(out, k)
		}
	}
	return sorted(out)
}

// bodyCredits finds credits left in the body ("dilansir dari Reuters").
func bodyCredits(doc *text.Document) []string {
	var out []string
	var lower []byte
	for i := range doc.Tokens {
		// Lowered into one buffer: a map index of string(bytes) does
		// not allocate.
		lower = text.AppendLower(lower[:0], doc.TokenText(i))
		if creditCues[string(lower)] {
			var words []string
			for j := i + 1; j < len(doc.Tokens) && j <= i+6; j++ {
				words = append(words, doc.TokenText(j))
			}
			if k := creditOutlet(append([]string{"dikutip"}, words...)); k != "" {
				out = append(out, k)
			}
		}
	}
	return out
}

// creditOutlet reads the outlet after a credit cue in words: the first word
// after the cue (and dari, di or a colon) when it is capitalised or one of
// detik's "detikX" names, with the capitalised words after it.
func creditOutlet(words []string) string {
	for i, w := range words {
		if !creditCues[strings.ToLower(strings.TrimRight(w, ":"))] {
			continue
		}
		j := i + 1
		for j < len(words) && (strings.EqualFold(words[j], "dari") || words[j] == "di" || words[j] == ":" || strings.EqualFold(words[j], "dalam")) {
			j++
		}
		if j == len(words) {
			return ""
		}
		first := words[j]
		if first == "" || (!startsUpper(first) && !strings.HasPrefix(first, "detik")) {
			return ""
		}
		name := first
		for k := j + 1; k < len(words) && k <= j+2 && startsUpper(words[k]); k++ {
			name += words[k]
		}
		return OutletKey(name)
	}
	return ""
}

// OutletKey lowers an outlet's name and keeps its letters and digits:
// "detikNews" and "Kompas.com" give "detiknews" and "kompascom".
func OutletKey(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.ToLower(r)
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			return r
		}
		return -1
	}, s)
}

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

func sorted(s []string) []string {
	if s == nil {
		return []string{}
	}
	slices.Sort(s)
	return slices.Compact(s)
}

//go:embed data/english.tsv
var englishData string

// english is the table of English words read in foreign articles.
var english = func() map[string]englishWord {
	m := map[string]englishWord{}
	for _, row := range text.Rows(englishData) {
		w := englishWord{class: row[1]}
		if len(row) > 2 {
			w.value, _ = strconv.ParseFloat(row[2], 64)
		}
		m[row[0]] = w
	}
	return m
}()

type englishWord struct {
	class string
	value float64
}

// readForeign reads names, numbers and dates from the tokens of an article
// the Indonesian stages do not read, in English conventions: capitalised
// words are names, "1,500.5" is a number, "$11 billion" is money, "1 hour
// 45 minutes" a duration, "May 19, 2021" and "Wednesday" dates (a weekday
// is the last one on or before the publication date).
func readForeign(doc *text.Document, published *time.Time) (names, numbers, dates []string) {
	toks := doc.Tokens
	word := func(i int) (englishWord, bool) {
		if i < 0 || i >= len(toks) {
			return englishWord{}, false
		}
		w, ok := english[strings.ToLower(doc.TokenText(i))]
		return w, ok
	}
	dur := 0.0 // a duration being summed: "1 hour 45 minutes"
	flush := func() {
		if dur > 0 {
			numbers = append(numbers, seconds(dur))
			dur = 0
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		s := doc.TokenText(i)
		switch t.Kind {
		case text.Word:
			w, known := word(i)
			if known && w.class == "month" && startsUpper(s) {
				if d := englishDate(doc, i, int(w.value), published); d != "" {
					dates = append(dates, d)
				}
				continue
			}
			if known && w.class == "weekday" && published != nil {
				back := (int(published.Weekday()) - int(w.value) + 7) % 7
				dates = append(dates, published.AddDate(0, 0, -back).Format(time.DateOnly))
				continue
			}
			if startsUpper(s) && !known {
				if k := NameKey(s); k != "" {
					names = append(names, k)
				}
			}
			if !(known && (w.class == "duration" || s == "and")) {
				flush()
			}
		case text.Number:
			v, ok := englishNumber(s)
			if !ok {
				continue
			}
			next, _ := word(i + 1)
			if next.class == "scale" {
				v *= next.value
			}
			cur := ""
			if i > 0 {
				cur = doc.TokenText(i - 1)
				if cur == "$" && i > 1 && doc.TokenText(i-2) == "US" {
					cur = "US$"
				}
			}
			switch {
			case cur == "$" || cur == "US$":
				numbers = append(numbers, money("USD", v))
			case cur == "€":
				numbers = append(numbers, money("EUR", v))
			case cur == "£":
				numbers = append(numbers, money("GBP", v))
			case next.class == "percent" || (i+1 < len(toks) && doc.TokenText(i+1) == "%"):
				numbers = append(numbers, percent(v))
			case next.class == "duration":
				dur += v * next.value
				i++
				continue
			case v >= 1900 && v <= 2100 && v == math.Trunc(v):
				// a year, read as part of a date
			default:
				if n, ok := count(v); ok {
					numbers = append(numbers, n)
				}
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	return sorted(names), sorted(numbers), sorted(dates)
}

// englishNumber parses "1,500", "3.5" or "45".
func englishNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil
}

// englishDate reads "May 19", "May 19, 2021", "19 May 2021" or "May 2021"
// around the month at token i; a month alone is a month of the
// publication year.
func englishDate(doc *text.Document, i, month int, published *time.Time) string {
	num := func(j int) (int, bool) {
		if j < 0 || j >= len(doc.Tokens) || doc.Tokens[j].Kind != text.Number {
			return 0, false
		}
		n, err := strconv.Atoi(doc.TokenText(j))
		return n, err == nil
	}
	year := 0
	if published != nil {
		year = published.Year()
	}
	day, ok := num(i + 1)
	after := i + 2
	if !ok || day > 31 {
		if d, ok2 := num(i - 1); ok2 && d <= 31 {
			day, ok = d, true
			after = i + 1
		} else if y, ok3 := num(i + 1); ok3 && y >= 1900 {
			return time.Date(y, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
		} else {
			day, ok = 0, false
		}
	}
	if after < len(doc.Tokens) && doc.TokenText(after) == "," {
		after++
	}
	if y, ok := num(after); ok && y >= 1900 && y <= 2100 {
		year = y
	}
	if year == 0 {
		return ""
	}
	if !ok || day < 1 {
		return time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC).Format("2006-01")
	}
	return time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
}
