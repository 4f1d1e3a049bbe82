package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/warta-news/warta/internal/store"
)

// querier runs statements on the pool or in a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
}

var _ store.TxWriter = (*Store)(nil)

// lineageTx is store.LineageTx in a batch's transaction. The writes of one
// call of PutBatchTx's each (its relations and keys) wait in writes and
// go to the server in one round trip when the call returns without error:
// a failed call's writes are never sent, so undoing them needs no
// savepoint. Only a call that reads after it wrote sends its writes
// first, in a savepoint (saved) that its failure rolls back.
type lineageTx struct {
	tx     pgx.Tx
	writes *pgx.Batch
	saved  bool
}

func newLineageTx(tx pgx.Tx) *lineageTx {
	return &lineageTx{tx: tx, writes: &pgx.Batch{}}
}

func (l *lineageTx) PutFingerprint(_ context.Context, article int64, bands []int64, names []string, day string, fields []byte) error {
	queueFingerprint(l.writes, article, bands, names, day, fields)
	return nil
}

func (l *lineageTx) PutRelation(_ context.Context, r store.Relation) error {
	return queueRelation(l.writes, r)
}

func (l *lineageTx) BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	if err := l.send(ctx); err != nil {
		return nil, err
	}
	return bandCandidates(ctx, l.tx, article, bands, perBand, limit)
}

func (l *lineageTx) NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	if err := l.send(ctx); err != nil {
		return nil, err
	}
	return nameCandidates(ctx, l.tx, article, names, from, to, perName, minShared, limit)
}

func (l *lineageTx) NameCounts(ctx context.Context, names []string) (map[string]int, error) {
	if err := l.send(ctx); err != nil {
		return nil, err
	}
	return nameCounts(ctx, l.tx, names)
}

func (l *lineageTx) CompareFields(ctx context.Context, articles []int64) (map[int64][]byte, error) {
	if err := l.send(ctx); err != nil {
		return nil, err
	}
	return compareFields(ctx, l.tx, articles)
}

// Record reads the current version's record alone.
func (l *lineageTx) Record(ctx context.Context, article int64) ([]byte, error) {
	if err := l.send(ctx); err != nil {
		return nil, err
	}
	var record string
	err := l.tx.QueryRow(ctx, `SELECT v.record::text FROM articles a JOIN versions v ON v.id = a.current
		WHERE a.id = $1`, article).Scan(&record)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", article, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: record %d: %w", article, err)
	}
	return []byte(record), nil
}

// send sends the call's writes before a read, in the call's savepoint.
func (l *lineageTx) send(ctx context.Context) error {
	if l.writes.Len() == 0 {
		return nil
	}
	b := &pgx.Batch{}
	if !l.saved {
		b.Queue(`SAVEPOINT each_record`)
		l.saved = true
	}
	b.QueuedQueries = append(b.QueuedQueries, l.writes.QueuedQueries...)
	l.writes = &pgx.Batch{}
	if err := l.tx.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("postgres: lineage: %w", err)
	}
	return nil
}

// end ends a call of each that returned err: its writes are sent, or
// dropped with what its savepoint holds. An error from end fails the
// batch: the server failed a statement (the transaction is aborted), or
// the call met a deadlock or a serialisation failure, which a retry of the
// whole batch resolves and which must not cost the article its lineage.
func (l *lineageTx) end(ctx context.Context, err error) error {
	b, saved := l.writes, l.saved
	l.writes, l.saved = &pgx.Batch{}, false
	if err == nil {
		if saved {
			b.Queue(`RELEASE each_record`)
		}
		if err := l.tx.SendBatch(ctx, b).Close(); err != nil {
			return fmt.Errorf("postgres: lineage: %w", err)
		}
		return nil
	}
	if retryable(err) {
		return err
	}
	if saved {
		if _, rerr := l.tx.Exec(ctx, `ROLLBACK TO SAVEPOINT each_record; RELEASE each_record`); rerr != nil {
			return fmt.Errorf("postgres: lineage: %w", rerr)
		}
		return nil
	}
	if l.tx.Conn().PgConn().TxStatus() == 'E' {
		return err
	}
	return nil
}

// retryable reports whether err is a deadlock, a serialisation failure or
// a unique key another writer took at the same time, which a retry
// resolves.
func retryable(err error) bool {
	var pgErr *pgconn.PgError
	return errors.As(err, &pgErr) && retryCodes[pgErr.Code]
}

// pause waits before a retry, longer after each attempt, with jitter so
// that two writers that met do not meet again in step.
func pause(ctx context.Context, attempt int) error {
	step := time.Duration(attempt*attempt) * 10 * time.Millisecond
	t := time.NewTimer(step + rand.N(step))
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
