package timex

import (
	"strings"
	"time"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/text"
)

// parser holds the state of one Find call.
type parser struct {
	doc         *text.Document
	toks        []text.Token
	first, last int      // the current sentence's tokens
	ents        []*entry // the lexicon entry of each of its tokens, looked up once

	pub    time.Time
	hasPub bool
	pubDay civil

	// anchor is the last day the current paragraph named, the day of a
	// clock time written alone (pukul 16.00 WIB).
	anchor    civil
	hasAnchor bool

	// lastMonth is the month of the last month expression and
	// lastMonthEnd the token after it, for the months that follow it in a
	// list.
	lastMonth    civil
	lastMonthEnd int

	dates []Date
	durs  []Duration
}

// when is a date expression as written, before it is resolved: the fields
// the text gives, or an offset from the published date.
type when struct {
	y, m, d int // 0 when not written
	wd      int // weekday + 1; 0 when not written

	clock      bool
	hh, mi, ss int
	zone       zone

	isRel  bool
	rel    calUnit // calNone: hours, minutes or seconds (relSec)
	n      int     // offset in rel units
	relSec float64

	inWeek bool // a weekday in a week named after it (Rabu pekan lalu)
	week   int  // that week, from the published one

	dir   dir   // lalu, depan, ini written after a name
	to    *when // the end of a range
	noPub bool  // the year is relative (Oktober tahun lalu) and there is no published date
}

// gran is the granularity of what the expression says.
func (w *when) gran() Granularity {
	switch {
	case w.clock:
		return TimeOfDay
	case w.isRel:
		switch w.rel {
		case calDay:
			return Day
		case calWeek:
			return Week
		case calMonth:
			return Month
		case calYear:
			return Year
		}
		return TimeOfDay
	case w.d > 0 || w.wd > 0:
		return Day
	case w.m > 0:
		return Month
	}
	return Year
}

// date tries the date shapes at token i, most specific first, then extends
// a match over a range (Senin hingga Rabu) and a clock time right after a
// day (Senin (20/10/2025) pukul 14.30 WIB).
func (p *parser) date(i int) (when, int, bool) {
	w, end, ok := p.single(i)
	if !ok {
		return when{}, 0, false
	}
	if _, n := p.form(end, isRange); n > 0 && w.to == nil && w.gran() != TimeOfDay {
		if w2, end2, ok := p.single(end + n); ok && w2.gran() == w.gran() && w2.to == nil {
			w.to, end = &w2, end2
		}
	}
	if g := w.gran(); w.to == nil && g == Day {
		k := end
		if k < p.last && p.text(k) == "," {
			k++
		}
		if _, n := p.form(k, isClockWord); n == 0 {
			return w, end, true
		}
		if c, end2, ok := p.clock(k); ok && c.to == nil {
			w.clock, w.hh, w.mi, w.ss, w.zone = true, c.hh, c.mi, c.ss, c.zone
			end = end2
		}
	}
	return w, end, true
}

// single tries each date shape at token i.
func (p *parser) single(i int) (when, int, bool) {
	if i >= p.last {
		return when{}, 0, false
	}
	for _, m := range matchers {
		if w, end, ok := m(p, i); ok {
			return w, end, true
		}
	}
	return when{}, 0, false
}

var matchers = []func(*parser, int) (when, int, bool){
	(*parser).clock,
	(*parser).weekday,
	(*parser).dayMonth,
	(*parser).dateToken,
	(*parser).part,
	(*parser).month,
	(*parser).year,
	(*parser).unitRel,
	(*parser).relDay,
	(*parser).numRel,
}

// clock reads a clock time: pukul 14.30 WIB, jam 7 malam, pukul
// 15.30-18.00 WIB, or a time token with a zone (14.30 WIB). A clock word
// before a bare number (pukul 10) is required; so is a zone or a part of
// the day after a time without one.
func (p *parser) clock(i int) (when, int, bool) {
	j := i
	clockWord := p.lex(i) != nil && p.lex(i).clock
	if clockWord {
		j++
	}
	w, k, ok := p.timeAt(j, clockWord)
	if !ok {
		return when{}, 0, false
	}
	if _, n := p.form(k, isRange); n > 0 {
		e := k + n
		if _, m := p.form(e, isClockWord); m > 0 {
			e += m
		}
		if w2, k2, ok := p.timeAt(e, true); ok {
			if !w.zone.set {
				w.zone = w2.zone
			}
			w.to, k = &w2, k2
		}
	}
	if !clockWord && !w.zone.set && k == j+1 {
		return when{}, 0, false
	}
	return w, k, true
}

