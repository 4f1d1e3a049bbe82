package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Alerts = (*Store)(nil)

// CreateAlert implements store.Alerts.
func (s *Store) CreateAlert(ctx context.Context, a store.Alert) (store.Alert, error) {
	a.Created = time.Now().UTC().Format(time.RFC3339)
	err := s.wdb.QueryRowContext(ctx, `INSERT INTO alerts (name, query, webhook, secret, created) VALUES (?, ?, ?, ?, ?) RETURNING id`,
		a.Name, a.Query, nullString(a.Webhook), nullString(a.Secret), a.Created).Scan(&a.ID)
	if err != nil {
		return a, fmt.Errorf("sqlite: create alert: %w", err)
	}
	return a, nil
}

const alertColumns = `SELECT al.id, al.name, al.query, al.webhook, al.secret, al.created,
	(SELECT count(*) FROM alert_matches m WHERE m.alert_id = al.id) FROM alerts al`

func scanAlert(r interface{ Scan(...any) error }, a *store.Alert) error {
	var webhook, secret sql.NullString
	err := r.Scan(&a.ID, &a.Name, &a.Query, &webhook, &secret, &a.Created, &a.Matches)
	a.Webhook, a.Secret = webhook.String, secret.String
	return err
}

// Alerts implements store.Alerts.
func (s *Store) Alerts(ctx context.Context) ([]store.Alert, error) {
	rows, err := s.query(ctx, alertColumns+` ORDER BY al.id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: alerts: %w", err)
	}
	return collect(rows, func(r *sql.Rows, a *store.Alert) error { return scanAlert(r, a) })
}

// Alert implements store.Alerts.
func (s *Store) Alert(ctx context.Context, id int64) (*store.Alert, error) {
	var a store.Alert
	err := scanAlert(s.queryRow(ctx, alertColumns+` WHERE al.id = ?`, id), &a)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: alert %d: %w", id, err)
	}
	return &a, nil
}

// DeleteAlert implements store.Alerts.
func (s *Store) DeleteAlert(ctx context.Context, id int64) error {
	res, err := s.wdb.ExecContext(ctx, `DELETE FROM alerts WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("sqlite: delete alert %d: %w", id, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("alert %d: %w", id, store.ErrNotFound)
	}
	return nil
}

// AddMatch implements store.Alerts.
func (s *Store) AddMatch(ctx context.Context, alert, article int64) (bool, error) {
	var out bool
	err := s.retry(ctx, func() (err error) {
		out, err = s.addMatch(ctx, alert, article)
		return err
	})
	return out, err
}

func (s *Store) addMatch(ctx context.Context, alert, article int64) (bool, error) {
	res, err := s.wdb.ExecContext(ctx, `INSERT OR IGNORE INTO alert_matches (alert_id, article_id, matched) VALUES (?, ?, ?)`,
		alert, article, time.Now().UTC().Format(time.RFC3339Nano))
	if err != nil {
		return false, fmt.Errorf("sqlite: alert %d match %d: %w", alert, article, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// MatchedAny implements store.Alerts.
func (s *Store) MatchedAny(ctx context.Context, alert int64, articles []int64) (bool, error) {
	list, err := json.Marshal(articles)
	if err != nil {
		return false, fmt.Errorf("sqlite: alert %d matches: %w", alert, err)
	}
	var found bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM alert_matches
		WHERE alert_id = ? AND article_id IN (SELECT value FROM json_each(?)))`, alert, string(list)).Scan(&found); err != nil {
		return false, fmt.Errorf("sqlite: alert %d matches: %w", alert, err)
	}
	return found, nil
}

// Matches implements store.Alerts.
func (s *Store) Matches(ctx context.Context, alert int64, p store.Page) ([]store.AlertMatch, error) {
	p = p.Norm()
	rows, err := s.query(ctx, `SELECT a.id, v.title, a.url, v.site, v.published, v.lead, m.matched
		FROM alert_matches m JOIN articles a ON a.id = m.article_id JOIN versions v ON v.id = a.current
		WHERE m.alert_id = ? ORDER BY m.matched DESC, a.id DESC LIMIT ? OFFSET ?`, alert, p.Limit, p.Offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: alert %d matches: %w", alert, err)
	}
	return collect(rows, func(r *sql.Rows, m *store.AlertMatch) error {
		var url, site, published sql.NullString
		err := r.Scan(&m.ArticleID, &m.Title, &url, &site, &published, &m.Lead, &m.Matched)
		m.URL, m.Site, m.Published = url.String, site.String, published.String
		return err
	})
}
