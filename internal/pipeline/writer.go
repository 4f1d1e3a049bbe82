package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/store"
)

// ErrClosed is returned for a write to a Writer that was closed or whose
// Run has returned.
var ErrClosed = errors.New("pipeline: writer closed")

// Stored is one record after its commit: what an Observer sees.
type Stored struct {
	Record *analysis.Record // nil when the writer was given JSON only
	JSON   []byte
	Result store.PutResult
}

// Observer is told of every committed record, in commit order, on the
// writer's goroutine: it must be quick, or hand the work on. An error is
// logged; the record stays stored.
type Observer func(ctx context.Context, s Stored) error

// TxObserver is told of every record stored anew (created or a new
// version), in order, inside the transaction that stores its batch, with
// that transaction: what it writes through tx commits with the record, or
// not at all. An error is logged and undoes what the record's TxObservers
// wrote; the record stays stored.
type TxObserver func(ctx context.Context, tx store.LineageTx, s Stored) error

// WriterOptions configure a Writer.
type WriterOptions struct {
	// MaxBatch is the most records committed in one transaction; 0 means
	// the store's BatchSize when it is a BatchSizer, else 128.
	MaxBatch int
	// MaxDelay is the longest a record waits for its batch to fill; 0
	// means 250 ms, so that readers of the store (a server on the same data
	// directory) see new articles within a second however slowly they come.
	MaxDelay  time.Duration
	Observers []Observer
	// TxObservers need a store that is a store.TxWriter; with another
	// store they are not called (NewWriter logs so).
	TxObservers []TxObserver
	// Inputs, when set, logs the input key of each record written with
	// one, after its commit (Pipeline.Ingest skips those inputs next time).
	Inputs store.InputLog
	Log    *slog.Logger // nil: slog.Default()
}

// Writer is a process's one write path to a store; see the package doc.
type Writer struct {
	st   store.ArticleWriter
	opts WriterOptions
	in   chan request

	mu     sync.RWMutex // held for reading while sending on in
	closed bool
	quit   chan struct{} // closed by Close: drain, then return
	done   chan struct{} // closed when Run returns
}

// request is one record to store, or with JSON nil a marker that only
// keeps its place in the order. done is called on the writer's goroutine.
type request struct {
	rec      *analysis.Record
	json     []byte
	inputKey string // InputKey of the raw input, "" when unknown
	done     func(store.PutResult, error)
	// waiting says a caller waits for the commit (Put): its batch is
	// committed as soon as nothing more is queued, so that concurrent
	// requests share a transaction and a lone one is not delayed.
	waiting bool
}

// BatchSizer is a store that says how many records one of its
// transactions takes best.
type BatchSizer interface {
	BatchSize() int
}

// NewWriter returns a Writer to st; it writes while Run runs.
func NewWriter(st store.ArticleWriter, opts WriterOptions) *Writer {
	if b, ok := st.(BatchSizer); ok && opts.MaxBatch <= 0 {
		opts.MaxBatch = b.BatchSize()
	}
	if opts.MaxBatch <= 0 {
		opts.MaxBatch = 128
	}
	if opts.MaxDelay <= 0 {
		opts.MaxDelay = 250 * time.Millisecond
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if _, ok := st.(store.TxWriter); !ok && len(opts.TxObservers) > 0 {
		opts.Log.Error("pipeline: the store cannot run observers in its transactions: they are not called", "observers", len(opts.TxObservers))
	}
	return &Writer{st: st, opts: opts, in: make(chan request, opts.MaxBatch),
		quit: make(chan struct{}), done: make(chan struct{})}
}

// Run commits what is written until Close is called, then commits what
// is queued and returns nil; or until ctx is cancelled, when it fails what
// is queued and returns ctx's error. Run it once, on a goroutine its owner
// waits for.
func (w *Writer) Run(ctx context.Context) error {
	stopErr := ErrClosed
	defer func() {
		// Senders check done under the read lock: once the lock is ours,
		// nothing more comes in, and what came in is answered.
		close(w.done)
		w.mu.Lock()
		w.failQueued(stopErr)
		w.mu.Unlock()
	}()
	var (
		batch []request
		timer = time.NewTimer(w.opts.MaxDelay)
	)
	timer.Stop()
	defer timer.Stop()
	flush := func() {
		timer.Stop()
		w.commit(ctx, batch)
		batch = batch[:0]
	}
	waiting := false
	add := func(r request) {
		batch = append(batch, r)
		waiting = waiting || r.waiting
		if len(batch) == 1 {
			timer.Reset(w.opts.MaxDelay)
		}
		if len(batch) >= w.opts.MaxBatch || waiting && len(w.in) == 0 {
			flush()
			waiting = false
		}
	}
	for {
		select {
		case r := <-w.in:
			add(r)
		case <-timer.C:
			flush()
			waiting = false
		case <-w.quit:
			// Close waited for every sender: what is in the channel is all.
		drain:
			for {
				select {
				case r := <-w.in:
					add(r)
				default:
					break drain
				}
			}
			flush()
			return nil
		case <-ctx.Done():
			for _, r := range batch {
				r.done(store.PutResult{}, ctx.Err())
			}
			stopErr = ctx.Err()
			return ctx.Err()
		}
	}
}

// failQueued answers the requests left in the channel after Run stopped.
func (w *Writer) failQueued(err error) {
	for {
		select {
		case r := <-w.in:
			r.done(store.PutResult{}, err)
		default:
			return
		}
	}
}

// Close makes Run commit what is queued and return. Writes after Close
// fail with ErrClosed.
func (w *Writer) Close() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.closed {
		w.closed = true
		close(w.quit)
	}
}