// timeAt reads a time at token j with the part of the day and the zone
// after it. A bare number counts only when bare is true (after pukul).
func (p *parser) timeAt(j int, bare bool) (when, int, bool) {
	if _, _, ok := amount.At(p.doc, j, p.last); ok || j >= p.last {
		return when{}, 0, false // pukul 10 persen: an amount
	}
	w := when{clock: true}
	switch p.toks[j].Kind {
	case text.Time:
		w.hh, w.mi, w.ss = parseClock(p.text(j))
	case text.Number:
		v, digits, ok := p.plainInt(j)
		if !bare || !ok || digits > 2 || v > 24 {
			return when{}, 0, false
		}
		w.hh = v
	default:
		return when{}, 0, false
	}
	if w.hh > 24 || w.mi > 59 || w.ss > 59 {
		return when{}, 0, false
	}
	k := j + 1
	if e, n := p.form(k, isDaypart); n > 0 {
		w.hh = adjustHour(w.hh, e.daypart)
		k += n
	}
	if e, n := p.form(k, isZone); n > 0 {
		w.zone = e.zone
		k += n
	}
	if w.hh == 24 {
		w.hh = 0 // pukul 24.00: midnight
	}
	return w, k, true
}

// adjustHour reads a twelve-hour clock with the part of the day: pukul 7
// malam is 19.00, pukul 1 siang 13.00, pukul 12 malam midnight.
func adjustHour(h int, dp daypart) int {
	if h > 12 {
		return h
	}
	switch dp {
	case dpNoon:
		if h < 11 {
			return h + 12
		}
	case dpPM:
		if h < 12 {
			return h + 12
		}
	case dpNight:
		if h == 12 {
			return 0
		}
		if h >= 6 {
			return h + 12
		}
	}
	return h
}

// weekday reads a day of the week: Rabu, hari Rabu, Rabu lalu, Rabu pekan
// lalu, Senin (20/10/2025), Selasa malam (23/9/2025), Senin, 20 Oktober
// 2025. The date in brackets or after a comma is what the day resolves to;
// the name helps to find its year. "minggu" in lower case is a week, and so
// is "Minggu" starting a sentence before lalu, depan or ini.
func (p *parser) weekday(i int) (when, int, bool) {
	j, hari := i, false
	if strings.EqualFold(p.text(i), "hari") {
		j, hari = i+1, true
	}
	e := p.lex(j)
	if e == nil || e.weekday == 0 {
		return when{}, 0, false
	}
	if e.weekday == 1 && !hari { // Minggu
		if !p.upper(j) {
			return when{}, 0, false
		}
		if _, n := p.form(j+1, isAfter); n > 0 && j == p.first {
			return when{}, 0, false
		}
	}
	w := when{wd: e.weekday}
	k := j + 1
	if _, n := p.form(k, isDaypart); n > 0 {
		if end := p.explicitDate(k+n, &w); end > 0 {
			k = end
		}
	} else if end := p.explicitDate(k, &w); end > 0 {
		k = end
	}
	if d, n := p.after(k); d != dirNone {
		w.dir, k = d, k+n
	} else if u, end, ok := p.unitRel(k); ok && u.rel == calWeek && w.d == 0 {
		w.week, w.inWeek, k = u.n, true, end // Rabu pekan lalu
	}
	return w, k, true
}

// explicitDate reads the date that follows a weekday name — (20/10/2025),
// (20 Oktober 2025), , 20 Oktober 2025 or 20 Oktober 2025 — into w and
// returns the token after it, or 0.
func (p *parser) explicitDate(k int, w *when) int {
	if k >= p.last {
		return 0
	}
	switch p.text(k) {
	case "(":
		if k+2 < p.last && p.toks[k+1].Kind == text.Date && p.text(k+2) == ")" {
			if d, ok := parseDateToken(p.text(k + 1)); ok {
				w.y, w.m, w.d = d.y, d.m, d.d
				return k + 3
			}
		}
		if d, end, ok := p.dayMonth(k + 1); ok && d.to == nil && end < p.last && p.text(end) == ")" {
			w.y, w.m, w.d = d.y, d.m, d.d
			return end + 1
		}
	case ",":
		if d, end, ok := p.dayMonth(k + 1); ok && d.to == nil {
			w.y, w.m, w.d = d.y, d.m, d.d
			return end
		}
	default:
		if d, end, ok := p.dayMonth(k); ok && d.to == nil {
			w.y, w.m, w.d = d.y, d.m, d.d
			return end
		}
	}
	return 0
}

