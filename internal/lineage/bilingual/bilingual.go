// Package bilingual is a small general Indonesian–English word table, for
// telling which quote of an English report an Indonesian translation
// renders (lineage aligns quotes across languages). The table is trained
// by `warta train bilingual` from the parallel FLORES-200 sentences of
// SIB-200's train split (Train) and embedded from data/id-en.tsv.
//
// Words are compared by key: an Indonesian word by its root (analysis/stem:
// perbedaan gives beda), an English word lowered with a plural or verb
// ending taken off (differences gives difference, talks talk), so that the
// forms of one word share one entry.
package bilingual

import (
	_ "embed"
	"strings"
	"unicode"

	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
)

// Source names the parallel set the table is trained from, for its header.
const Source = "SIB-200 (FLORES-200 sentences, CC BY-SA 4.0) train split, eng_Latn and ind_Latn"

//go:embed data/id-en.tsv
var tableData string

// table maps an Indonesian key to the English keys it renders.
var table = func() map[string][]string {
	m := map[string][]string{}
	for _, row := range text.Rows(tableData) {
		if len(row) >= 2 {
			m[row[0]] = append(m[row[0]], row[1])
		}
	}
	return m
}()

// Renderings returns the English keys an Indonesian key is rendered by.
func Renderings(idKey string) []string { return table[idKey] }

// Size is the number of Indonesian keys in the table.
func Size() int { return len(table) }

// IndonesianKey is the key of an Indonesian word: lowered, its root.
func IndonesianKey(w string) string {
	return stem.Stem(strings.ToLower(w))
}

// EnglishKey is the key of an English word: lowered, without a possessive,
// a plural -s or -es, or -ing and -ed on a longer word.
func EnglishKey(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		return w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ied"), len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		return w[:len(w)-2]
	case len(w) > 4 && (strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:len(w)-1]
	}
	return w
}

// Words splits a text into its words: runs of letters and digits, with
// an apostrophe or hyphen inside a word kept (don't, Nord-Stream).
func Words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’' && r != '-'
	})
}
