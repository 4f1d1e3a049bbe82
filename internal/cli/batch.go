package cli

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
)

// batch analyses the articles of many inputs in parallel and hands each
// record to a sink in input order, duplicates included. Commands that turn
// files into records (analyze, ingest) share it.
type batch struct {
	Files          []string
	Published, URL string // for inputs that carry none
	Workers        int    // 0: one per CPU
	Quiet          bool   // no progress bar, no closing summary
	Verb           string // for the progress bar: "analysing"
}

// job is one article on its way through the workers; done is closed when
// its result is in, and jobs reach the sink in the order they were read.
type job struct {
	item ingest.Item
	rec  *analysis.Record
	err  error
	done chan struct{}
}

// run reads every input, analyses its articles and calls sink with each
// record. An input or article that fails is logged and the others go on;
// run then returns an exitError with status 1. A usage error (a bad
// --published) is status 2. An error from sink stops the run.
func (b batch) run(ctx context.Context, env *Env, sink func(*analysis.Record, ingest.Item) error) error {
	if b.Published != "" {
		if _, err := analysis.NormalizeDate(b.Published); err != nil {
			return &exitError{code: 2, err: fmt.Errorf("--published: %w", err)}
		}
	}
	workers := b.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // unblocks the reader and the workers if the sink fails
	start := time.Now()
	pipeline := analysis.DefaultPipeline()
	work := make(chan *job, 2*workers)
	order := make(chan *job, 2*workers)
	for range workers {
		go func() {
			for j := range work {
				j.rec, j.err = pipeline.Analyze(ctx, j.item.Input)
				close(j.done)
			}
		}()
	}
	readErrs := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(work)
		readErrs <- b.read(ctx, env, order, work)
	}()

	var bar *progressbar.ProgressBar
	if env.StderrTerminal && !b.Quiet {
		bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription(b.Verb), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	var ok, failed int
	var bytesIn int64
	for j := range order {
		<-j.done
		if bar != nil {
			bar.Add(1)
		}
		if j.item.Err == nil && j.err == nil {
			if err := sink(j.rec, j.item); err != nil {
				return err
			}
			ok++
			bytesIn += int64(len(j.item.Input.Body) + len(j.item.Input.Title))
			for _, warning := range j.rec.Warnings {
				env.Log.Warn(warning, "input", where(j.item.Input))
			}
			continue
		}
		failed++
		err := j.item.Err
		if err == nil {
			err = fmt.Errorf("%s: %w", where(j.item.Input), j.err)
		}
		env.Log.Error(err.Error())
	}
	if bar != nil {
		bar.Finish()
	}
	readErr := <-readErrs
	if !b.Quiet {
		secs := time.Since(start).Seconds()
		env.Log.Info("done", "articles", ok, "failed", failed, "seconds", fmt.Sprintf("%.2f", secs),
			"articles_per_s", fmt.Sprintf("%.0f", float64(ok)/secs), "MB_per_s", fmt.Sprintf("%.2f", float64(bytesIn)/1e6/secs))
	}
	if readErr != nil {
		return &exitError{code: 1, err: readErr}
	}
	if failed > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// read sends every article of every input to the workers and, in the same
// order, to the sink. An input that cannot be read is reported and
// skipped; the others are still read.
func (b batch) read(ctx context.Context, env *Env, order, work chan<- *job) error {
	var failedInputs []string
	for _, path := range b.Files {
		err := ingest.ReadFile(ctx, path, env.Stdin, func(item ingest.Item) error {
			if item.Err == nil {
				if item.Input.Published == "" {
					item.Input.Published = b.Published
				}
				if item.Input.URL == "" {
					item.Input.URL = b.URL
				}
			}
			j := &job{item: item, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if item.Err != nil {
				close(j.done)
				return nil
			}
			select {
			case work <- j:
			case <-ctx.Done():
				close(j.done)
				return ctx.Err()
			}
			return nil
		})
		if errors.Is(err, context.Canceled) {
			return err
		}
		if err != nil {
			env.Log.Error(fmt.Sprintf("%s: %v", path, err))
			failedInputs = append(failedInputs, path)
		}
	}
	if len(failedInputs) > 0 {
		return fmt.Errorf("%d of %d inputs could not be read", len(failedInputs), len(b.Files))
	}
	return nil
}

// where names an input for messages: its path, and line where it has one.
func where(in analysis.Input) string {
	if in.Line > 0 {
		return fmt.Sprintf("%s:%d", in.Path, in.Line)
	}
	return in.Path
}
