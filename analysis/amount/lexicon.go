package amount

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis/text"
)

var (
	//go:embed data/numbers.tsv
	numbersFile string
	//go:embed data/currencies.tsv
	currenciesFile string
	//go:embed data/units.tsv
	unitsFile string
	//go:embed data/nouns.txt
	nounsFile string
)

// numKind is the part a number word plays; see data/numbers.tsv.
type numKind uint8

const (
	numNone numKind = iota
	numDigit
	numWhole
	numTeen
	numTens
	numHundreds
	numScale
	numScale1
	numMoneyScale
	numFraction
	numDenominator
	numVague
	numSign
)

var numKinds = map[string]numKind{
	"digit": numDigit, "whole": numWhole, "teen": numTeen, "tens": numTens,
	"hundreds": numHundreds, "scale": numScale, "scale1": numScale1,
	"mscale": numMoneyScale, "fraction": numFraction,
	"denominator": numDenominator, "vague": numVague, "sign": numSign,
}

// sense is what a form (one word or several) names when it follows a
// number: a currency, a unit of measure (% for percentages) or a counted
// noun. Exactly one of the three is set.
type sense struct {
	currency string // ISO 4217 code
	unit     string
	noun     string
	exact    bool // a one-letter unit: matches only in lower case
}

// phrase is a form of several words, kept under its first word.
type phrase struct {
	rest []string // the lower-case words after the first
	sense
}

// entry is everything the lexicon knows about one lower-case word.
type entry struct {
	num      numKind
	value    float64
	max      float64
	before   string // ISO code when the word is a currency written before the number
	after    sense  // what the word names alone after a number
	phrases  []phrase
	hasAfter bool
}

// lexicon is the lexicon of every word in data/, parsed on first use (see
// text.Tables).
var lexicon = text.NewTables(buildLexicon)

// Load parses the package's embedded tables, once, and reports a malformed
// row; Find panics on one instead (see text.Tables).
func Load() error { return lexicon.Load() }

func buildLexicon() (*text.Lexicon[*entry], error) {
	lex := make(map[string]*entry)
	get := func(w string) *entry {
		e := lex[w]
		if e == nil {
			e = &entry{}
			lex[w] = e
		}
		return e
	}
	err := text.ReadTable("amount/data/numbers.tsv", numbersFile, 3, func(f []string) error {
		e := get(f[0])
		if e.num = numKinds[f[1]]; e.num == numNone {
			return fmt.Errorf("unknown kind %q", f[1])
		}
		var err error
		if e.value, err = strconv.ParseFloat(f[2], 64); err != nil {
			return err
		}
		if len(f) > 3 {
			e.max, err = strconv.ParseFloat(f[3], 64)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	addSense := func(form string, s sense) {
		words := strings.Fields(form)
		e := get(words[0])
		if len(words) == 1 {
			e.after, e.hasAfter = s, true
			return
		}
		e.phrases = append(e.phrases, phrase{rest: words[1:], sense: s})
	}
	err = text.ReadTable("amount/data/currencies.tsv", currenciesFile, 3, func(f []string) error {
		switch f[2] {
		case "before":
			get(f[0]).before = f[1]
		case "after":
			addSense(f[0], sense{currency: f[1]})
		case "both":
			get(f[0]).before = f[1]
			addSense(f[0], sense{currency: f[1]})
		default:
			return fmt.Errorf("unknown position %q", f[2])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = text.ReadTable("amount/data/units.tsv", unitsFile, 2, func(f []string) error {
		addSense(strings.ToLower(f[0]), sense{unit: f[1], exact: len(f[0]) == 1})
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A noun list has one field a line, which may hold spaces.
	err = text.ReadTable("amount/data/nouns.txt", nounsFile, 1, func(f []string) error {
		addSense(strings.ToLower(f[0]), sense{noun: f[0]})
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, e := range lex {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].rest) > len(e.phrases[j].rest) })
	}
	return text.NewLexicon(lex), nil
}

// lookup returns the lexicon entry of a token, ignoring ASCII case and a
// period the tokeniser kept on a short word (T., km.), or nil. It does not
// allocate: the key is built on the stack.
func lookup(tok string) *entry {
	if e := lookupExact(tok); e != nil || len(tok) < 2 || tok[len(tok)-1] != '.' {
		return e
	}
	return lookupExact(tok[:len(tok)-1])
}

func lookupExact(tok string) *entry {
	e, _ := lexicon.Get().Get(tok)
	return e
}
