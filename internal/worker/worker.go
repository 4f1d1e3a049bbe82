// Package worker is what `warta worker` runs: it takes work from the
// queue's stages and does it through the one analyse-and-store path
// (internal/pipeline), until it is stopped. Any number of workers on any
// number of machines share the work; a worker may die at any moment
// without losing or doubling an article, since a message is acknowledged
// only once its result is safe and every stage is idempotent (see
// internal/queue).
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"runtime"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/metrics"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/store"
)

// Fetcher fetches the page of a fetch job. It returns nil and no error
// when there is nothing to analyse (not modified, gone, refused by
// robots.txt); an error is retried with a back-off. status is the result
// for the metrics: the HTTP status, or a word.
type Fetcher interface {
	Fetch(ctx context.Context, job queue.FetchJob) (in *analysis.Input, status string, err error)
}

// Worker does the work of some stages.
type Worker struct {
	Queue *queue.Queue
	// Analyzer analyses articles (the analyse stage).
	Analyzer pipeline.Analyzer
	// Writer stores records (the store stage); its owner runs it.
	Writer *pipeline.Writer
	// Fetcher fetches pages (the fetch stage); nil: the stage is not run.
	Fetcher Fetcher
	Metrics *metrics.Metrics
	// Stages are the stages to work on; nil: analyse and store, and fetch
	// when there is a Fetcher.
	Stages []queue.Stage
	// Workers is how many articles are analysed (or pages fetched) at
	// once; 0 means one per CPU.
	Workers int
	// StoreBatch is how many records the store stage pulls at once, up to
	// the Writer's batch; 0 means 128.
	StoreBatch int
	Log        *slog.Logger
}

// Run works until ctx is cancelled, then finishes and acknowledges the
// messages it holds, and returns.
func (w *Worker) Run(ctx context.Context) error {
	if w.Workers <= 0 {
		w.Workers = runtime.GOMAXPROCS(0)
	}
	if w.StoreBatch <= 0 {
		w.StoreBatch = 128
	}
	if w.Log == nil {
		w.Log = slog.Default()
	}
	if w.Metrics == nil {
		w.Metrics = metrics.New()
	}
	stages := w.Stages
	if stages == nil {
		stages = []queue.Stage{queue.Analyse, queue.Store}
		if w.Fetcher != nil {
			stages = append(stages, queue.Fetch)
		}
	}
	type run struct {
		stage  queue.Stage
		handle func(context.Context, []*queue.Msg)
		batch  int
	}
	var runs []run
	for _, st := range stages {
		switch st {
		case queue.Fetch:
			if w.Fetcher == nil {
				return errors.New("worker: the fetch stage needs a Fetcher")
			}
			runs = append(runs, run{st, w.fetch, 2 * w.Workers})
		case queue.Analyse:
			runs = append(runs, run{st, w.analyse, 2 * w.Workers})
		case queue.Store:
			if w.Writer == nil {
				return errors.New("worker: the store stage needs a Writer")
			}
			runs = append(runs, run{st, w.store, w.StoreBatch})
		default:
			return fmt.Errorf("worker: unknown stage %s", st)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(runs)+1)
	// Every worker also moves the messages the server gave up on (their
	// workers died MaxDeliver times) to the dead-letter stream.
	wg.Go(func() {
		if err := w.Queue.DeadLetterExhausted(ctx); err != nil && !errors.Is(err, context.Canceled) {
			errs <- fmt.Errorf("worker: dead letters: %w", err)
		}
	})
	for _, r := range runs {
		wg.Go(func() {
			w.Log.Info("worker: consuming", "stage", r.stage.String(), "batch", r.batch)
			if err := w.Queue.Consume(ctx, r.stage, r.batch, r.handle); err != nil && !errors.Is(err, context.Canceled) {
				errs <- fmt.Errorf("worker: %s: %w", r.stage, err)
			}
		})
	}
	wg.Wait()
	close(errs)
	var all []error
	for err := range errs {
		all = append(all, err)
	}
	return errors.Join(all...)
}

// each runs fn over the messages, Workers at a time.
func (w *Worker) each(msgs []*queue.Msg, fn func(*queue.Msg)) {
	var wg sync.WaitGroup
	next := make(chan *queue.Msg)
	for range min(w.Workers, len(msgs)) {
		wg.Go(func() {
			for m := range next {
				fn(m)
			}
		})
	}
	for _, m := range msgs {
		next <- m
	}
	close(next)
	wg.Wait()
}

// settle logs a failure to acknowledge: the message comes again, which
// the stages' idempotence makes harmless.
func (w *Worker) settle(err error) {
	if err != nil {
		w.Log.Warn("worker: settle a message", "err", err)
	}
}

// fetch fetches each job's page and publishes it for analysis.
func (w *Worker) fetch(ctx context.Context, msgs []*queue.Msg) {
	w.each(msgs, func(m *queue.Msg) {
		w.Metrics.Stage.WithLabelValues("queue_wait").Observe(m.Received.Sub(m.Published).Seconds())
		var job queue.FetchJob
		if err := json.Unmarshal(m.Data(), &job); err != nil || job.URL == "" {
			w.settle(m.Fail(ctx, fmt.Errorf("not a fetch job: %v", err)))
			return
		}
		start := time.Now()
		in, status, err := w.Fetcher.Fetch(ctx, job)
		w.Metrics.FetchResults.WithLabelValues(status).Inc()
		w.Metrics.Since("fetch", start)
		if err != nil {
			w.settle(m.Retry(ctx, fmt.Errorf("fetch %s: %w", job.URL, err)))
			return
		}
		if in == nil {
			w.settle(m.Done(ctx))
			return
		}
		w.Metrics.Fetched.Inc()
		if _, err := w.Queue.PublishArticle(ctx, *in); err != nil {
			w.settle(m.Retry(ctx, err))
			return
		}
		w.settle(m.Done(ctx))
	})
}

// analyse analyses each article and publishes its record for the store
// stage; the article's message is acknowledged once the store stream has
// the record.
func (w *Worker) analyse(ctx context.Context, msgs []*queue.Msg) {
	w.each(msgs, func(m *queue.Msg) {
		w.Metrics.Stage.WithLabelValues("queue_wait").Observe(m.Received.Sub(m.Published).Seconds())
		var a queue.Article
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			w.settle(m.Fail(ctx, fmt.Errorf("not an article: %w", err)))
			return
		}
		start := time.Now()
		rec, err := w.Analyzer.Analyze(ctx, a.Input())
		if err != nil {
			// Analysis fails only on input without an article: it would
			// fail again.
			w.Metrics.AnalyseFails.Inc()
			w.settle(m.Fail(ctx, fmt.Errorf("%s: %w", pipeline.Where(a.Input()), err)))
			return
		}
		data, err := json.Marshal(rec)
		if err != nil {
			w.settle(m.Fail(ctx, fmt.Errorf("encode the record: %w", err)))
			return
		}
		w.Metrics.Since("analyse", start)
		w.Metrics.Analysed.Inc()
		if _, err := w.Queue.PublishRecord(ctx, queue.MsgID(rec.Source.URL, rec.ID), data); err != nil {
			w.settle(m.Retry(ctx, err))
			return
		}
		w.settle(m.Done(ctx))
	})
}

