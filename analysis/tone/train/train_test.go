package train

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/internal/shared"
)

// The committed model is what `warta train tone` builds from SmSA train.
func TestTrainReproducible(t *testing.T) {
	dir := shared.Path(t, "data/sentiment/smsa_doc-sentiment-prosa")
	model, err := Train(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(model, tone.ModelFile()) {
		t.Errorf("training gave a model of %d bytes that differs from the committed one (%d bytes): run `warta train tone`", len(model), len(tone.ModelFile()))
	}
}

func TestReadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"nolabel.tsv": "teks tanpa label\n", "badlabel.tsv": "teks\tsenang\n"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := Read(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing.tsv")); err == nil {
		t.Error("missing file: no error")
	}
}

func TestDocumentJoinsNya(t *testing.T) {
	doc := Document("harga nya mahal , pelanggan - nya kecewa")
	var words []string
	for i := range doc.Tokens {
		words = append(words, doc.TokenText(i))
	}
	want := []string{"harganya", "mahal", ",", "pelanggannya", "kecewa"}
	if len(words) != len(want) {
		t.Fatalf("tokens %q, want %q", words, want)
	}
	for i := range want {
		if words[i] != want[i] {
			t.Fatalf("tokens %q, want %q", words, want)
		}
	}
}
