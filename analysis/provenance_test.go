package analysis

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// provenance matches a header's statement of where its entries come from:
// who compiled, wrote, collected or generated them and from what, a
// sentence that starts "From ...", a Sources: list, or the address of the
// work they are copied from.
var provenance = regexp.MustCompile(`(?i)\b(compiled|written|generated|copied|adapted|chosen|collected|read off)\b[^.]*\b(by|from)\b|\bby the warta authors\b|(^|[.:] )from \w|\b(entries|forms|names) come from\b|\bsources?:|https?://\S+`)

// TestDataProvenance checks that every data file the module embeds, under
// analysis/**/data and internal/**/data, opens with a header of # lines
// that names its source; a trained model file names its trainer and the
// sets it was trained on in its own header.
func TestDataProvenance(t *testing.T) {
	var files []string
	for _, root := range []string{".", "../internal"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && path != root && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
				return filepath.SkipDir
			}
			if !d.IsDir() && filepath.Base(filepath.Dir(path)) == "data" {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) < 40 {
		t.Fatalf("found %d data files, want the module's 40 or more", len(files))
	}
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.IndexByte(b[:min(len(b), 4096)], 0) >= 0 {
			if !bytes.Contains(b[:min(len(b), 4096)], []byte(`"trainer":`)) || !bytes.Contains(b[:min(len(b), 4096)], []byte(`"sentences":{"`)) {
				t.Errorf("%s: a binary data file that is not a model naming its training", path)
			}
			continue
		}
		var header []string
		for line := range strings.Lines(string(b)) {
			rest, ok := strings.CutPrefix(line, "#")
			if !ok {
				break
			}
			header = append(header, strings.TrimSpace(rest))
		}
		switch {
		case len(header) == 0:
			t.Errorf("%s: no header (# lines at the top)", path)
		case !provenance.MatchString(strings.Join(header, " ")):
			t.Errorf("%s: the header does not say where the entries come from:\n# %s", path, strings.Join(header, "\n# "))
		}
	}
}
