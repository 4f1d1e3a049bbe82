package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"

	"github.com/warta-news/warta/internal/store"
)

var _ store.InputLog = (*Store)(nil)

// inputKeyBytes is how much of the SHA-256 of an input's key the log
// keeps: 128 bits, so that two keys of a store never meet (2^-64 at 2^32
// inputs), in 16 bytes instead of the key's ~130 (its URL and a 64-digit
// hash), twice (the table and its article index).
const inputKeyBytes = 16

// inputKey is the log's key for an input's (pipeline.InputKey).
func inputKey(key string) []byte {
	sum := sha256.Sum256([]byte(key))
	return sum[:inputKeyBytes]
}

// InputStored implements store.InputLog.
func (s *Store) InputStored(ctx context.Context, key string) (store.PutResult, bool, error) {
	res := store.PutResult{Status: store.Unchanged}
	err := s.queryRow(ctx, `SELECT article_id, version FROM inputs WHERE key = ?`, inputKey(key)).Scan(&res.ID, &res.Version)
	if errors.Is(err, sql.ErrNoRows) {
		return store.PutResult{}, false, nil
	}
	if err != nil {
		return store.PutResult{}, false, fmt.Errorf("sqlite: input log: %w", err)
	}
	return res, true, nil
}

// LogInputs implements store.InputLog.
func (s *Store) LogInputs(ctx context.Context, keys []string, results []store.PutResult) error {
	if len(keys) == 0 {
		return nil
	}
	return s.retry(ctx, func() error {
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("sqlite: input log: %w", err)
		}
		defer tx.Rollback()
		for i, key := range keys {
			// An article deleted since it was stored is not logged.
			if _, err := tx.ExecContext(ctx, `INSERT INTO inputs (key, article_id, version)
				SELECT ?, id, ? FROM articles WHERE id = ?
				ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id, version = excluded.version`,
				inputKey(key), results[i].Version, results[i].ID); err != nil {
				return fmt.Errorf("sqlite: input log: %w", err)
			}
		}
		return tx.Commit()
	})
}

// inputKeysPage is how many rows of the input log migration 22 reads at a
// time (a variable so that a test can page through a few).
var inputKeysPage = 10000

// migrateInputKeys is migration 22: the input log is keyed by inputKey
// instead of the key's text (the table and its article index: 1.26 → 0.17
// MB on a 3,000-article store). The rows are read a page at a time in the
// old key's order, so that memory stays bounded however long the log, and
// written to the new table with their keys hashed here. On a store
// migrated already (its keys are blobs) it does nothing.
func migrateInputKeys(ctx context.Context, tx *sql.Tx) error {
	var keyType string
	if err := tx.QueryRowContext(ctx, `SELECT type FROM pragma_table_info('inputs') WHERE name = 'key'`).Scan(&keyType); err != nil {
		return err
	}
	if keyType == "BLOB" {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `
CREATE TABLE inputs_22 (
	key        BLOB PRIMARY KEY,    -- inputKey: SHA-256 of pipeline.InputKey, its first 16 bytes
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL
) WITHOUT ROWID;`); err != nil {
		return err
	}
	type input struct {
		key              string
		article, version int64
	}
	// From the first key (>= '', the least), then past each page's last.
	for after, from := "", ">="; ; from = ">" {
		rows, err := tx.QueryContext(ctx, `SELECT key, article_id, version FROM inputs
			WHERE key `+from+` ? ORDER BY key LIMIT ?`, after, inputKeysPage)
		if err != nil {
			return err
		}
		list, err := collect(rows, func(r *sql.Rows, in *input) error { return r.Scan(&in.key, &in.article, &in.version) })
		if err != nil {
			return err
		}
		flat := make([]any, 0, 3*len(list))
		for _, in := range list {
			flat = append(flat, inputKey(in.key), in.article, in.version)
		}
		if err := insertRows(ctx, tx, `INSERT INTO inputs_22 (key, article_id, version) VALUES `, ` ON CONFLICT DO NOTHING`, 3, flat); err != nil {
			return err
		}
		if len(list) < inputKeysPage {
			break
		}
		after = list[len(list)-1].key
	}
	_, err := tx.ExecContext(ctx, `
DROP TABLE inputs;
ALTER TABLE inputs_22 RENAME TO inputs;
CREATE INDEX inputs_article ON inputs (article_id);`)
	return err
}
