package eval

import (
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// langidFloors are test-split accuracies a little under what the embedded
// model measured (id 1.0000, ms 0.9069, min 0.9902, ban 0.9657, the rest
// 1.0000, all 0.9863), so a regression fails. Indonesian keeps the issue's
// acceptance bar of 99%.
var langidFloors = map[string]float64{
	"id": 0.99, "ms": 0.90, "jv": 0.995, "su": 0.995, "min": 0.985,
	"ban": 0.96, "bjn": 0.995, "ace": 0.995, "bug": 0.995, "en": 0.995,
}

// TestLangid scores the language identifier on SIB-200 (skipped without
// the shared data, failed in CI) and prints the report:
// go test ./internal/eval -run TestLangid -v
func TestLangid(t *testing.T) {
	scores, err := Langid(shared.Path(t, "data/sib200"))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteLangidReport(&b, scores); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	if len(scores) != 2 || scores[1].Split != "test" {
		t.Fatalf("got %d splits, want dev and test", len(scores))
	}
	test := scores[1]
	if len(test.Codes) != len(langidFloors) {
		t.Fatalf("%d languages scored, want %d", len(test.Codes), len(langidFloors))
	}
	for g, code := range test.Codes {
		if n := test.Total(g); n != 204 {
			t.Errorf("%s: %d test sentences, want 204", code, n)
		}
		if acc := test.Accuracy(g); acc < langidFloors[code] {
			t.Errorf("%s: test accuracy %.4f < %.4f; row %v", code, acc, langidFloors[code], test.Confusion[g])
		}
	}
	if acc := test.Overall(); acc < 0.98 {
		t.Errorf("overall test accuracy %.4f < 0.98", acc)
	}
}

func TestLangidScore(t *testing.T) {
	s := LangidScore{Split: "test", Codes: []string{"id", "ms"}, Confusion: [][]int{{9, 1, 0}, {2, 6, 2}}}
	if s.Total(1) != 10 || s.Accuracy(0) != 0.9 || s.Accuracy(1) != 0.6 || s.Overall() != 0.75 {
		t.Errorf("total %d, accuracy %v %v, overall %v", s.Total(1), s.Accuracy(0), s.Accuracy(1), s.Overall())
	}
	var b strings.Builder
	if err := WriteLangidReport(&b, []LangidScore{s}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"id sentences taken for ms 1 of 10, ms sentences taken for id 2 of 10",
		"ms       2    6    2\n",
		"all     0.7500",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
