package postgres

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/pipeline/pipelinetest"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

// Linking the detik-news articles inside the transaction that stores each
// batch (ObserveTx) finds the same relations and keeps the same keys and
// counts as linking after each batch's commit (Observe), in batches of the
// writer's size: the same articles, given the same ids, linked in the same
// order, each seeing the keys of those before it.
func TestLinkInBatchAsAfterCommit(t *testing.T) {
	recs := records(t)
	ingest := func(tx bool) *Store {
		st := open(t, pgtest.URL(t), search.Indonesian())
		opts := pipeline.WriterOptions{MaxBatch: 128, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
		l := &lineage.Linker{Records: st, Lineage: st}
		if tx {
			opts.TxObservers = []pipeline.TxObserver{l.ObserveTx}
		} else {
			opts.Observers = []pipeline.Observer{l.Observe}
		}
		pipelinetest.WriteAll(ctx, t, st, opts, recs)
		return st
	}
	after, in := ingest(false), ingest(true)
	for _, q := range []string{
		`SELECT a || ' ' || b, kind || ' ' || coalesce(original::text, '') || ' ' || evidence::text FROM relations`,
		`SELECT name, articles::text FROM fingerprint_name_counts`,
		`SELECT 'fingerprinted', count(*)::text FROM fingerprinted`,
		`SELECT band || ' ' || article_id, '' FROM fingerprint_bands`,
	} {
		want, got := pairs(t, after, q), pairs(t, in, q)
		if !maps.Equal(got, want) {
			diff := 0
			for k, v := range want {
				if got[k] != v {
					if diff++; diff <= 5 {
						t.Errorf("%s\n%s: in the transaction %q, after the commit %q", q, k, got[k], v)
					}
				}
			}
			t.Errorf("%s: %d rows in the transaction, %d after the commit, %d differ", q, len(got), len(want), diff)
		}
	}
	kinds := pairs(t, after, `SELECT kind, count(*)::text FROM relations GROUP BY kind`)
	if kinds["copy"] == "" || kinds["same_story"] == "" {
		t.Errorf("relations by kind %v: want copies and stories to compare", kinds)
	}
	t.Logf("relations by kind: %v", kinds)
}

// Two writers storing and linking overlapping batches of the detik-news
// articles at once (one forward, one backward through them): every article
// is stored once and has its keys, and the kept counts are the keys'
// counts.
func TestConcurrentLinkingWriters(t *testing.T) {
	recs := records(t)[:384]
	keys := map[string]bool{}
	for _, r := range recs {
		keys[key(t, r)] = true
	}
	url := pgtest.URL(t)
	writers := []*Store{open(t, url, search.Indonesian()), open(t, url, search.Indonesian())}
	const batch = 32
	var wg sync.WaitGroup
	for w, st := range writers {
		l := &lineage.Linker{}
		parts := slices.Collect(slices.Chunk(recs, batch))
		if w == 1 {
			slices.Reverse(parts)
		}
		wg.Go(func() {
			for _, part := range parts {
				_, err := st.PutBatchTx(ctx, part, func(ctx context.Context, tx store.LineageTx, i int, res store.PutResult) error {
					return l.ObserveTx(ctx, tx, pipeline.Stored{JSON: part[i], Result: res})
				})
				if err != nil {
					t.Errorf("writer %d: %v", w+1, err)
					return
				}
			}
		})
	}
	wg.Wait()
	st := writers[0]
	for _, c := range []struct{ what, q string }{
		{"articles", `SELECT count(*) FROM articles`},
		{"versions", `SELECT count(*) FROM versions`},
		{"articles with band keys", `SELECT count(DISTINCT article_id) FROM fingerprint_bands`},
		{"fingerprinted", `SELECT count(*) FROM fingerprinted`},
	} {
		var n int
		if err := st.pool.QueryRow(ctx, c.q).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != len(keys) {
			t.Errorf("%d %s, want %d", n, c.what, len(keys))
		}
	}
	wrong := pairs(t, st, `SELECT c.name, c.articles || ' kept, ' || coalesce(n.articles, 0) || ' keys' FROM fingerprint_name_counts c
		LEFT JOIN (SELECT name, count(DISTINCT article_id) AS articles FROM fingerprint_names GROUP BY name) n ON n.name = c.name
		WHERE c.articles <> coalesce(n.articles, 0)`)
	if len(wrong) > 0 {
		t.Errorf("%d name counts differ from the keys, e.g. %v", len(wrong), slices.Collect(maps.Values(wrong))[:min(len(wrong), 5)])
	}
}

// Two writers whose batches' articles give the same names in opposite
// orders (the first alpha then beta, the second beta then alpha), linked
// in step, deadlock on the names' counts; the batch the server fails is
// retried whole, its linking included, and both commit with every key.
func TestLinkDeadlockRetried(t *testing.T) {
	url := pgtest.URL(t)
	var logs syncBuffer
	log := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	names := [2][]string{{"alpha", "beta"}, {"beta", "alpha"}}
	// linked[w] closes when writer w's first article's keys are on the server;
	// pid[w] is its server process.
	linked := [2]chan struct{}{make(chan struct{}), make(chan struct{})}
	var pid [2]atomic.Uint32
	var wg sync.WaitGroup
	for w := range 2 {
		st, err := Open(ctx, url, Options{Analyzer: search.Indonesian(), Log: log})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		records := [][]byte{plainRecord(10*w + 1), plainRecord(10*w + 2)}
		waited := false
		wg.Go(func() {
			_, err := st.PutBatchTx(ctx, records, func(ctx context.Context, tx store.LineageTx, i int, res store.PutResult) error {
				// The first article's keys go to the server once its call
				// has returned, so a writer says it holds its first name
				// only when its second call starts: said from the first
				// call, the other writer could send its keys first under
				// load and the two would never cross. The second writer
				// links its second article once the first holds its first
				// name; the first links its second once the second waits
				// for it.
				if i == 1 && !waited {
					waited = true
					pid[w].Store(tx.(*lineageTx).tx.Conn().PgConn().PID())
					close(linked[w])
					<-linked[1-w]
					if w == 0 {
						waitForLock(t, st, pid[1].Load())
					}
				}
				return tx.PutFingerprint(ctx, res.ID, []int64{res.ID}, names[w][i:i+1], "2025-01-02", []byte("fields"))
			})
			if err != nil {
				t.Errorf("writer %d: %v", w+1, err)
			}
		})
	}
	wg.Wait()
	st := open(t, url, search.Indonesian())
	counts, err := st.NameCounts(ctx, []string{"alpha", "beta"})
	if err != nil || counts["alpha"] != 2 || counts["beta"] != 2 {
		t.Errorf("name counts %v, %v; want 2 each", counts, err)
	}
	if n, err := st.FingerprintCount(ctx); err != nil || n != 4 {
		t.Errorf("%d fingerprinted, %v; want 4", n, err)
	}
	retried := strings.Count(logs.String(), "retrying a batch")
	if !strings.Contains(logs.String(), "deadlock") {
		t.Errorf("the writers did not deadlock: the test tries nothing (%d retries)", retried)
	}
	t.Logf("%d batches retried", retried)
}

// waitForLock waits, up to 5 seconds, until the server process pid waits
// for a lock.
func waitForLock(t *testing.T, st *Store, pid uint32) {
	for range 100 {
		var waiting bool
		if err := st.pool.QueryRow(ctx, `SELECT EXISTS (SELECT FROM pg_locks WHERE pid = $1 AND NOT granted)`, int64(pid)).Scan(&waiting); err != nil {
			t.Error(err)
			return
		}
		if waiting {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// plainRecord is a record without analysis: article i.
func plainRecord(i int) []byte {
	return fmt.Appendf(nil, `{"id": "r%d", "title": "Berita %d", "text": "Berita %d\n\nIsi.", "source": {"url": "https://contoh.example/%d"}}`,
		i, i, i, i)
}

// syncBuffer is a bytes.Buffer two stores' loggers write to at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
