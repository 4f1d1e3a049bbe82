// Package golden compares what a test produces with a file under testdata,
// in the manner of go/printer's golden tests: the expected output is a file
// reviewed in the diff like code, and go test -update rewrites it.
package golden

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// Inputs returns the files matching pattern, failing the test when there
// are none: a golden test without inputs tests nothing.
func Inputs(t testing.TB, pattern string) []string {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs %s: %v", pattern, err)
	}
	return files
}

// Read returns the content of an input file.
func Read(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// JSONFor is the golden file of an input: NAME.txt → NAME.golden.json.
func JSONFor(input string) string {
	return strings.TrimSuffix(input, filepath.Ext(input)) + ".golden.json"
}

// JSON checks v, written as indented JSON without HTML escaping and with a
// final newline, against the golden file at path.
func JSON(t testing.TB, path string, v any) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	Check(t, path, b.Bytes())
}

// Check compares got with the golden file at path, listing the lines that
// differ; with -update it rewrites the file instead.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (go test -update rewrites it, then review the diff):\n%s",
			path, lineDiff(string(want), string(got)))
	}
}

// lineDiff lists the lines of got that differ from want, by position.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := range max(len(w), len(g)) {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "  line %d\n    want %q\n     got %q\n", i+1, wl, gl)
		}
	}
	return b.String()
}
