package timex

import (
	"fmt"
	"time"
)

// civil is a calendar day.
type civil struct{ y, m, d int }

func (c civil) time() time.Time { return time.Date(c.y, time.Month(c.m), c.d, 0, 0, 0, 0, time.UTC) }

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return civil{y, int(m), d}
}

func (c civil) addDays(n int) civil { return civilOf(c.time().AddDate(0, 0, n)) }

func (c civil) before(o civil) bool {
	return c.y < o.y || c.y == o.y && (c.m < o.m || c.m == o.m && c.d < o.d)
}

func (c civil) weekday() int { return int(c.time().Weekday()) }

// valid reports whether the day exists (no 31 September).
func (c civil) valid() bool {
	return c.m >= 1 && c.m <= 12 && c.d >= 1 && c.d <= 31 && civilOf(c.time()) == c
}

// resolved is a resolved date: its value and, for the end of a range, the
// year, month and day it fell on.
type resolved struct {
	value string
	gran  Granularity
	day   civil // the day, or the year and month with d = 0
}

// resolve gives the ISO 8601 value of w at its granularity; the value is
// "" when w needs a published date that is unknown or names a day that
// does not exist. at is the token where the expression starts, for the
// tense of its sentence.
func (p *parser) resolve(w *when, at int) resolved {
	r := resolved{gran: w.gran()}
	if w.noPub {
		return r
	}
	switch {
	case w.isRel && w.rel == calNone:
		r.value = p.resolveAgo(w)
		return r
	case w.isRel:
		if !p.hasPub {
			return r
		}
		switch w.rel {
		case calDay:
			r.day = p.pubDay.addDays(w.n)
		case calWeek:
			r.day = p.pubDay.addDays(7 * w.n)
			r.value = isoWeek(r.day)
			return r
		case calMonth:
			t := time.Date(p.pubDay.y, time.Month(p.pubDay.m+w.n), 1, 0, 0, 0, 0, time.UTC)
			r.day = civil{t.Year(), int(t.Month()), 0}
			r.value = formatMonth(r.day)
			return r
		case calYear:
			r.day = civil{p.pubDay.y + w.n, 0, 0}
			r.value = formatYear(r.day.y)
			return r
		}
	case w.d > 0:
		r.day = civil{w.y, w.m, w.d}
		if w.y == 0 {
			var ok bool
			if r.day, ok = p.yearOf(w, at); !ok {
				return r
			}
		}
		if !r.day.valid() {
			return r
		}
	case w.wd > 0:
		if !p.hasPub {
			return r
		}
		r.day = p.weekdayOf(w, at)
	case w.m > 0:
		r.day = civil{w.y, w.m, 0}
		if w.y == 0 {
			if !p.hasPub {
				return r
			}
			r.day.y = p.monthYear(w, at)
		}
		r.value = formatMonth(r.day)
		return r
	case w.clock:
		switch {
		case p.hasAnchor:
			r.day = p.anchor
		case p.hasPub:
			r.day = p.pubDay
		default:
			return r
		}
	default:
		r.day = civil{w.y, 0, 0}
		r.value = formatYear(w.y)
		return r
	}
	if !w.clock || w.d > 0 || w.wd > 0 || w.isRel {
		p.anchor, p.hasAnchor = r.day, true
	}
	if w.clock {
		r.value = p.formatTime(r.day, w)
	} else {
		r.value = formatDay(r.day)
	}
	return r
}

// resolveRange resolves the end of a range from its start: a weekday is
// the first one on or after the start (Senin hingga Rabu), a day or month
// without a year takes the start's year, or the next one when it would
// come before the start (30 Desember hingga 2 Januari).
func (p *parser) resolveRange(start resolved, to *when, at int) string {
	s := start.day
	switch {
	case start.value == "":
		return ""
	case to.wd > 0 && to.d == 0 && !to.isRel && start.gran == Day:
		return formatDay(s.addDays((to.wd - 1 - s.weekday() + 7) % 7))
	case to.d > 0 && to.y == 0 && !to.clock && s.y > 0:
		e := civil{s.y, to.m, to.d}
		if e.before(s) {
			e.y++
		}
		if !e.valid() {
			return ""
		}
		return formatDay(e)
	case to.m > 0 && to.d == 0 && to.y == 0 && s.y > 0:
		e := civil{s.y, to.m, 0}
		if to.m < s.m {
			e.y++
		}
		return formatMonth(e)
	case to.clock && s.y > 0 && s.d > 0:
		return p.formatTime(s, to)
	}
	return p.resolve(to, at).value
}

// monthYear finds the year of a month named without one: the published
// year when the month is on or before the published month, else the year
// before; looking forward (depan, akan), the published year when the
// month is on or after it, else the year after.
func (p *parser) monthYear(w *when, at int) int {
	y := p.pubDay.y
	switch p.direction(w, at) {
	case dirFuture:
		if w.m < p.pubDay.m {
			y++
		}
	case dirThis:
	default:
		if w.m > p.pubDay.m {
			y--
		}
	}
	return y
}

// resolveAgo resolves a number of hours, minutes or seconds before or after
// the published time (tiga jam lalu). A date-only published date has no
// time to count from.
func (p *parser) resolveAgo(w *when) string {
	if !p.hasPub || p.pub.Hour() == 0 && p.pub.Minute() == 0 && p.pub.Second() == 0 {
		return ""
	}
	return p.pub.Add(time.Duration(w.relSec * float64(time.Second))).Format(time.RFC3339)
}

