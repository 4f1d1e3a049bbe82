package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// stemFloors are accuracies measured with warta eval stem, set a little
// under what the stemmer achieved, so that a regression fails the test.
var stemFloors = map[string]float64{
	"sastrawi test types":             0.80,  // 162/201
	"sastrawi functional test types":  0.83,  // 139/166
	"sastrawi integration test types": 0.65,  // 23/35
	"ud-csui test tokens":             0.975, // 6505/6648
	"ud-csui test types":              0.945, // 1488/1570
	"ud-csui train tokens":            0.98,  // 11760/11963
	"ud-csui train types":             0.945, // 2014/2120
}

// TestStem scores the stemmer on the gold pairs in the shared data folder
// (skipped when they are missing, failed when CI=true) and prints the
// report: go test ./internal/eval -run TestStem -v
func TestStem(t *testing.T) {
	scores, err := Stem(shared.Path(t, "data/stem"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteStemReport(&b, scores, false); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(scores) != len(stemFloors) {
		t.Fatalf("%d scores, want %d", len(scores), len(stemFloors))
	}
	for _, s := range scores {
		key := strings.Join(strings.Fields(fmt.Sprintf("%s %s %s %s", s.Set, s.Subset, s.Split, s.Unit)), " ")
		floor, ok := stemFloors[key]
		if !ok {
			t.Errorf("no floor for %s", key)
			continue
		}
		if a := s.Accuracy(); a < floor {
			t.Errorf("%s: accuracy %.4f < %.4f", key, a, floor)
		}
	}
}

// TestScoreStem checks the counting on made-up rows: an agreement, a
// derived noun UD keeps whole, a word the stemmer keeps whole, and a
// different root, weighted by token and by type.
func TestScoreStem(t *testing.T) {
	rows := []stemPair{
		{word: "membangun", gold: "bangun", upos: "VERB", count: 5},
		{word: "pembangunan", gold: "pembangunan", upos: "NOUN", count: 3},
		{word: "pemerintah", gold: "perintah", upos: "NOUN", count: 2},
		{word: "meminta", gold: "pinta", upos: "VERB", count: 1},
	}
	tok := scoreStem("ud-csui", "test", "tokens", rows)
	if tok.Total != 11 || tok.Correct != 5 || tok.KeptWhole != 3 || tok.Whole != 2 || len(tok.Misses) != 3 {
		t.Errorf("tokens: %+v", tok)
	}
	if a := tok.AccuracyKeptWhole(); a != 8.0/11 {
		t.Errorf("accuracy counting kept-whole nouns = %v, want 8/11", a)
	}
	typ := scoreStem("ud-csui", "test", "types", rows)
	if typ.Total != 4 || typ.Correct != 1 || typ.KeptWhole != 1 || typ.Whole != 1 {
		t.Errorf("types: %+v", typ)
	}
	var b strings.Builder
	if err := WriteStemReport(&b, []StemScore{tok}, true); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"accuracy 45.5% (5/11)", "derived nouns UD keeps whole: 3", "accuracy 72.7%", "kept whole by the stemmer: 2", "meminta\tpinta\tminta\tVERB\t1"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report has no %q:\n%s", want, b.String())
		}
	}
}
