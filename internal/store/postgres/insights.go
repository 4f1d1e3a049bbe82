package postgres

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

var (
	_ store.Insights       = (*Store)(nil)
	_ store.SearchInsights = (*Store)(nil)
)

func scanEntityCount(r pgx.Rows, e *store.EntityCount) error {
	var country *string
	err := r.Scan(&e.ID, &e.Name, &e.Type, &country, &e.Count)
	e.Country = deref(country)
	return err
}

func scanDay(r pgx.Rows, d *store.DayCount) error { return r.Scan(&d.Day, &d.Count) }

// list runs a query and scans its rows, naming what failed.
func list[T any](ctx context.Context, q querier, what, query string, args []any, scan func(pgx.Rows, *T) error) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	out, err := collect(rows, scan)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return out, nil
}

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
		w.add("e.type = " + w.arg(f.Type))
	}
	query, args := w.limit(q+w.String()+` GROUP BY e.id ORDER BY n DESC, e.name`, store.Limit(f.Limit, 10), 0)
	return list(ctx, s.pool, "top entities", query, args, scanEntityCount)
}

// Trending implements store.Insights.
func (s *Store) Trending(ctx context.Context, f store.TrendFilter) ([]store.Trend, error) {
	f, from, err := f.Window()
	if err != nil {
		return nil, err
	}
	var w where
	d := w.arg(f.Day)
	now := `count(*) FILTER (WHERE x.day = ` + d + `)`
	usual := `count(*) FILTER (WHERE x.day < ` + d + `)::float8 / ` + w.arg(float64(f.Baseline))
	w.add("x.day >= " + w.arg(from))
	w.add("x.day <= " + d)
	if f.Type != "" {
		w.add("e.type = " + w.arg(f.Type))
	}
	query, args := w.limit(`SELECT e.id, e.name, e.type, e.country, `+now+`, `+usual+`
		FROM article_entities x JOIN entities e ON e.id = x.entity_id`+w.String()+`
		GROUP BY e.id HAVING `+now+` >= `+w.arg(f.Min)+`
		ORDER BY (`+now+` + 1.0) / (`+usual+` + 1.0) DESC, 5 DESC, e.name`, f.Limit, 0)
	return list(ctx, s.pool, "trending", query, args, func(r pgx.Rows, t *store.Trend) error {
		var country *string
		err := r.Scan(&t.ID, &t.Name, &t.Type, &country, &t.Count, &t.Usual)
		t.Country = deref(country)
		t.Ratio = (float64(t.Count) + 1) / (t.Usual + 1)
		return err
	})
}

// EntityDays implements store.Insights.
func (s *Store) EntityDays(ctx context.Context, entity int64, from, to string) ([]store.DayCount, error) {
	var w where
	w.add("entity_id = " + w.arg(entity))
	w.add("day IS NOT NULL")
	if err := w.dates("day", from, to); err != nil {
		return nil, err
	}
	return list(ctx, s.pool, "entity days", `SELECT day, count(*) FROM article_entities`+w.String()+` GROUP BY day ORDER BY day`, w.args, scanDay)
}

// coMentionWindow bounds the articles co-mentions are counted over to an
// entity's newest, as on SQLite: over all of a much mentioned entity's
// articles the count joins every one of their entities.
var coMentionWindow = 200

// CoMentioned implements store.Insights: the entities mentioned most often
// with entity in its newest coMentionWindow articles.
func (s *Store) CoMentioned(ctx context.Context, entity int64, limit int) ([]store.EntityCount, error) {
	return list(ctx, s.pool, "co-mentioned", `WITH x AS (SELECT article_id FROM article_entities
			WHERE entity_id = $1 ORDER BY article_id DESC LIMIT $3)
		SELECT e.id, e.name, e.type, e.country, count(*) AS n
		FROM x JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> $1
		JOIN entities e ON e.id = y.entity_id
		GROUP BY e.id ORDER BY n DESC, e.name LIMIT $2`, []any{entity, store.Limit(limit, 10), coMentionWindow}, scanEntityCount)
}

// ArticleDays implements store.Insights.
func (s *Store) ArticleDays(ctx context.Context, from, to string) ([]store.DayCount, error) {
	var w where
	w.add("day IS NOT NULL")
	if err := w.dates("day", from, to); err != nil {
		return nil, err
	}
	// Each current version's day, summed from the deltas of migration 19.
	return list(ctx, s.pool, "article days", `SELECT day, sum(articles)::bigint FROM search_day_counts`+w.String()+
		` GROUP BY day HAVING sum(articles) > 0 ORDER BY day`, w.args, scanDay)
}

// LatestDay implements store.Insights.
func (s *Store) LatestDay(ctx context.Context) (string, error) {
	var day *string
	// The versions_day index answers from its first entry.
	if err := s.pool.QueryRow(ctx, `SELECT max(day) FROM versions`).Scan(&day); err != nil {
		return "", fmt.Errorf("postgres: latest day: %w", err)
	}
	return deref(day), nil
}

// daysSample bounds the hits SearchDays reads the day of, as on SQLite:
// past it, the hits of 1/k of the sample buckets are read (k a power of
// two, from the planner's estimate of the hits) and each counts k, and the
// counts say they are estimated. A variable so that tests can make it
// small.
var daysSample = 2000

// sampleBuckets is the number of sample buckets of search_terms, a hash
// of the article id, which its terms' index holds (migration 18); sample
// is the condition on it, written as the index has it.
const (
	sampleBuckets = 1024
	sample        = `(hashint8(st.article_id) & 1023) < `
)

