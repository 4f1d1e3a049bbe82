package bilingual

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
)

// Training settings: IBM Model 1 (Brown et al. 1993) trained both ways by
// EM over the sentence pairs; a pair of words is kept when each is the
// other's likely rendering (each direction's probability at least
// minProb) and the two meet in at least minPairs sentence pairs.
const (
	iterations = 8
	minProb    = 0.1
	minPairs   = 2
)

// Train builds the table file from parallel sentences (the same sentence
// in English and in Indonesian at each index), with a header naming the
// source. The result is deterministic.
func Train(english, indonesian []string, source string) ([]byte, error) {
	if len(english) != len(indonesian) || len(english) == 0 {
		return nil, fmt.Errorf("bilingual: %d English and %d Indonesian sentences, want as many of each", len(english), len(indonesian))
	}
	en := make([][]string, len(english))
	id := make([][]string, len(indonesian))
	for i := range english {
		en[i] = keys(english[i], EnglishKey)
		id[i] = keys(indonesian[i], IndonesianKey)
	}
	idToEn := model1(id, en)
	enToId := model1(en, id)
	together := map[[2]string]int{}
	for i := range en {
		for _, a := range uniq(id[i]) {
			for _, b := range uniq(en[i]) {
				together[[2]string{a, b}]++
			}
		}
	}
	var rows [][2]string
	for p, n := range together {
		if n >= minPairs && p[0] != p[1] && idToEn[p] >= minProb && enToId[[2]string{p[1], p[0]}] >= minProb {
			rows = append(rows, p)
		}
	}
	slices.SortFunc(rows, func(a, b [2]string) int { return strings.Compare(a[0]+"\t"+a[1], b[0]+"\t"+b[1]) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Indonesian–English word table for aligning quotes across languages, built by\n")
	fmt.Fprintf(&b, "# `warta train bilingual` (internal/lineage/bilingual.Train) from %s:\n", source)
	fmt.Fprintf(&b, "# IBM Model 1 both ways, %d EM passes, a pair kept at p >= %.1f each way in >= %d sentence pairs.\n", iterations, minProb, minPairs)
	fmt.Fprintf(&b, "# Columns: Indonesian key (the word's root), English key (lowered, plural and verb endings off).\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\n", r[0], r[1])
	}
	return b.Bytes(), nil
}

// model1 trains P(target word | source word) by EM; a NULL source word
// takes the target words with no rendering.
func model1(src, tgt [][]string) map[[2]string]float64 {
	const null = ""
	t := map[[2]string]float64{}
	vocab := map[string]bool{}
	for _, s := range tgt {
		for _, w := range s {
			vocab[w] = true
		}
	}
	uniform := 1 / float64(len(vocab))
	for i := range src {
		for _, f := range append(uniq(src[i]), null) {
			for _, e := range uniq(tgt[i]) {
				t[[2]string{f, e}] = uniform
			}
		}
	}
	for range iterations {
		count := map[[2]string]float64{}
		total := map[string]float64{}
		for i := range src {
			fs := append(slices.Clone(src[i]), null)
			for _, e := range tgt[i] {
				z := 0.0
				for _, f := range fs {
					z += t[[2]string{f, e}]
				}
				for _, f := range fs {
					c := t[[2]string{f, e}] / z
					count[[2]string{f, e}] += c
					total[f] += c
				}
			}
		}
		for p := range t {
			if total[p[0]] > 0 {
				t[p] = count[p] / total[p[0]]
			}
		}
	}
	for p, v := range t {
		if p[0] == null || math.IsNaN(v) {
			delete(t, p)
		}
	}
	return t
}

// keys are a sentence's word keys: letters only, two or more, not a name
// (capitalised inside the sentence: names match by spelling, not by the
// table). Function words stay: EM needs them to account for the words
// they render.
func keys(s string, key func(string) string) []string {
	var out []string
	for i, w := range Words(s) {
		if !isWord(w) || i > 0 && unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		if k := key(w); len(k) >= 2 {
			out = append(out, k)
		}
	}
	return out
}

func isWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func uniq(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}
