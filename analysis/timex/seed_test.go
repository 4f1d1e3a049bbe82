package timex_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
	"github.com/warta-news/warta/internal/shared"
)

// seedGold is the part of ../shared/fixtures/seed/gold.json that dates,
// amounts and durations answer for.
type seedGold struct {
	Published string `json:"published"`
	Dates     []struct {
		Text, Value string
	} `json:"dates"`
	Amounts []struct {
		Text  string
		Value float64
		Unit  string
	} `json:"amounts"`
	Durations []struct {
		Text    string
		Seconds float64
	} `json:"durations"`
}

// TestSeedArticle runs the founding article through analysis.Analyze, finds
// its dates, amounts and durations on the record's text as the pipeline
// will, and checks every one of the gold annotation, with its value, and
// that nothing else is found.
func TestSeedArticle(t *testing.T) {
	var gold seedGold
	raw := shared.Seed(t, &gold)
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: raw, Published: gold.Published})
	if err != nil {
		t.Fatal(err)
	}
	doc := &text.Document{Text: rec.Text}
	text.Tokenize(doc)
	text.SplitSentences(doc)
	pub, err := time.ParseInLocation(time.DateOnly, gold.Published, time.FixedZone("WIB", 7*3600))
	if err != nil {
		t.Fatal(err)
	}
	dates, durs := timex.Find(doc, &pub)
	amounts := amount.Find(doc)

	// Gold lists each expression once; the article repeats "hari Rabu".
	seen := map[string]bool{}
	for _, g := range gold.Dates {
		seen[strings.ToLower(g.Text)+"="+g.Value] = true
	}
	for _, d := range dates {
		if !seen[strings.ToLower(d.Text)+"="+d.Value] {
			t.Errorf("date %q = %q is not in the gold", d.Text, d.Value)
		}
	}
	for _, g := range gold.Dates {
		if !has(dates, func(d timex.Date) bool { return strings.EqualFold(d.Text, g.Text) && d.Value == g.Value }) {
			t.Errorf("gold date %q = %s not found in %+v", g.Text, g.Value, dates)
		}
	}
	if len(amounts) != len(gold.Amounts) {
		t.Errorf("amounts %+v, want %+v", amounts, gold.Amounts)
	}
	for _, g := range gold.Amounts {
		if !has(amounts, func(a amount.Amount) bool { return a.Text == g.Text && a.Value == g.Value && a.Unit == g.Unit }) {
			t.Errorf("gold amount %q = %v %s not found in %+v", g.Text, g.Value, g.Unit, amounts)
		}
	}
	if len(durs) != len(gold.Durations) {
		t.Errorf("durations %+v, want %+v", durs, gold.Durations)
	}
	for _, g := range gold.Durations {
		if !has(durs, func(d timex.Duration) bool { return d.Text == g.Text && d.Seconds == g.Seconds }) {
			t.Errorf("gold duration %q = %v s not found in %+v", g.Text, g.Seconds, durs)
		}
	}
}

func has[T any](list []T, ok func(T) bool) bool {
	for _, x := range list {
		if ok(x) {
			return true
		}
	}
	return false
}
