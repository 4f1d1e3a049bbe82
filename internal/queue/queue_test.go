package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// embedded starts an in-process server for one test and connects to it.
func embedded(t *testing.T, opts Options) *Queue {
	t.Helper()
	e, err := StartEmbedded(EmbeddedOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	opts.Log = quiet
	q, err := e.Connect(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { q.Close() })
	return q
}

func article(i int) analysis.Input {
	return analysis.Input{Title: fmt.Sprintf("Berita Nomor %d", i), URL: fmt.Sprintf("https://contoh.example/berita/%d", i),
		Body: "Warga Desa Sukamaju menggelar rapat tentang jalan desa yang rusak."}
}

// consumeUntil runs Consume until stop says so or the time is up.
func consumeUntil(t *testing.T, q *Queue, st Stage, handle func(context.Context, *Msg), stop func() bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- q.Consume(ctx, st, 10, func(ctx context.Context, msgs []*Msg) {
			for _, m := range msgs {
				handle(ctx, m)
			}
			if stop() {
				cancel()
			}
		})
	}()
	<-done
	if !stop() {
		t.Fatal("timed out")
	}
}

func TestDuplicatesDropped(t *testing.T) {
	q := embedded(t, Options{})
	ctx := context.Background()
	for i, want := range []bool{false, true} {
		dup, err := q.PublishArticle(ctx, article(1))
		if err != nil || dup != want {
			t.Fatalf("publish %d: duplicate %v (%v), want %v", i, dup, err, want)
		}
	}
	// The same URL with other text, or written another way, is other work
	// or the same work.
	changed := article(1)
	changed.Body += " Rapat dihadiri kepala desa."
	if dup, _ := q.PublishArticle(ctx, changed); dup {
		t.Error("a changed article was taken for a duplicate")
	}
	same := article(1)
	same.URL = "HTTPS://Contoh.Example:443/berita/1#komentar"
	if dup, _ := q.PublishArticle(ctx, same); !dup {
		t.Error("the same article under another spelling of its URL was not a duplicate")
	}
	var got []Article
	consumeUntil(t, q, Analyse, func(ctx context.Context, m *Msg) {
		var a Article
		if err := json.Unmarshal(m.Data(), &a); err != nil {
			t.Error(err)
		}
		got = append(got, a)
		if err := m.Done(ctx); err != nil {
			t.Error(err)
		}
	}, func() bool { return len(got) >= 2 })
	if !reflect.DeepEqual(got[0].Input(), article(1)) {
		t.Errorf("the message does not give back its input: %+v", got[0])
	}
}

func TestRetryThenDone(t *testing.T) {
	q := embedded(t, Options{AckWait: 500 * time.Millisecond})
	ctx := context.Background()
	if _, err := q.PublishArticle(ctx, article(2)); err != nil {
		t.Fatal(err)
	}
	var deliveries []uint64
	consumeUntil(t, q, Analyse, func(ctx context.Context, m *Msg) {
		deliveries = append(deliveries, m.Delivered())
		if m.Delivered() < 3 {
			m.Retry(ctx, errors.New("the store is away"))
			return
		}
		m.Done(ctx)
	}, func() bool { return len(deliveries) >= 3 })
	if fmt.Sprint(deliveries) != "[1 2 3]" {
		t.Errorf("deliveries %v, want [1 2 3]", deliveries)
	}
	if dead, _ := q.Dead(ctx, 10); len(dead) != 0 {
		t.Errorf("dead letters: %+v", dead)
	}
}