// dayMonth reads a day and a month, with a year when given: 20 Oktober,
// 20 Oktober 2025, 1 Okt 2025, 20-22 Oktober 2025, 30 Desember 2024 - 2
// Januari 2025 is two dates joined by date().
func (p *parser) dayMonth(i int) (when, int, bool) {
	d, digits, ok := p.plainInt(i)
	if !ok || digits > 2 || d < 1 || d > 31 {
		return when{}, 0, false
	}
	k := i + 1
	d2 := 0
	if _, n := p.form(k, isRange); n > 0 {
		if v, digits, ok := p.plainInt(k + n); ok && digits <= 2 && v > d && v <= 31 {
			d2, k = v, k+n+1
		}
	}
	e := p.lex(k)
	if e == nil || e.month == 0 {
		return when{}, 0, false
	}
	w := when{m: e.month, d: d}
	k++
	if y, ok := p.yearNumber(k); ok {
		w.y = y
		k++
	}
	if d2 > 0 {
		w.to = &when{y: w.y, m: w.m, d: d2}
	} else if d, n := p.after(k); w.y == 0 && (d == dirPast || d == dirFuture) {
		w.dir, k = d, k+n
	}
	return w, k, true
}

// dateToken reads a date written in digits (20/10/2025, 2025-10-20). One
// without a year (20/10) counts only in brackets or after a word that
// introduces a date (tanggal, pada, sejak): elsewhere 3/4 may be a
// fraction or a score.
func (p *parser) dateToken(i int) (when, int, bool) {
	if p.toks[i].Kind != text.Date {
		return when{}, 0, false
	}
	d, ok := parseDateToken(p.text(i))
	if !ok {
		return when{}, 0, false
	}
	if d.y == 0 && !(i > p.first && (p.text(i-1) == "(" || equalFoldAny(p.text(i-1), dateIntros))) {
		return when{}, 0, false
	}
	w := when{y: d.y, m: d.m, d: d.d}
	k := i + 1
	if d, n := p.after(k); w.y == 0 && d == dirPast {
		w.dir, k = d, k+n
	}
	return w, k, true
}

// dateIntros are the words after which a day/month without a year is a
// date.
var dateIntros = []string{"tanggal", "tgl", "tgl.", "pada", "sejak", "hingga", "sampai", "mulai", "per", "s.d.", "s/d"}

// part reads a part of a period: awal Juni, akhir tahun ini, pertengahan
// tahun, akhir 2025, awal pekan depan. Without lalu, depan or ini, "tahun"
// and "bulan" are the published year and month; "akhir pekan" alone is a
// weekend in general and no date. After setiap or tiap it recurs and is no
// date either.
func (p *parser) part(i int) (when, int, bool) {
	e := p.lex(i)
	if e == nil || !e.part || p.generic(i) {
		return when{}, 0, false
	}
	k := i + 1
	for _, m := range [...]func(*parser, int) (when, int, bool){(*parser).month, (*parser).year, (*parser).unitRel} {
		if w, end, ok := m(p, k); ok {
			return w, end, true
		}
	}
	if u := p.lex(k); u != nil && u.isUnit && !u.one && (u.cal == calYear || u.cal == calMonth) {
		return when{isRel: true, rel: u.cal}, k + 1, true
	}
	return when{}, 0, false
}

// month reads a month: Oktober, bulan Oktober, Oktober 2025, Okt 2025,
// Oktober lalu. A month name counts when it is capitalised or follows
// "bulan"; an abbreviation needs a year.
func (p *parser) month(i int) (when, int, bool) {
	j, bulan := i, false
	if strings.EqualFold(p.text(i), "bulan") {
		j, bulan = i+1, true
	}
	e := p.lex(j)
	if e == nil || e.month == 0 || !bulan && !p.upper(j) {
		return when{}, 0, false
	}
	w := when{m: e.month}
	k := j + 1
	if y, ok := p.yearNumber(k); ok {
		w.y = y
		return w, k + 1, true
	}
	if e.abbr {
		return when{}, 0, false
	}
	if y, end, ok := p.unitRel(k); ok && y.rel == calYear {
		w.y, w.noPub = p.pubDay.y+y.n, !p.hasPub // Oktober tahun lalu
		return w, end, true
	}
	if d, n := p.after(k); d != dirNone {
		return when{m: e.month, dir: d}, k + n, true
	}
	if !bulan && p.inName(j) {
		return when{}, 0, false
	}
	return w, k, true
}

