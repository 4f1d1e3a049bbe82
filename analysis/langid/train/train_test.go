package train

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// TestTrainReproducible retrains from the shared SIB-200 data and compares
// with the committed model byte for byte (see `warta train langid`).
func TestTrainReproducible(t *testing.T) {
	dir := shared.Path(t, "data/sib200")
	m, err := Model(dir)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := m.Save(&b); err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("../model.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), committed) {
		t.Errorf("retrained model (%d bytes) differs from model.bin (%d bytes): run warta train langid", b.Len(), len(committed))
	}
}

func TestReadSplitErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.tsv", "index_id\tcategory\ttext\n1\thealth\t\"Kata \"\"dia\"\", sehat.\"\n2\tsports\tMenang lagi.\n")
	sents, err := ReadSplit(good)
	if err != nil || len(sents) != 2 || sents[0] != `Kata "dia", sehat.` {
		t.Errorf("ReadSplit = %q, %v", sents, err)
	}
	for _, bad := range []string{
		write("cols.tsv", "index_id\tcategory\ttext\n1\thealth\n"),
		write("head.tsv", "index_id\tcategory\tlabel\n1\thealth\tx\n"),
		write("none.tsv", "index_id\tcategory\ttext\n"),
		filepath.Join(dir, "missing.tsv"),
	} {
		if _, err := ReadSplit(bad); err == nil {
			t.Errorf("ReadSplit(%s) succeeded", filepath.Base(bad))
		}
	}
}
