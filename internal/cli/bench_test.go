package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

func TestBenchCorpus(t *testing.T) {
	src := shared.Path(t, "data/detik-news/articles.jsonl")
	out := filepath.Join(t.TempDir(), "corpus.jsonl")
	if code, _, stderr := run(t, "", "bench", "corpus", "--size", "120", "--articles", src, "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), "\n"); n != 120 {
		t.Fatalf("%d lines, want 120", n)
	}
	// The corpus is what warta ingest reads: 120 new articles.
	code, _, stderr := run(t, "", "ingest", "--data", t.TempDir(), out)
	if code != 0 || !strings.Contains(stderr, "new=120 ") {
		t.Fatalf("ingest: exit %d: %s", code, stderr)
	}
	if code, _, _ := run(t, "", "bench", "corpus", "--size", "0", "--articles", src, "--out", out); code != 2 {
		t.Fatalf("--size 0: exit %d, want 2", code)
	}
}
