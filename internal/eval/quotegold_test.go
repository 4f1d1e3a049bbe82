package eval

import (
	stdcontext "context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// TestQuoteGoldScorer checks the counts on a made-up article: a perfect
// record, then one wrong in each way the scorer counts.
func TestQuoteGoldScorer(t *testing.T) {
	text := "Budi Santoso ke Jakarta. \"Kami siap,\" kata Budi. Menurut Budi, harga naik lagi."
	gold := &quoteArticle{goldRef: goldRef{ID: "1", RecordID: "r", Split: "heldout"},
		Speakers: []quoteSpeaker{{Type: "PER", Forms: [][2]int{{0, 12}, {43, 47}}}},
		Quotes: []detikQuote{
			{Start: 26, End: 36, Speaker: 1, At: [2]int{43, 47}},
			{Start: 63, End: 78, Indirect: true, Speaker: 1, At: [2]int{57, 61}},
		},
	}
	record := func(js string) *scoredRecord {
		var r scoredRecord
		if err := json.Unmarshal([]byte(js), &r); err != nil {
			t.Fatal(err)
		}
		r.Text = text
		return &r
	}
	s := &QuoteGoldScore{}
	if err := s.add(gold, record(`{"quotes":[
		{"text":"Kami siap,","start":26,"end":36,"kind":"direct","speaker_name":"Budi Santoso"},
		{"text":"harga naik lagi","start":63,"end":78,"kind":"indirect","speaker_name":"Budi"}]}`)); err != nil {
		t.Fatal(err)
	}
	want := QuoteTally{Gold: 1, Found: 1, Attributable: 1, Attributed: 1}
	if s.Marked != want || s.Reported != want || len(s.Misses) != 0 {
		t.Errorf("perfect record scored %+v", s)
	}
	// The direct quotation's words differ; the report overlaps less than
	// half and another report is extra; the partial one is extra too.
	s = &QuoteGoldScore{}
	if err := s.add(gold, record(`{"quotes":[
		{"text":"Kami siap sekali","start":26,"end":42,"kind":"direct","speaker_name":"Budi"},
		{"text":"lagi","start":74,"end":78,"kind":"indirect","speaker_name":"Budi"},
		{"text":"Jakarta","start":16,"end":23,"kind":"partial"}]}`)); err != nil {
		t.Fatal(err)
	}
	if s.Marked != (QuoteTally{Gold: 1, Attributable: 1, Extra: 2}) || s.Reported != (QuoteTally{Gold: 1, Attributable: 1, Extra: 1}) {
		t.Errorf("wrong record scored marked %+v, reported %+v", s.Marked, s.Reported)
	}
	// Found, but given to somebody else or to nobody.
	s = &QuoteGoldScore{}
	if err := s.add(gold, record(`{"quotes":[
		{"text":"Kami siap","start":26,"end":35,"kind":"direct","speaker_name":"Jakarta"},
		{"text":"harga naik","start":63,"end":73,"kind":"indirect"}]}`)); err != nil {
		t.Fatal(err)
	}
	if s.Marked.Found != 1 || s.Marked.Attributed != 0 || s.Reported.Found != 1 || s.Reported.Attributed != 0 || len(s.Misses) != 2 {
		t.Errorf("misattributed record scored %+v", s)
	}
}

func TestReadQuoteGoldErrors(t *testing.T) {
	checkGoldErrors(t, func(p string) error { _, err := readQuoteGold(p); return err }, map[string]string{
		"split":   "A\t1\tr\n",
		"unknown": "A\t1\tr\ttest\n",
		"orphan":  "S\t1\t1\tPER\t0-4\n",
		"number":  "A\t1\tr\theldout\nS\t1\t2\tPER\t0-4\n",
		"type":    "A\t1\tr\theldout\nS\t1\t1\tLOC\t0-4\n",
		"span":    "A\t1\tr\theldout\nS\t1\t1\tPER\t4-0\n",
		"kind":    "A\t1\tr\theldout\nS\t1\t1\tPER\t0-4\nQ\t1\t5\t9\tdirect\t1\t0-4\n",
		"speaker": "A\t1\tr\theldout\nS\t1\t1\tPER\t0-4\nQ\t1\t5\t9\tmarked\t2\t0-4\n",
		"mention": "A\t1\tr\theldout\nS\t1\t1\tPER\t0-4\nQ\t1\t5\t9\tmarked\t-\t0-4\n",
		"twice":   "A\t1\tr\theldout\nA\t1\tr\theldout\n",
	})
}

// TestQuoteGold analyses the quote gold's articles and scores each split.
// It checks that the annotated text is the text analysed (the record ids),
// that every speaker's mention is one of its forms (the scorer refuses
// one that is not), and that attribution does not slip below what was
// last measured on any split.
func TestQuoteGold(t *testing.T) {
	data := filepath.Dir(filepath.Dir(shared.Path(t, "data/detik-news/articles.jsonl")))
	const gold = "testdata/quotes-detik.tsv"
	arts, err := readQuoteGold(gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, floor := range []struct {
		split            string
		articles         int
		marked, reported float64
	}{
		{"dev", 20, 0.98, 0.94},
		{"dev2", 20, 0.98, 0.89},
		{"dev3", 20, 0.95, 0.86},
		{"heldout", 24, 0.98, 0.80},
		{"heldout2", 20, 0.94, 0.89},
		{"heldout3", 20, 0.94, 0.86},
		{"heldout4", 20, 1.00, 0.76},
	} {
		if n := len(inSplit(arts, quoteSplits, floor.split)); n != floor.articles {
			t.Fatalf("%s split has %d articles, want %d", floor.split, n, floor.articles)
		}
		s, err := ScoreQuoteGold(stdcontext.Background(), data, gold, floor.split, "")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := WriteQuoteGoldReport(&b, s, false); err != nil {
			t.Fatal(err)
		}
		t.Log("\n" + b.String())
		if s.Marked.Attribution() < floor.marked || s.Reported.Attribution() < floor.reported {
			t.Errorf("%s attribution fell below %.2f marked, %.2f reported", floor.split, floor.marked, floor.reported)
		}
	}
}
