package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/store"
)

type ingestCmd struct {
	Data      string   `placeholder:"DIR" env:"WARTA_DATA" help:"Data directory, created on first use (default: as for warta serve)."`
	Published string   `placeholder:"DATE" help:"Publication date (YYYY-MM-DD or RFC 3339) for inputs that carry none."`
	URL       string   `name:"url" help:"Source URL for inputs that carry none."`
	Workers   int      `help:"Articles analysed in parallel (default: one per CPU)."`
	Quiet     bool     `short:"q" help:"No progress bar and no summary."`
	Paths     []string `arg:"" name:"FILE|DIR" help:"Text, HTML, JSON or JSON Lines files, or directories to read them from (recursively); - reads standard input."`
}

// Help adds the store's rules to "warta ingest --help".
func (ingestCmd) Help() string {
	return `Analyses articles and stores them in the data directory. The same article
twice is stored once, so ingesting again is safe; an article whose URL is
known but whose text changed is stored as a new version. A running
warta serve on the same directory sees new articles at once.`
}

// ingestExts are the files taken from a directory; a file named on the
// command line is read whatever its name.
var ingestExts = map[string]bool{".txt": true, ".text": true, ".jsonl": true, ".ndjson": true, ".json": true, ".html": true, ".htm": true}

func (c *ingestCmd) Run(ctx context.Context, env *Env) error {
	files, err := expandPaths(c.Paths)
	if err != nil {
		return &exitError{code: 1, err: err}
	}
	dir, err := dataDir(c.Data)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, dir, env.Log)
	if err != nil {
		return err
	}
	defer st.Close()
	w := &storeWriter{ctx: ctx, st: st, counts: map[store.PutStatus]int{}}
	b := batch{Files: files, Published: c.Published, URL: c.URL, Workers: c.Workers, Quiet: c.Quiet, Verb: "ingesting"}
	err = b.run(ctx, env, func(rec *analysis.Record, _ ingest.Item) error {
		data, err := json.Marshal(rec)
		if err != nil {
			return err
		}
		return w.add(data)
	})
	if ferr := w.flush(); err == nil {
		err = ferr
	}
	if w.counts[store.Created]+w.counts[store.NewVersion] > 0 {
		if oerr := st.Optimize(ctx); err == nil {
			err = oerr
		}
	}
	if !c.Quiet {
		env.Log.Info("stored", "new", w.counts[store.Created], "new_versions", w.counts[store.NewVersion],
			"unchanged", w.counts[store.Unchanged], "data", dir)
	}
	return err
}

// Records are stored in batches of up to storeBatch, one transaction each,
// which is several times faster than one at a time; a batch waits at most
// storeDelay, so that a server on the same data directory sees new
// articles within a second however slowly they come.
const (
	storeBatch = 128
	storeDelay = 250 * time.Millisecond
)

// storeWriter gathers records into batches.
type storeWriter struct {
	ctx     context.Context
	st      store.Store
	mu      sync.Mutex
	pending [][]byte
	timer   *time.Timer // flushes a batch that waited storeDelay
	err     error       // the first failure; nothing is stored after it
	counts  map[store.PutStatus]int
}

func (w *storeWriter) add(record []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.pending = append(w.pending, record)
	if len(w.pending) == 1 {
		w.timer = time.AfterFunc(storeDelay, func() { w.flush() })
	}
	if len(w.pending) >= storeBatch {
		return w.flushLocked()
	}
	return nil
}

func (w *storeWriter) flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

func (w *storeWriter) flushLocked() error {
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
	if w.err != nil || len(w.pending) == 0 {
		return w.err
	}
	results, err := w.st.PutBatch(w.ctx, w.pending)
	w.pending = w.pending[:0]
	if err != nil {
		w.err = fmt.Errorf("store: %w", err)
		return w.err
	}
	for _, r := range results {
		w.counts[r.Status]++
	}
	return nil
}

// expandPaths replaces each directory by the article files under it, in
// lexical order, skipping hidden files and folders.
func expandPaths(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if p == "-" || err != nil || !st.IsDir() {
			files = append(files, p) // the batch reports what cannot be read
			continue
		}
		n := len(files)
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() && ingestExts[strings.ToLower(filepath.Ext(path))] {
				files = append(files, path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		if len(files) == n {
			return nil, fmt.Errorf("%s has no article files (%s)", p, strings.Join(slices.Sorted(maps.Keys(ingestExts)), " "))
		}
	}
	return files, nil
}
