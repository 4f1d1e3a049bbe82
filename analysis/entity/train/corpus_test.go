package train

import (
	"strings"
	"testing"
)

func TestReadCoNLL(t *testing.T) {
	data := "Menteri O\nRetno B-PERSON\nMarsudi I-PERSON\r\nke O\nTokyo\tB-PLACE\n\nKPK B-ORGANISATION\nmemeriksa O\nsaksi I-PERSON\n"
	sents, err := ReadCoNLL(strings.NewReader(data), map[string]string{"PERSON": "PER", "PLACE": "LOC", "ORGANISATION": "ORG"})
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("%d sentences, want 2", len(sents))
	}
	if got := strings.Join(sents[0].Tags, " "); got != "O B-PER I-PER O B-LOC" {
		t.Errorf("tags %q", got)
	}
	// An I- that continues nothing starts an entity, as conlleval reads it.
	if got := Spans(sents[1].Tags); len(got) != 2 || got[1] != (Span{2, 3, "PER"}) {
		t.Errorf("spans %v", got)
	}
	if _, err := ReadCoNLL(strings.NewReader("Retno\n"), nil); err == nil {
		t.Error("a line without a tag was accepted")
	}
}

func TestCountSpans(t *testing.T) {
	gold := []string{"B-PER", "I-PER", "O", "B-LOC"}
	pred := []string{"B-PER", "I-PER", "O", "B-ORG"}
	if m, p, g := CountSpans(gold, pred); m != 1 || p != 2 || g != 2 {
		t.Errorf("CountSpans = %d, %d, %d; want 1, 2, 2", m, p, g)
	}
}
