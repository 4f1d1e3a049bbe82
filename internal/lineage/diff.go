package lineage

import (
	"strings"
	"unicode"
)

// Diff is a copy against its original, sentence by sentence. Sentences
// are matched on their fingerprint hashes in order (a longest common
// subsequence); of the rest, a removed and an added sentence sharing most
// of their words are one sentence changed.
type Diff struct {
	// Headline is set when the copy's headline differs.
	Headline *Change  `json:"headline,omitempty"`
	Kept     int      `json:"kept"`
	Added    []string `json:"added"`
	Removed  []string `json:"removed"`
	Changed  []Change `json:"changed"`
}

// Change is one sentence (or headline) as the original and the copy give it.
type Change struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// changedOverlap is the least word Jaccard of a changed sentence's two forms.
const changedOverlap = 0.5

func diff(orig, cp *Article) *Diff {
	d := &Diff{Added: []string{}, Removed: []string{}, Changed: []Change{}}
	if !strings.EqualFold(strings.TrimSpace(orig.Title), strings.TrimSpace(cp.Title)) {
		d.Headline = &Change{From: orig.Title, To: cp.Title}
	}
	o, c := orig.Fingerprint.Sentences, cp.Fingerprint.Sentences
	keepO, keepC := lcs(o, c)
	d.Kept = len(keepO)
	text := func(a *Article, i int) string {
		if a.Sentences == nil {
			return "#" + a.Fingerprint.Sentences[i]
		}
		return a.Sentences[i]
	}
	var removed, added []int
	for i := range o {
		if !keepO[i] {
			removed = append(removed, i)
		}
	}
	for j := range c {
		if !keepC[j] {
			added = append(added, j)
		}
	}
	// Pair each added sentence with the most similar removed one.
	used := map[int]bool{}
	for _, j := range added {
		best, bestScore := -1, changedOverlap
		for _, i := range removed {
			if used[i] || orig.Sentences == nil || cp.Sentences == nil {
				continue
			}
			if s := wordJaccard(orig.Sentences[i], cp.Sentences[j]); s >= bestScore {
				best, bestScore = i, s
			}
		}
		if best >= 0 {
			used[best] = true
			d.Changed = append(d.Changed, Change{From: text(orig, best), To: text(cp, j)})
			continue
		}
		d.Added = append(d.Added, text(cp, j))
	}
	for _, i := range removed {
		if !used[i] {
			d.Removed = append(d.Removed, text(orig, i))
		}
	}
	return d
}

// lcs marks the elements of a and b in one longest common subsequence.
func lcs(a, b []string) (inA, inB []bool) {
	n, m := len(a), len(b)
	dp := make([][]int, n+1)
	for i := range dp {
		dp[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	inA, inB = make([]bool, n), make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			inA[i], inB[j] = true, true
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return inA, inB
}

// wordJaccard compares two sentences' sets of lowered words.
func wordJaccard(a, b string) float64 {
	wa, wb := words(a), words(b)
	if len(wa) == 0 || len(wb) == 0 {
		return 0
	}
	inter := 0
	for w := range wa {
		if wb[w] {
			inter++
		}
	}
	return float64(inter) / float64(len(wa)+len(wb)-inter)
}

func words(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		out[w] = true
	}
	return out
}