// inName reports whether the month name at token j, standing alone, is part
// of a person's name (Raja Juli Antoni, BI Juli Budi Winantya): a
// capitalised word before it that neither starts the sentence nor
// introduces a date, or one after it.
func (p *parser) inName(j int) bool {
	intro := j > p.first && equalFoldAny(p.text(j-1), dateIntros)
	if j-1 > p.first && p.toks[j-1].Kind == text.Word && p.upper(j-1) && !intro && p.lex(j-1) == nil {
		return true
	}
	return j+1 < p.last && p.toks[j+1].Kind == text.Word && p.upper(j+1) && p.lex(j+1) == nil && !intro
}

// year reads a year: tahun 1951, tahun anggaran 2025, or four digits from
// 1900 to 2100 standing alone (pada 2024, Pemilu 2024), which the amount
// stage never takes for a count. A year numbering a law (Nomor 1 Tahun
// 2023) is skipped by lawCitation; one after UUD, a number sign or a
// slash, or between other numbers, is an identifier.
func (p *parser) year(i int) (when, int, bool) {
	k := i
	if strings.EqualFold(p.text(i), "tahun") {
		if i > p.first && equalFoldAny(p.text(i-1), notYearBefore) {
			return when{}, 0, false // UUD Tahun 1945
		}
		k++
		if k < p.last && strings.EqualFold(p.text(k), "anggaran") {
			k++
		}
		y, ok := p.yearNumber(k)
		if !ok {
			return when{}, 0, false
		}
		return p.afterYear(when{y: y}, k+1)
	}
	v, digits, ok := p.plainInt(i)
	if !ok || digits != 4 || v < 1900 || v > 2100 {
		return when{}, 0, false
	}
	if i > p.first {
		prev := p.toks[i-1]
		// After "tahun" the year was refused as part of "tahun YEAR" (UUD
		// Tahun 1945).
		if prev.Kind == text.Number || prev.Kind == text.Symbol || equalFoldAny(p.text(i-1), notYearBefore) ||
			strings.EqualFold(p.text(i-1), "tahun") || prev.End == p.toks[i].Start && p.gluing(i-1) {
			return when{}, 0, false
		}
	}
	if i+1 < p.last && (p.toks[i+1].Kind == text.Number || p.toks[i+1].Start == p.toks[i].End && p.gluing(i+1)) {
		return when{}, 0, false
	}
	return p.afterYear(when{y: v}, i+1)
}

// gluing reports whether token k, written without a space next to a
// number, makes it part of something else (H/2025, 2025/2026, A2025); a
// bracket, a comma or a dash does not.
func (p *parser) gluing(k int) bool {
	t := p.toks[k]
	return t.Kind != text.Punct || p.text(k) == "/"
}

// notYearBefore are the words after which four digits are not a year.
var notYearBefore = []string{"uud", "nomor", "no", "no.", "nomer", "pasal", "ayat", "km", "kode", "pin", "rp", "rp.", "/"}

// afterYear takes a lalu, silam or ini written after a year into its span.
func (p *parser) afterYear(w when, k int) (when, int, bool) {
	if d, n := p.after(k); d != dirNone {
		k += n
	}
	return w, k, true
}

// after reads a word that places a name or a unit (lalu, depan, ini) at
// token k; "lagi", which places only a number of units, gives dirNone.
func (p *parser) after(k int) (dir, int) {
	e, n := p.form(k, isAfter)
	if n == 0 || e.after == dirLater {
		return dirNone, 0
	}
	return e.after, n
}

// unitRel reads a calendar unit placed by the word after it: hari ini,
// pekan lalu, minggu depan, bulan ini, tahun lalu, tahun mendatang.
func (p *parser) unitRel(i int) (when, int, bool) {
	e := p.lex(i)
	if e == nil || !e.isUnit || e.one || e.cal == calNone {
		return when{}, 0, false
	}
	d, n := p.after(i + 1)
	if d == dirNone || e.cal == calDay && d != dirThis || p.counted(i) {
		return when{}, 0, false
	}
	w := when{isRel: true, rel: e.cal}
	switch d {
	case dirPast:
		w.n = -1
	case dirFuture:
		w.n = 1
	}
	return w, i + 1 + n, true
}

