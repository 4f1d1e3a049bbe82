package quote

import (
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/person"
)

func TestLexicon(t *testing.T) {
	l, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	// The filter in front of the map must never lose an entry, in any case.
	for w, c := range l.words {
		for _, form := range []string{w, strings.ToUpper(w[:1]) + w[1:], strings.ToUpper(w)} {
			if got := l.classOf(form); got&c != c {
				t.Errorf("classOf(%q) = %b, want %b", form, got, c)
			}
		}
	}
	for _, c := range []struct {
		word string
		has  person.Class
		flag uint8
	}{
		{"kata", wCueAfter, 0},
		{"Ujarnya", wCueNya, 0},
		{"Menurutnya", wCuePrep | wCueNya, 0},
		{"mengatakan", wCueVerb, verbClause},
		{"mengungkapkan", wCueVerb, verbShape},
		{"berharap", wCueVerb, verbBahwa},
		{"Dikutip", wCueSource, 0},
		{"akan", wOpener, 0},
		{"kepada", wObjectStop, 0},
		{"memuji", wCueVerb, verbMark},
		{"menggambarkannya", wCueVerb, verbMark}, // -nya is the object
		{"Kapolda", wRole | wTerritory, 0},
		{"juru", wRoleFirst, 0},
		{"Kabupaten", wOrg | wTerritory, 0},
		{"Universitas", wOrg | wInstitution, 0},
		{"Irjen", wHonorific, 0},
		{"bertajuk", wTitleNoun, 0},
		{"Tapi", wFunction, 0},
		{"beliau", wPronoun, 0},
	} {
		if got := l.classOf(c.word); got&c.has != c.has {
			t.Errorf("classOf(%q) = %b, want the bits %b", c.word, got, c.has)
		}
		if got := l.verbFlag(c.word); got != c.flag {
			t.Errorf("verbFlag(%q) = %d, want %d", c.word, got, c.flag)
		}
	}
	for _, w := range []string{"Lavrov", "pembicaraan", "x", "", strings.Repeat("a", 80)} {
		if c := l.classOf(w); c != 0 {
			t.Errorf("classOf(%q) = %b, want none", w, c)
		}
	}
}
