package timex

import (
	"strings"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/golden"
)

// TestGolden runs Find over the original example articles in
// testdata/golden/*.txt — a first line "# published: DATE" (RFC 3339, a
// date, or none), then the article — and compares the result with
// NAME.golden.json. go test -update rewrites the golden files, to be
// reviewed in the diff.
func TestGolden(t *testing.T) {
	for _, file := range golden.Inputs(t, "testdata/golden/*.txt") {
		head, body, _ := strings.Cut(golden.Read(t, file), "\n")
		pub := published(t, strings.TrimSpace(strings.TrimPrefix(head, "# published:")))
		dates, durs := Find(document(body), pub)
		golden.JSON(t, golden.JSONFor(file), struct {
			Dates     []Date     `json:"dates"`
			Durations []Duration `json:"durations"`
		}{dates, durs})
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
