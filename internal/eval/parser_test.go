package eval

import (
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/internal/shared"
)

// TestParserDev scores the built-in parser on GSD dev, the tuning split,
// and holds it to floors a little under what the committed model scores
// (README), so that a worse model or a broken reader fails.
func TestParserDev(t *testing.T) {
	dir := shared.Path(t, "data/treebank")
	m, err := syntax.Default()
	if err != nil {
		t.Fatal(err)
	}
	scores, err := Parser(dir, m, "dev")
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != 1 || scores[0].Tokens == 0 {
		t.Fatalf("scores %+v", scores)
	}
	s := scores[0]
	pct := func(n int) float64 { return 100 * float64(n) / float64(s.Tokens) }
	t.Logf("GSD dev: UPOS %.2f UAS %.2f LAS %.2f over %d tokens", pct(s.UPOS), pct(s.UAS), pct(s.LAS), s.Tokens)
	if pct(s.UPOS) < 84 || pct(s.UAS) < 62 || pct(s.LAS) < 47 {
		t.Errorf("GSD dev UPOS %.2f UAS %.2f LAS %.2f, below the floors 84 / 62 / 47", pct(s.UPOS), pct(s.UAS), pct(s.LAS))
	}
	// The training file reads whole: every sentence, multiword tokens
	// folded.
	train, err := ReadTreebank(filepath.Join(dir, ParserTrainFile))
	if err != nil {
		t.Fatal(err)
	}
	folded := 0
	for _, s := range train {
		folded += s.Folded
	}
	if len(train) != 656 || folded != 318 {
		t.Errorf("CSUI train: %d sentences, %d multiword tokens; the README of the treebank says 656, and the file holds 318 ranges", len(train), folded)
	}
}
