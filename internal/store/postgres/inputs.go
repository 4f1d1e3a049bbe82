package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

var _ store.InputLog = (*Store)(nil)

// InputStored implements store.InputLog.
func (s *Store) InputStored(ctx context.Context, key string) (store.PutResult, bool, error) {
	res := store.PutResult{Status: store.Unchanged}
	err := s.pool.QueryRow(ctx, `SELECT article_id, version FROM inputs WHERE key = $1`, key).Scan(&res.ID, &res.Version)
	if errors.Is(err, pgx.ErrNoRows) {
		return store.PutResult{}, false, nil
	}
	if err != nil {
		return store.PutResult{}, false, fmt.Errorf("postgres: input log: %w", err)
	}
	return res, true, nil
}

// LogInputs implements store.InputLog; an article deleted since it was
// stored is not logged.
func (s *Store) LogInputs(ctx context.Context, keys []string, results []store.PutResult) error {
	if len(keys) == 0 {
		return nil
	}
	ids, versions := make([]int64, len(keys)), make([]int32, len(keys))
	for i := range keys {
		ids[i], versions[i] = results[i].ID, int32(results[i].Version)
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO inputs (key, article_id, version)
		SELECT DISTINCT ON (u.key) u.key, a.id, u.version
		FROM unnest($1::text[], $2::bigint[], $3::int[]) WITH ORDINALITY u (key, id, version, n) JOIN articles a ON a.id = u.id
		ORDER BY u.key, u.n DESC
		ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id, version = excluded.version`, keys, ids, versions)
	if err != nil {
		return fmt.Errorf("postgres: input log: %w", err)
	}
	return nil
}
