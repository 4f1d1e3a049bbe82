package eval

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/warta-news/warta/analysis/stem"
)

// StemScore is how stem.Stem agrees with one gold set of word → root pairs.
type StemScore struct {
	Set    string // "sastrawi" or "ud-csui"
	Subset string // for sastrawi, "functional" or "integration" tests; "" for all
	Split  string // "test" (reported only) or "train" (the root list's source, tuned on)
	// Unit is "types" (one row of the gold file each) or "tokens" (rows
	// weighted by how often the form occurs in the treebank).
	Unit           string
	Total, Correct int

	// KeptWhole counts misses on nouns whose UD lemma is the form itself
	// while the stemmer reduces it (pembangunan → bangun; Keuangan in a
	// ministry's name): UD's convention for some derived nouns and title
	// words, a known difference from a stemmer built for search.
	KeptWhole int
	// Whole counts misses where the stemmer returned the word whole and the
	// gold is another word: a root missing from the dictionary, or a word
	// kept whole on purpose (pemerintah).
	Whole int

	Misses []StemMiss
}

// StemMiss is one disagreement; Count is its weight in the score.
type StemMiss struct {
	Word, Gold, Got, UPOS string
	Count                 int
}

// Accuracy is Correct/Total (1 when the set is empty).
func (s StemScore) Accuracy() float64 { return ratio(s.Correct, s.Total) }

// AccuracyKeptWhole counts the KeptWhole misses as agreements.
func (s StemScore) AccuracyKeptWhole() float64 { return ratio(s.Correct+s.KeptWhole, s.Total) }

const (
	sastrawiFile = "stemmer_gold_pairs_from_tests.tsv"
	udPairsFile  = "ud_csui_form_lemma_pairs.tsv"
)

// Stem scores stem.Stem on the gold pairs under dir (../shared/data/stem):
// Sastrawi's test pairs (by type), then the test and train rows of the UD
// Indonesian-CSUI form → lemma pairs (by token and by type). The root list
// is built from CSUI train, so only the test rows and Sastrawi's pairs
// measure the stemmer; the train rows show how far it fits its source.
func Stem(dir string) ([]StemScore, error) {
	sastrawi, err := readStemPairs(filepath.Join(dir, sastrawiFile), sastrawiRow)
	if err != nil {
		return nil, fmt.Errorf("eval: stem: %w", err)
	}
	ud, err := readStemPairs(filepath.Join(dir, udPairsFile), udRow)
	if err != nil {
		return nil, fmt.Errorf("eval: stem: %w", err)
	}
	scores := []StemScore{scoreStem("sastrawi", "test", "types", sastrawi)}
	// Sastrawi's functional tests check its rules against a restricted
	// dictionary of their own, its integration tests run with its full
	// dictionary: scored apart as well as together.
	for _, src := range []string{"functional", "integration"} {
		var rows []stemPair
		for _, p := range sastrawi {
			if strings.HasPrefix(p.source, src) {
				rows = append(rows, p)
			}
		}
		s := scoreStem("sastrawi", "test", "types", rows)
		s.Subset = src
		scores = append(scores, s)
	}
	for _, split := range []string{"test", "train"} {
		var rows []stemPair
		for _, p := range ud {
			if p.split == split {
				rows = append(rows, p)
			}
		}
		scores = append(scores,
			scoreStem("ud-csui", split, "tokens", rows),
			scoreStem("ud-csui", split, "types", rows))
	}
	return scores, nil
}

// stemPair is one gold row.
type stemPair struct {
	split, word, gold, upos string
	count                   int
	source                  string // Sastrawi's test kind: functional(...) or integration(...)
}

