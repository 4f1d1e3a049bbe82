package bench

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestIngestReportMedians(t *testing.T) {
	mk := func(bin string, ingest, analyze time.Duration, db int64) IngestRun {
		return IngestRun{Binary: bin, Articles: 1000, Ingest: Measure{Wall: ingest, PeakRSS: 100 << 20},
			Analyze: Measure{Wall: analyze}, Gzip: Measure{Wall: time.Second}, DBBytes: db}
	}
	runs := []IngestRun{
		mk("old", 4*time.Second, time.Second, 20<<20), mk("new", time.Second, time.Second, 10<<20),
		mk("old", 5*time.Second, time.Second, 20<<20), mk("new", 2*time.Second, time.Second, 10<<20),
		mk("old", 100*time.Second, time.Second, 20<<20), mk("new", 3*time.Second, 2*time.Second, 10<<20),
	}
	var b strings.Builder
	if err := WriteIngestReport(&b, runs); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if len(lines) != 3 {
		t.Fatalf("report:\n%s", b.String())
	}
	// old: medians 5 s ingest → 200 art/s, 5.00× analysis; 20 MB per 1,000.
	if f := strings.Fields(lines[1]); f[0] != "old" || f[3] != "200" || f[5] != "5.00" || f[12] != "20.00" {
		t.Errorf("old row %q", lines[1])
	}
	// new: ingest 2 s → 500 art/s; ratios 1, 2, 1.5 → median 1.50.
	if f := strings.Fields(lines[2]); f[0] != "new" || f[3] != "500" || f[5] != "1.50" || f[12] != "10.00" {
		t.Errorf("new row %q", lines[2])
	}
}

func TestIngestBenchRunsEachBinary(t *testing.T) {
	if _, err := exec.LookPath("gzip"); err != nil {
		t.Skip("no gzip here")
	}
	dir := t.TempDir()
	corpus := filepath.Join(dir, "c.jsonl")
	if err := os.WriteFile(corpus, []byte("{}\n{}\n{}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A stand-in for warta that writes a store file for ingest.
	fake := filepath.Join(dir, "fake-warta")
	script := "#!/bin/sh\nif [ \"$1\" = ingest ]; then head -c 3000 /dev/zero > \"$4/warta.db\"; fi\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	runs, err := IngestBench(context.Background(), IngestOptions{Corpus: corpus, Binaries: []string{fake, fake}, Runs: 2, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 4 {
		t.Fatalf("%d runs, want 4", len(runs))
	}
	for _, r := range runs {
		if r.Articles != 3 || r.DBBytes != 3000 || r.Ingest.Wall <= 0 {
			t.Errorf("run %+v", r)
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, "bench-store-*"))
	if len(left) != 0 {
		t.Errorf("stores left behind: %v", left)
	}
	// A failing binary is an error, not a figure.
	if _, err := IngestBench(context.Background(), IngestOptions{Corpus: corpus, Binaries: []string{"false"}, Dir: dir}); err == nil {
		t.Error("a failing analyze gave figures")
	}
}