// counted reports whether the unit at token i is counted by a vague word
// or a number: beberapa bulan lalu is no particular month, and dua hari
// lalu is read by numRel.
func (p *parser) counted(i int) bool {
	if i == p.first {
		return false
	}
	if equalFoldAny(p.text(i-1), quantifiers) {
		return true
	}
	_, ok := amount.ReadNumber(p.doc, i-1, p.last)
	return ok
}

// quantifiers are the vague words that count units (beberapa hari).
var quantifiers = []string{"beberapa", "sejumlah", "berapa", "banyak", "sekian", "berbagai"}

// relDay reads a day named relative to the published date: kemarin, besok,
// lusa, kemarin lusa, tadi pagi; with the date in brackets after it
// (kemarin (26/5)), that date.
func (p *parser) relDay(i int) (when, int, bool) {
	e, n := p.form(i, isDay)
	if n == 0 {
		return when{}, 0, false
	}
	w := when{isRel: true, rel: calDay, n: e.day}
	if k := i + n; k+2 < p.last && p.text(k) == "(" && p.toks[k+1].Kind == text.Date && p.text(k+2) == ")" {
		if d, ok := parseDateToken(p.text(k + 1)); ok {
			return when{y: d.y, m: d.m, d: d.d}, k + 3, true // kemarin (26/5): the date written
		}
	}
	return w, i + n, true
}

// numRel reads a number of units before or after the published date: dua
// hari lalu, tiga pekan yang lalu, sebulan lalu, dua tahun silam, tiga hari
// lagi. A number of units followed by mendatang or ke depan is a stretch of
// time (lima tahun mendatang), read as a duration instead.
func (p *parser) numRel(i int) (when, int, bool) {
	count, k := 1.0, i
	if e := p.lex(i); e != nil && e.isUnit && e.one {
		k = i
	} else {
		n, ok := amount.ReadNumber(p.doc, i, p.last)
		if !ok || n.Approximate || n.Value < 1 || n.Value != float64(int(n.Value)) || n.Value > 1000 {
			return when{}, 0, false
		}
		count, k = n.Value, n.Last
	}
	u := p.lex(k)
	if u == nil || !u.isUnit {
		return when{}, 0, false
	}
	a, n := p.form(k+1, isAfter)
	if n == 0 {
		return when{}, 0, false
	}
	sign := 0
	switch a.after {
	case dirPast:
		sign = -1
	case dirLater:
		sign = 1
	default:
		return when{}, 0, false
	}
	w := when{isRel: true, rel: u.cal, n: sign * int(count)}
	switch {
	case u.cal == calNone && u.seconds < 86400:
		w.relSec = float64(sign) * count * u.seconds
	case u.cal == calNone: // windu, dekade, abad: whole years
		w.rel, w.n = calYear, sign*int(count*u.seconds/31536000+0.5)
	}
	return w, k + 1 + n, true
}

// lawCitation returns the token after a law's number and year (UU Nomor 1
// Tahun 2023, PP 28 Tahun 2024), which is neither a duration nor a date of
// anything that happened, or 0.
func (p *parser) lawCitation(i int) int {
	if p.toks[i].Kind != text.Number || i+2 >= p.last || !strings.EqualFold(p.text(i+1), "tahun") {
		return 0
	}
	if _, ok := p.yearNumber(i + 2); !ok {
		return 0
	}
	return i + 3
}

// generic reports whether the word before token i makes a period recur
// (setiap akhir tahun).
func (p *parser) generic(i int) bool {
	e := p.lex(i - 1)
	return e != nil && e.generic
}

