package sqlite

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

var (
	_ store.Insights       = (*Store)(nil)
	_ store.SearchInsights = (*Store)(nil)
)

func scanEntityCounts(rows *sql.Rows) ([]store.EntityCount, error) {
	return collect(rows, func(r *sql.Rows, e *store.EntityCount) error {
		var country sql.NullString
		err := r.Scan(&e.ID, &e.Name, &e.Type, &country, &e.Count)
		e.Country = country.String
		return err
	})
}

func scanDays(rows *sql.Rows) ([]store.DayCount, error) {
	return collect(rows, func(r *sql.Rows, d *store.DayCount) error { return r.Scan(&d.Day, &d.Count) })
}

func limitOr(n, def int) int { return store.Limit(n, def) }

// TopEntities implements store.Insights.
func (s *Store) TopEntities(ctx context.Context, f store.TopFilter) ([]store.EntityCount, error) {
	quotes, err := f.TopBy()
	if err != nil {
		return nil, err
	}
	var w where
	q := `SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM article_entities x JOIN entities e ON e.id = x.entity_id`
	if quotes {
		w.add("x.speaker_id IS NOT NULL")
		q = `SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM quotes x JOIN entities e ON e.id = x.speaker_id`
	}
	if err := w.dates("x.day", f.From, f.To); err != nil {
		return nil, err
	}
	if f.Type != "" {
		w.add("e.type = ?", f.Type)
	}
	rows, err := s.query(ctx, q+w.String()+` GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`, append(w.args, limitOr(f.Limit, 10))...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: top entities: %w", err)
	}
	return scanEntityCounts(rows)
}

// Trending implements store.Insights.
func (s *Store) Trending(ctx context.Context, f store.TrendFilter) ([]store.Trend, error) {
	f, from, err := f.Window()
	if err != nil {
		return nil, err
	}
	args := []any{f.Day, f.Day, float64(f.Baseline), from, f.Day}
	typ := ""
	if f.Type != "" {
		typ = ` AND e.type = ?`
		args = append(args, f.Type)
	}
	args = append(args, f.Min, f.Limit)
	rows, err := s.query(ctx, `SELECT e.id, e.name, e.type, e.country, sum(x.day = ?) AS now, sum(x.day < ?) / ? AS usual
		FROM article_entities x JOIN entities e ON e.id = x.entity_id
		WHERE x.day >= ? AND x.day <= ?`+typ+`
		GROUP BY e.id HAVING now >= ?
		ORDER BY (now + 1.0) / (usual + 1.0) DESC, now DESC, e.name LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: trending: %w", err)
	}
	return collect(rows, func(r *sql.Rows, t *store.Trend) error {
		var country sql.NullString
		err := r.Scan(&t.ID, &t.Name, &t.Type, &country, &t.Count, &t.Usual)
		t.Country = country.String
		t.Ratio = (float64(t.Count) + 1) / (t.Usual + 1)
		return err
	})
}

// EntityDays implements store.Insights.
func (s *Store) EntityDays(ctx context.Context, entity int64, from, to string) ([]store.DayCount, error) {
	var w where
	w.add("entity_id = ?", entity)
	w.add("day IS NOT NULL")
	if err := w.dates("day", from, to); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT day, count(*) FROM article_entities`+w.String()+` GROUP BY day ORDER BY day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity days: %w", err)
	}
	return scanDays(rows)
}

// CoMentioned implements store.Insights.
func (s *Store) CoMentioned(ctx context.Context, entity int64, limit int) ([]store.EntityCount, error) {
	rows, err := s.query(ctx, `SELECT e.id, e.name, e.type, e.country, count(*) AS n
		FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
		JOIN entities e ON e.id = y.entity_id
		WHERE x.entity_id = ? GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`, entity, limitOr(limit, 10))
	if err != nil {
		return nil, fmt.Errorf("sqlite: co-mentioned: %w", err)
	}
	return scanEntityCounts(rows)
}

// ArticleDays implements store.Insights.
func (s *Store) ArticleDays(ctx context.Context, from, to string) ([]store.DayCount, error) {
	var w where
	w.add("v.day IS NOT NULL")
	if err := w.dates("v.day", from, to); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT v.day, count(*) FROM articles a JOIN versions v ON v.id = a.current`+w.String()+
		` GROUP BY v.day ORDER BY v.day`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: article days: %w", err)
	}
	return scanDays(rows)
}

