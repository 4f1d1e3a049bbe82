package syntax

import (
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

// tree builds a Tree from "form/head/rel" items, heads counted from 1 as
// in CoNLL-U, starting at document token first.
func tree(first int, items string) *Tree {
	t := &Tree{First: first}
	var forms []string
	for _, it := range strings.Fields(items) {
		f := strings.Split(it, "/")
		head := 0
		for _, c := range f[1] {
			head = 10*head + int(c-'0')
		}
		forms = append(forms, f[0])
		t.Heads = append(t.Heads, head-1)
		t.Rels = append(t.Rels, f[2])
		t.Tags = append(t.Tags, "X")
	}
	t.forms = func(tok int) string { return forms[tok-t.First] }
	return t
}

func TestTreeArguments(t *testing.T) {
	// Polisi yang menangkap pelaku berjanji memeriksa saksi kepada media .
	tr := tree(10, "Polisi/5/nsubj yang/3/nsubj menangkap/1/acl:relcl pelaku/3/obj berjanji/0/root "+
		"memeriksa/5/xcomp saksi/6/obj kepada/9/case media/6/obl ./5/punct")
	if a := tr.Subject(12); a.Token != 10 || a.Passive {
		t.Errorf("subject of menangkap: %+v, want the noun yang stands for (10)", a)
	}
	if a := tr.Subject(15); a.Token != 10 || a.From != 14 {
		t.Errorf("subject of memeriksa: %+v, want polisi (10) from berjanji (14)", a)
	}
	if o := tr.Object(15); o != 16 {
		t.Errorf("object of memeriksa: %d, want 16", o)
	}
	if o := tr.Preposition(15, "kepada"); o != 18 {
		t.Errorf("kepada oblique of memeriksa: %d, want 18", o)
	}
	if o := tr.Preposition(15, "oleh"); o != -1 {
		t.Errorf("oleh oblique of memeriksa: %d, want none", o)
	}
	if c := tr.Clauses(14); len(c) != 1 || c[0] != (Clause{Token: 15, Rel: "xcomp", Mark: -1}) {
		t.Errorf("clauses of berjanji: %+v", c)
	}
	if c := tr.Clauses(10); len(c) != 1 || c[0].Rel != "acl:relcl" {
		t.Errorf("clauses of polisi: %+v", c)
	}
	if f, l := tr.Span(10); f != 10 || l != 14 {
		t.Errorf("span of polisi: [%d,%d), want [10,14)", f, l)
	}
	if got := tr.Dependents(14, "nsubj"); !slices.Equal(got, []int{10}) {
		t.Errorf("nsubj of berjanji: %v", got)
	}
	if tr.Head(14) != -1 || tr.Head(9) != -1 || tr.Rel(99) != "" {
		t.Error("a root or a token outside the tree has a head or relation")
	}
}

func TestTreePassive(t *testing.T) {
	// Pelaku ditangkap oleh polisi agar jera .
	tr := tree(0, "Pelaku/2/nsubj:pass ditangkap/0/root oleh/4/case polisi/2/obl:agent agar/6/mark jera/2/advcl ./2/punct")
	if a := tr.Subject(1); a.Token != 0 || !a.Passive {
		t.Errorf("subject of ditangkap: %+v, want pelaku, passive", a)
	}
	if o := tr.Obliques(1); len(o) != 1 || o[0] != (Oblique{Token: 3, Case: 2, Rel: "obl:agent"}) {
		t.Errorf("obliques of ditangkap: %+v", o)
	}
	if c := tr.Clauses(1); len(c) != 1 || c[0] != (Clause{Token: 5, Rel: "advcl", Mark: 4}) {
		t.Errorf("clauses of ditangkap: %+v", c)
	}
	// A marked adverbial clause (agar jera) keeps no subject of its own.
	if a := tr.Subject(5); a.Token != -1 {
		t.Errorf("subject of a marked advcl: %+v, want none", a)
	}
}

func TestTreesOnDocument(t *testing.T) {
	if err := text.Load(); err != nil {
		t.Fatal(err)
	}
	doc := text.NewDocument("", []string{"Presiden Joko Widodo meresmikan bendungan di Aceh. Warga yang tinggal di sana menyambutnya dengan gembira."})
	text.Tokenize(doc)
	text.SplitSentences(doc)
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	ts := NewTrees(doc, m)
	if ts.Parsed() != 0 {
		t.Fatal("a sentence was parsed before it was asked for")
	}
	second := doc.Sentences[1]
	tr := ts.At(second.First + 1)
	if tr == nil || tr.First != second.First || len(tr.Heads) != second.Last-second.First {
		t.Fatalf("At gave the wrong tree: %+v for sentence %+v", tr, second)
	}
	if ts.Through(second.First) != tr || ts.Parsed() != 1 || ts.Sentence(1) != tr {
		t.Errorf("the second sentence was parsed %d times in all, or not cached", ts.Parsed())
	}
	roots := 0
	for tok := second.First; tok < second.Last; tok++ {
		h := tr.Head(tok)
		if h == -1 {
			roots++
			continue
		}
		if !tr.Has(h) {
			t.Errorf("token %d has head %d outside its sentence", tok, h)
		}
		// No cycles: walking up ends at a root.
		steps := 0
		for a := tok; a >= 0 && steps <= len(tr.Heads); a = tr.Head(a) {
			steps++
		}
		if steps > len(tr.Heads) {
			t.Errorf("token %d is on a cycle", tok)
		}
	}
	if roots == 0 {
		t.Error("a tree without a root")
	}
	if ts.At(len(doc.Tokens)) != nil || ts.Sentence(-1) != nil {
		t.Error("a tree for a token or sentence that is not there")
	}
}
