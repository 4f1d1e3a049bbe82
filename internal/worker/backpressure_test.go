package worker_test

import (
	"context"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/fixtureweb"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
	"github.com/warta-news/warta/internal/source"
	"github.com/warta-news/warta/internal/worker"
)

// The poller of warta serve --queue publishes the pages it fetches for the
// workers instead of analysing them. With no worker running, the analyse
// stream fills to its bound (MaxMsgs) and no further: the poll waits for
// room instead of running ahead. Once a worker runs, the poll goes on and
// every page listed is stored, once.
func TestPollerBackPressure(t *testing.T) {
	const bound, items = 4, 12
	web := fixtureweb.StartMany(1, 1, items)
	defer web.Close()
	q, st := queueAndStore(t, queue.Options{MaxMsgs: bound, AckWait: 5 * time.Second, Log: quiet})
	client := fetch.New(fetch.Config{Policy: fetch.Loopback, MinDelay: time.Millisecond, Validators: st, Log: quiet})
	defer client.Close()
	src, err := source.New(web.Feeds[0], "", 0, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if src, err = st.AddSource(ctx, src); err != nil {
		t.Fatal(err)
	}

	poller := &source.Poller{Store: st, Client: client, Queue: q, Log: quiet}
	type polled struct {
		res source.Result
		err error
	}
	done := make(chan polled, 1)
	pctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	go func() {
		res, err := poller.Poll(pctx, src)
		done <- polled{res, err}
	}()
	held := func() uint64 {
		n, err := q.Held(ctx, queue.Analyse)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	deadline := time.Now().Add(time.Minute)
	for held() < bound {
		if time.Now().After(deadline) {
			t.Fatalf("the stream holds %d pages after a minute; want %d", held(), bound)
		}
		time.Sleep(20 * time.Millisecond)
	}
	// The poller keeps trying to publish the next page; the stream refuses
	// it, and the poll does not end, for as long as no worker runs.
	for range 25 {
		if n := held(); n > bound {
			t.Fatalf("the stream holds %d pages, past its bound of %d", n, bound)
		}
		select {
		case p := <-done:
			t.Fatalf("the poll ended with no worker running: %+v, %v", p.res, p.err)
		case <-time.After(40 * time.Millisecond):
		}
	}

	wr := pipeline.NewWriter(st, pipeline.WriterOptions{Log: quiet})
	wctx, stop := context.WithCancel(ctx)
	ran := make(chan error, 1)
	go func() { ran <- wr.Run(context.WithoutCancel(wctx)) }()
	w := worker.Worker{Queue: q, Analyzer: analysis.DefaultPipeline(), Writer: wr, Log: quiet, Workers: 1}
	worked := make(chan error, 1)
	go func() { worked <- w.Run(wctx) }()
	defer func() {
		stop()
		if err := <-worked; err != nil {
			t.Error(err)
		}
		wr.Close()
		<-ran
	}()

	p := <-done
	if p.err != nil || p.res.Queued != items {
		t.Fatalf("poll: %+v, %v; want %d pages queued", p.res, p.err, items)
	}
	deadline = time.Now().Add(time.Minute)
	for {
		stats, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if stats.Articles == items && held() == 0 {
			if stats.Versions != items {
				t.Errorf("%d versions of %d articles", stats.Versions, items)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after a minute: %+v stored, %d pages still queued", stats, held())
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got, _ := st.Source(ctx, src.ID); got.Health.Articles != items {
		t.Errorf("the source counts %d new articles, want %d", got.Health.Articles, items)
	}
}
