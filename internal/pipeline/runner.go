package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/store"
)

// Analyzer turns one input into its record; analysis.Pipeline is one.
type Analyzer interface {
	Analyze(ctx context.Context, in analysis.Input) (*analysis.Record, error)
}

// Result is one article of a source after analysis.
type Result struct {
	Item   ingest.Item      // as the source gave it
	Record *analysis.Record // nil when Err is set
	// JSON is the record as a store takes it, when the Runner encodes.
	JSON []byte
	// Err is why this article gave no record: the source could not read
	// it (Item.Err) or the analysis failed.
	Err error
	// skipped is what the input was stored as before, when skip found it.
	skipped *store.PutResult
}

// Runner analyses articles on several goroutines.
type Runner struct {
	Analyzer Analyzer
	// Workers is how many articles are analysed at once; 0 means one per
	// CPU (GOMAXPROCS).
	Workers int
	// Encode also encodes each record as JSON on the workers (Result.JSON),
	// for a store.
	Encode bool
	// skip, when set, is asked on the workers before an input is analysed
	// whether it was stored before (Pipeline.Ingest sets it).
	skip func(context.Context, analysis.Input) (store.PutResult, bool, error)
}

// job is one article on its way through the workers; done is closed when
// its result is in, and jobs reach the sink in the order they were read.
type job struct {
	res  Result
	done chan struct{}
}

// Run reads src, analyses its articles and calls sink with each result in
// the order src gave them, failed ones included (their Err set). A failed
// article does not stop the run; an error from sink or from src does, and
// Run returns it (src's wrapped). Run returns after every goroutine it
// started has ended.
func (r Runner) Run(ctx context.Context, src ingest.Source, sink func(Result) error) error {
	workers := r.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	work := make(chan *job, 2*workers)
	order := make(chan *job, 2*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for j := range work {
				r.analyze(ctx, &j.res)
				close(j.done)
			}
		})
	}
	var srcErr error
	wg.Go(func() {
		defer close(order)
		defer close(work)
		srcErr = src(ctx, func(it ingest.Item) error {
			j := &job{res: Result{Item: it, Err: it.Err}, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if it.Err != nil {
				close(j.done)
				return nil
			}
			select {
			case work <- j:
			case <-ctx.Done():
				j.res.Err = ctx.Err()
				close(j.done)
				return ctx.Err()
			}
			return nil
		})
	})

	var sinkErr error
	for j := range order {
		<-j.done
		if sinkErr != nil {
			continue // draining, so that the reader and the workers end
		}
		if sinkErr = sink(j.res); sinkErr != nil {
			cancel()
		}
	}
	wg.Wait()
	if sinkErr != nil {
		return sinkErr
	}
	if srcErr != nil {
		return fmt.Errorf("read: %w", srcErr)
	}
	return ctx.Err()
}

func (r Runner) analyze(ctx context.Context, res *Result) {
	in := res.Item.Input
	if r.skip != nil {
		put, seen, err := r.skip(ctx, in)
		if err != nil {
			res.Err = fmt.Errorf("%s: input log: %w", Where(in), err)
			return
		}
		if seen {
			res.skipped = &put
			return
		}
	}
	rec, err := r.Analyzer.Analyze(ctx, in)
	if err != nil {
		res.Err = fmt.Errorf("%s: %w", Where(in), err)
		return
	}
	res.Record = rec
	if r.Encode {
		if res.JSON, err = json.Marshal(rec); err != nil {
			res.Err = fmt.Errorf("%s: encode the record: %w", Where(in), err)
		}
	}
}

// Where names an input for messages: its path, and its line where it has
// one.
func Where(in analysis.Input) string {
	if in.Line > 0 {
		return fmt.Sprintf("%s:%d", in.Path, in.Line)
	}
	return in.Path
}
