package quote

import (
	"fmt"
	"testing"
)

func TestZZDebug(t *testing.T) {
	doc := docOfText("Praperadilan\nHakim membatalkan status tersangka jurnalis berinisial HM setelah dilaporkan.\nSementara itu, HM mengaku menghargai putusan hakim.")
	ents := entitiesOf(doc, []Entity{{ID: "E1", Name: "HM", Type: "PER"}}, [][]string{{"HM"}})
	f := newFinder(doc, ents)
	for v := range f.toks {
		if f.tok(v) == "mengaku" {
			p, ok := f.subjectOf(v)
			q, ok2 := f.speakerOf(v)
			fmt.Println("subject", p, ok, "speaker", q, ok2, f.acronymOfPerson(span{v - 1, v}), f.mentionFrom(v-1))
		}
	}
	for _, q := range Find(doc, ents) {
		fmt.Println(q.Kind, q.Name, doc.Text[q.Text.Start:q.Text.End])
	}
}
