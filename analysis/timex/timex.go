package timex

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/text"
)

// Granularity is how precise a date is, as the record names it.
type Granularity string

// The granularities of the record.
const (
	Year      Granularity = "year"
	Month     Granularity = "month"
	Week      Granularity = "week"
	Day       Granularity = "day"
	TimeOfDay Granularity = "time"
)

// Date is one date or time expression found in a Document, in the shape of
// the record's dates (docs/record.md). Start and End are byte offsets into
// Document.Text; the analysis package converts them to code points.
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	// Value is ISO 8601 at the date's granularity: 2021 (year), 2021-06
	// (month), 2021-W19 (ISO week), 2021-05-19 (day),
	// 2025-10-20T14:30:00+07:00 (time; without an offset for "waktu
	// setempat"). It is empty, printed as null, when the expression cannot
	// be resolved: a relative date without a published date.
	Value string `json:"value"`
	// EndValue is the end of a range (20-22 Oktober, Senin hingga Rabu),
	// at the same granularity; empty otherwise.
	EndValue    string      `json:"end_value,omitempty"`
	Granularity Granularity `json:"granularity"`
}

// MarshalJSON writes the record's form of a date: value is null when it is
// unresolved.
func (d Date) MarshalJSON() ([]byte, error) {
	var v *string
	if d.Value != "" {
		v = &d.Value
	}
	return json.Marshal(struct {
		Text        string      `json:"text"`
		Start       int         `json:"start"`
		End         int         `json:"end"`
		Value       *string     `json:"value"`
		EndValue    string      `json:"end_value,omitempty"`
		Granularity Granularity `json:"granularity"`
	}{d.Text, d.Start, d.End, v, d.EndValue, d.Granularity})
}

// Duration is one length of time found in a Document, in the shape of the
// record's durations: a month counts 30 days and a year 365. Start and End
// are byte offsets into Document.Text.
type Duration struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Seconds float64 `json:"seconds"`
}

// Find returns the dates and the durations of doc, each in text order;
// none overlaps another. doc must be tokenised and should be split into
// sentences: a date never spans two, and the tense of its sentence decides
// a weekday or a month without a year.
//
// published is the article's publication time, which relative and
// underspecified dates are resolved against; a date-only publication is
// midnight in its zone, usually +07:00. When it is nil those dates keep an
// empty Value: they are reported but never guessed.
func Find(doc *text.Document, published *time.Time) ([]Date, []Duration) {
	p := parser{doc: doc, toks: doc.Tokens}
	if published != nil {
		p.pub = *published
		p.hasPub = true
		y, m, d := published.Date()
		p.pubDay = civil{y, int(m), d}
	}
	prevEnd := 0
	doc.EachSentence(func(first, last int) {
		if strings.IndexByte(doc.Text[prevEnd:doc.Tokens[first].Start], '\n') >= 0 {
			p.hasAnchor = false // a new paragraph: times no longer refer to the last day named
		}
		prevEnd = doc.Tokens[last-1].End
		p.first, p.last = first, last
		p.ents = p.ents[:0]
		for _, t := range doc.Tokens[first:last] {
			var e *entry
			if t.Kind == text.Word || t.Kind == text.Punct {
				e = lookup(doc.Text[t.Start:t.End])
			}
			p.ents = append(p.ents, e)
		}
		p.sentence()
	})
	return p.dates, p.durs
}

// sentence finds the expressions of the current sentence, trying at each
// token a date, then a duration.
func (p *parser) sentence() {
	for i := p.first; i < p.last; {
		if !p.mayStart(i) {
			i++
			continue
		}
		if k := p.lawCitation(i); k > 0 {
			i = k
			continue
		}
		if w, end, ok := p.date(i); ok {
			p.emitDate(w, i, end)
			i = end
			continue
		}
		if sec, end, ok := p.duration(i); ok {
			start, stop := p.toks[i].Start, p.toks[end-1].End
			p.durs = append(p.durs, Duration{Text: p.doc.Text[start:stop], Start: start, End: stop, Seconds: sec})
			i = end
			continue
		}
		i++
	}
}

// mayStart is the cheap test of every token: a date or a duration starts
// at a number, a date or time token, a word of the lexicon or a number
// word — but not at a number written after a currency or ending the range
// of an amount, which are money (Rp2025, $1 Mei, Rp 10-20 juta).
func (p *parser) mayStart(i int) bool {
	switch p.toks[i].Kind {
	case text.Date, text.Time:
		return true
	case text.Number:
	case text.Word:
		if e := p.lex(i); e != nil && e.starts {
			return true
		}
		if _, ok := amount.ReadNumber(p.doc, i, p.last); !ok {
			return false
		}
	default:
		return false
	}
	return !amount.CurrencyBefore(p.doc, i) && !p.amountRangeEnd(i)
}

// amountRangeEnd reports whether the number at token i ends the range of
// an amount (Rp 10-20 juta, $0-01): it belongs to the amount.
func (p *parser) amountRangeEnd(i int) bool {
	if e := p.lex(i - 1); e == nil || !e.rangeW {
		return false
	}
	for k := i - 2; k >= max(p.first, i-4); k-- {
		if _, next, ok := amount.At(p.doc, k, p.last); ok && next > i {
			return true
		}
	}
	return false
}

// listed reports whether token i follows the last month found in a list
// (Oktober, November, dan Desember), joined by commas and conjunctions
// only.
func (p *parser) listed(i int) bool {
	if p.lastMonthEnd <= p.first || p.lastMonthEnd > i || p.lastMonth.y == 0 {
		return false
	}
	for k := p.lastMonthEnd; k < i; k++ {
		if w := p.text(k); w != "," && !equalFoldAny(w, listWords) {
			return false
		}
	}
	return true
}

// listWords join the items of a list.
var listWords = []string{"dan", "atau", "serta"}

// emitDate resolves the date read from tokens [i, end) and records it. A
// range's start takes what only its end says (the year of Januari-Agustus
// 2025, the week of Senin hingga Rabu pekan lalu), and a month in a list
// follows the one before it.
func (p *parser) emitDate(w when, i, end int) {
	d := Date{Start: p.toks[i].Start, End: p.toks[end-1].End}
	d.Text = p.doc.Text[d.Start:d.End]
	if w.to != nil && w.to.inWeek && !w.inWeek && w.d == 0 {
		w.inWeek, w.week = true, w.to.week // Senin hingga Rabu pekan lalu
	}
	if w.to != nil && w.y == 0 && w.to.y != 0 && !w.isRel {
		w.y = w.to.y // Januari-Agustus 2025, 30 Desember - 2 Januari 2025
		if w.to.m > 0 && (w.m > w.to.m || w.m == w.to.m && w.d > w.to.d) {
			w.y--
		}
	}
	if w.m > 0 && w.d == 0 && w.y == 0 && w.dir == dirNone && w.to == nil && !w.isRel && p.listed(i) {
		w.y = p.lastMonth.y // Oktober, November, dan Desember: one run of months
		if w.m < p.lastMonth.m {
			w.y++
		}
	}
	r := p.resolve(&w, i)
	d.Value, d.Granularity = r.value, r.gran
	if r.gran == Month && r.value != "" {
		p.lastMonth, p.lastMonthEnd = r.day, end
		if w.to != nil {
			p.lastMonth.m = w.to.m
		}
	}
	if w.to != nil {
		if w.to.noPub {
			r.value = ""
		}
		d.EndValue = p.resolveRange(r, w.to, i)
		if d.EndValue == "" {
			d.Value = ""
		}
	}
	p.dates = append(p.dates, d)
}
