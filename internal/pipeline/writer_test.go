package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

func record(t *testing.T, i int) []byte {
	t.Helper()
	return []byte(fmt.Sprintf(`{"id": "r%d", "title": "Berita %d", "text": "Berita %d\n\nIsi berita nomor %d.", "source": {"url": "https://contoh.example/%d"}}`, i, i, i, i, i))
}

func TestConcurrentPutsShareTransactions(t *testing.T) {
	st := openStore(t)
	w := pipeline.NewWriter(st, pipeline.WriterOptions{MaxDelay: time.Hour, Log: quiet})
	running(t, context.Background(), w)
	const n = 40
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			res, err := w.Put(context.Background(), nil, record(t, i))
			if err == nil && res.Status != store.Created {
				err = fmt.Errorf("status %s", res.Status)
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	total := 0
	for _, b := range st.batches {
		total += b
	}
	if total != n || len(st.batches) > n {
		t.Errorf("%d records in %d transactions, want %d in at most %d", total, len(st.batches), n, n)
	}
	t.Logf("%d concurrent Puts in %d transactions", n, len(st.batches))
}

func TestBadRecordFailsAlone(t *testing.T) {
	st := openStore(t)
	var stored []int64
	w := pipeline.NewWriter(st, pipeline.WriterOptions{Log: quiet, Observers: []pipeline.Observer{
		func(_ context.Context, s pipeline.Stored) error {
			stored = append(stored, s.Result.ID)
			return errors.New("the observer fails; the record stays stored")
		},
	}})
	stop := running(t, context.Background(), w)
	var mu sync.Mutex
	results := map[int]error{}
	for i, rec := range [][]byte{record(t, 1), []byte(`{"id": "", "text": ""}`), record(t, 2)} {
		err := w.Write(context.Background(), nil, rec, func(_ store.PutResult, err error) {
			mu.Lock()
			results[i] = err
			mu.Unlock()
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if results[0] != nil || results[2] != nil || !errors.Is(results[1], store.ErrInvalidRecord) {
		t.Errorf("results = %v, want only the second to fail as invalid", results)
	}
	if len(stored) != 2 {
		t.Errorf("observers saw %d records, want 2", len(stored))
	}
	if _, err := w.Put(context.Background(), nil, record(t, 3)); !errors.Is(err, pipeline.ErrClosed) {
		t.Errorf("Put after Close = %v, want ErrClosed", err)
	}
}

func TestCancelFailsQueued(t *testing.T) {
	st := openStore(t)
	w := pipeline.NewWriter(st, pipeline.WriterOptions{MaxDelay: time.Hour, Log: quiet})
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	answered := make(chan error, 1)
	if err := w.Write(context.Background(), nil, record(t, 1), func(_ store.PutResult, err error) { answered <- err }); err != nil {
		t.Fatal(err)
	}
	cancel()
	if err := <-ran; !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	select {
	case err := <-answered:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("queued write answered %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a queued write was never answered")
	}
	p := pipeline.Pipeline{Analyzer: analysis.DefaultPipeline(), Writer: w}
	if _, _, err := p.Store(context.Background(), analysis.Input{Title: "Judul", Body: "Isi berita."}); !errors.Is(err, pipeline.ErrClosed) {
		t.Errorf("Store after Run returned = %v, want ErrClosed", err)
	}
}

// sizedStore is a store that takes four records a transaction best.
type sizedStore struct{ *countingStore }

func (sizedStore) BatchSize() int { return 4 }

// Without MaxBatch, the store's BatchSize bounds a batch.
func TestStoreBatchSize(t *testing.T) {
	st := sizedStore{openStore(t)}
	w := pipeline.NewWriter(st, pipeline.WriterOptions{MaxDelay: time.Hour, Log: quiet})
	stop := running(t, context.Background(), w)
	for i := range 10 {
		if err := w.Write(context.Background(), nil, record(t, i), func(store.PutResult, error) {}); err != nil {
			t.Fatal(err)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(st.batches); got != "[4 4 2]" {
		t.Errorf("batches %s, want [4 4 2]", got)
	}
}
