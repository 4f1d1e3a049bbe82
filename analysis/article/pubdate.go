package article

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// stamp is a publication date as a page gives it: a calendar date, maybe a
// time of day, maybe a zone. Without a zone, t is in UTC but means local
// time.
type stamp struct {
	t       time.Time
	hasTime bool
	hasZone bool
}

// Indonesian time zones, as printed after a time of day.
var (
	wib  = time.FixedZone("WIB", 7*3600)
	wita = time.FixedZone("WITA", 8*3600)
	wit  = time.FixedZone("WIT", 9*3600)
)

// machineLayouts are the forms of dates in page metadata, zone first.
var machineLayouts = []struct {
	layout string
	time   bool
	zone   bool
}{
	{time.RFC3339Nano, true, true},
	{"2006-01-02T15:04:05Z0700", true, true},
	{"2006-01-02T15:04:05.999999999Z0700", true, true},
	{"2006-01-02T15:04Z07:00", true, true},
	{"2006-01-02 15:04:05Z07:00", true, true},
	{"2006-01-02 15:04:05 Z07:00", true, true},
	{"2006-01-02 15:04:05 -0700", true, true},
	{time.RFC1123Z, true, true},
	{time.RFC1123, true, true},
	{"Mon, 2 Jan 2006 15:04:05 -0700", true, true},
	{"2006-01-02T15:04:05", true, false},
	{"2006-01-02T15:04:05.999999999", true, false},
	{"2006-01-02T15:04", true, false},
	{"2006-01-02 15:04:05", true, false},
	{"2006-01-02 15:04", true, false},
	{"2006/01/02 15:04:05", true, false},
	{"2006/01/02 15:04", true, false},
	{"2006-01-02", false, false},
	{"2006/01/02", false, false},
	{"20060102", false, false},
}

// parseMachineDate parses a date from metadata: ISO 8601 and its common
// variants, RFC 1123, "2025/10/20 16:42:13".
func parseMachineDate(s string) (stamp, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 8 || len(s) > 64 {
		return stamp{}, false
	}
	for _, l := range machineLayouts {
		if t, err := time.Parse(l.layout, s); err == nil {
			if t.Year() < 1990 || t.Year() > 2100 {
				return stamp{}, false
			}
			// A zone named but not known (RFC 1123 "WIB") parses as a
			// zero offset: treat it as no zone.
			zone := l.zone
			if name, off := t.Zone(); zone && off == 0 && name != "UTC" && name != "GMT" && name != "" && !strings.HasSuffix(s, "Z") && !strings.Contains(s, "+00") && !strings.Contains(s, "-00") {
				zone = false
			}
			return stamp{t: t, hasTime: l.time, hasZone: zone}, true
		}
	}
	return stamp{}, false
}

