package train

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/analysis/topic"
	"github.com/warta-news/warta/internal/shared"
)

// The committed model is what `warta train topics` builds.
func TestTrainReproducible(t *testing.T) {
	dir := filepath.Dir(filepath.Dir(shared.Path(t, "data/"+SIBFile)))
	data := filepath.Dir(dir)
	model, err := Train(data)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(model, topic.ModelFile()) {
		t.Errorf("training gave a model of %d bytes that differs from the committed one (%d bytes): run `warta train topics`", len(model), len(topic.ModelFile()))
	}
}

func TestWeakSubject(t *testing.T) {
	lex := topic.DefaultLexicon()
	if s, ok := weakSubject(lex, "timnas menang di laga piala dunia"); !ok || lex.Subjects[s].Key != "sport" {
		t.Errorf("a sports sentence: %v %v", s, ok)
	}
	if _, ok := weakSubject(lex, "polisi menangkap pemain timnas"); ok {
		t.Error("a sentence split between crime and sport was labelled")
	}
	if _, ok := weakSubject(lex, "makanannya enak sekali"); ok {
		t.Error("a sentence without hits was labelled")
	}
}
