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

var lexicon = text.NewLexicon(buildLexicon())

func buildLexicon() map[string]*entry {
	lex := make(map[string]*entry)
	get := func(w string) *entry {
		e := lex[w]
		if e == nil {
			e = &entry{}
			lex[w] = e
		}
		return e
	}
	for _, f := range dataRows("numbers.tsv", numbersFile, 3) {
		e := get(f[0])
		e.num = numKinds[f[1]]
		if e.num == numNone {
			panic(fmt.Sprintf("amount: numbers.tsv: unknown kind %q", f[1]))
		}
		e.value = parseFloat("numbers.tsv", f[2])
		if len(f) > 3 {
			e.max = parseFloat("numbers.tsv", f[3])
		}
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
	for _, f := range dataRows("currencies.tsv", currenciesFile, 3) {
		switch f[2] {
		case "before":
			get(f[0]).before = f[1]
		case "after":
			addSense(f[0], sense{currency: f[1]})
		case "both":
			get(f[0]).before = f[1]
			addSense(f[0], sense{currency: f[1]})
		default:
			panic(fmt.Sprintf("amount: currencies.tsv: unknown position %q", f[2]))
		}
	}
	for _, f := range dataRows("units.tsv", unitsFile, 2) {
		addSense(strings.ToLower(f[0]), sense{unit: f[1], exact: len(f[0]) == 1})
	}
	for _, f := range dataRows("nouns.txt", nounsFile, 1) {
		addSense(strings.ToLower(f[0]), sense{noun: f[0]})
	}
	for _, e := range lex {
		sort.SliceStable(e.phrases, func(i, j int) bool { return len(e.phrases[i].rest) > len(e.phrases[j].rest) })
	}
	return lex
}

// dataRows splits an embedded file into rows of tab-separated fields,
// skipping blank lines and # comments. A noun list has one field a line,
// which may hold spaces. A malformed row is a defect of the shipped data,
// caught by the package tests, so it panics.
func dataRows(name, data string, min int) [][]string {
	var rows [][]string
	for _, f := range text.Rows(data) {
		if len(f) < min {
			panic(fmt.Sprintf("amount: %s: want %d fields: %q", name, min, strings.Join(f, "\t")))
		}
		rows = append(rows, f)
	}
	return rows
}

func parseFloat(name, s string) float64 {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(fmt.Sprintf("amount: %s: %v", name, err))
	}
	return v
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
	e, _ := lexicon.Get(tok)
	return e
}
