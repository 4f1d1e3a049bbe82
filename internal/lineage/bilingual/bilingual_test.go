package bilingual_test

import (
	"bytes"
	"os"
	"testing"

	langidtrain "github.com/warta-news/warta/analysis/langid/train"
	"github.com/warta-news/warta/internal/lineage/bilingual"
	"github.com/warta-news/warta/internal/shared"
)

// `warta train bilingual` rebuilds the committed table byte for byte from
// SIB-200's train split.
func TestTrainReproducible(t *testing.T) {
	en, err := langidtrain.ReadSplit(shared.Path(t, "data/sib200/eng_Latn/train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	id, err := langidtrain.ReadSplit(shared.Path(t, "data/sib200/ind_Latn/train.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := bilingual.Train(en, id, bilingual.Source)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("data/id-en.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the trained table (%d bytes) differs from data/id-en.tsv (%d bytes): run warta train bilingual", len(got), len(want))
	}
	if _, err := bilingual.Train(en, id[:10], bilingual.Source); err == nil {
		t.Error("sentences of unequal counts trained a table")
	}
}

func TestKeys(t *testing.T) {
	for _, c := range []struct{ w, want string }{
		{"differences", "difference"}, {"talks", "talk"}, {"Russia's", "russia"}, {"parties", "party"}, {"boss", "boss"},
	} {
		if got := bilingual.EnglishKey(c.w); got != c.want {
			t.Errorf("EnglishKey(%q) = %q, want %q", c.w, got, c.want)
		}
	}
	if got := bilingual.IndonesianKey("Perbedaan"); got != "beda" {
		t.Errorf("IndonesianKey(Perbedaan) = %q, want beda", got)
	}
	if r := bilingual.Renderings("dunia"); len(r) == 0 || r[0] != "world" {
		t.Errorf("dunia renders %v, want world", r)
	}
}
