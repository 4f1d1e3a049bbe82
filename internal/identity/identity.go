// Package identity is warta's store-wide resolver: it decides which
// entities of different articles are one real-world person, organisation
// or place, and gives them one ref (store.Linker).
//
// An entity of an article is linked, in this order:
//
//  1. through the shipped tables, when its name or one of its mentions is
//     a name of a public figure or an institution there (Jokowi, KPK,
//     Kemenkeu: analysis/entity's figures.tsv and organisations.tsv), unless
//     the article gives the entity another country;
//  2. as an office title (Menkeu, Kapolri, Wapres: analysis/entity's offices.tsv) to the
//     person learnt to hold that office in the article's month, or the
//     nearest month within half a year;
//  3. through the aliases learnt from the articles before it: when one
//     article merges Joko Widodo and Jokowi, or Komisi Pemberantasan
//     Korupsi and KPK, into one entity, each of those names points to that
//     entity's ref for every later article; a name seen for several refs
//     goes to the one with at least twice the articles of the next, else to
//     none (Prabowo is Prabowo Subianto, never Listyo Sigit Prabowo);
//  4. else to itself: its type and normalised name, as before.
//
// What an article teaches (its entities' names and mentions, and the
// national offices its persons are said to hold) comes back as
// store.Lessons for the store to keep. Reindexing a store links every
// article again with all that was learnt.
package identity

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/internal/store"
)

// Resolver links entities to refs; it implements store.Linker. The zero
// value is not usable: use New.
type Resolver struct {
	names   map[string]canon // TYPE:norm of a table name → its entry
	offices map[string]string
}

// canon is an entry of the shipped tables.
type canon struct {
	ref, name, typ, country string
}

// New returns a Resolver over the shipped tables.
func New() (*Resolver, error) { return tables() }

var tables = sync.OnceValues(func() (*Resolver, error) {
	r := &Resolver{names: map[string]canon{}, offices: map[string]string{}}
	figures, err := entity.Figures()
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	insts, err := entity.Institutions()
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	for typ, list := range map[string][]entity.Figure{"PER": figures, "ORG": insts} {
		for _, f := range list {
			c := canon{ref: typ + ":" + store.NormalizeName(f.Name), name: f.Name, typ: typ, country: f.Country}
			for _, n := range append([]string{f.Name}, f.Aliases...) {
				r.names[typ+":"+store.NormalizeName(n)] = c
			}
		}
	}
	offices, err := entity.Offices()
	if err != nil {
		return nil, fmt.Errorf("identity: %w", err)
	}
	for _, o := range offices {
		for _, t := range append([]string{o.Name}, o.Titles...) {
			r.offices[store.NormalizeName(t)] = o.Name
		}
	}
	return r, nil
})

// Office returns the office a title names (Menkeu → Menteri Keuangan),
// or "".
func (r *Resolver) Office(title string) string { return r.offices[store.NormalizeName(title)] }

// Link implements store.Linker.
func (r *Resolver) Link(ctx context.Context, lk store.Learnt, d *store.Doc) ([]store.EntityLink, store.Lessons, error) {
	month := ""
	if day := d.Day(); len(day) >= 7 {
		month = day[:7]
	}
	links := make([]store.EntityLink, len(d.Entities))
	var lessons store.Lessons
	for i, e := range d.Entities {
		l, err := r.link(ctx, lk, e, month)
		if err != nil {
			return nil, store.Lessons{}, fmt.Errorf("identity: %s %q: %w", e.Type, e.Name, err)
		}
		links[i] = l
		lessons.Aliases = append(lessons.Aliases, r.aliases(e, l)...)
		if l.Office == "" && e.Type == "PER" && month != "" && (e.Country == "" || e.Country == "ID") {
			for _, role := range e.Roles {
				if o := r.Office(role); o != "" {
					lessons.Terms = append(lessons.Terms, store.OfficeTerm{Office: o, Month: month, Ref: l.Ref, Articles: 1})
				}
			}
		}
	}
	return links, lessons, nil
}

