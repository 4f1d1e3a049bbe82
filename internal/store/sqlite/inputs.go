package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/warta-news/warta/internal/store"
)

var _ store.InputLog = (*Store)(nil)

// InputStored implements store.InputLog.
func (s *Store) InputStored(ctx context.Context, key string) (store.PutResult, bool, error) {
	res := store.PutResult{Status: store.Unchanged}
	err := s.queryRow(ctx, `SELECT article_id, version FROM inputs WHERE key = ?`, key).Scan(&res.ID, &res.Version)
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
				key, results[i].Version, results[i].ID); err != nil {
				return fmt.Errorf("sqlite: input log: %w", err)
			}
		}
		return tx.Commit()
	})
}
