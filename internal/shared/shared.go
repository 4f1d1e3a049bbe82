// Package shared is for tests: it finds the project's shared data folder
// (as internal/config does for the commands), which holds the datasets,
// the founding article and its gold annotation, and skips a test that
// needs what is missing (failing it in CI). Nothing from it is committed into the project: code and
// tests read it in place.
package shared

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/warta-news/warta/internal/config"
)

// Dir returns the shared folder: $WARTA_SHARED if set, else the "shared"
// folder beside the module root (config.SharedDir, which the commands use
// too; this package is for tests).
func Dir() (string, error) { return config.SharedDir("", os.Getenv) }

// Path returns the path of rel inside the shared folder. A test that needs
// the file skips when it is missing on a developer's machine, and fails
// when CI=true: CI never passes by skipping.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	dir, err := Dir()
	if err == nil {
		p := filepath.Join(dir, rel)
		if _, err = os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CI") == "true" {
		tb.Fatalf("shared data %s is required in CI: %v", rel, err)
	}
	tb.Skipf("shared data %s not available: %v", rel, err)
	return ""
}

// Article is one article of the detik-news evaluation set.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Body      string `json:"body"`
}

// DetikArticles reads the 700 detik-news articles (evaluation and
// benchmarks only: they are never copied into the project), skipping or
// failing like Path when they are missing.
func DetikArticles(tb testing.TB) []Article {
	tb.Helper()
	f, err := os.Open(Path(tb, "data/detik-news/articles.jsonl"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var arts []Article
	dec := json.NewDecoder(f)
	for dec.More() {
		var a Article
		if err := dec.Decode(&a); err != nil {
			tb.Fatalf("detik-news: %v", err)
		}
		arts = append(arts, a)
	}
	return arts
}

// Seed reads the founding article (fixtures/seed/article.txt) and decodes
// the parts of its gold annotation (gold.json) that gold's fields name. It
// skips or fails like Path when the fixture is missing.
func Seed(tb testing.TB, gold any) string {
	tb.Helper()
	dir := Path(tb, "fixtures/seed")
	raw, err := os.ReadFile(filepath.Join(dir, "article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		tb.Fatal(err)
	}
	if err := json.Unmarshal(data, gold); err != nil {
		tb.Fatalf("gold.json: %v", err)
	}
	return string(raw)
}