// Write queues a record (rec may be nil when only its JSON is known) and
// returns at once; done is called on the writer's goroutine after the
// commit, or with the error that stopped it, and must not write to w. Records are committed and
// their done called in the order they were written.
func (w *Writer) Write(ctx context.Context, rec *analysis.Record, json []byte, done func(store.PutResult, error)) error {
	return w.send(ctx, request{rec: rec, json: json, done: done})
}

// mark queues a marker: done is called in order with the records, after
// those written before it.
func (w *Writer) mark(ctx context.Context, done func()) error {
	return w.send(ctx, request{done: func(store.PutResult, error) { done() }})
}

func (w *Writer) send(ctx context.Context, r request) error {
	w.mu.RLock()
	defer w.mu.RUnlock()
	if w.closed {
		return ErrClosed
	}
	select {
	case <-w.done:
		return ErrClosed
	default:
	}
	select {
	case w.in <- r:
		return nil
	case <-w.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Put stores one record and waits for its commit, which comes as soon as
// the writer is free: concurrent Puts share a transaction.
func (w *Writer) Put(ctx context.Context, rec *analysis.Record, json []byte) (store.PutResult, error) {
	type answer struct {
		res store.PutResult
		err error
	}
	ch := make(chan answer, 1)
	r := request{rec: rec, json: json, waiting: true, done: func(res store.PutResult, err error) { ch <- answer{res, err} }}
	if err := w.send(ctx, r); err != nil {
		return store.PutResult{}, err
	}
	select {
	case a := <-ch:
		return a.res, a.err
	case <-ctx.Done():
		// The record may still be committed; the caller has given up.
		return store.PutResult{}, ctx.Err()
	}
}

// commit stores a batch in one transaction. When the batch fails as a
// whole, each record is tried alone, so that one bad record fails only
// itself.
func (w *Writer) commit(ctx context.Context, batch []request) {
	var (
		reqs    []request
		records [][]byte
	)
	for _, r := range batch {
		if r.json != nil {
			reqs = append(reqs, r)
			records = append(records, r.json)
		}
	}
	var (
		results []store.PutResult
		err     error
	)
	if len(records) > 0 {
		results, err = w.put(ctx, reqs, records)
	}
	if err != nil && len(records) > 1 && ctx.Err() == nil {
		results, err = make([]store.PutResult, len(records)), nil
		errs := make([]error, len(records))
		for i := range records {
			var one []store.PutResult
			if one, errs[i] = w.put(ctx, reqs[i:i+1], records[i:i+1]); errs[i] == nil {
				results[i] = one[0]
			}
		}
		w.answer(ctx, batch, reqs, results, errs)
		return
	}
	if err == nil && len(results) != len(reqs) {
		err = fmt.Errorf("pipeline: the store returned %d results for %d records", len(results), len(reqs))
	}
	errs := make([]error, len(reqs))
	for i := range errs {
		errs[i] = err
	}
	if err != nil {
		results = make([]store.PutResult, len(reqs))
	}
	w.answer(ctx, batch, reqs, results, errs)
}

// put stores records (those of reqs) in one transaction, with the
// TxObservers.
func (w *Writer) put(ctx context.Context, reqs []request, records [][]byte) ([]store.PutResult, error) {
	tw, ok := w.st.(store.TxWriter)
	if !ok || len(w.opts.TxObservers) == 0 {
		return w.st.PutBatch(ctx, records)
	}
	return tw.PutBatchTx(ctx, records, func(ctx context.Context, tx store.LineageTx, i int, res store.PutResult) error {
		s := Stored{Record: reqs[i].rec, JSON: reqs[i].json, Result: res}
		for _, obs := range w.opts.TxObservers {
			if err := obs(ctx, tx, s); err != nil {
				w.opts.Log.Error("observer failed", "article", res.ID, "version", res.Version, "err", err)
				return err
			}
		}
		return nil
	})
}

// answer logs the inputs of the stored records, calls the observers for
// each, then every done of the batch in order, markers included.
func (w *Writer) answer(ctx context.Context, batch, reqs []request, results []store.PutResult, errs []error) {
	if w.opts.Inputs != nil {
		var keys []string
		var logged []store.PutResult
		for i, r := range reqs {
			if r.inputKey != "" && errs[i] == nil {
				keys, logged = append(keys, r.inputKey), append(logged, results[i])
			}
		}
		if err := w.opts.Inputs.LogInputs(ctx, keys, logged); err != nil {
			// Only the shortcut is lost: the next run analyses them again.
			w.opts.Log.Warn("input log", "inputs", len(keys), "err", err)
		}
	}
	i := 0
	for _, r := range batch {
		if r.json == nil {
			r.done(store.PutResult{}, nil)
			continue
		}
		res, err := results[i], errs[i]
		i++
		if err == nil {
			for _, obs := range w.opts.Observers {
				if oerr := obs(ctx, Stored{Record: r.rec, JSON: r.json, Result: res}); oerr != nil {
					w.opts.Log.Error("observer failed", "article", res.ID, "version", res.Version, "err", oerr)
				}
			}
		}
		r.done(res, err)
	}
}
