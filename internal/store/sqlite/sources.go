package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Sources = (*Store)(nil)

// timeText is a time as stored: RFC 3339 in UTC with fixed-width
// fractions, so that text order is time order.
func timeText(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000000000Z") }

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

const sourceColumns = `id, url, name, kind, feeds, interval_s, fixed_interval, next_check, added, health`

func scanSource(sc interface{ Scan(...any) error }) (store.Source, error) {
	var s store.Source
	var feeds, next, added, health string
	var interval int64
	if err := sc.Scan(&s.ID, &s.URL, &s.Name, &s.Kind, &feeds, &interval, &s.FixedInterval, &next, &added, &health); err != nil {
		return s, err
	}
	s.Interval = time.Duration(interval) * time.Second
	s.NextCheck, s.Added = parseTime(next), parseTime(added)
	if err := json.Unmarshal([]byte(feeds), &s.Feeds); err != nil {
		return s, fmt.Errorf("sqlite: source %d feeds: %w", s.ID, err)
	}
	if err := json.Unmarshal([]byte(health), &s.Health); err != nil {
		return s, fmt.Errorf("sqlite: source %d health: %w", s.ID, err)
	}
	return s, nil
}

func (s *Store) AddSource(ctx context.Context, src store.Source) (store.Source, error) {
	if src.Added.IsZero() {
		src.Added = time.Now()
	}
	feeds, _ := json.Marshal(orEmpty(src.Feeds))
	health, _ := json.Marshal(src.Health)
	err := s.db.QueryRowContext(ctx, `INSERT INTO sources (url, name, kind, feeds, interval_s, fixed_interval, next_check, added, health)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		src.URL, src.Name, src.Kind, string(feeds), int64(src.Interval/time.Second), src.FixedInterval,
		timeText(src.NextCheck), timeText(src.Added), string(health)).Scan(&src.ID)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE constraint failed") {
			return src, fmt.Errorf("%w: %s", store.ErrSourceExists, src.URL)
		}
		return src, fmt.Errorf("sqlite: add source: %w", err)
	}
	src.Added = parseTime(timeText(src.Added))
	src.NextCheck = parseTime(timeText(src.NextCheck))
	return src, nil
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *Store) Source(ctx context.Context, id int64) (store.Source, error) {
	src, err := scanSource(s.queryRow(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return src, fmt.Errorf("source %d: %w", id, store.ErrNotFound)
	}
	return src, err
}

func (s *Store) sources(ctx context.Context, q string, args ...any) ([]store.Source, error) {
	rows, err := s.query(ctx, `SELECT `+sourceColumns+` FROM sources `+q, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: sources: %w", err)
	}
	defer rows.Close()
	out := []store.Source{}
	for rows.Next() {
		src, err := scanSource(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, src)
	}
	return out, rows.Err()
}

func (s *Store) SourceList(ctx context.Context) ([]store.Source, error) {
	return s.sources(ctx, `ORDER BY id`)
}

func (s *Store) DueSources(ctx context.Context, now time.Time, limit int) ([]store.Source, error) {
	return s.sources(ctx, `WHERE next_check <= ? ORDER BY next_check, id LIMIT ?`, timeText(now), limit)
}

func (s *Store) RemoveSource(ctx context.Context, id int64) error {
	res, err := s.db.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: remove source: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %d: %w", id, store.ErrNotFound)
	}
	return nil
}

func (s *Store) UpdateSource(ctx context.Context, src store.Source) error {
	feeds, _ := json.Marshal(orEmpty(src.Feeds))
	health, _ := json.Marshal(src.Health)
	res, err := s.db.ExecContext(ctx, `UPDATE sources SET kind = ?, feeds = ?, interval_s = ?, fixed_interval = ?, next_check = ?, health = ? WHERE id = ?`,
		src.Kind, string(feeds), int64(src.Interval/time.Second), src.FixedInterval, timeText(src.NextCheck), string(health), src.ID)
	if err != nil {
		return fmt.Errorf("sqlite: update source: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("source %d: %w", src.ID, store.ErrNotFound)
	}
	return nil
}

func (s *Store) ItemFingerprint(ctx context.Context, source int64, url string) (string, error) {
	var fp string
	err := s.queryRow(ctx, `SELECT fingerprint FROM source_items WHERE source_id = ? AND url = ?`, source, url).Scan(&fp)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("sqlite: item: %w", err)
	}
	return fp, nil
}

func (s *Store) PutItem(ctx context.Context, source int64, url, fingerprint string, seen time.Time) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO source_items (source_id, url, fingerprint, seen) VALUES (?, ?, ?, ?)
ON CONFLICT (source_id, url) DO UPDATE SET fingerprint = excluded.fingerprint, seen = excluded.seen`, source, url, fingerprint, timeText(seen))
	if err != nil {
		return fmt.Errorf("sqlite: put item: %w", err)
	}
	return nil
}

func (s *Store) PruneItems(ctx context.Context, source int64, before time.Time) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM source_items WHERE source_id = ? AND seen < ?`, source, timeText(before)); err != nil {
		return fmt.Errorf("sqlite: prune items: %w", err)
	}
	return nil
}

func (s *Store) Validators(ctx context.Context, url string) (string, string, error) {
	var etag, modified string
	err := s.queryRow(ctx, `SELECT etag, last_modified FROM fetch_validators WHERE url = ?`, url).Scan(&etag, &modified)
	if errors.Is(err, sql.ErrNoRows) {
		return "", "", nil
	}
	if err != nil {
		return "", "", fmt.Errorf("sqlite: validators: %w", err)
	}
	return etag, modified, nil
}

func (s *Store) SetValidators(ctx context.Context, url, etag, modified string) error {
	var err error
	if etag == "" && modified == "" {
		_, err = s.db.ExecContext(ctx, `DELETE FROM fetch_validators WHERE url = ?`, url)
	} else {
		_, err = s.db.ExecContext(ctx, `INSERT INTO fetch_validators (url, etag, last_modified) VALUES (?, ?, ?)
ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified`, url, etag, modified)
	}
	if err != nil {
		return fmt.Errorf("sqlite: set validators: %w", err)
	}
	return nil
}
