package eval

import (
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/internal/shared"
)

// TestNERDev scores the embedded model on the dev splits (tuning data) and
// guards against regressions: each ship set must stay near the F1 it had
// when the model was committed.
func TestNERDev(t *testing.T) {
	dir := shared.Path(t, "data/ner")
	m, err := entity.DefaultModel()
	if err != nil {
		t.Fatal(err)
	}
	scores, err := NER(dir, m, "dev")
	if err != nil {
		t.Fatal(err)
	}
	floor := map[string]float64{"nergrit": 0.72, "nerp": 0.72, "idner": 0.83}
	if len(scores) != len(floor) {
		t.Fatalf("%d sets scored on dev, want %d", len(scores), len(floor))
	}
	for _, s := range scores {
		t.Logf("%s dev: P %.3f R %.3f F1 %.3f", s.Set, s.All.Precision(), s.All.Recall(), s.All.F1())
		if s.All.F1() < floor[s.Set] {
			t.Errorf("%s dev F1 %.3f, below %.2f", s.Set, s.All.F1(), floor[s.Set])
		}
	}
	var b strings.Builder
	if err := WriteNERReport(&b, scores, m.Info(), len(entity.EmbeddedModel())); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "79.09") || !strings.Contains(b.String(), "79.25") {
		t.Errorf("report lacks the published figures:\n%s", b.String())
	}
}

func TestNERScoreCountsWholeEntities(t *testing.T) {
	s := NERScore{ByClass: map[string]*PRF{}}
	s.add([]string{"B-PER", "I-PER", "O", "B-LOC"}, []string{"B-PER", "O", "O", "B-LOC"})
	s.add([]string{"O", "I-ORG", "I-ORG"}, []string{"O", "B-ORG", "I-ORG"}) // conlleval: I- opens an entity
	if s.All != (PRF{Match: 2, Pred: 3, Gold: 3}) {
		t.Errorf("counts %+v, want 2 matched of 3 predicted and 3 gold", s.All)
	}
	if p := s.ByClass["PER"]; *p != (PRF{Match: 0, Pred: 1, Gold: 1}) {
		t.Errorf("PER counts %+v", *p)
	}
}
