package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// Vacuum merges the full-text index into one segment, then rewrites the
// database without its free pages and gives them back to the file system,
// returning the file's size before and after (bytes of its pages).
//
// Each ingest leaves FTS5 segments behind (15 on the 100k benchmark
// store; Optimize merges only a bounded amount), and every term look-up
// seeks each of them: merged, a common word sorted by date took 3.3–3.6 ms
// of server CPU instead of 6.1–7.7 (warta bench search, README). Migrations that rebuild or
// drop a table leave the old pages free for later writes, not returned: on
// the 100k benchmark store, after migrations 20 (the full-text index
// rebuilt) and 21 (entity_tones dropped), 85,168 pages of 544,094 (349 MB).
// It holds the write lock while it runs (about a minute at 100k articles):
// writers wait, readers go on reading. The new file is built beside the
// old (a temporary file, then the WAL), so it needs free disk of about
// twice the new file's size while it runs.
func (s *Store) Vacuum(ctx context.Context) (before, after int64, err error) {
	// One connection throughout: the writer pool has only the one.
	c, err := s.wdb.Conn(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite: vacuum: %w", err)
	}
	defer c.Close()
	if before, err = fileBytes(ctx, c); err != nil {
		return 0, 0, err
	}
	if _, err = c.ExecContext(ctx, `INSERT INTO search_index (search_index) VALUES ('optimize')`); err != nil {
		return 0, 0, fmt.Errorf("sqlite: vacuum: merge the full-text index: %w", err)
	}
	// VACUUM builds the new file in a temporary database first, which the
	// writer keeps in memory (temp_store, sqlite.go): a store's worth, past
	// what a connection's WebAssembly memory can hold. On disk for this.
	if _, err = c.ExecContext(ctx, `PRAGMA temp_store = FILE`); err != nil {
		return 0, 0, fmt.Errorf("sqlite: vacuum: %w", err)
	}
	_, err = c.ExecContext(ctx, `VACUUM`)
	if _, rerr := c.ExecContext(context.WithoutCancel(ctx), `PRAGMA temp_store = MEMORY`); err == nil && rerr != nil {
		err = rerr
	}
	if err != nil {
		return 0, 0, fmt.Errorf("sqlite: vacuum: %w", err)
	}
	// The rewritten pages are in the WAL until a checkpoint copies them
	// and the file is cut to its new length.
	if _, err = c.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return 0, 0, fmt.Errorf("sqlite: vacuum: checkpoint: %w", err)
	}
	if after, err = fileBytes(ctx, c); err != nil {
		return 0, 0, err
	}
	return before, after, nil
}

// fileBytes is the database's size, its pages times the page size.
func fileBytes(ctx context.Context, c *sql.Conn) (int64, error) {
	var pages, size int64
	if err := c.QueryRowContext(ctx, `SELECT page_count, page_size FROM pragma_page_count(), pragma_page_size()`).Scan(&pages, &size); err != nil {
		return 0, fmt.Errorf("sqlite: database size: %w", err)
	}
	return pages * size, nil
}