// LatestDay implements store.Insights.
func (s *Store) LatestDay(ctx context.Context) (string, error) {
	var day sql.NullString
	if err := s.queryRow(ctx, `SELECT max(day) FROM versions`).Scan(&day); err != nil {
		return "", fmt.Errorf("sqlite: latest day: %w", err)
	}
	return day.String, nil
}

// SearchDays implements store.SearchInsights.
func (s *Store) SearchDays(ctx context.Context, q search.Query) ([]store.DayCount, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	h, err := s.hitSet(ctx, q)
	if err != nil || h.none {
		return nil, err
	}
	from, args := h.withVersions()
	rows, err := s.query(ctx, `SELECT day, count(*) FROM (SELECT DISTINCT v.id, v.day AS day `+from+`)
		WHERE day IS NOT NULL GROUP BY day ORDER BY day`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search days: %w", err)
	}
	return scanDays(rows)
}

// Facets implements store.SearchInsights: each facet is counted over the
// hits' article ids, taken once.
func (s *Store) Facets(ctx context.Context, q search.Query, limit int) (*store.Facets, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	f := &store.Facets{Sites: []store.FacetValue{}, Sections: []store.FacetValue{}, Entities: []store.EntityCount{},
		Speakers: []store.EntityCount{}, EventType: []store.FacetValue{}, Topics: []store.FacetValue{}}
	h, err := s.hitSet(ctx, q)
	if err != nil || h.none {
		return f, err
	}
	limit = limitOr(limit, 10)
	from, args := h.withVersions()
	hits := `SELECT DISTINCT v.id, v.article_id AS article, v.site AS site, v.section AS section ` + from
	// values counts a column of the hits, or of a table over them.
	values := func(col, fromWhere string) ([]store.FacetValue, error) {
		rows, err := s.query(ctx, `SELECT `+col+`, count(*) AS n FROM `+fromWhere+` AND `+col+` IS NOT NULL AND `+col+` <> ''
			GROUP BY `+col+` ORDER BY n DESC, `+col+` LIMIT ?`, append(args, limit)...)
		if err != nil {
			return nil, err
		}
		return collect(rows, func(r *sql.Rows, v *store.FacetValue) error { return r.Scan(&v.Value, &v.Count) })
	}
	entities := func(q string) ([]store.EntityCount, error) {
		rows, err := s.query(ctx, q, append(args, limit)...)
		if err != nil {
			return nil, err
		}
		return scanEntityCounts(rows)
	}
	if f.Sites, err = values("site", `(`+hits+`) WHERE 1`); err == nil {
		f.Sections, err = values("section", `(`+hits+`) WHERE 1`)
	}
	articles := `SELECT article FROM (` + hits + `)`
	if err == nil {
		f.EventType, err = values("x.type", `events x WHERE x.article_id IN (`+articles+`)`)
	}
	if err == nil {
		f.Topics, err = s.topicFacet(ctx, articles, args, limit)
	}
	if err == nil {
		f.Entities, err = entities(`SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM article_entities x
			JOIN entities e ON e.id = x.entity_id WHERE x.article_id IN (` + articles + `)
			GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`)
	}
	if err == nil {
		f.Speakers, err = entities(`SELECT e.id, e.name, e.type, e.country, count(DISTINCT x.article_id) AS n FROM quotes x
			JOIN entities e ON e.id = x.speaker_id WHERE x.article_id IN (` + articles + `)
			GROUP BY e.id ORDER BY n DESC, e.name LIMIT ?`)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: facets: %w", err)
	}
	return f, nil
}

// EntityRefs implements store.Insights.
func (s *Store) EntityRefs(ctx context.Context, article int64) (map[string]int64, error) {
	rows, err := s.query(ctx, `SELECT local_id, coalesce(ref, entity_id) FROM article_entities WHERE article_id = ?`, article)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity refs: %w", err)
	}
	defer rows.Close()
	refs := map[string]int64{}
	for rows.Next() {
		var local string
		var id int64
		if err := rows.Scan(&local, &id); err != nil {
			return nil, fmt.Errorf("sqlite: entity refs: %w", err)
		}
		refs[local] = id
	}
	return refs, rows.Err()
}