// monthNames maps the Indonesian and English names of months, full and
// short, to their number.
var monthNames = map[string]time.Month{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "peb": 2, "pebruari": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "august": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nop": 11, "nopember": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// Printed dates. A day, a month (named or numbered) and a year, then maybe a
// time within a few characters ("14:56", "14.56", "pukul 14:56") and a zone
// (WIB, WITA, WIT, GMT+7). "Oct 20, 2025" is the English order.
var (
	monthAlt = `(januari|january|jan|februari|pebruari|february|feb|peb|maret|mar|march|april|apr|mei|may|juni|june|jun|juli|july|jul|agustus|august|agu|agt|ags|aug|september|sept|sep|oktober|october|okt|oct|november|nopember|nov|nop|desember|december|des|dec)\.?`
	timeTail = `(?:\s*(?:[,|/·•\-–—]|pukul|jam|at)?\s*(?:pukul|jam)?\s*(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?(?:\s*(wib|wita|wit|gmt\s*[+-]\s*\d{1,2}(?::?00)?|utc\s*[+-]\s*\d{1,2}|utc|gmt)\b)?)?`
	// The patterns are compiled on first use: only pages need them.
	printedPatterns = sync.OnceValue(func() [3]*regexp.Regexp {
		return [3]*regexp.Regexp{
			regexp.MustCompile(`(?i)\b(\d{1,2})\s+` + monthAlt + `\s+(\d{4})\b` + timeTail),   // day month year
			regexp.MustCompile(`(?i)\b` + monthAlt + `\s+(\d{1,2}),?\s+(\d{4})\b` + timeTail), // month day, year
			regexp.MustCompile(`(?i)\b(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})\b` + timeTail),    // dd/mm/yyyy
		}
	})
)

// printedDate is a date found in running text.
type printedDate struct {
	stamp
	zone *time.Location // the zone printed, or nil
}

// findPrintedDate returns the first date printed in s, as Indonesian pages
// print them: "Kamis, 5 November 2015 14:56 WIB", "Senin, 20 Okt 2025 |
// 16:42 WITA", "21/10/2025, 14:56 WIB", and the English "October 20, 2025".
func findPrintedDate(s string) (printedDate, bool) {
	if len(s) > 400 || !hasYear(s) {
		return printedDate{}, false
	}
	best, bestAt := printedDate{}, -1
	try := func(re *regexp.Regexp, conv func(m []string) (int, time.Month, int, bool)) {
		m := re.FindStringSubmatchIndex(s)
		if m == nil || bestAt >= 0 && m[0] >= bestAt {
			return
		}
		sub := make([]string, len(m)/2)
		for i := range sub {
			if m[2*i] >= 0 {
				sub[i] = s[m[2*i]:m[2*i+1]]
			}
		}
		d, mon, y, ok := conv(sub)
		if !ok {
			return
		}
		p, ok := buildPrinted(y, mon, d, sub[4:])
		if ok {
			best, bestAt = p, m[0]
		}
	}
	pats := printedPatterns()
	if hasMonthName(s) {
		try(pats[0], func(m []string) (int, time.Month, int, bool) {
			d, _ := strconv.Atoi(m[1])
			y, _ := strconv.Atoi(m[3])
			return d, monthNames[strings.ToLower(m[2])], y, true
		})
		try(pats[1], func(m []string) (int, time.Month, int, bool) {
			d, _ := strconv.Atoi(m[2])
			y, _ := strconv.Atoi(m[3])
			return d, monthNames[strings.ToLower(m[1])], y, true
		})
	}
	try(pats[2], func(m []string) (int, time.Month, int, bool) {
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		return d, time.Month(mo), y, mo >= 1 && mo <= 12
	})
	return best, bestAt >= 0
}

// hasYear reports whether s holds four digits in a row starting 19 or 20,
// as every printed date does: most text is spared the date patterns.
func hasYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigit(s[i+2]) && isDigit(s[i+3]) &&
			(i == 0 || !isDigit(s[i-1])) && (i+4 == len(s) || !isDigit(s[i+4])) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// monthStems are the first three letters of every name in monthNames.
var monthStems = map[[3]byte]bool{}

func init() {
	for name := range monthNames {
		monthStems[[3]byte{name[0], name[1], name[2]}] = true
	}
}

// hasMonthName reports whether a word of s starts as a month's name does:
// the named-month patterns are spared the text without one.
func hasMonthName(s string) bool {
	for i := 0; i+3 <= len(s); i++ {
		if !isASCIILetter(s[i]) || i > 0 && isASCIILetter(s[i-1]) {
			continue
		}
		if monthStems[[3]byte{s[i] | 0x20, s[i+1] | 0x20, s[i+2] | 0x20}] {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

// buildPrinted makes a printedDate from its parts; tail holds the hour,
// minute, second, am/pm and zone groups of timeTail.
func buildPrinted(y int, mon time.Month, d int, tail []string) (printedDate, bool) {
	if mon == 0 || d < 1 || d > 31 || y < 1990 || y > 2100 {
		return printedDate{}, false
	}
	var p printedDate
	hour, minute, sec := 0, 0, 0
	if tail[0] != "" {
		hour, _ = strconv.Atoi(tail[0])
		minute, _ = strconv.Atoi(tail[1])
		sec, _ = strconv.Atoi(tail[2])
		switch strings.ToLower(strings.ReplaceAll(tail[3], ".", "")) {
		case "pm":
			if hour < 12 {
				hour += 12
			}
		case "am":
			if hour == 12 {
				hour = 0
			}
		}
		if hour > 23 || minute > 59 || sec > 59 {
			return printedDate{}, false
		}
		p.hasTime = true
		p.zone = zoneByName(tail[4])
	}
	loc := time.UTC
	if p.zone != nil {
		loc, p.hasZone = p.zone, true
	}
	p.t = time.Date(y, mon, d, hour, minute, sec, 0, loc)
	if p.t.Day() != d { // 31 November
		return printedDate{}, false
	}
	return p, true
}

// zoneByName returns the zone a printed name means: WIB, WITA, WIT, or a
// GMT or UTC offset; nil for none.
func zoneByName(name string) *time.Location {
	name = strings.ToLower(strings.Join(strings.Fields(name), ""))
	switch name {
	case "":
		return nil
	case "wib":
		return wib
	case "wita":
		return wita
	case "wit":
		return wit
	case "utc", "gmt":
		return time.UTC
	}
	sign := strings.IndexAny(name, "+-")
	if sign < 0 {
		return nil
	}
	num := strings.TrimSuffix(strings.TrimSuffix(name[sign+1:], "00"), ":")
	h, err := strconv.Atoi(num)
	if err != nil || h > 14 {
		return nil
	}
	if name[sign] == '-' {
		h = -h
	}
	return time.FixedZone(name, h*3600)
}

// format returns a stamp in the record's form: RFC 3339 in loc for a date
// and time (loc nil: the stamp's own zone), YYYY-MM-DD for a date alone or
// for a time whose zone is unknown.
func (s stamp) format(loc *time.Location) string {
	if !s.hasTime || !s.hasZone && loc == nil {
		return s.t.Format(time.DateOnly)
	}
	t := s.t
	if !s.hasZone {
		// Local time in an unknown zone: read its clock in loc.
		t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, loc)
	} else if loc != nil {
		t = t.In(loc)
	}
	return t.Format(time.RFC3339)
}
