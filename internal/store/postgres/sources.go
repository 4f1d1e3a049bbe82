package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Sources = (*Store)(nil)

const sourceColumns = `id, url, name, kind, feeds, interval_s, fixed_interval, next_check, added, health`

func scanSource(r pgx.Row, s *store.Source) error {
	var interval int64
	if err := r.Scan(&s.ID, &s.URL, &s.Name, &s.Kind, &s.Feeds, &interval, &s.FixedInterval,
		&s.NextCheck, &s.Added, &s.Health); err != nil {
		return err
	}
	s.Interval = time.Duration(interval) * time.Second
	s.NextCheck, s.Added = s.NextCheck.UTC(), s.Added.UTC()
	for _, t := range []*time.Time{&s.Health.LastCheck, &s.Health.LastSuccess, &s.Health.LastErrorAt} {
		if !t.IsZero() {
			*t = t.UTC()
		}
	}
	return nil
}

// orEmpty stores no feeds as [], not null.
func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// uniqueViolation is PostgreSQL's SQLSTATE for a duplicate key.
const uniqueViolation = "23505"

// AddSource implements store.Sources.
func (s *Store) AddSource(ctx context.Context, src store.Source) (store.Source, error) {
	if src.Added.IsZero() {
		src.Added = time.Now()
	}
	// Microseconds: what timestamptz keeps, so that the source returned is
	// the source stored.
	src.Added, src.NextCheck = src.Added.UTC().Truncate(time.Microsecond), src.NextCheck.UTC().Truncate(time.Microsecond)
	err := s.pool.QueryRow(ctx, `INSERT INTO sources (url, name, kind, feeds, interval_s, fixed_interval, next_check, added, health)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		src.URL, src.Name, src.Kind, orEmpty(src.Feeds), int64(src.Interval/time.Second), src.FixedInterval,
		src.NextCheck, src.Added, src.Health).Scan(&src.ID)
	if pe := (*pgconn.PgError)(nil); errors.As(err, &pe) && pe.Code == uniqueViolation {
		return src, fmt.Errorf("%w: %s", store.ErrSourceExists, src.URL)
	}
	if err != nil {
		return src, fmt.Errorf("postgres: add source: %w", err)
	}
	return src, nil
}

// Source implements store.Sources.
func (s *Store) Source(ctx context.Context, id int64) (store.Source, error) {
	var src store.Source
	err := scanSource(s.pool.QueryRow(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = $1`, id), &src)
	if errors.Is(err, pgx.ErrNoRows) {
		return src, fmt.Errorf("source %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return src, fmt.Errorf("postgres: source %d: %w", id, err)
	}
	return src, nil
}

func (s *Store) sources(ctx context.Context, q string, args ...any) ([]store.Source, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+sourceColumns+` FROM sources `+q, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: sources: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, src *store.Source) error { return scanSource(r, src) })
	if err != nil {
		return nil, fmt.Errorf("postgres: sources: %w", err)
	}
	return list, nil
}

// SourceList implements store.Sources.
func (s *Store) SourceList(ctx context.Context) ([]store.Source, error) {
	return s.sources(ctx, `ORDER BY id`)
}

// DueSources implements store.Sources.
func (s *Store) DueSources(ctx context.Context, now time.Time, limit int) ([]store.Source, error) {
	return s.sources(ctx, `WHERE next_check <= $1 ORDER BY next_check, id LIMIT $2`, now, limit)
}

// RemoveSource implements store.Sources.
func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: remove source: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("source %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// UpdateSource implements store.Sources.
func (s *Store) UpdateSource(ctx context.Context, src store.Source) error {
	tag, err := s.pool.Exec(ctx, `UPDATE sources SET kind = $1, feeds = $2, interval_s = $3, fixed_interval = $4,
		next_check = $5, health = $6 WHERE id = $7`,
		src.Kind, orEmpty(src.Feeds), int64(src.Interval/time.Second), src.FixedInterval, src.NextCheck, src.Health, src.ID)
	if err != nil {
		return fmt.Errorf("postgres: update source: %w", err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("source %d: %w", src.ID, store.ErrNotFound)
	}
	return nil
}

// ItemFingerprint implements store.Sources.
func (s *Store) ItemFingerprint(ctx context.Context, source int64, url string) (string, error) {
	var fp string
	err := s.pool.QueryRow(ctx, `SELECT fingerprint FROM source_items WHERE source_id = $1 AND url = $2`, source, url).Scan(&fp)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("postgres: item: %w", err)
	}
	return fp, nil
}

// PutItem implements store.Sources.
func (s *Store) PutItem(ctx context.Context, source int64, url, fingerprint string, seen time.Time) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO source_items (source_id, url, fingerprint, seen) VALUES ($1, $2, $3, $4)
		ON CONFLICT (source_id, url) DO UPDATE SET fingerprint = excluded.fingerprint, seen = excluded.seen`,
		source, url, fingerprint, seen)
	if err != nil {
		return fmt.Errorf("postgres: put item: %w", err)
	}
	return nil
}

// PruneItems implements store.Sources.
func (s *Store) PruneItems(ctx context.Context, source int64, before time.Time) error {
	if _, err := s.pool.Exec(ctx, `DELETE FROM source_items WHERE source_id = $1 AND seen < $2`, source, before); err != nil {
		return fmt.Errorf("postgres: prune items: %w", err)
	}
	return nil
}

// Validators implements store.Sources.
func (s *Store) Validators(ctx context.Context, url string) (string, string, error) {
	var etag, modified string
	err := s.pool.QueryRow(ctx, `SELECT etag, last_modified FROM fetch_validators WHERE url = $1`, url).Scan(&etag, &modified)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("postgres: validators: %w", err)
	}
	return etag, modified, nil
}

// SetValidators implements store.Sources; none forgets the URL's.
func (s *Store) SetValidators(ctx context.Context, url, etag, modified string) error {
	var err error
	if etag == "" && modified == "" {
		_, err = s.pool.Exec(ctx, `DELETE FROM fetch_validators WHERE url = $1`, url)
	} else {
		_, err = s.pool.Exec(ctx, `INSERT INTO fetch_validators (url, etag, last_modified) VALUES ($1, $2, $3)
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`, url, etag, modified)
	}
	if err != nil {
		return fmt.Errorf("postgres: set validators: %w", err)
	}
	return nil
}
