package sqlite

import (
	"context"
	"database/sql"
	"log/slog"
	"sync"
)

// A checkpoint copies the pages the WAL holds into the database file. When
// the writer's connection does it at commit (wal_autocheckpoint), the next
// batch waits for it: a tenth of a bulk ingest's writer time. The
// checkpointer does it on a connection of its own, on another core, after
// each batch's commit, in PASSIVE mode: it never takes the write lock, so
// the writer goes on appending while it copies.
//
// The WAL starts over from its beginning only when a write transaction
// begins with every frame copied. The writer begins the next batch as soon
// as one commits, before the checkpointer has copied it, so the WAL never
// starts over by itself: the writer's own checkpoint, at
// walBackstopPages, copies what is left (about a batch) and lets the next
// batch start the WAL over. Other writes are bounded the same way.
type checkpointer struct {
	db   *sql.DB
	log  *slog.Logger
	kick chan struct{} // one pending request at most
	stop chan struct{}
	wg   sync.WaitGroup
	once sync.Once
	err  error // of closing db
}

// walBackstopPages is how many WAL pages the writer's own checkpoint waits
// for: the checkpointer copies nearly all of them meanwhile, so the
// writer copies about one batch's pages every walBackstopPages (256 MiB
// of 4 KiB pages) instead of every batch's.
const walBackstopPages = 65536

func newCheckpointer(db *sql.DB, log *slog.Logger) *checkpointer {
	c := &checkpointer{db: db, log: log, kick: make(chan struct{}, 1), stop: make(chan struct{})}
	c.wg.Go(c.run)
	return c
}

// request asks for a checkpoint of what is committed now, without
// waiting for it.
func (c *checkpointer) request() {
	select {
	case c.kick <- struct{}{}:
	default: // one is pending: it will copy this commit's frames too
	}
}

func (c *checkpointer) run() {
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		// Not the store's context: a checkpoint is never half-done, and
		// Close waits for this one.
		if _, err := c.db.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`); err != nil {
			// The writer's own checkpoint copies what this one did not.
			c.log.Debug("sqlite: background checkpoint", "err", err)
		}
	}
}

// close stops the checkpointer once its checkpoint, if one runs, is done,
// and closes its connection; again, it does nothing, as Store.Close.
func (c *checkpointer) close() error {
	c.once.Do(func() {
		close(c.stop)
		c.wg.Wait()
		c.err = c.db.Close()
	})
	return c.err
}
