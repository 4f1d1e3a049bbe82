package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"

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
	q, day := `SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM article_entities x JOIN entities e ON e.id = x.entity_id`, "x.day"
	switch {
	case quotes:
		w.add("x.speaker_id IS NOT NULL")
		q = `SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM quotes x JOIN entities e ON e.id = x.speaker_id`
	case f.From != "" || f.To != "":
		// An entity row's day is its article's current version's.
		q, day = `SELECT e.id, e.name, e.type, e.country, count(*) AS n FROM `+currentInRange+`
			JOIN entities e ON e.id = x.entity_id`, "v.day"
	}
	if err := w.dates(day, f.From, f.To); err != nil {
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

// currentInRange joins the current versions v, in day order, to their
// articles' entity rows x, for counts over a range of v.day: there is no
// index of the rows by day (migration 23), and a row's day is its
// version's.
const currentInRange = `versions v INDEXED BY versions_by_date JOIN articles a ON a.id = v.article_id AND a.current = v.id
	JOIN article_entities x ON x.article_id = v.article_id`

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
	rows, err := s.query(ctx, `SELECT e.id, e.name, e.type, e.country, sum(v.day = ?) AS now, sum(v.day < ?) / ? AS usual
		FROM `+currentInRange+` JOIN entities e ON e.id = x.entity_id
		WHERE v.day >= ? AND v.day <= ?`+typ+`
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

// coMentionWindow bounds the articles co-mentions are counted over to an
// entity's newest: over all of a much mentioned entity's articles the
// count took 0.2–1.7 s at 10k articles, over its newest 500 0.1–0.3 s.
var coMentionWindow = 200

// CoMentioned implements store.Insights: the entities mentioned most often
// with entity in its newest coMentionWindow articles, counted in Go
// (countEntities) and named for the top ones only.
func (s *Store) CoMentioned(ctx context.Context, entity int64, limit int) ([]store.EntityCount, error) {
	limit = limitOr(limit, 10)
	newest, args, err := s.newestArms(ctx, entity, `1`)
	var n map[int64]int
	if err == nil {
		n, err = s.countEntities(ctx, `SELECT y.article_id, y.entity_id FROM (`+newest+`) x
		JOIN article_entities y ON y.article_id = x.article_id WHERE y.entity_id <> ?`,
			append(args, coMentionWindow, entity), false)
	}
	if err == nil {
		var top []store.EntityCount
		if top, err = s.topEntities(ctx, n, limit); err == nil {
			return top, nil
		}
	}
	return nil, fmt.Errorf("sqlite: co-mentioned: %w", err)
}

// Stamp implements web.Stamper: it differs after any write to the
// database, by any process. The full-text index's averages record (rows
// and terms, which storing or deleting an article changes) and the
// newest version id catch every article written, in the database itself;
// the WAL file's size and modification time catch the rest (Reindex
// relinking entities), since every commit appends to it. Three seeks and
// a stat. Its limit: a write that changes no article, made after a
// checkpoint restarted the WAL, can leave the WAL's size as it was, and
// the kernel sets mtime at a coarse clock (a few ms), so two such writes
// in one tick keep the same stamp until the next write.
func (s *Store) Stamp(ctx context.Context) (string, error) {
	var averages []byte
	var newest sql.NullInt64
	if err := s.queryRow(ctx, `SELECT (SELECT block FROM search_index_data WHERE id = 1), (SELECT max(id) FROM versions)`).
		Scan(&averages, &newest); err != nil {
		return "", fmt.Errorf("sqlite: stamp: %w", err)
	}
	wal := "-"
	if st, err := os.Stat(s.path + "-wal"); err == nil {
		wal = fmt.Sprintf("%d@%d", st.Size(), st.ModTime().UnixNano())
	} else if !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("sqlite: stamp: %w", err)
	}
	return fmt.Sprintf("%x/%d/%s", averages, newest.Int64, wal), nil
}

// migrateArticleDays adds article_days, the articles whose newest version
// is of each day, kept by triggers on articles, and counts the articles
// already stored. Counting them per request took 0.2–2 s at 100k
// articles; a trigger costs an article one upsert of a small table. It
// may run again on a store taken back to an older version (as tests do):
// it then counts again.
func migrateArticleDays(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE IF NOT EXISTS article_days (
	day      TEXT PRIMARY KEY,     -- YYYY-MM-DD
	articles INTEGER NOT NULL      -- articles whose current version is of that day
) WITHOUT ROWID;
INSERT INTO article_days (day, articles)
	SELECT v.day, count(*) FROM articles a JOIN versions v ON v.id = a.current WHERE v.day IS NOT NULL GROUP BY v.day
	ON CONFLICT (day) DO UPDATE SET articles = excluded.articles;
CREATE TRIGGER IF NOT EXISTS article_days_current AFTER UPDATE OF current ON articles
	WHEN OLD.current IS NOT NEW.current BEGIN
	UPDATE article_days SET articles = articles - 1 WHERE day = (SELECT day FROM versions WHERE id = OLD.current);
	INSERT INTO article_days (day, articles) SELECT day, 1 FROM versions WHERE id = NEW.current AND day IS NOT NULL
		ON CONFLICT (day) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER IF NOT EXISTS article_days_delete BEFORE DELETE ON articles BEGIN
	UPDATE article_days SET articles = articles - 1 WHERE day = (SELECT day FROM versions WHERE id = OLD.current);
END;
`)
	return err
}

