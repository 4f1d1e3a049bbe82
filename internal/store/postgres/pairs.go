package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// The phrase index (search_terms_pairs, on warta_pairs(terms), migration
// 16) is built by CREATE INDEX CONCURRENTLY outside the migrations'
// transaction: on a store that holds articles it takes minutes to hours
// (10–12 min at 67,926 articles), and built inside it, it held the write
// lock all that time. Until it is valid, searches find phrases by their
// positions over the terms' index, as before it: the same hits, slower.
// A new, empty store gets it with its tables.
const pairsIndexSQL = `CREATE INDEX %s search_terms_pairs ON search_terms USING gin (warta_pairs(terms))
	WITH (gin_pending_list_limit = 256)`

// pairsPoll is how often a process whose phrase index another process is
// building looks whether it is done.
const pairsPoll = 30 * time.Second

// pairsState tells whether the phrase index exists in the store's schema
// and whether searches may use it.
func pairsState(ctx context.Context, q querier) (exists, valid bool, err error) {
	err = q.QueryRow(ctx, `SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
		WHERE c.relname = 'search_terms_pairs' AND c.relnamespace = current_schema()::regnamespace`).Scan(&valid)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, false, nil
	}
	if err != nil {
		return false, false, fmt.Errorf("postgres: phrase index: %w", err)
	}
	return true, valid, nil
}

// newPairs gives a store without any search terms its phrase index at
// once, inside the migrations' transaction (nothing to index, so no
// time), so that a new store never searches without it. The catalog is
// read first: CREATE INDEX locks the table against writes even when the
// index exists, and would wait for another process's open batch.
func newPairs(ctx context.Context, tx pgx.Tx) error {
	exists, _, err := pairsState(ctx, tx)
	if err != nil || exists {
		return err
	}
	var empty bool
	if err := tx.QueryRow(ctx, `SELECT NOT EXISTS (SELECT FROM search_terms)`).Scan(&empty); err != nil {
		return fmt.Errorf("postgres: phrase index: %w", err)
	}
	if !empty {
		return nil
	}
	if _, err := tx.Exec(ctx, fmt.Sprintf(pairsIndexSQL, "")); err != nil {
		return fmt.Errorf("postgres: phrase index: %w", err)
	}
	return nil
}

// startPairs marks the phrase index usable when it is valid, else starts
// the goroutine that builds it (Options.BuildIndexes) or waits for
// another process to; Close stops it and waits.
func (s *Store) startPairs(ctx context.Context) error {
	_, valid, err := pairsState(ctx, s.pool)
	if err != nil {
		return err
	}
	if valid {
		s.pairs.Store(true)
		return nil
	}
	if !s.build {
		s.log.Info("the phrase index is not built yet: phrases are found by their positions until a warta serve or warta worker on this store has built it")
	}
	bctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s.stopPairs = cancel
	s.pairsDone.Add(1)
	go func() {
		defer s.pairsDone.Done()
		for {
			done, err := s.buildPairs(bctx)
			switch {
			case bctx.Err() != nil:
				return
			case err != nil:
				s.log.Warn("building the phrase index failed; phrases are found by their positions meanwhile", "err", err)
			case done:
				return
			}
			select {
			case <-bctx.Done():
				return
			case <-time.After(pairsPoll):
			}
		}
	}()
	return nil
}

// buildPairs builds the phrase index when this process builds indexes
// (Options.BuildIndexes) and no other holds its lock (a session advisory
// lock per schema), and reports whether the index is valid now. An
// invalid index, left by a build that was stopped, is dropped and built
// again.
func (s *Store) buildPairs(ctx context.Context) (bool, error) {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return false, fmt.Errorf("postgres: phrase index: %w", err)
	}
	defer conn.Release()
	if !s.build {
		_, valid, err := pairsState(ctx, conn)
		s.pairs.Store(valid)
		return valid, err
	}
	var mine bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(hashtext(current_schema() || '.search_terms_pairs'))`).Scan(&mine); err != nil {
		return false, fmt.Errorf("postgres: phrase index: %w", err)
	}
	if mine {
		defer unlockPairs(conn)
	}
	exists, valid, err := pairsState(ctx, conn)
	if err != nil || valid || !mine {
		s.pairs.Store(valid)
		return valid, err
	}
	if exists {
		if _, err := conn.Exec(ctx, `DROP INDEX CONCURRENTLY search_terms_pairs`); err != nil {
			return false, fmt.Errorf("postgres: phrase index: drop the invalid one: %w", err)
		}
	}
	start := time.Now()
	s.log.Info("building the phrase index (CREATE INDEX CONCURRENTLY); phrases are found by their positions until it is done")
	if _, err := conn.Exec(ctx, fmt.Sprintf(pairsIndexSQL, "CONCURRENTLY")); err != nil {
		return false, fmt.Errorf("postgres: phrase index: %w", err)
	}
	// The planner's statistics of the indexed expression.
	if _, err := conn.Exec(ctx, `ANALYZE search_terms`); err != nil {
		return false, fmt.Errorf("postgres: phrase index: %w", err)
	}
	s.pairs.Store(true)
	s.log.Info("built the phrase index", "seconds", time.Since(start).Seconds())
	return true, nil
}

// unlockPairs releases the build's lock; a connection that a stopped
// build left broken is closed instead, which releases it too.
func unlockPairs(conn *pgxpool.Conn) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_unlock(hashtext(current_schema() || '.search_terms_pairs'))`); err != nil {
		conn.Conn().Close(ctx)
	}
}
