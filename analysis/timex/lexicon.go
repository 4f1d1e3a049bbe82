package timex

import (
	"cmp"
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

// lexicon is the lexicon of every form in data/, parsed on first use (see
// text.Tables).
var lexicon = text.NewTables(buildLexicon)

// Load parses the package's embedded tables, once, and reports a malformed
// row; Find panics on one instead (see text.Tables).
func Load() error { return lexicon.Load() }

func buildLexicon() (*text.Lexicon[*entry], error) {
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
	err := text.ReadTable("timex/data/calendar.tsv", calendarFile, 3, func(f []string) error {
		v, err := strconv.Atoi(f[2])
		if err != nil {
			return err
		}
		e := get(f[0])
		switch f[1] {
		case "month":
			e.month = v
			e.abbr = len(f) > 3 && f[3] == "abbr"
		case "weekday":
			e.weekday = v + 1
		default:
			return fmt.Errorf("unknown class %q", f[1])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	cals := map[string]calUnit{"-": calNone, "day": calDay, "week": calWeek, "month": calMonth, "year": calYear}
	err = text.ReadTable("timex/data/units.tsv", unitsFile, 3, func(f []string) error {
		sec, err := strconv.ParseFloat(f[1], 64)
		cal, ok := cals[f[2]]
		if err != nil || !ok {
			return fmt.Errorf("bad row %q", f)
		}
		e := get(f[0])
		e.isUnit, e.seconds, e.cal, e.one = true, sec, cal, len(f) > 3 && f[3] == "1"
		return nil
	})
	if err != nil {
		return nil, err
	}
	dirs := map[string]dir{"past": dirPast, "future": dirFuture, "this": dirThis, "later": dirLater}
	dayparts := map[string]daypart{"am": dpAM, "noon": dpNoon, "pm": dpPM, "night": dpNight}
	err = text.ReadTable("timex/data/words.tsv", wordsFile, 2, func(f []string) error {
		e := get(f[0])
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		var err error
		switch f[1] {
		case "day":
			e.hasDay = true
			e.day, err = strconv.Atoi(val)
		case "after":
			e.after = dirs[val]
		case "part":
			e.part = true
		case "tense":
			e.tense = dirs[val]
		case "zone":
			e.zone, err = parseZone(val)
		case "daypart":
			e.daypart = dayparts[val]
		case "clock":
			e.clock = true
		case "range":
			e.rangeW = true
		case "generic":
			e.generic = true
		default:
			return fmt.Errorf("unknown class %q", f[1])
		}
		if err != nil {
			return err
		}
		if (f[1] == "after" || f[1] == "tense") && dirs[val] == dirNone || f[1] == "daypart" && e.daypart == dpNone {
			return fmt.Errorf("bad value in %q", f)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, e := range lex {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].rest) > len(e.phrases[j].rest) })
		e.starts = !e.wordOnly && (e.month > 0 || e.weekday > 0 || e.isUnit || e.part || e.hasDay || e.clock)
		for _, p := range e.phrases {
			e.starts = e.starts || p.e.hasDay // tadi pagi
		}
	}
	return text.NewLexicon(lex), nil
}

func parseZone(s string) (zone, error) {
	if s == "local" {
		return zone{set: true, local: true}, nil
	}
	if len(s) != 6 || s[0] != '+' && s[0] != '-' || s[3] != ':' {
		return zone{}, fmt.Errorf("bad zone %q", s)
	}
	h, err1 := strconv.Atoi(s[1:3])
	m, err2 := strconv.Atoi(s[4:6])
	if err := cmp.Or(err1, err2); err != nil {
		return zone{}, fmt.Errorf("bad zone %q", s)
	}
	off := (h*60 + m) * 60
	if s[0] == '-' {
		off = -off
	}
	return zone{set: true, offset: off}, nil
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
	e, _ := lexicon.Get().Get(tok)
	return e
}
