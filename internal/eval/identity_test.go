package eval

import (
	stdcontext "context"
	"math"
	"testing"

	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
)

func TestBCubed(t *testing.T) {
	m := func(a string) Mention { return Mention{Article: a, Form: "x"} }
	gold := map[Mention]string{m("1"): "A", m("2"): "A", m("3"): "A", m("4"): "B", m("5"): "B"}
	for _, c := range []struct {
		name string
		sys  map[Mention]string
		p, r float64
	}{
		{"perfect", map[Mention]string{m("1"): "s", m("2"): "s", m("3"): "s", m("4"): "t", m("5"): "t"}, 1, 1},
		{"all alone", map[Mention]string{}, 1, (3*(1.0/3) + 2*(1.0/2)) / 5},
		{"all one", map[Mention]string{m("1"): "s", m("2"): "s", m("3"): "s", m("4"): "s", m("5"): "s"}, (3*(3.0/5) + 2*(2.0/5)) / 5, 1},
		// A split of A: items 1, 2 | 3.
		{"split", map[Mention]string{m("1"): "s", m("2"): "s", m("3"): "u", m("4"): "t", m("5"): "t"}, 1, (2*(2.0/3) + 1.0/3 + 2) / 5},
	} {
		p, r := BCubed(gold, c.sys)
		if math.Abs(p-c.p) > 1e-9 || math.Abs(r-c.r) > 1e-9 {
			t.Errorf("%s: P %.4f R %.4f, want %.4f %.4f", c.name, p, r, c.p, c.r)
		}
	}
}

// The gold is what its header says: a type per entity, numeric article
// ids, and no form in one article given to two entities.
func TestIdentityGoldFile(t *testing.T) {
	gold, err := ReadIdentityGold("testdata/identity-detik.tsv")
	if err != nil {
		t.Fatal(err)
	}
	types := map[string]string{}
	owner := map[Mention]string{}
	for _, g := range gold {
		if have, ok := types[g.Entity]; ok && have != g.Type {
			t.Errorf("%s is %s and %s", g.Entity, have, g.Type)
		}
		types[g.Entity] = g.Type
		for _, a := range g.Articles {
			k := Mention{a, store.NormalizeName(g.Form)}
			if o, ok := owner[k]; ok && o != g.Entity {
				t.Errorf("article %s: %q is %s and %s", a, g.Form, o, g.Entity)
			}
			owner[k] = g.Entity
		}
	}
	per, org := 0, 0
	for _, typ := range types {
		switch typ {
		case "PER":
			per++
		case "ORG":
			org++
		}
	}
	if per < 40 || org < 25 {
		t.Errorf("%d persons and %d organisations, want at least 40 and 25", per, org)
	}
}

// Over detik-news, the resolver groups the gold's mentions better than
// name+type identity, and a reindex does not make it worse.
func TestIdentityDetik(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 700 articles")
	}
	articles := shared.Path(t, "data/detik-news/articles.jsonl")
	s, err := Identity(stdcontext.Background(), articles, "", "testdata/identity-detik.tsv", t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("before %+v, at ingest %+v, after reindex %+v", s.Before, s.Ingest, s.After)
	if s.Ingest.F1 <= s.Before.F1 || s.After.F1 < s.Ingest.F1 {
		t.Errorf("B-cubed F1 before %.3f, at ingest %.3f, after reindex %.3f: want it to grow", s.Before.F1, s.Ingest.F1, s.After.F1)
	}
	if s.After.P < 0.95 {
		t.Errorf("B-cubed precision %.3f after reindex: the resolver merges what it should not", s.After.P)
	}
}