// yearOf finds the year of a day and month written without one: the year
// in which the weekday named with it falls on that day, else the one
// nearest the published date, or the nearest before or after it when the
// words or the tense say so.
func (p *parser) yearOf(w *when, at int) (civil, bool) {
	if !p.hasPub {
		return civil{}, false
	}
	var best civil
	found := false
	dist := func(c civil) int {
		d := int(c.time().Sub(p.pubDay.time()).Hours() / 24)
		if d < 0 {
			return -d
		}
		return d
	}
	pick := func(ok func(civil) bool) bool {
		for y := p.pubDay.y - 1; y <= p.pubDay.y+1; y++ {
			c := civil{y, w.m, w.d}
			if c.valid() && ok(c) && (!found || dist(c) < dist(best)) {
				best, found = c, true
			}
		}
		return found
	}
	if w.wd > 0 && pick(func(c civil) bool { return c.weekday() == w.wd-1 }) {
		return best, true
	}
	switch p.direction(w, at) {
	case dirFuture:
		pick(func(c civil) bool { return !c.before(p.pubDay) })
	case dirPast:
		pick(func(c civil) bool { return !p.pubDay.before(c) })
	}
	if !found {
		pick(func(civil) bool { return true })
	}
	return best, found
}

// weekdayOf resolves a day of the week: the nearest one on or before the
// published date; strictly before it for lalu and kemarin, strictly after
// for depan and mendatang, in the same week (Monday to Sunday) for ini or
// in the week named (Rabu pekan lalu), and on or after it when the
// sentence looks forward (akan).
func (p *parser) weekdayOf(w *when, at int) civil {
	want, pub := w.wd-1, p.pubDay.weekday()
	back, ahead := (pub-want+7)%7, (want-pub+7)%7
	switch p.direction(w, at) {
	case dirPast:
		if back == 0 {
			back = 7
		}
		return p.pubDay.addDays(-back)
	case dirFuture:
		if w.dir == dirFuture && ahead == 0 {
			ahead = 7
		}
		return p.pubDay.addDays(ahead)
	case dirThis:
		return p.pubDay.addDays(monday(want) - monday(pub) + 7*w.week)
	}
	return p.pubDay.addDays(-back)
}

// monday numbers the days of the week from Monday (0) to Sunday (6).
func monday(weekday int) int { return (weekday + 6) % 7 }

// direction is where the words after a name (lalu, depan, ini) or else the
// tense of its sentence place it.
func (p *parser) direction(w *when, at int) dir {
	if w.inWeek {
		return dirThis
	}
	if w.dir != dirNone {
		return w.dir
	}
	return p.tense(at)
}

// tense reads the sentence backwards from token at for the nearest word
// that marks it as looking forward (akan, dijadwalkan) or back (telah,
// sejak).
func (p *parser) tense(at int) dir {
	for k := at - 1; k >= p.first; k-- {
		if e := p.lex(k); e != nil && e.tense != dirNone {
			return e.tense
		}
	}
	return dirNone
}

func (p *parser) formatTime(day civil, w *when) string {
	t := time.Date(day.y, time.Month(day.m), day.d, w.hh, w.mi, w.ss, 0, time.UTC)
	switch {
	case w.zone.local:
		return t.Format("2006-01-02T15:04:05")
	case w.zone.set:
		return time.Date(day.y, time.Month(day.m), day.d, w.hh, w.mi, w.ss, 0, time.FixedZone("", w.zone.offset)).Format(time.RFC3339)
	case p.hasPub:
		return time.Date(day.y, time.Month(day.m), day.d, w.hh, w.mi, w.ss, 0, p.pub.Location()).Format(time.RFC3339)
	}
	return time.Date(day.y, time.Month(day.m), day.d, w.hh, w.mi, w.ss, 0, wib).Format(time.RFC3339)
}

// wib is Western Indonesian Time, the zone taken for a time written without
// one when the published date gives none either.
var wib = time.FixedZone("WIB", 7*3600)

func formatYear(y int) string {
	if y < 0 || y > 9999 {
		return ""
	}
	return fmt.Sprintf("%04d", y)
}

func formatMonth(c civil) string {
	if c.y < 0 || c.y > 9999 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d", c.y, c.m)
}

func formatDay(c civil) string {
	if c.y < 0 || c.y > 9999 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", c.y, c.m, c.d)
}

func isoWeek(c civil) string {
	y, wk := c.time().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, wk)
}

// parseDateToken reads a date token as the tokeniser makes them: 20/10/2025,
// 20/10/25, 20/10, 20-10-2025, 20.10.2025 or 2025-10-20. A two-digit year
// is in this century. The year is 0 when not written.
func parseDateToken(s string) (civil, bool) {
	var v [3]int
	var digits [3]int
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if '0' <= c && c <= '9' {
			if digits[n] < 4 {
				v[n] = v[n]*10 + int(c-'0')
			}
			digits[n]++
			continue
		}
		if n == 2 {
			return civil{}, false
		}
		n++
	}
	var c civil
	switch {
	case n == 1:
		c = civil{0, v[1], v[0]}
	case n == 2 && digits[0] == 4:
		c = civil{v[0], v[1], v[2]}
	case n == 2 && digits[2] == 2:
		c = civil{2000 + v[2], v[1], v[0]}
	case n == 2 && digits[2] == 4:
		c = civil{v[2], v[1], v[0]}
	default:
		return civil{}, false
	}
	if c.m < 1 || c.m > 12 || c.d < 1 || c.d > 31 {
		return civil{}, false
	}
	return c, true
}