// duration reads a length of time: 1 jam 45 menit, setengah jam, tiga
// hari, sepekan, 1,5 tahun, satu jam setengah, 2-3 hari (the low end). It
// refuses vague numbers (beberapa hari, puluhan tahun), scaled ones (US$
// 80 miliar tahun ini) and a law's year (Nomor 1 Tahun 2023).
func (p *parser) duration(i int) (float64, int, bool) {
	total, k := 0.0, i
	prevUnit := 0.0 // each further part must be a smaller unit
	for k < p.last {
		count, next := 1.0, k
		if e := p.lex(k); e != nil && e.isUnit && e.one {
			next = k
		} else {
			n, ok := amount.ReadNumber(p.doc, k, p.last)
			if !ok || n.Approximate || n.Value <= 0 || n.Scale > 1 || amount.CurrencyBefore(p.doc, k) {
				break // 4,8 miliar tahun: a scaled number is money
			}
			count, next = n.Value, n.Last
			if _, m := p.form(next, isRange); m > 0 && k == i {
				if hi, ok := amount.ReadNumber(p.doc, next+m, p.last); ok && hi.Value > n.Value && !hi.Approximate {
					next = hi.Last // 2-3 hari: the low end
				}
			}
		}
		u := p.lex(next)
		if u == nil || !u.isUnit || u.one && next != k || prevUnit > 0 && u.seconds >= prevUnit {
			break // 4,8 miliar setahun: a se- form takes no number
		}
		if u.cal == calYear && next+1 < p.last {
			if _, ok := p.yearNumber(next + 1); ok {
				return 0, 0, false // Nomor 1 Tahun 2023
			}
		}
		total += count * u.seconds
		prevUnit, k = u.seconds, next+1
		if k < p.last && strings.EqualFold(p.text(k), "setengah") {
			total += u.seconds / 2 // satu jam setengah
			k++
		}
		if k+1 < p.last && strings.EqualFold(p.text(k), "dan") {
			if n, ok := amount.ReadNumber(p.doc, k+1, p.last); ok {
				if u2 := p.lex(n.Last); u2 != nil && u2.isUnit && u2.seconds < prevUnit {
					k++ // 2 jam dan 30 menit
				}
			}
		}
	}
	if k == i {
		return 0, 0, false
	}
	return total, k, true
}

// yearNumber reads four digits from 1000 to 2999 at token k: the year of a
// written date, unless they start an amount (1000 %).
func (p *parser) yearNumber(k int) (int, bool) {
	v, digits, ok := p.plainInt(k)
	if !ok || digits != 4 || v < 1000 || v >= 3000 {
		return 0, false
	}
	_, _, money := amount.At(p.doc, k, p.last)
	return v, !money
}

// plainInt reads a number token made of digits only; it returns the value
// (capped at a million) and the number of digits.
func (p *parser) plainInt(k int) (int, int, bool) {
	if k >= p.last || p.toks[k].Kind != text.Number {
		return 0, 0, false
	}
	s := p.text(k)
	v := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, 0, false
		}
		if v < 1e6 {
			v = v*10 + int(s[i]-'0')
		}
	}
	return v, len(s), true
}

// text returns the text of token i of the sentence, or "" past its ends,
// so that matchers may look ahead without checking.
func (p *parser) text(i int) string {
	if i < p.first || i >= p.last {
		return ""
	}
	t := p.toks[i]
	return p.doc.Text[t.Start:t.End]
}

// lex returns the lexicon entry of token i of the sentence, or nil.
func (p *parser) lex(i int) *entry {
	if i < p.first || i >= p.last {
		return nil
	}
	return p.ents[i-p.first]
}

// form returns the entry of the longest form at token i, one word or a
// phrase, that satisfies want, with the number of tokens it spans.
func (p *parser) form(i int, want func(*entry) bool) (*entry, int) {
	e := p.lex(i)
	if e == nil {
		return nil, 0
	}
	for _, ph := range e.phrases {
		if i+len(ph.rest) >= p.last || !want(ph.e) {
			continue
		}
		ok := true
		for k, w := range ph.rest {
			if !strings.EqualFold(p.text(i+1+k), w) {
				ok = false
				break
			}
		}
		if ok {
			return ph.e, 1 + len(ph.rest)
		}
	}
	if e.wordOnly || !want(e) {
		return nil, 0
	}
	return e, 1
}

func isAfter(e *entry) bool     { return e.after != dirNone }
func isRange(e *entry) bool     { return e.rangeW }
func isZone(e *entry) bool      { return e.zone.set }
func isDaypart(e *entry) bool   { return e.daypart != dpNone }
func isDay(e *entry) bool       { return e.hasDay }
func isClockWord(e *entry) bool { return e.clock }

// upper reports whether token i starts with a capital letter.
func (p *parser) upper(i int) bool {
	s := p.text(i)
	return s != "" && 'A' <= s[0] && s[0] <= 'Z'
}

func equalFoldAny(s string, list []string) bool {
	for _, w := range list {
		if strings.EqualFold(s, w) {
			return true
		}
	}
	return false
}

// parseClock reads a time token (14.30, 14:30, 14:30:05), which the
// tokeniser only makes of one or two digits and then groups of two.
func parseClock(s string) (h, m, sec int) {
	var v [3]int
	n := 0
	for i := 0; i < len(s) && n < 3; i++ {
		if c := s[i]; '0' <= c && c <= '9' {
			v[n] = v[n]*10 + int(c-'0')
		} else {
			n++
		}
	}
	return v[0], v[1], v[2]
}
