package eval

import (
	"bufio"
	stdcontext "context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
)

// IdentityForm is one row of the identity gold: a surface form an entity
// goes by, and the articles (detik-news ids) that use it for it.
type IdentityForm struct {
	Entity, Type, Form string
	Articles           []string
}

// ReadIdentityGold reads the identity gold: entity, type, form, article
// ids (comma-separated).
func ReadIdentityGold(path string) ([]IdentityForm, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval identity: %w", err)
	}
	var out []IdentityForm
	err = text.ReadTable(path, string(data), 4, func(f []string) error {
		ids := strings.Split(f[3], ",")
		for _, id := range ids {
			if id == "" || strings.Trim(id, "0123456789") != "" {
				return fmt.Errorf("article id %q is not a number", id)
			}
		}
		out = append(out, IdentityForm{Entity: f[0], Type: f[1], Form: f[2], Articles: ids})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("eval identity: %w", err)
	}
	return out, nil
}

// Mention is one item scored: a surface form in an article.
type Mention struct{ Article, Form string }

// BCubed returns B-cubed precision and recall of the clusters sys gives
// the items of gold (Bagga and Baldwin 1998): for each item, the share of
// its system cluster that is in its gold cluster, and of its gold cluster
// that is in its system cluster, averaged over the items. Items sys does
// not cluster are alone in theirs.
func BCubed(gold, sys map[Mention]string) (p, r float64) {
	if len(gold) == 0 {
		return 0, 0
	}
	type pair struct{ g, s string }
	gsize, ssize, both := map[string]int{}, map[string]int{}, map[pair]int{}
	sysOf := func(m Mention) string {
		if c, ok := sys[m]; ok {
			return "s:" + c
		}
		return "alone:" + m.Article + "|" + m.Form
	}
	for m, g := range gold {
		s := sysOf(m)
		gsize[g]++
		ssize[s]++
		both[pair{g, s}]++
	}
	for m, g := range gold {
		s := sysOf(m)
		n := float64(both[pair{g, s}])
		p += n / float64(ssize[s])
		r += n / float64(gsize[g])
	}
	return p / float64(len(gold)), r / float64(len(gold))
}

// IdentityScore is the store-wide identity against the gold.
type IdentityScore struct {
	Articles, Items int
	// Found counts the items whose form is a mention of an entity in
	// that article; the others count alone in their cluster.
	Found int
	// Before is name+type identity (each stored entity its own ref),
	// Ingest the resolver's refs as each article is stored, After the
	// refs once the store is reindexed.
	Before, Ingest, After BCubedScore
	// FoundAfter is After over the items found only.
	FoundAfter BCubedScore
	// Errors list gold entities split over refs, and refs that join
	// gold entities, after reindexing.
	Splits, Merges []string
}

// BCubedScore is a B-cubed precision, recall and F1.
type BCubedScore struct{ P, R, F1 float64 }

func newBCubed(p, r float64) BCubedScore {
	s := BCubedScore{P: p, R: r}
	if p+r > 0 {
		s.F1 = 2 * p * r / (p + r)
	}
	return s
}

// Identity scores the store-wide identity of the articles of a
// detik-news JSON Lines file against the gold. The records are analysed
// here, or read from records (warta analyze --jsonl output over the same
// file, in its order) when that is given; they are stored in a new SQLite
// store in dir, without the resolver, with it, and with it and a reindex
// after, and each gold
// item (an article and a form) takes the ref of the entity of that article
// that has a mention with that form.
func Identity(ctx stdcontext.Context, articles, records, goldPath, dir string) (*IdentityScore, error) {
	gold, err := ReadIdentityGold(goldPath)
	if err != nil {
		return nil, err
	}
	recs, ids, err := identityRecords(ctx, articles, records)
	if err != nil {
		return nil, err
	}
	items := map[Mention]string{}
	for _, g := range gold {
		for _, a := range g.Articles {
			items[Mention{a, store.NormalizeName(g.Form)}] = g.Entity
		}
	}
	s := &IdentityScore{Articles: len(recs), Items: len(items)}
	linker, err := identity.New()
	if err != nil {
		return nil, err
	}
	runs := []struct {
		linker  store.Linker
		reindex bool
		score   *BCubedScore
	}{{nil, false, &s.Before}, {linker, false, &s.Ingest}, {linker, true, &s.After}}
	for i, run := range runs {
		sys, names, n, err := storedRefs(ctx, fmt.Sprintf("%s/%d", dir, i), run.linker, run.reindex, recs, ids, items)
		if err != nil {
			return nil, err
		}
		*run.score = newBCubed(BCubed(items, sys))
		if !run.reindex {
			continue
		}
		// Found and the errors are those after the reindex; which items
		// are found does not depend on the linker.
		s.Found = n
		found := map[Mention]string{}
		for m := range sys {
			found[m] = items[m]
		}
		s.FoundAfter = newBCubed(BCubed(found, sys))
		s.Splits, s.Merges = identityErrors(items, sys, names)
	}
	return s, nil
}

