package timex

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

var (
	//go:embed data/calendar.tsv
	calendarFile string
	//go:embed data/units.tsv
	unitsFile string
	//go:embed data/words.tsv
	wordsFile string
)

// dir is where a word places a date: before the published date, after it,
// or in the same period.
type dir uint8

const (
	dirNone dir = iota
	dirPast
	dirFuture
	dirThis
	dirLater // lagi: only after a number of units
)

// calUnit is the calendar unit a time unit counts in for relative dates.
type calUnit uint8

const (
	calNone calUnit = iota // shorter than a day or longer than a year
	calDay
	calWeek
	calMonth
	calYear
)

// daypart is a part of the day after a clock time.
type daypart uint8

const (
	dpNone daypart = iota
	dpAM
	dpNoon
	dpPM
	dpNight
)

// zone is a time zone written after a clock time.
type zone struct {
	set    bool
	local  bool // waktu setempat: the text gives no offset
	offset int  // seconds east of UTC
}

// entry is everything the lexicon knows about one form (a word, or a
// phrase of several).
type entry struct {
	month    int // 1-12
	abbr     bool
	weekday  int // weekday + 1; 0 for none
	seconds  float64
	cal      calUnit
	one      bool // a se- form: sehari is one day
	hasDay   bool
	day      int // days from the published date (kemarin: -1)
	after    dir
	part     bool
	tense    dir
	zone     zone
	daypart  daypart
	clock    bool
	rangeW   bool
	generic  bool
	isUnit   bool
	phrases  []phrase // forms of several words that start with this one, longest first
	wordOnly bool     // the entry exists only to hold phrases
	starts   bool     // a date or a duration may start with this word
}

type phrase struct {
	rest []string
	e    *entry
}

var lexicon = text.NewLexicon(buildLexicon())

func buildLexicon() map[string]*entry {
	lex := make(map[string]*entry)
	get := func(form string) *entry {
		words := strings.Fields(form)
		first := lex[words[0]]
		if first == nil {
			first = &entry{wordOnly: len(words) > 1}
			lex[words[0]] = first
		}
		if len(words) == 1 {
			first.wordOnly = false
			return first
		}
		for _, p := range first.phrases {
			if strings.Join(p.rest, " ") == strings.Join(words[1:], " ") {
				return p.e
			}
		}
		e := &entry{}
		first.phrases = append(first.phrases, phrase{rest: words[1:], e: e})
		return e
	}
	for _, f := range rows("calendar.tsv", calendarFile, 3) {
		e, v := get(f[0]), atoi("calendar.tsv", f[2])
		switch f[1] {
		case "month":
			e.month = v
			e.abbr = len(f) > 3 && f[3] == "abbr"
		case "weekday":
			e.weekday = v + 1
		default:
			panic(fmt.Sprintf("timex: calendar.tsv: unknown class %q", f[1]))
		}
	}
	cals := map[string]calUnit{"-": calNone, "day": calDay, "week": calWeek, "month": calMonth, "year": calYear}
	for _, f := range rows("units.tsv", unitsFile, 3) {
		e := get(f[0])
		sec, err := strconv.ParseFloat(f[1], 64)
		cal, ok := cals[f[2]]
		if err != nil || !ok {
			panic(fmt.Sprintf("timex: units.tsv: bad row %q", f))
		}
		e.isUnit, e.seconds, e.cal, e.one = true, sec, cal, len(f) > 3 && f[3] == "1"
	}
	dirs := map[string]dir{"past": dirPast, "future": dirFuture, "this": dirThis, "later": dirLater}
	dayparts := map[string]daypart{"am": dpAM, "noon": dpNoon, "pm": dpPM, "night": dpNight}
	for _, f := range rows("words.tsv", wordsFile, 2) {
		e := get(f[0])
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		switch f[1] {
		case "day":
			e.hasDay, e.day = true, atoi("words.tsv", val)
		case "after":
			e.after = dirs[val]
		case "part":
			e.part = true
		case "tense":
			e.tense = dirs[val]
		case "zone":
			e.zone = parseZone(val)
		case "daypart":
			e.daypart = dayparts[val]
		case "clock":
			e.clock = true
		case "range":
			e.rangeW = true
		case "generic":
			e.generic = true
		default:
			panic(fmt.Sprintf("timex: words.tsv: unknown class %q", f[1]))
		}
		if (f[1] == "after" || f[1] == "tense") && dirs[val] == dirNone || f[1] == "daypart" && e.daypart == dpNone {
			panic(fmt.Sprintf("timex: words.tsv: bad value in %q", f))
		}
	}
	for _, e := range lex {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].rest) > len(e.phrases[j].rest) })
		e.starts = !e.wordOnly && (e.month > 0 || e.weekday > 0 || e.isUnit || e.part || e.hasDay || e.clock)
		for _, p := range e.phrases {
			e.starts = e.starts || p.e.hasDay // tadi pagi
		}
	}
	return lex
}

func parseZone(s string) zone {
	if s == "local" {
		return zone{set: true, local: true}
	}
	if len(s) != 6 || s[0] != '+' && s[0] != '-' || s[3] != ':' {
		panic(fmt.Sprintf("timex: words.tsv: bad zone %q", s))
	}
	off := (atoi("words.tsv", s[1:3])*60 + atoi("words.tsv", s[4:6])) * 60
	if s[0] == '-' {
		off = -off
	}
	return zone{set: true, offset: off}
}

// rows splits an embedded table into tab-separated fields, skipping blank
// lines and # comments. A malformed row is a defect of the shipped data,
// caught by the package tests, so it panics.
func rows(name, data string, min int) [][]string {
	var out [][]string
	for _, f := range text.Rows(data) {
		for len(f) > min && f[len(f)-1] == "" {
			f = f[:len(f)-1]
		}
		if len(f) < min {
			panic(fmt.Sprintf("timex: %s: want %d fields: %q", name, min, strings.Join(f, "\t")))
		}
		out = append(out, f)
	}
	return out
}

func atoi(name, s string) int {
	v, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("timex: %s: %v", name, err))
	}
	return v
}

// lookup returns the lexicon entry of one token, ignoring ASCII case and a
// final period (Okt., Sept.), or nil. It does not allocate.
func lookup(tok string) *entry {
	if len(tok) > 1 && tok[len(tok)-1] == '.' {
		if e := lookupExact(tok); e != nil {
			return e // s.d., pk.
		}
		tok = tok[:len(tok)-1]
	}
	return lookupExact(tok)
}

func lookupExact(tok string) *entry {
	e, _ := lexicon.Get(tok)
	return e
}