// forms returns the entity's name and the distinct texts of its mentions,
// normalised, the name first.
func forms(e store.DocEntity) []string {
	out := []string{store.NormalizeName(e.Name)}
	for _, m := range e.Mentions {
		if n := store.NormalizeName(m.Text); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

func (r *Resolver) link(ctx context.Context, lk store.Learnt, e store.DocEntity, month string) (store.EntityLink, error) {
	fs := forms(e)
	self := store.EntityLink{Ref: e.Type + ":" + fs[0], Name: strings.Join(strings.Fields(e.Name), " "), Type: e.Type}
	// 1. The tables: a person's name or mention is looked up among the
	// figures, any other entity's among the institutions, and any
	// entity's whole name among the figures (Prabowo Subianto taken
	// for a place is still the person).
	for i, f := range fs {
		for _, typ := range tableTypes(e.Type, i == 0) {
			c, ok := r.names[typ+":"+f]
			if !ok || (e.Country != "" && c.country != "" && e.Country != c.country) {
				continue
			}
			return store.EntityLink{Ref: c.ref, Name: c.name, Type: c.typ}, nil
		}
	}
	// 2. An office title alone is its holder at the time.
	if office := r.offices[fs[0]]; office != "" && month != "" && (e.Type == "PER" || e.Type == "ORG") {
		terms, err := lk.Holders(ctx, office, month)
		if err != nil {
			return self, err
		}
		if t, ok := holder(terms, month); ok {
			return store.EntityLink{Ref: t.Ref, Type: "PER", Office: office}, nil
		}
		return self, nil
	}
	// 3. The aliases learnt: of the name, of the name without words glued
	// before it (a person's name after a lower-case word or an acronym,
	// an office's name before RI), and of the name with doubled letters
	// single (Affifudin, Afifuddin).
	for _, n := range variants(e.Type, fs[0]) {
		if c, ok := r.names[n.typ+":"+n.norm]; ok && n.typ != store.SpellingType {
			return store.EntityLink{Ref: c.ref, Name: c.name, Type: c.typ}, nil
		}
		votes, err := lk.Aliases(ctx, n.typ, n.norm)
		if err != nil {
			return self, err
		}
		if ref, ok := dominant(votes); ok {
			return store.EntityLink{Ref: ref, Type: e.Type}, nil
		}
	}
	if e.Type != "PER" && strings.Contains(fs[0], " ") {
		// A full name the tagger typed wrongly, known as a person.
		votes, err := lk.Aliases(ctx, "PER", fs[0])
		if err != nil {
			return self, err
		}
		if ref, ok := dominant(votes); ok && total(votes) >= 3 {
			return store.EntityLink{Ref: ref, Type: "PER"}, nil
		}
	}
	return self, nil
}

type variant struct{ typ, norm string }

// variants are the names an entity's name (normalised) is looked up as
// among the aliases, in order: itself; for a person, its last two or more
// words, longest first (words glued before a name: rumah Trump, KPU
// Afifuddin, Badan ... Hanif Faisol Nurofiq), then its spelling key; for
// an organisation, the name without a closing "ri" (KPU RI).
func variants(typ, norm string) []variant {
	out := []variant{{typ, norm}}
	words := strings.Fields(norm)
	switch typ {
	case "PER":
		for i := 1; i+2 <= len(words); i++ {
			out = append(out, variant{typ, strings.Join(words[i:], " ")})
		}
		out = append(out, variant{store.SpellingType, entity.SpellingKey(norm)})
	case "ORG":
		if n := len(words); n >= 2 && words[n-1] == "ri" {
			out = append(out, variant{typ, strings.Join(words[:n-1], " ")})
		}
	}
	return out
}

// tableTypes are the tables an entity's form is looked up in.
func tableTypes(typ string, whole bool) []string {
	switch {
	case typ == "PER":
		return []string{"PER"}
	case whole:
		return []string{"ORG", "PER"}
	default:
		return []string{"ORG"}
	}
}

// dominant returns the ref with at least twice the articles of any other.
func dominant(votes []store.RefCount) (string, bool) {
	best, second := store.RefCount{}, 0
	for _, v := range votes {
		switch {
		case v.Articles > best.Articles:
			second, best = best.Articles, v
		case v.Articles > second:
			second = v.Articles
		}
	}
	return best.Ref, best.Articles > 0 && best.Articles >= 2*second
}

func total(votes []store.RefCount) int {
	n := 0
	for _, v := range votes {
		n += v.Articles
	}
	return n
}

// holder picks the office-holder of month: the most written about in the
// nearest month that has one, at most six months away.
func holder(terms []store.OfficeTerm, month string) (store.OfficeTerm, bool) {
	var best store.OfficeTerm
	bestGap := 7
	for _, t := range terms {
		gap := monthGap(t.Month, month)
		if gap < bestGap || (gap == bestGap && t.Articles > best.Articles) {
			best, bestGap = t, gap
		}
	}
	return best, bestGap <= 6
}

// monthGap counts the months between two YYYY-MM months.
func monthGap(a, b string) int {
	var ya, ma, yb, mb int
	if _, err := fmt.Sscanf(a, "%d-%d", &ya, &ma); err != nil {
		return 1 << 20
	}
	if _, err := fmt.Sscanf(b, "%d-%d", &yb, &mb); err != nil {
		return 1 << 20
	}
	g := (ya*12 + ma) - (yb*12 + mb)
	return max(g, -g)
}

// aliases are what an entity teaches about its ref: each of its forms is a
// name of it. A one-word form that is the ref's own name teaches nothing
// (an entity named Prabowo that stayed itself says nothing about who
// Prabowo is), and an office title is not a name of its holder.
func (r *Resolver) aliases(e store.DocEntity, l store.EntityLink) []store.Alias {
	if l.Office != "" {
		return nil
	}
	var out []store.Alias
	names := map[string]string{}
	names[store.NormalizeName(e.Name)] = e.Name
	for _, m := range e.Mentions {
		if n := store.NormalizeName(m.Text); names[n] == "" {
			names[n] = m.Text
		}
	}
	for _, n := range forms(e) {
		if n == "" || r.offices[n] != "" || (!strings.Contains(n, " ") && e.Type+":"+n == l.Ref) {
			continue
		}
		name := strings.Join(strings.Fields(names[n]), " ")
		out = append(out, store.Alias{Type: e.Type, Norm: n, Name: name, Ref: l.Ref})
		if e.Type == "PER" {
			out = append(out, store.Alias{Type: store.SpellingType, Norm: entity.SpellingKey(n), Name: name, Ref: l.Ref})
		}
	}
	return out
}
