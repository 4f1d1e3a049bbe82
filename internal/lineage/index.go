package lineage

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/warta-news/warta/analysis/fingerprint"
)

// Keys is the part of store.Lineage that finds candidates: the store's
// band and name tables, or an Index.
type Keys interface {
	BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error)
	NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error)
	NameCounts(ctx context.Context, names []string) (map[string]int, error)
}

// Bounds of a look-up, so that its cost stays the same whatever the size
// of the store: every key reads at most a fixed number of postings, newest
// first, and the candidates are those sharing the most keys.
const (
	// PerBand is how many articles one band key gives: copies of one
	// text share most of their 32 bands, so a few per key are enough,
	// and a key many articles share (a template) gives no more.
	PerBand = 16
	// MaxBandCandidates bounds the candidates an article's bands give.
	MaxBandCandidates = 64
	// NameKeys is how many of an article's rarest names look up
	// candidates; PerName bounds the articles one name gives in the
	// story window, and MaxNameCandidates those all names give, each
	// giving at least MinSharedNames of them: a story or a translation
	// shares three names or more, one name in common is chance.
	NameKeys          = 16
	PerName           = 32
	MinSharedNames    = 2
	MaxNameCandidates = 64
)

// Lookup finds the candidates of a among the articles whose keys are
// stored: those sharing its LSH bands
// (text reuse, at any time), and those published within the story window
// sharing its rarest names (stories and translations told in other
// words). The IDs are in increasing order, without a itself.
func Lookup(ctx context.Context, keys Keys, a *Article) ([]int64, error) {
	ids, err := keys.BandCandidates(ctx, a.ID, fingerprint.BandKeys(a.signature), PerBand, MaxBandCandidates)
	if err != nil {
		return nil, err
	}
	counts, err := keys.NameCounts(ctx, a.Fingerprint.Names)
	if err != nil {
		return nil, err
	}
	from, to := "", ""
	if !a.Published.IsZero() {
		from, to = a.Published.Add(-storyWindow).Format(time.DateOnly), a.Published.Add(storyWindow).Format(time.DateOnly)
	}
	more, err := keys.NameCandidates(ctx, a.ID, RarestNames(a.Fingerprint.Names, counts), from, to, PerName, MinSharedNames, MaxNameCandidates)
	if err != nil {
		return nil, err
	}
	ids = append(ids, more...)
	slices.Sort(ids)
	return slices.Compact(ids), nil
}

// RarestNames returns up to NameKeys names, those in the fewest articles
// first (counts gives a name's article count); names in no stored article
// are skipped.
func RarestNames(names []string, counts map[string]int) []string {
	var cs []string
	for _, n := range names {
		if counts[n] > 0 {
			cs = append(cs, n)
		}
	}
	slices.SortStableFunc(cs, func(a, b string) int { return cmp.Compare(counts[a], counts[b]) })
	return cs[:min(len(cs), NameKeys)]
}

// Index is an in-memory form of the store's band and name tables, for
// evaluation and tests: it answers the same look-ups with the same bounds.
type Index struct {
	articles map[int64]*Article
	bands    map[int64][]int64
	names    map[string][]posting
}

type posting struct {
	day string
	id  int64
}

// NewIndex returns an empty Index.
func NewIndex() *Index {
	return &Index{articles: map[int64]*Article{}, bands: map[int64][]int64{}, names: map[string][]posting{}}
}

// Add puts an article in the index.
func (x *Index) Add(a *Article) {
	x.articles[a.ID] = a
	for _, k := range fingerprint.BandKeys(a.signature) {
		x.bands[k] = append(x.bands[k], a.ID)
	}
	day := ""
	if !a.Published.IsZero() {
		day = a.Published.Format(time.DateOnly)
	}
	for _, n := range slices.Compact(slices.Sorted(slices.Values(a.Fingerprint.Names))) {
		x.names[n] = append(x.names[n], posting{day, a.ID})
	}
}

// BandCandidates implements Keys.
func (x *Index) BandCandidates(_ context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	lists := make([][]int64, 0, len(bands))
	for _, b := range bands {
		ids := slices.Sorted(slices.Values(x.bands[b]))
		ids = slices.DeleteFunc(ids, func(id int64) bool { return id == article })
		lists = append(lists, ids[max(0, len(ids)-perBand):])
	}
	return ranked(lists, 1, limit), nil
}

// NameCandidates implements Keys.
func (x *Index) NameCandidates(_ context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	if to == "" {
		to = "\uffff"
	}
	lists := make([][]int64, 0, len(names))
	for _, n := range names {
		ps := slices.Clone(x.names[n])
		ps = slices.DeleteFunc(ps, func(p posting) bool { return p.id == article || p.day < from || p.day > to })
		slices.SortFunc(ps, func(a, b posting) int { return cmp.Or(cmp.Compare(a.day, b.day), cmp.Compare(a.id, b.id)) })
		var ids []int64
		for _, p := range ps[max(0, len(ps)-perName):] {
			ids = append(ids, p.id)
		}
		lists = append(lists, ids)
	}
	return ranked(lists, minShared, limit), nil
}

// ranked returns up to limit IDs in at least minShared lists, those in the
// most lists first, then the newest.
func ranked(lists [][]int64, minShared, limit int) []int64 {
	count := map[int64]int{}
	for _, l := range lists {
		for _, id := range l {
			count[id]++
		}
	}
	ids := make([]int64, 0, len(count))
	for id, n := range count {
		if n >= minShared {
			ids = append(ids, id)
		}
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(count[b]-count[a], cmp.Compare(b, a)) })
	return ids[:min(len(ids), limit)]
}

// NameCounts implements Keys.
func (x *Index) NameCounts(_ context.Context, names []string) (map[string]int, error) {
	out := make(map[string]int, len(names))
	for _, n := range names {
		out[n] = len(x.names[n])
	}
	return out, nil
}

// Link compares a with its candidates and returns its relations, keyed by
// the other article's ID.
func (x *Index) Link(ctx context.Context, a *Article) (map[int64]Relation, error) {
	ids, err := Lookup(ctx, x, a)
	if err != nil {
		return nil, err
	}
	out := map[int64]Relation{}
	for _, id := range ids {
		if r, ok := Compare(a, x.articles[id]); ok {
			out[id] = r
		}
	}
	return out, nil
}