// SearchDays implements store.SearchInsights: the hits' days, from a
// sample of them past daysSample. The sample's rows are found in the
// terms' index with the words, so that only their rows are read: reading
// the day of every hit read most of search_terms for a common word.
func (s *Store) SearchDays(ctx context.Context, q search.Query) ([]store.DayCount, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	h, err := s.hitSet(ctx, q)
	if err != nil || h.none {
		return []store.DayCount{}, err
	}
	tx, err := s.readTx(ctx, h)
	if err != nil {
		return nil, fmt.Errorf("postgres: search days: %w", err)
	}
	defer tx.Rollback(ctx)
	h.w.add("st.day IS NOT NULL")
	k := 1
	if h.tsquery != "" {
		// Without words there is no index to sample from.
		hits, err := planRows(ctx, tx, h.from+h.w.String(), h.w.args)
		if err != nil {
			return nil, fmt.Errorf("postgres: search days: %w", err)
		}
		for k < sampleBuckets && float64(k*daysSample) < hits {
			k *= 2
		}
	}
	for {
		w := where{conds: slices.Clone(h.w.conds), args: slices.Clone(h.w.args)}
		if k > 1 {
			w.add(sample + strconv.Itoa(sampleBuckets/k))
		}
		days, err := list(ctx, tx, "search days", `SELECT st.day, count(*) FROM `+h.from+w.String()+` GROUP BY st.day ORDER BY st.day`,
			w.args, scanDay)
		if err != nil || k == 1 {
			return days, err
		}
		n := 0
		for _, d := range days {
			n += d.Count
		}
		if n*k <= daysSample {
			// The planner expected many more: every hit's day is read
			// for fewer than the sample.
			k = 1
			continue
		}
		for i := range days {
			days[i].Count *= k
			days[i].Estimated = true
		}
		return days, nil
	}
}

// facetWindow bounds the hits facets are counted over to the newest
// ones, as on SQLite: counting every hit's entities costs as much as the
// hits' mentions, and the newest hits are what a reader looks at. A
// variable so that tests can make it small.
var facetWindow = 500

// Facets implements store.SearchInsights: each facet is counted over the
// newest facetWindow hits' articles, taken once.
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
	tx, err := s.readTx(ctx, h)
	if err != nil {
		return nil, fmt.Errorf("postgres: facets: %w", err)
	}
	defer tx.Rollback(ctx)
	ids, err := list(ctx, tx, "facets", `SELECT `+h.id+` FROM `+h.from+h.w.String()+` ORDER BY `+h.version+` DESC LIMIT `+
		h.w.arg(facetWindow+1), h.w.args, func(r pgx.Rows, id *int64) error { return r.Scan(id) })
	if err != nil || len(ids) == 0 {
		return f, err
	}
	if len(ids) > facetWindow {
		ids, f.Sampled = ids[:facetWindow], facetWindow
	}
	args := []any{ids, store.Limit(limit, 10)}
	values := func(col, fromWhere string) ([]store.FacetValue, error) {
		return list(ctx, s.pool, "facets", `SELECT `+col+`, count(*) AS n FROM `+fromWhere+` AND `+col+` IS NOT NULL AND `+col+` <> ''
			GROUP BY `+col+` ORDER BY n DESC, `+col+` LIMIT $2`, args, func(r pgx.Rows, v *store.FacetValue) error {
			return r.Scan(&v.Value, &v.Count)
		})
	}
	entities := func(query string) ([]store.EntityCount, error) {
		return list(ctx, s.pool, "facets", query, args, scanEntityCount)
	}
	hits := `articles a JOIN versions v ON v.id = a.current WHERE a.id = ANY($1)`
	if f.Sites, err = values("v.site", hits); err == nil {
		f.Sections, err = values("v.section", hits)
	}
	if err == nil {
		f.EventType, err = values("x.type", `events x WHERE x.article_id = ANY($1)`)
	}
	if err == nil {
		f.Topics, err = values("x.code", `article_topics x WHERE x.article_id = ANY($1)`)
		labelTopics(f.Topics)
	}
	if err == nil {
		f.Entities, err = entities(`SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM article_entities x
			JOIN entities e ON e.id = x.entity_id WHERE x.article_id = ANY($1)
			GROUP BY e.id ORDER BY n DESC, e.name LIMIT $2`)
	}
	if err == nil {
		f.Speakers, err = entities(`SELECT e.id, e.name, e.type, e.country, count(DISTINCT x.article_id) AS n FROM quotes x
			JOIN entities e ON e.id = x.speaker_id WHERE x.article_id = ANY($1)
			GROUP BY e.id ORDER BY n DESC, e.name LIMIT $2`)
	}
	if err != nil {
		return nil, err
	}
	return f, nil
}

// EntityRefs implements store.Insights.
func (s *Store) EntityRefs(ctx context.Context, article int64) (map[string]int64, error) {
	rows, err := s.pool.Query(ctx, `SELECT local_id, coalesce(ref, entity_id) FROM article_entities WHERE article_id = $1`, article)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity refs: %w", err)
	}
	refs := map[string]int64{}
	var local string
	var id int64
	_, err = pgx.ForEachRow(rows, []any{&local, &id}, func() error {
		refs[local] = id
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entity refs: %w", err)
	}
	return refs, nil
}