// ArticleDays implements store.Insights, from article_days.
func (s *Store) ArticleDays(ctx context.Context, from, to string) ([]store.DayCount, error) {
	var w where
	w.add("articles > 0")
	if err := w.dates("day", from, to); err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT day, articles FROM article_days`+w.String()+` ORDER BY day`, w.args...)
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

// daysSample bounds the hits SearchDays reads the day of: past it, every
// k-th hit (by version id) is read and counts k, and the counts say they
// are estimated. Reading every hit's day took 0.5–1.7 s for a common word
// at 100k articles. A variable so that tests can make it small.
var daysSample = 2000

// SearchDays implements store.SearchInsights.
func (s *Store) SearchDays(ctx context.Context, q search.Query) ([]store.DayCount, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	h, err := s.hitSet(ctx, q)
	if err != nil || h.none {
		return nil, err
	}
	total, _, err := s.count(ctx, h)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search days: %w", err)
	}
	k := (total + daysSample - 1) / daysSample
	if k > 1 {
		// On the driver's own id, so that the rows left out are left
		// before any look-up.
		h.conds.add(h.sampleID+` % ? = 0`, k)
	}
	from, args := h.withVersions()
	rows, err := s.query(ctx, `SELECT day, count(*) FROM (SELECT DISTINCT v.id, v.day AS day `+from+`)
		WHERE day IS NOT NULL GROUP BY day ORDER BY day`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search days: %w", err)
	}
	days, err := scanDays(rows)
	if err != nil || k <= 1 {
		return days, err
	}
	for i := range days {
		days[i].Count *= k
		days[i].Estimated = true
	}
	return days, nil
}

// facetWindow bounds the hits facets are counted over to the newest ones:
// counting every hit's entities costs as much as the hits' mentions (over
// a second for a common word at 10k articles), and the newest hits are
// what a reader looks at. A variable so that tests can make it small.
var facetWindow = 500

// Facets implements store.SearchInsights: each facet is counted over the
// article ids of the newest facetWindow hits, each taken once; Sampled
// says when there were more.
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
	ids, args := h.newest(facetWindow + 1)
	// From the covering index: a version's row holds its record, more than
	// a page, of which SQLite keeps only the first few hundred bytes on the
	// row's page; site and section are often on the next, overflow, page
	// (133 pages read for the /search page of a common word, 107 so).
	rows, err := s.query(ctx, `SELECT v.article_id, v.site, v.section FROM `+hitsIndex+` WHERE v.id IN (`+ids+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: facets: %w", err)
	}
	var articles []int64
	sites, sections := map[string]int{}, map[string]int{}
	_, err = collect(rows, func(r *sql.Rows, _ *struct{}) error {
		var article int64
		var site, section sql.NullString
		if err := r.Scan(&article, &site, &section); err != nil {
			return err
		}
		if len(articles) == facetWindow {
			f.Sampled = facetWindow
			return nil
		}
		articles = append(articles, article)
		sites[site.String]++
		sections[section.String]++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: facets: %w", err)
	}
	if len(articles) == 0 {
		return f, nil
	}
	f.Sites, f.Sections = topValues(sites, limit), topValues(sections, limit)
	list, err := json.Marshal(articles)
	if err != nil {
		return nil, err
	}
	// The articles as a table, so that each facet reads only theirs.
	in := `SELECT value FROM json_each(?)`
	args = []any{string(list)}
	values := func(col, from string) ([]store.FacetValue, error) {
		rows, err := s.query(ctx, `SELECT `+col+`, count(*) AS n FROM `+from+` AND `+col+` IS NOT NULL AND `+col+` <> ''
			GROUP BY `+col+` ORDER BY n DESC, `+col+` LIMIT ?`, append(args, limit)...)
		if err != nil {
			return nil, err
		}
		return collect(rows, func(r *sql.Rows, v *store.FacetValue) error { return r.Scan(&v.Value, &v.Count) })
	}
	entities := func(counts string, perArticle bool) ([]store.EntityCount, error) {
		n, err := s.countEntities(ctx, counts, args, perArticle)
		if err != nil {
			return nil, err
		}
		return s.topEntities(ctx, n, limit)
	}
	f.EventType, err = values("x.type", `events x WHERE x.article_id IN (`+in+`)`)
	if err == nil {
		f.Topics, err = s.topicFacet(ctx, in, args, limit)
	}
	if err == nil {
		f.Entities, err = entities(`SELECT article_id, entity_id FROM article_entities WHERE article_id IN (`+in+`)`, false)
	}
	if err == nil {
		f.Speakers, err = entities(`SELECT article_id, speaker_id FROM quotes WHERE article_id IN (`+in+`) AND speaker_id IS NOT NULL`, true)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: facets: %w", err)
	}
	return f, nil
}

// countEntities counts the entities of query, a SELECT of an article and
// an entity id per row counted (each pair once when perArticle). Counted
// here, not by a GROUP BY in SQL, whose sort of every row was a quarter
// of the facets' CPU (pprof, /search of a common word at 10k articles).
func (s *Store) countEntities(ctx context.Context, query string, args []any, perArticle bool) (map[int64]int, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	type pair struct{ article, id int64 }
	n, seen := map[int64]int{}, map[pair]bool{}
	_, err = collect(rows, func(r *sql.Rows, _ *struct{}) error {
		var p pair
		if err := r.Scan(&p.article, &p.id); err != nil {
			return err
		}
		if perArticle {
			if seen[p] {
				return nil
			}
			seen[p] = true
		}
		n[p.id]++
		return nil
	})
	return n, err
}

// topEntities are the limit entities of counts (by id) counted most, most
// first, then by name: those counted at least as often as the limit-th
// are read, and ranked.
func (s *Store) topEntities(ctx context.Context, counts map[int64]int, limit int) ([]store.EntityCount, error) {
	out := []store.EntityCount{}
	if len(counts) == 0 {
		return out, nil
	}
	ns := slices.SortedFunc(maps.Values(counts), func(a, b int) int { return b - a })
	least := ns[min(limit, len(ns))-1]
	var ids []int64
	for id, n := range counts {
		if n >= least {
			ids = append(ids, id)
		}
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, `SELECT id, name, type, country, 0 FROM entities WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	if out, err = scanEntityCounts(rows); err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Count = counts[out[i].ID]
	}
	slices.SortFunc(out, func(a, b store.EntityCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Name, b.Name))
	})
	return out[:min(limit, len(out))], nil
}

// topValues are the limit most frequent non-empty values of counts, most
// first, then by value.
func topValues(counts map[string]int, limit int) []store.FacetValue {
	out := []store.FacetValue{}
	for v, n := range counts {
		if v != "" {
			out = append(out, store.FacetValue{Value: v, Count: n})
		}
	}
	slices.SortFunc(out, func(a, b store.FacetValue) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), strings.Compare(a.Value, b.Value))
	})
	return out[:min(limit, len(out))]
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