// identityRecords returns the records of the articles and the articles' ids.
func identityRecords(ctx stdcontext.Context, articles, records string) ([][]byte, []string, error) {
	list, err := readDetikFile(articles)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]string, len(list))
	for i, a := range list {
		ids[i] = a.ID
	}
	var recs [][]byte
	if records != "" {
		f, err := os.Open(records)
		if err != nil {
			return nil, nil, fmt.Errorf("eval identity: %w", err)
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			recs = append(recs, slices.Clone(sc.Bytes()))
		}
		if err := sc.Err(); err != nil {
			return nil, nil, fmt.Errorf("eval identity: %s: %w", records, err)
		}
		if len(recs) != len(list) {
			return nil, nil, fmt.Errorf("eval identity: %s has %d records for %d articles", records, len(recs), len(list))
		}
		return recs, ids, nil
	}
	for _, a := range list {
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			return nil, nil, fmt.Errorf("eval identity: article %s: %w", a.ID, err)
		}
		raw, err := json.Marshal(rec)
		if err != nil {
			return nil, nil, err
		}
		recs = append(recs, raw)
	}
	return recs, ids, nil
}

// storedRefs stores the records in a new store in dir with the linker and
// returns the ref of each gold item found, as a string, a name of each
// ref's entities, and how many items were found.
func storedRefs(ctx stdcontext.Context, dir string, l store.Linker, reindex bool, recs [][]byte, ids []string, items map[Mention]string) (map[Mention]string, map[string]string, int, error) {
	st, err := sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian(), Linker: l})
	if err != nil {
		return nil, nil, 0, err
	}
	defer st.Close()
	results, err := st.PutBatch(ctx, recs)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("eval identity: %w", err)
	}
	if reindex {
		if _, err := st.Reindex(ctx); err != nil {
			return nil, nil, 0, fmt.Errorf("eval identity: %w", err)
		}
	}
	sys, names := map[Mention]string{}, map[string]string{}
	for i, res := range results {
		d, err := store.Decode(recs[i])
		if err != nil {
			return nil, nil, 0, err
		}
		refs, err := st.EntityRefs(ctx, res.ID)
		if err != nil {
			return nil, nil, 0, err
		}
		for _, e := range d.Entities {
			for _, m := range append([]store.DocMention{{Text: e.Name}}, e.Mentions...) {
				k := Mention{ids[i], store.NormalizeName(m.Text)}
				if _, ok := items[k]; ok {
					if _, done := sys[k]; !done {
						ref := fmt.Sprint(refs[e.ID])
						sys[k] = ref
						if names[ref] == "" {
							names[ref] = e.Name
						}
					}
				}
			}
		}
	}
	return sys, names, len(sys), nil
}

// identityErrors lists the gold entities whose items the system splits
// over several refs, and the refs that hold items of several gold
// entities, each with its item counts.
func identityErrors(gold, sys map[Mention]string, names map[string]string) (splits, merges []string) {
	byGold := map[string]map[string]int{}
	bySys := map[string]map[string]int{}
	for m, g := range gold {
		s, ok := sys[m]
		if !ok {
			continue
		}
		if byGold[g] == nil {
			byGold[g] = map[string]int{}
		}
		s += " " + names[s]
		byGold[g][s]++
		if bySys[s] == nil {
			bySys[s] = map[string]int{}
		}
		bySys[s][g]++
	}
	for g, m := range byGold {
		if len(m) > 1 {
			splits = append(splits, fmt.Sprintf("%s over %d refs %v", g, len(m), m))
		}
	}
	for s, m := range bySys {
		if len(m) > 1 {
			merges = append(merges, fmt.Sprintf("ref %s joins %v", s, m))
		}
	}
	slices.Sort(splits)
	slices.Sort(merges)
	return splits, merges
}

// WriteStoreIdentityReport prints a store-wide identity score.
func WriteStoreIdentityReport(w io.Writer, s *IdentityScore, verbose bool) error {
	fmt.Fprintf(w, "identity over %d articles: %d gold mentions (article, form), %d found as a mention of an entity\n", s.Articles, s.Items, s.Found)
	fmt.Fprintf(w, "%-22s %9s %9s %9s\n", "B-cubed", "precision", "recall", "F1")
	fmt.Fprintf(w, "%-22s %9.3f %9.3f %9.3f\n", "name+type (before)", s.Before.P, s.Before.R, s.Before.F1)
	fmt.Fprintf(w, "%-22s %9.3f %9.3f %9.3f\n", "resolver at ingest", s.Ingest.P, s.Ingest.R, s.Ingest.F1)
	fmt.Fprintf(w, "%-22s %9.3f %9.3f %9.3f\n", "resolver + reindex", s.After.P, s.After.R, s.After.F1)
	fmt.Fprintf(w, "%-22s %9.3f %9.3f %9.3f\n", "  (found items only)", s.FoundAfter.P, s.FoundAfter.R, s.FoundAfter.F1)
	fmt.Fprintf(w, "split gold entities %d, refs joining gold entities %d\n", len(s.Splits), len(s.Merges))
	if verbose {
		for _, e := range append(s.Splits, s.Merges...) {
			fmt.Fprintln(w, "  "+e)
		}
	}
	return nil
}