// store writes the records through the Writer, which commits them in
// batches, and acknowledges each once its batch is committed. A record the
// store refuses is dead-lettered; one it failed to commit (the database
// away, a connection lost mid-batch) is retried with a back-off.
func (w *Worker) store(ctx context.Context, msgs []*queue.Msg) {
	errs := make([]error, len(msgs))
	var wg sync.WaitGroup
	start := time.Now()
	for i, m := range msgs {
		w.Metrics.Stage.WithLabelValues("queue_wait").Observe(m.Received.Sub(m.Published).Seconds())
		wg.Add(1)
		err := w.Writer.Write(ctx, nil, m.Data(), func(_ store.PutResult, err error) {
			errs[i] = err
			wg.Done()
		})
		if err != nil {
			errs[i] = err
			wg.Done()
		}
	}
	wg.Wait()
	took := time.Since(start).Seconds() / float64(len(msgs))
	// Settled at once, not one after the other: each is a round trip.
	var settled sync.WaitGroup
	defer settled.Wait()
	for i, m := range msgs {
		settled.Go(func() { w.settleStored(ctx, m, errs[i], took) })
	}
}

// settleStored acknowledges a stored record's message, or gives it back.
func (w *Worker) settleStored(ctx context.Context, m *queue.Msg, err error, took float64) {
	switch {
	case err == nil:
		w.Metrics.Stage.WithLabelValues("store").Observe(took)
		w.settle(m.Done(ctx))
	case errors.Is(err, store.ErrInvalidRecord):
		w.settle(m.Fail(ctx, err))
	default:
		w.Metrics.StoreErrors.Inc()
		w.settle(m.Retry(ctx, err))
	}
}
