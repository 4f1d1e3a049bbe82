package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Alerts = (*Store)(nil)

// CreateAlert implements store.Alerts.
func (s *Store) CreateAlert(ctx context.Context, a store.Alert) (store.Alert, error) {
	a.Created = time.Now().UTC().Format(time.RFC3339)
	err := s.pool.QueryRow(ctx, `INSERT INTO alerts (name, query, webhook, secret, created)
		VALUES ($1, $2, nullif($3, ''), nullif($4, ''), $5) RETURNING id`,
		a.Name, a.Query, a.Webhook, a.Secret, a.Created).Scan(&a.ID)
	if err != nil {
		return a, fmt.Errorf("postgres: create alert: %w", err)
	}
	return a, nil
}

const alertColumns = `SELECT al.id, al.name, al.query, coalesce(al.webhook, ''), coalesce(al.secret, ''), al.created,
	(SELECT count(*) FROM alert_matches m WHERE m.alert_id = al.id) FROM alerts al`

func scanAlert(r pgx.Row, a *store.Alert) error {
	return r.Scan(&a.ID, &a.Name, &a.Query, &a.Webhook, &a.Secret, &a.Created, &a.Matches)
}

// Alerts implements store.Alerts.
func (s *Store) Alerts(ctx context.Context) ([]store.Alert, error) {
	rows, err := s.pool.Query(ctx, alertColumns+` ORDER BY al.id`)
	if err != nil {
		return nil, fmt.Errorf("postgres: alerts: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, a *store.Alert) error { return scanAlert(r, a) })
	if err != nil {
		return nil, fmt.Errorf("postgres: alerts: %w", err)
	}
	return list, nil
}

// Alert implements store.Alerts.
func (s *Store) Alert(ctx context.Context, id int64) (*store.Alert, error) {
	var a store.Alert
	err := scanAlert(s.pool.QueryRow(ctx, alertColumns+` WHERE al.id = $1`, id), &a)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: alert %d: %w", id, err)
	}
	return &a, nil
}

// DeleteAlert implements store.Alerts.
func (s *Store) DeleteAlert(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM alerts WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete alert %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// AddMatch implements store.Alerts: the primary key keeps one match per
// alert and article, however many writers store the article at once.
func (s *Store) AddMatch(ctx context.Context, alert, article int64) (bool, error) {
	tag, err := s.pool.Exec(ctx, `INSERT INTO alert_matches (alert_id, article_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, alert, article)
	if err != nil {
		return false, fmt.Errorf("postgres: alert %d match %d: %w", alert, article, err)
	}
	return tag.RowsAffected() == 1, nil
}

// MatchedAny implements store.Alerts.
func (s *Store) MatchedAny(ctx context.Context, alert int64, articles []int64) (bool, error) {
	var found bool
	if err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM alert_matches WHERE alert_id = $1 AND article_id = ANY($2))`,
		alert, articles).Scan(&found); err != nil {
		return false, fmt.Errorf("postgres: alert %d matches: %w", alert, err)
	}
	return found, nil
}

// Matches implements store.Alerts.
func (s *Store) Matches(ctx context.Context, alert int64, p store.Page) ([]store.AlertMatch, error) {
	p = p.Norm()
	rows, err := s.pool.Query(ctx, `SELECT a.id, v.title, coalesce(a.url, ''), coalesce(v.site, ''), coalesce(v.published, ''), v.lead, m.matched
		FROM alert_matches m JOIN articles a ON a.id = m.article_id JOIN versions v ON v.id = a.current
		WHERE m.alert_id = $1 ORDER BY m.matched DESC, a.id DESC LIMIT $2 OFFSET $3`, alert, p.Limit, p.Offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: alert %d matches: %w", alert, err)
	}
	list, err := collect(rows, func(r pgx.Rows, m *store.AlertMatch) error {
		var matched time.Time
		err := r.Scan(&m.ArticleID, &m.Title, &m.URL, &m.Site, &m.Published, &m.Lead, &matched)
		m.Matched = matched.UTC().Format(time.RFC3339Nano)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: alert %d matches: %w", alert, err)
	}
	return list, nil
}
