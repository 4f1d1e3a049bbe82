package timex

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden runs Find over the original example articles in
// testdata/golden/*.txt — a first line "# published: DATE" (RFC 3339, a
// date, or none), then the article — and compares the result with
// NAME.golden.json. go test -update rewrites the golden files, to be
// reviewed in the diff.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/golden/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, file := range files {
		raw, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		head, body, _ := strings.Cut(string(raw), "\n")
		pub := published(t, strings.TrimSpace(strings.TrimPrefix(head, "# published:")))
		dates, durs := Find(document(body), pub)
		got, err := json.MarshalIndent(struct {
			Dates     []Date     `json:"dates"`
			Durations []Duration `json:"durations"`
		}{dates, durs}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, '\n')
		golden := strings.TrimSuffix(file, ".txt") + ".golden.json"
		if *update {
			if err := os.WriteFile(golden, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(golden)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", file, golden, got)
		}
	}
}

func published(t *testing.T, s string) *time.Time {
	if s == "none" || s == "" {
		return nil
	}
	if p, err := time.Parse(time.RFC3339, s); err == nil {
		return &p
	}
	p, err := time.ParseInLocation(time.DateOnly, s, wib)
	if err != nil {
		t.Fatalf("published %q: %v", s, err)
	}
	return &p
}
