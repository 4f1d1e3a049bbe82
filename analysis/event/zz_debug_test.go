package event

import (
	"fmt"
	"os"
	"testing"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

func TestZZDebug(t *testing.T) {
	raw, err := os.ReadFile(os.Getenv("ZZFILE"))
	if err != nil {
		t.Skip()
	}
	doc := &text.Document{Text: string(raw)}
	text.Tokenize(doc)
	text.SplitSentences(doc)
	r, _ := entity.New()
	res := r.Find(doc)
	dates, _ := timex.Find(doc, nil)
	lx, _ := loadLexicon()
	c := newCoder(lx, doc, Input{Entities: res, Dates: dates})
	var found []candidate
	for si, s := range doc.Sentences {
		for _, m := range c.matches(s) {
			fmt.Printf("s%d match %s %q frame=%d\n", si, m.t.typ, doc.Text[doc.Tokens[m.tokens.first].Start:doc.Tokens[m.tokens.last-1].End], m.t.frame)
		}
		found = c.sentence(si, s, found)
	}
	for _, cd := range found {
		fmt.Printf("cand s%d %s %v→%v @%v %s %s [%s]\n", cd.Sentence, cd.Type, cd.Source, cd.Target, cd.Location, cd.Date, cd.Modality, cd.Trigger)
	}
}
