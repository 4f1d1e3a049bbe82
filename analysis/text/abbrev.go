package text

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbrClass says how an abbreviation's period behaves at a possible
// sentence end; see data/abbreviations.txt.
type abbrClass uint8

const (
	abbrNone    abbrClass = iota
	abbrTitle             // dr., No., Jl.: never ends a sentence inside a line
	abbrFinal             // dll., Tbk., S.H.: ends one before an uppercase word
	abbrInitial           // R.B., P.: like title, but not from the list
)

var (
	//go:embed data/abbreviations.txt
	abbreviationsFile string
	//go:embed data/speech_verbs.txt
	speechVerbsFile string
	//go:embed data/designators.txt
	designatorsFile string
)

// maxAbbrLen bounds the lookup key; the longest entry is well under it.
const maxAbbrLen = 16

// lists are the package's word lists, parsed on first use (see Tables).
type lists struct {
	// abbreviations maps an ASCII-lowercased abbreviation (with its
	// periods) to its entry.
	abbreviations map[string]abbrEntry
	speechVerbs   map[string]bool
	designators   map[string]bool
	modals        map[string]ModalKind
}

var tables = NewTables(func() (*lists, error) {
	l := &lists{}
	var err error
	if l.abbreviations, err = parseAbbreviations(abbreviationsFile); err != nil {
		return nil, err
	}
	if l.speechVerbs, err = wordSet("text/data/speech_verbs.txt", speechVerbsFile); err != nil {
		return nil, err
	}
	if l.designators, err = wordSet("text/data/designators.txt", designatorsFile); err != nil {
		return nil, err
	}
	if l.modals, err = parseModals(modalsFile); err != nil {
		return nil, err
	}
	return l, nil
})

// Load parses the package's embedded word lists (abbreviations, speech
// verbs, designators, modals), once, and reports a malformed row; Tokenize and
// SplitSentences panic on one instead (see Tables).
func Load() error { return tables.Load() }

// wordSet reads an embedded list of one word a line.
func wordSet(file, data string) (map[string]bool, error) {
	m := make(map[string]bool)
	err := ReadTable(file, data, 1, func(f []string) error {
		if len(f) != 1 || strings.TrimSpace(f[0]) != f[0] {
			return fmt.Errorf("want one word, got %q", strings.Join(f, "\t"))
		}
		m[f[0]] = true
		return nil
	})
	return m, err
}

// abbrEntry is one line of abbreviations.txt.
type abbrEntry struct {
	form  string // as listed
	class abbrClass
}

// parseAbbreviations reads the embedded list: ABBR.<tab>CLASS a line.
func parseAbbreviations(data string) (map[string]abbrEntry, error) {
	m := make(map[string]abbrEntry)
	err := ReadTable("text/data/abbreviations.txt", data, 2, func(f []string) error {
		if len(f) != 2 || !strings.HasSuffix(f[0], ".") || len(f[0]) > maxAbbrLen {
			return fmt.Errorf("want ABBR.<tab>CLASS, got %q", strings.Join(f, "\t"))
		}
		abbr, class := f[0], f[1]
		switch class {
		case "title":
			m[strings.ToLower(abbr)] = abbrEntry{abbr, abbrTitle}
		case "final":
			m[strings.ToLower(abbr)] = abbrEntry{abbr, abbrFinal}
		default:
			return fmt.Errorf("unknown class %q", class)
		}
		return nil
	})
	return m, err
}

// lookupAbbrev returns the class of s (an abbreviation candidate ending in a
// period) without allocating: the key is lowercased into a stack buffer.
// Case is ignored (Kab., kab.) except that a run of capitals must be listed
// as such: MS. and KEL. at a sentence end are a suspect's initials or an
// acronym and a period, not Ms. or Kel. (kelurahan).
func lookupAbbrev(s string) abbrClass {
	if len(s) > maxAbbrLen {
		return abbrNone
	}
	var buf [maxAbbrLen]byte
	caps, maxCaps := 0, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return abbrNone // every entry is ASCII
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			caps++
			maxCaps = max(maxCaps, caps)
		} else {
			caps = 0
		}
		buf[i] = c
	}
	e, ok := tables.Get().abbreviations[string(buf[:len(s)])]
	if !ok || maxCaps >= 2 && e.form != s {
		return abbrNone
	}
	return e.class
}

// maxChain bounds the pieces of a dotted chain (S.I.Kom. has three).
const maxChain = 5

// abbrevAt looks for an abbreviation starting at p, a letter: a listed
// abbreviation (longest match over the dotted chain), a dotted acronym such
// as S.Pd.I. or U.S.A., or initials (R.B., P.). It returns the end of the
// abbreviation including its last period, or 0.
func abbrevAt(s string, p int) (int, abbrClass) {
	var ends, runes [maxChain]int
	n := 0
	for q := p; n < maxChain; {
		j, k := scanLetters(s, q)
		if k == 0 || j >= len(s) || s[j] != '.' {
			break
		}
		ends[n], runes[n] = j+1, k
		n++
		q = j + 1
	}
	if n == 0 {
		return 0, abbrNone
	}
	for k := n; k > 0; k-- {
		if c := lookupAbbrev(s[p:ends[k-1]]); c != abbrNone {
			return ends[k-1], c
		}
	}
	// Leading single capitals are initials: R.B.Sutomo. gives R.B.
	initials := 0
	start := p
	for initials < n && runes[initials] == 1 {
		r, _ := utf8.DecodeRuneInString(s[start:])
		if !unicode.IsUpper(r) {
			break
		}
		start = ends[initials]
		initials++
	}
	if initials == n {
		return ends[n-1], abbrInitial
	}
	if n >= 2 {
		short := true
		for _, k := range runes[:n] {
			short = short && k <= 3
		}
		if short {
			return ends[n-1], abbrFinal
		}
	}
	if initials > 0 {
		return ends[initials-1], abbrInitial
	}
	return 0, abbrNone
}

// scanLetters returns the end of the run of letters (and combining marks)
// starting at q and how many runes it holds.
func scanLetters(s string, q int) (int, int) {
	k := 0
	for q < len(s) {
		c := s[q]
		if c < utf8.RuneSelf {
			if asciiClass[c] != cLetter {
				break
			}
			q++
			k++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[q:])
		if !unicode.IsLetter(r) && !unicode.IsMark(r) {
			break
		}
		q += n
		k++
	}
	return q, k
}
