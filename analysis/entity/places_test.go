package entity

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

// TestPlacesBeforeNames gives placesBeforeNames the span the tagger makes
// of a place and the name after it in some articles (Kota X Name as one
// place) and checks that the place and the person come apart, and that a
// place listed whole with its next words (Kabupaten Bandung Barat) or a
// word that opens no person stays one place.
func TestPlacesBeforeNames(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		text, span string
		want       []string // the mentions' texts after the split, in order
	}{
		{"Kepala Dinas Perizinan Kota Mataram Hendra Wijaya membuka rapat. “Izin kami percepat,” kata Hendra.", "Kota Mataram Hendra Wijaya",
			[]string{"Kota Mataram", "Hendra", "Hendra Wijaya"}},
		{"Banjir melanda Kabupaten Bandung Barat pagi ini.", "Kabupaten Bandung Barat", []string{"Kabupaten Bandung Barat"}},
		{"Warga Kota Kuala Simpang mengungsi.", "Kota Kuala Simpang", []string{"Kota Kuala Simpang"}},
	} {
		doc := text.NewDocument("Rapat", []string{tt.text})
		text.Tokenize(doc)
		text.SplitSentences(doc)
		tg := r.m.getTagger()
		a := tg.article(doc, r)
		a.mentions(tg)
		// Replace whatever the tagger found over the span with the glued
		// place the rule is for.
		first, last := -1, -1
		for i := range doc.Tokens {
			if first < 0 && len(doc.Text) >= doc.Tokens[i].Start+len(tt.span) && doc.Text[doc.Tokens[i].Start:doc.Tokens[i].Start+len(tt.span)] == tt.span {
				first = i
			}
			if first >= 0 && doc.Tokens[i].End == doc.Tokens[first].Start+len(tt.span) {
				last = i + 1
				break
			}
		}
		if first < 0 || last < 0 {
			t.Fatalf("%q: no span %q", tt.text, tt.span)
		}
		kept := a.ms[:0]
		for _, m := range a.ms {
			if m.last <= first || m.first >= last {
				kept = append(kept, m)
			}
		}
		a.ms = append(kept, mention{first: first, last: last, class: "LOC", sentence: a.sentenceOf(first)})
		a.placesBeforeNames()
		var got []string
		for _, m := range a.ms {
			if m.first >= first && m.last <= last || m.class == "PER" {
				got = append(got, a.text(m.first, m.last))
			}
		}
		a.release()
		r.m.putTagger(tg)
		if !sameSet(got, tt.want) {
			t.Errorf("%q: mentions %q, want %q", tt.text, got, tt.want)
		}
	}
}

func sameSet(x, y []string) bool {
	if len(x) != len(y) {
		return false
	}
	seen := map[string]int{}
	for _, s := range x {
		seen[s]++
	}
	for _, s := range y {
		if seen[s]--; seen[s] < 0 {
			return false
		}
	}
	return true
}