// readStemPairs reads a TSV file with a header line, one pair a line.
func readStemPairs(path string, parse func([]string) (stemPair, error)) ([]stemPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var pairs []stemPair
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		if n == 1 || sc.Text() == "" {
			continue
		}
		p, err := parse(strings.Split(sc.Text(), "\t"))
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		pairs = append(pairs, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(pairs) == 0 {
		return nil, fmt.Errorf("%s: no pairs", path)
	}
	return pairs, nil
}

// sastrawiRow reads word, expected_stem, source.
func sastrawiRow(f []string) (stemPair, error) {
	if len(f) != 3 {
		return stemPair{}, fmt.Errorf("want word<TAB>stem<TAB>source, got %d fields", len(f))
	}
	return stemPair{split: "test", word: f[0], gold: f[1], count: 1, source: f[2]}, nil
}

// udRow reads split, form_lower, lemma, upos, count, changed.
func udRow(f []string) (stemPair, error) {
	if len(f) != 6 {
		return stemPair{}, fmt.Errorf("want 6 fields, got %d", len(f))
	}
	n, err := strconv.Atoi(f[4])
	if err != nil || n < 1 {
		return stemPair{}, fmt.Errorf("bad count %q", f[4])
	}
	return stemPair{split: f[0], word: f[1], gold: strings.ToLower(f[2]), upos: f[3], count: n}, nil
}

// scoreStem stems every word and counts agreement, by type or by token.
func scoreStem(set, split, unit string, pairs []stemPair) StemScore {
	s := StemScore{Set: set, Split: split, Unit: unit}
	for _, p := range pairs {
		w := 1
		if unit == "tokens" {
			w = p.count
		}
		s.Total += w
		got := stem.Stem(p.word)
		if got == p.gold {
			s.Correct += w
			continue
		}
		switch {
		case p.gold == p.word && p.upos == "NOUN":
			s.KeptWhole += w
		case got == p.word:
			s.Whole += w
		}
		s.Misses = append(s.Misses, StemMiss{Word: p.word, Gold: p.gold, Got: got, UPOS: p.upos, Count: w})
	}
	return s
}

// WriteStemReport writes one line per score, with notes on how to read
// them; misses lists every disagreement too.
func WriteStemReport(w io.Writer, scores []StemScore, misses bool) error {
	var b strings.Builder
	for _, s := range scores {
		set := s.Set
		if s.Subset != "" {
			set += " " + s.Subset
		}
		fmt.Fprintf(&b, "%-20s %-5s %-6s accuracy %.1f%% (%d/%d)", set, s.Split, s.Unit,
			100*s.Accuracy(), s.Correct, s.Total)
		if s.Set == "ud-csui" {
			fmt.Fprintf(&b, "; derived nouns UD keeps whole: %d, counted as agreements: accuracy %.1f%%",
				s.KeptWhole, 100*s.AccuracyKeptWhole())
		}
		fmt.Fprintf(&b, "; kept whole by the stemmer: %d\n", s.Whole)
	}
	b.WriteString(stemReportNotes)
	if misses {
		for _, s := range scores {
			if s.Subset != "" {
				continue // listed with the whole set
			}
			fmt.Fprintf(&b, "\nmisses: %s %s %s (word, gold, stem, UPOS, weight)\n", s.Set, s.Split, s.Unit)
			for _, m := range s.Misses {
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%d\n", m.Word, m.Gold, m.Got, m.UPOS, m.Count)
			}
		}
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("eval: writing stem report: %w", err)
	}
	return nil
}

const stemReportNotes = `
sastrawi: the 201 word → stem pairs of Sastrawi's tests, by type; its
functional tests check its rules against a restricted dictionary of their
own, its integration tests run with its full dictionary.
ud-csui: UD Indonesian-CSUI form → lemma pairs (forms lower-cased, names,
numbers and foreign words left out); tokens weight each row by its count,
types count each (form, lemma, UPOS) row once. The root list is built from
the train split, so train rows are not a measure, only a check; test rows
and Sastrawi's pairs were not used to build or tune anything.
Derived nouns UD keeps whole: misses on a NOUN row whose lemma is the form
itself (pembangunan, or Keuangan in a ministry's name, lower-cased here),
which the stemmer reduces to its root for search; counted as agreements in
the second accuracy. Kept whole by the stemmer: misses where the stemmer
returned the word itself — a root missing from its dictionary, or a word
kept whole on purpose (pemerintah, not perintah).
`
