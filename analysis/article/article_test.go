package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// want is the expectation of a golden case in testdata/cases.
type want struct {
	Title       string        `json:"title"`
	Section     *string       `json:"section"`
	Byline      *string       `json:"byline"`
	Dateline    *Dateline     `json:"dateline"`
	Paragraphs  []string      `json:"paragraphs"`
	Boilerplate []Boilerplate `json:"boilerplate"`
}

func TestGoldenCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".want.json")
			if err != nil {
				t.Fatal(err)
			}
			var w want
			if err := json.Unmarshal(data, &w); err != nil {
				t.Fatal(err)
			}
			a := FromText(string(raw))
			if a.Title != w.Title {
				t.Errorf("title = %q, want %q", a.Title, w.Title)
			}
			if a.Section != deref(w.Section) {
				t.Errorf("section = %q, want %q", a.Section, deref(w.Section))
			}
			if a.Byline != deref(w.Byline) {
				t.Errorf("byline = %q, want %q", a.Byline, deref(w.Byline))
			}
			if !reflect.DeepEqual(a.Dateline, w.Dateline) {
				t.Errorf("dateline = %+v, want %+v", a.Dateline, w.Dateline)
			}
			if !reflect.DeepEqual(a.Paragraphs, w.Paragraphs) {
				t.Errorf("paragraphs:\n got %q\nwant %q", a.Paragraphs, w.Paragraphs)
			}
			if len(a.Boilerplate) != len(w.Boilerplate) || len(w.Boilerplate) > 0 && !reflect.DeepEqual(a.Boilerplate, w.Boilerplate) {
				t.Errorf("boilerplate:\n got %+v\nwant %+v", a.Boilerplate, w.Boilerplate)
			}
		})
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestLoad parses every table of the package: a malformed row would make
// FromText and FromHTML panic.
func TestLoad(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
}
