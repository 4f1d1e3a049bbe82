package person

import (
	"io/fs"
	"strings"
	"testing"
)

// TestDataHeaders checks that every data file opens with a comment that
// says where its entries come from.
func TestDataHeaders(t *testing.T) {
	files, err := fs.Glob(dataFS, "data/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	for _, name := range files {
		b, _ := dataFS.ReadFile(name)
		var head strings.Builder
		for line := range strings.Lines(string(b)) {
			if !strings.HasPrefix(line, "#") {
				break
			}
			head.WriteString(line)
		}
		h := strings.ToLower(head.String())
		if !strings.Contains(h, "compiled") && !strings.Contains(h, "written") && !strings.Contains(h, "generated") {
			t.Errorf("%s: the header does not say where the entries come from", name)
		}
	}
}

func TestLexiconLoads(t *testing.T) {
	if _, err := readLexicon(); err != nil {
		t.Fatal(err)
	}
}