// A message that fails every delivery ends in the dead-letter stream with
// its last error; one that cannot succeed goes there at once.
func TestDeadLetters(t *testing.T) {
	q := embedded(t, Options{AckWait: 200 * time.Millisecond, MaxDeliver: 3})
	ctx := context.Background()
	q.PublishArticle(ctx, article(3))
	q.PublishArticle(ctx, analysis.Input{Body: "   "})
	n := 0
	consumeUntil(t, q, Analyse, func(ctx context.Context, m *Msg) {
		n++
		var a Article
		json.Unmarshal(m.Data(), &a)
		if strings.TrimSpace(a.Body) == "" {
			m.Fail(ctx, errors.New("empty input"))
			return
		}
		m.Retry(ctx, errors.New("the store is away"))
	}, func() bool { return n >= 4 })
	dead, err := q.Dead(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 2 {
		t.Fatalf("%d dead letters, want 2: %+v", len(dead), dead)
	}
	errs := dead[0].Error + " | " + dead[1].Error
	if !strings.Contains(errs, "empty input") || !strings.Contains(errs, "after 3 deliveries: the store is away") ||
		dead[0].Subject != SubjectAnalyse {
		t.Errorf("dead letters: %+v", dead)
	}
	if lags, _ := q.Lags(ctx); len(lags) != 1 || lags[0].Pending != 0 || lags[0].AckPending != 0 {
		t.Errorf("lags after dead-lettering everything: %+v", lags)
	}
}

// A worker that takes a message and dies without settling it: the message
// comes again after AckWait, to another worker.
func TestRedeliveredAfterAckWait(t *testing.T) {
	q := embedded(t, Options{AckWait: 300 * time.Millisecond})
	ctx := context.Background()
	q.PublishArticle(ctx, article(4))
	var seen []uint64
	consumeUntil(t, q, Analyse, func(ctx context.Context, m *Msg) {
		seen = append(seen, m.Delivered())
		if m.Delivered() > 1 {
			m.Done(ctx)
		} // else: the worker "dies" holding it
	}, func() bool { return len(seen) >= 2 })
	if fmt.Sprint(seen) != "[1 2]" {
		t.Errorf("deliveries %v", seen)
	}
}

// A full stream refuses more work: the publisher waits, and gives up with
// ErrFull when its context ends first; once a worker takes some, it goes
// on.
func TestBackPressure(t *testing.T) {
	q := embedded(t, Options{MaxMsgs: 5})
	ctx := context.Background()
	for i := range 5 {
		if _, err := q.PublishArticle(ctx, article(10+i)); err != nil {
			t.Fatal(err)
		}
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := q.PublishArticle(short, article(20)); !errors.Is(err, ErrFull) {
		t.Fatalf("publish to a full stream: %v, want ErrFull", err)
	}
	var wg sync.WaitGroup
	var perr error
	wg.Go(func() { _, perr = q.PublishArticle(ctx, article(21)) })
	n := 0
	consumeUntil(t, q, Analyse, func(ctx context.Context, m *Msg) {
		n++
		m.Done(ctx)
	}, func() bool { return n >= 6 })
	wg.Wait()
	if perr != nil {
		t.Errorf("the waiting publisher: %v", perr)
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"HTTPS://News.Example:443/a/b/#x": "https://news.example/a/b",
		"http://news.example:80/":         "http://news.example/",
		"http://news.example:8080/a?b=1":  "http://news.example:8080/a?b=1",
		"bukan url":                       "bukan url",
	} {
		if got := Canonical(in); got != want {
			t.Errorf("Canonical(%q) = %q, want %q", in, got, want)
		}
	}
}

// A message whose workers all die holding it is delivered MaxDeliver
// times, and then the server gives up on it: it reaches the dead-letter
// stream with the error (through the server's max-deliveries advisory),
// and leaves its stage. The worker that dies is a connection of its own,
// closed with the message unsettled.
func TestExhaustedToDeadLetters(t *testing.T) {
	e, err := StartEmbedded(EmbeddedOptions{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(e.Shutdown)
	ctx := context.Background()
	opts := Options{AckWait: 300 * time.Millisecond, MaxDeliver: 2, Log: quiet}
	q, err := e.Connect(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer q.Close()
	if _, err := q.PublishArticle(ctx, article(5)); err != nil {
		t.Fatal(err)
	}
	q.PublishArticle(ctx, article(6)) // handled: not dead-lettered
	for delivery := 1; delivery <= 2; delivery++ {
		dying, err := e.Connect(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []uint64
		consumeUntil(t, dying, Analyse, func(ctx context.Context, m *Msg) {
			var a Article
			json.Unmarshal(m.Data(), &a)
			if a.URL == article(6).URL {
				m.Done(ctx)
				return
			}
			got = append(got, m.Delivered()) // and dies holding it
		}, func() bool { return len(got) > 0 })
		dying.nc.Close()
		if got[0] != uint64(delivery) {
			t.Fatalf("delivery %d came as %d", delivery, got[0])
		}
	}
	// A healthy worker pulls on: the server finds the message exhausted
	// when it looks for the next one to deliver, and says so.
	rctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	var healthy sync.WaitGroup
	var late []uint64
	healthy.Go(func() {
		q.Consume(rctx, Analyse, 10, func(ctx context.Context, msgs []*Msg) {
			for _, m := range msgs {
				late = append(late, m.Delivered())
				m.Done(ctx)
			}
		})
	})
	healthy.Go(func() { q.DeadLetterExhausted(rctx) })
	var dead []DeadMsg
	for len(dead) == 0 && rctx.Err() == nil {
		time.Sleep(50 * time.Millisecond)
		if dead, err = q.Dead(ctx, 10); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	healthy.Wait()
	if len(late) > 0 {
		t.Errorf("delivered again past MaxDeliver: %v", late)
	}
	if len(dead) != 1 {
		t.Fatalf("%d dead letters, want 1", len(dead))
	}
	var a Article
	json.Unmarshal(dead[0].Data, &a)
	if a.URL != article(5).URL || dead[0].Subject != SubjectAnalyse || !strings.Contains(dead[0].Error, "delivered 2 times (MaxDeliver)") {
		t.Errorf("dead letter: %+v (%s)", dead[0], a.URL)
	}
	if n, err := q.Held(ctx, Analyse); err != nil || n != 0 {
		t.Errorf("the analyse stream still holds %d messages (%v)", n, err)
	}
	if n, err := q.Held(ctx, exhausted); err != nil || n != 0 {
		t.Errorf("%d notices not taken (%v)", n, err)
	}
}
