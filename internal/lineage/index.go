package lineage

import (
	"slices"

	"github.com/warta-news/warta/analysis/fingerprint"
)

// Index finds the candidates of an article among those added before it:
// those sharing an LSH band of its MinHash signature (text reuse), and
// those sharing one of its rarer names (stories and translations told in
// other words). It is the in-memory form of the store's band and name
// tables, for evaluation and tests.
type Index struct {
	articles map[int64]*Article
	bands    map[int64][]int64
	names    map[string][]int64
}

// NameCandidates is how many of an article's rarest names look up
// candidates, and MaxPerName bounds the articles one name gives, so that a
// name in every article (a president's) costs no more than a rare one.
const (
	NameCandidates = 4
	MaxPerName     = 200
)

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{articles: map[int64]*Article{}, bands: map[int64][]int64{}, names: map[string][]int64{}}
}

// Add puts an article in the index.
func (x *Index) Add(a *Article) {
	x.articles[a.ID] = a
	for _, k := range fingerprint.BandKeys(a.signature) {
		x.bands[k] = append(x.bands[k], a.ID)
	}
	for _, n := range a.Fingerprint.Names {
		x.names[n] = append(x.names[n], a.ID)
	}
}

// Candidates returns the IDs of the indexed articles that may be related to
// a, in increasing order, without a itself.
func (x *Index) Candidates(a *Article) []int64 {
	seen := map[int64]bool{a.ID: true}
	var out []int64
	add := func(id int64) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, k := range fingerprint.BandKeys(a.signature) {
		for _, id := range x.bands[k] {
			add(id)
		}
	}
	for _, n := range RarestNames(a.Fingerprint.Names, func(n string) int { return len(x.names[n]) }) {
		ids := x.names[n]
		for _, id := range ids[max(0, len(ids)-MaxPerName):] {
			add(id)
		}
	}
	slices.Sort(out)
	return out
}

// RarestNames returns up to NameCandidates names, those in the fewest
// articles first (count gives a name's article count); names seen only in
// the article itself are skipped.
func RarestNames(names []string, count func(string) int) []string {
	type nc struct {
		name string
		n    int
	}
	var cs []nc
	for _, n := range names {
		if c := count(n); c > 0 {
			cs = append(cs, nc{n, c})
		}
	}
	slices.SortFunc(cs, func(a, b nc) int { return a.n - b.n })
	var out []string
	for _, c := range cs[:min(len(cs), NameCandidates)] {
		out = append(out, c.name)
	}
	return out
}

// Link compares a with its candidates and returns its relations, keyed by
// the other article's ID.
func (x *Index) Link(a *Article) map[int64]Relation {
	out := map[int64]Relation{}
	df := &Frequencies{Articles: len(x.articles), Count: map[string]int{}}
	for _, n := range a.Fingerprint.Names {
		df.Count[n] = len(x.names[n])
	}
	for _, id := range x.Candidates(a) {
		if r, ok := Compare(a, x.articles[id], df); ok {
			out[id] = r
		}
	}
	return out
}
