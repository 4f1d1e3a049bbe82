package bench

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// IngestOptions say what to measure: each binary's ingest of the corpus
// into a fresh store, beside its analysis of the same file and gzip -6 of
// the same bytes, in the same run.
type IngestOptions struct {
	Corpus   string   // JSON Lines, as warta bench corpus writes
	Binaries []string // warta binaries to compare; each is measured every run
	Runs     int      // rounds; the report gives each figure's median
	Dir      string   // where the fresh stores go (removed after each run)
	Log      io.Writer
}

// Measure is one process's run.
type Measure struct {
	Wall    time.Duration
	CPU     time.Duration // user + system
	PeakRSS int64         // bytes
}

// IngestRun is one round for one binary.
type IngestRun struct {
	Binary   string
	Gzip     Measure
	Analyze  Measure
	Ingest   Measure
	DBBytes  int64 // the database file and its WAL after the ingest
	Articles int
}

// IngestBench runs the rounds. Within a round the binaries take turns, and
// each runs gzip, then its analysis, then its ingest, so that every ratio
// compares runs taken minutes apart at most on the same loaded machine.
func IngestBench(ctx context.Context, opts IngestOptions) ([]IngestRun, error) {
	if opts.Runs < 1 {
		opts.Runs = 1
	}
	n, err := countLines(opts.Corpus)
	if err != nil {
		return nil, err
	}
	if opts.Corpus, err = filepath.Abs(opts.Corpus); err != nil {
		return nil, err
	}
	var out []IngestRun
	for round := range opts.Runs {
		for _, bin := range opts.Binaries {
			r := IngestRun{Binary: bin, Articles: n}
			if r.Gzip, err = run(ctx, "gzip", "-6", "-c", opts.Corpus); err != nil {
				return out, fmt.Errorf("gzip: %w", err)
			}
			if r.Analyze, err = run(ctx, bin, "analyze", "--jsonl", "-q", opts.Corpus); err != nil {
				return out, fmt.Errorf("%s analyze: %w", bin, err)
			}
			data, err := os.MkdirTemp(opts.Dir, "bench-store-")
			if err != nil {
				return out, err
			}
			r.Ingest, err = run(ctx, bin, "ingest", "-q", "--data", data, opts.Corpus)
			if err == nil {
				r.DBBytes, err = dirBytes(data)
			}
			os.RemoveAll(data)
			if err != nil {
				return out, fmt.Errorf("%s ingest: %w", bin, err)
			}
			if opts.Log != nil {
				fmt.Fprintf(opts.Log, "round %d %s: gzip %.2fs analyze %.2fs ingest %.2fs (%.2f× analysis) rss %d MB db %d MB\n",
					round+1, bin, r.Gzip.Wall.Seconds(), r.Analyze.Wall.Seconds(), r.Ingest.Wall.Seconds(),
					r.Ingest.Wall.Seconds()/r.Analyze.Wall.Seconds(), r.Ingest.PeakRSS>>20, r.DBBytes>>20)
			}
			out = append(out, r)
		}
	}
	return out, nil
}

// run runs one command with its output discarded and measures it: wall
// time, CPU time and the peak resident set the kernel reports for it.
func run(ctx context.Context, name string, args ...string) (Measure, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		return Measure{}, fmt.Errorf("%w: %s", err, strings.TrimSpace(stderr.String()))
	}
	m := Measure{Wall: wall, CPU: cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.PeakRSS = ru.Maxrss << 10 // Linux reports kilobytes
	}
	return m, nil
}

func countLines(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	br := bufio.NewReaderSize(f, 1<<20)
	for {
		line, err := br.ReadSlice('\n')
		if len(line) > 0 && line[len(line)-1] == '\n' {
			n++
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return n, err
		}
	}
}

// dirBytes is the size of the files in a store's directory: the database,
// its WAL and anything else it keeps there.
func dirBytes(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			n += info.Size()
		}
		return err
	})
	return n, err
}

// WriteIngestReport prints each binary's medians over the rounds.
func WriteIngestReport(w io.Writer, runs []IngestRun) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "binary\tarticles\truns\tingest art/s\tanalyze art/s\tingest/analyze\tgzip -6 s\tingest/gzip\tingest CPU ms/art\tanalyze CPU ms/art\tpeak RSS ingest MB\tpeak RSS analyze MB\tDB MB/1k art")
	var order []string
	by := map[string][]IngestRun{}
	for _, r := range runs {
		if by[r.Binary] == nil {
			order = append(order, r.Binary)
		}
		by[r.Binary] = append(by[r.Binary], r)
	}
	for _, bin := range order {
		rs := by[bin]
		n := float64(rs[0].Articles)
		med := func(f func(IngestRun) float64) float64 {
			v := make([]float64, len(rs))
			for i, r := range rs {
				v[i] = f(r)
			}
			slices.Sort(v)
			if len(v)%2 == 1 {
				return v[len(v)/2]
			}
			return (v[len(v)/2-1] + v[len(v)/2]) / 2
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.0f\t%.0f\t%.2f\t%.2f\t%.1f\t%.2f\t%.2f\t%.0f\t%.0f\t%.2f\n",
			bin, rs[0].Articles, len(rs),
			med(func(r IngestRun) float64 { return n / r.Ingest.Wall.Seconds() }),
			med(func(r IngestRun) float64 { return n / r.Analyze.Wall.Seconds() }),
			med(func(r IngestRun) float64 { return r.Ingest.Wall.Seconds() / r.Analyze.Wall.Seconds() }),
			med(func(r IngestRun) float64 { return r.Gzip.Wall.Seconds() }),
			med(func(r IngestRun) float64 { return r.Ingest.Wall.Seconds() / r.Gzip.Wall.Seconds() }),
			med(func(r IngestRun) float64 { return 1000 * r.Ingest.CPU.Seconds() / n }),
			med(func(r IngestRun) float64 { return 1000 * r.Analyze.CPU.Seconds() / n }),
			med(func(r IngestRun) float64 { return float64(r.Ingest.PeakRSS) / (1 << 20) }),
			med(func(r IngestRun) float64 { return float64(r.Analyze.PeakRSS) / (1 << 20) }),
			med(func(r IngestRun) float64 { return float64(r.DBBytes) / (1 << 20) / (n / 1000) }))
	}
	return tw.Flush()
}
