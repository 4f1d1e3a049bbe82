package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// where collects the conditions of a WHERE clause and numbers their
// arguments ($1, $2, ...).
type where struct {
	conds []string
	args  []any
}

// arg adds an argument and returns its placeholder.
func (w *where) arg(v any) string {
	w.args = append(w.args, v)
	return "$" + strconv.Itoa(len(w.args))
}

func (w *where) add(cond string) { w.conds = append(w.conds, cond) }

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// dates bounds the YYYY-MM-DD column col by from and to, each YYYY,
// YYYY-MM or YYYY-MM-DD; to is inclusive (to 2025-10 takes all October).
func (w *where) dates(col, from, to string) error {
	if !search.ValidDate(from) || !search.ValidDate(to) {
		return fmt.Errorf("%w: dates are YYYY, YYYY-MM or YYYY-MM-DD", store.ErrBadFilter)
	}
	if from != "" {
		w.add(col + " >= " + w.arg(from))
	}
	if to != "" {
		// The last day that to takes in, padded (2025-10 → 2025-10-99),
		// compared as it is stored, so that an index on col serves.
		w.add(col + " <= " + w.arg(to+"-99-99"[len(to)-4:]))
	}
	return nil
}

// articles filters current versions v by site, section and publication
// date.
func (w *where) articles(site, section, from, to string) error {
	if site != "" {
		site = strings.ToLower(strings.TrimPrefix(site, "www."))
		w.add("(v.site = " + w.arg(site) + " OR right(v.site, " + w.arg(len([]rune(site))+1) + ") = " + w.arg("."+site) + ")")
	}
	if section != "" {
		w.add("lower(v.section) = lower(" + w.arg(section) + ")")
	}
	return w.dates("v.day", from, to)
}

// speakerMatch is the condition that a quote q is by the speaker a filter
// value names: by one of the speaker's refs (Store.refs), or the very name
// the article gives, never a word of a name.
func (w *where) speakerMatch(name string, refs []int64) string {
	return "(q.speaker_norm = " + w.arg(store.NormalizeName(name)) + " OR q.speaker_ref = ANY(" + w.arg(refs) + "::bigint[]))"
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id int64) (*store.Article, error) {
	return s.article(ctx, id, `v.id = a.current`)
}

// Version implements store.Store.
func (s *Store) Version(ctx context.Context, id int64, version int) (*store.Article, error) {
	return s.article(ctx, id, `v.article_id = a.id AND v.version = $2`, version)
}

func (s *Store) article(ctx context.Context, id int64, join string, args ...any) (*store.Article, error) {
	art := store.Article{ID: id}
	var url *string
	var record string
	err := s.pool.QueryRow(ctx, `SELECT a.url, v.version, v.record::text FROM articles a JOIN versions v ON `+join+
		` WHERE a.id = $1`, append([]any{id}, args...)...).Scan(&url, &art.Version, &record)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	art.URL, art.Record = deref(url), json.RawMessage(record)
	rows, err := s.pool.Query(ctx, `SELECT version, record_id, title, stored FROM versions
		WHERE article_id = $1 ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	art.Versions, err = collect(rows, func(r pgx.Rows, v *store.VersionInfo) error {
		var stored time.Time
		err := r.Scan(&v.Version, &v.RecordID, &v.Title, &stored)
		v.Stored = stored.UTC().Format(time.RFC3339)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: article %d: %w", id, err)
	}
	return &art, nil
}

// Articles implements store.Store.
func (s *Store) Articles(ctx context.Context, f store.ArticleFilter) ([]store.ArticleSummary, error) {
	var w where
	if err := w.articles(f.Site, f.Section, f.From, f.To); err != nil {
		return nil, err
	}
	p := f.Page.Norm()
	query, args := w.limit(`SELECT a.id, v.title, a.url, v.site, v.section, v.published, v.lead,
			(SELECT count(*) FROM versions WHERE article_id = a.id)
		FROM articles a JOIN versions v ON v.id = a.current`+w.String()+`
		ORDER BY v.day DESC NULLS LAST, v.published DESC NULLS LAST, a.id DESC`, p.Limit, p.Offset)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, a *store.ArticleSummary) error {
		var url, site, section, published *string
		err := r.Scan(&a.ID, &a.Title, &url, &site, &section, &published, &a.Lead, &a.Versions)
		a.URL, a.Site, a.Section, a.Published = deref(url), deref(site), deref(section), deref(published)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: articles: %w", err)
	}
	return list, nil
}

// Entities implements store.Store: the refs (identity.go). Entities no
// current version mentions any more are left out.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]store.Entity, error) {
	var w where
	if f.Type != "" {
		w.add("e.type = " + w.arg(strings.ToUpper(f.Type)))
	}
	if n := store.NormalizeName(f.Name); n != "" {
		w.add("strpos(e.norm, " + w.arg(n) + ") > 0")
	}
	p := f.Page.Norm()
	query, args := w.limit(`SELECT e.id, e.name, e.type, e.country,
			count(DISTINCT ae.article_id), sum(ae.mentions),
			(SELECT count(*) FROM quotes WHERE speaker_ref = e.id)
		FROM entities e JOIN article_entities ae ON ae.ref = e.id`+w.String()+`
		GROUP BY e.id ORDER BY 5 DESC, e.name`, p.Limit, p.Offset)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: entities: %w", err)
	}
	list, err := collect(rows, scanEntity)
	if err != nil {
		return nil, fmt.Errorf("postgres: entities: %w", err)
	}
	return list, nil
}

func scanEntity(r pgx.Rows, e *store.Entity) error {
	var country *string
	err := r.Scan(&e.ID, &e.Name, &e.Type, &country, &e.Articles, &e.Mentions, &e.Quotes)
	e.Country = deref(country)
	return err
}

// Entity implements store.Store.
func (s *Store) Entity(ctx context.Context, id int64) (*store.Entity, error) {
	e, _, err := s.entityRow(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT text FROM (SELECT text FROM mentions WHERE entity_id = $1 ORDER BY article_id DESC LIMIT $2) m
		GROUP BY text ORDER BY count(*) DESC, text COLLATE "C" LIMIT 20`, id, nameWindow)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %d: %w", id, err)
	}
	e.Names, err = collect(rows, func(r pgx.Rows, name *string) error { return r.Scan(name) })
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %d: %w", id, err)
	}
	return e, nil
}

// nameWindow bounds the mentions an entity's names are read from to its
// newest, as on SQLite.
var nameWindow = 2000

// entityRow is the entity id with its counts as a ref (refCounts), and
// the ids of its newest articles they were counted from.
func (s *Store) entityRow(ctx context.Context, id int64) (*store.Entity, []int64, error) {
	e := &store.Entity{ID: id}
	var country *string
	var ids []int64
	err := s.pool.QueryRow(ctx, `SELECT name, type, country FROM entities WHERE id = $1`, id).Scan(&e.Name, &e.Type, &country)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err == nil {
		if ids, err = s.refArticles(ctx, id); err == nil {
			err = s.refCounts(ctx, e, ids)
		}
	}
	if err != nil {
		return nil, nil, fmt.Errorf("postgres: entity %d: %w", id, err)
	}
	e.Country = deref(country)
	return e, ids, nil
}

// EntityArticles implements store.Store.
func (s *Store) EntityArticles(ctx context.Context, id int64, p store.Page) ([]store.EntityArticle, error) {
	p = p.Norm()
	// One row per article even where two of its entities resolve to this
	// one: their mentions add up, and the longest name stands. An
	// article's rows share its day, so grouping by day and article reads
	// them in the order of the ref's index and stops at the page's end.
	rows, err := s.pool.Query(ctx, `SELECT g.article_id, v.title, v.published, g.name, g.mentions, g.roles, g.salience
		FROM (SELECT ae.day, ae.article_id, sum(ae.mentions) AS mentions,
				(array_agg(ae.name ORDER BY length(ae.name) DESC))[1] AS name,
				(array_agg(ae.roles ORDER BY length(ae.name) DESC))[1] AS roles,
				(array_agg(ae.salience ORDER BY length(ae.name) DESC))[1] AS salience
			FROM article_entities ae WHERE ae.ref = $1
			GROUP BY ae.day, ae.article_id ORDER BY ae.day NULLS FIRST, ae.article_id LIMIT $2 OFFSET $3) g
		JOIN articles a ON a.id = g.article_id JOIN versions v ON v.id = a.current
		ORDER BY g.day NULLS FIRST, g.article_id`, id, p.Limit, p.Offset)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %d articles: %w", id, err)
	}
	list, err := collect(rows, func(r pgx.Rows, ea *store.EntityArticle) error {
		var published, roles *string
		var salience *float64
		if err := r.Scan(&ea.ArticleID, &ea.Title, &published, &ea.Name, &ea.Mentions, &roles, &salience); err != nil {
			return err
		}
		ea.Published = deref(published)
		if salience != nil {
			ea.Salience = *salience
		}
		if roles != nil {
			return json.Unmarshal([]byte(*roles), &ea.Roles)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: entity %d articles: %w", id, err)
	}
	return list, nil
}

// Quotes implements store.Store. Text matches a piece of the quote, case
// folded.
func (s *Store) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, error) {
	var w where
	// A speaker's quotes by its ref or its own id: each from its index in
	// page order (migration 14), the two merged, so that a page reads no
	// more than its end of either.
	arms := []string{"TRUE"}
	if f.SpeakerID != 0 {
		id := w.arg(f.SpeakerID)
		arms = []string{"q.speaker_ref = " + id, "q.speaker_id = " + id}
	}
	if f.Speaker != "" {
		refs, err := s.refs(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		w.add(w.speakerMatch(f.Speaker, refs))
	}
	if f.Text != "" {
		w.add("strpos(lower(q.text), lower(" + w.arg(f.Text) + ")) > 0")
	}
	if err := w.dates("q.day", f.From, f.To); err != nil {
		return nil, err
	}
	p := f.Page.Norm()
	const order = `day NULLS FIRST, article_id, start, id`
	end := w.arg(p.Offset + p.Limit)
	for i, arm := range arms {
		aw := where{conds: append(slices.Clone(w.conds), arm)}
		arms[i] = `(SELECT q.* FROM quotes q` + aw.String() + ` ORDER BY q.` + strings.ReplaceAll(order, ", ", ", q.") + ` LIMIT ` + end + `)`
	}
	query, args := w.limit(`SELECT q.id, q.article_id, v.title, v.published, q.text, q.kind,
			q.start, q."end", q.speaker_id, q.speaker_name, q.speaker_role, q.cue
		FROM (`+strings.Join(arms, " UNION ")+`) q JOIN articles a ON a.id = q.article_id JOIN versions v ON v.id = a.current
		ORDER BY q.`+strings.ReplaceAll(order, ", ", ", q."), p.Limit, p.Offset)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, q *store.Quote) error {
		var published, name, role, cue *string
		var speaker *int64
		err := r.Scan(&q.ID, &q.ArticleID, &q.Title, &published, &q.Text, &q.Kind, &q.Start, &q.End,
			&speaker, &name, &role, &cue)
		q.Published, q.SpeakerName, q.SpeakerRole, q.Cue = deref(published), deref(name), deref(role), deref(cue)
		if speaker != nil {
			q.SpeakerID = *speaker
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: quotes: %w", err)
	}
	return list, nil
}

// events sets the conditions of an EventFilter on events ev.
func (w *where) events(f store.EventFilter) error {
	if f.Type != "" {
		w.add("ev.type = " + w.arg(strings.ToUpper(f.Type)))
	}
	switch len(f.Countries) {
	case 0:
	case 1:
		c := w.arg(strings.ToUpper(f.Countries[0]))
		w.add("(ev.source_country = " + c + " OR ev.target_country = " + c + ")")
	case 2:
		a, b := w.arg(strings.ToUpper(f.Countries[0])), w.arg(strings.ToUpper(f.Countries[1]))
		w.add("((ev.source_country = " + a + " AND ev.target_country = " + b + ") OR (ev.source_country = " + b +
			" AND ev.target_country = " + a + "))")
	default:
		return fmt.Errorf("%w: one or two countries", store.ErrBadFilter)
	}
	return w.dates("ev.day", f.From, f.To)
}

// entityArms are the conditions that an event ev has the entity of f
// as one of its actors, one per actor column; TRUE without one.
func (w *where) entityArms(f store.EventFilter) []string {
	if f.Entity == 0 {
		return []string{"TRUE"}
	}
	id := w.arg(f.Entity)
	return []string{"ev.source_id = " + id, "ev.target_id = " + id}
}

// Events implements store.Store.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	var w where
	if err := w.events(f); err != nil {
		return nil, err
	}
	arms := w.entityArms(f)
	p := f.Page.Norm()
	// An entity's events by each actor from its index in page order
	// (migration 15), the two merged, so that a page reads no more than
	// its end of either.
	const order = `day NULLS FIRST, article_id, sentence, id`
	end := w.arg(p.Offset + p.Limit)
	for i, arm := range arms {
		aw := where{conds: append(slices.Clone(w.conds), arm)}
		arms[i] = `(SELECT ev.* FROM events ev` + aw.String() + ` ORDER BY ev.` + strings.ReplaceAll(order, ", ", ", ev.") + ` LIMIT ` + end + `)`
	}
	query, args := w.limit(`SELECT ev.id, ev.article_id, v.title, v.published, ev.type, ev.mode,
			ev.source_id, ev.source_name, ev.source_country, ev.target_id, ev.target_name, ev.target_country,
			ev.location_id, ev.location_name, ev.location_country,
			coalesce(ev.date, ev.day), ev.negated, ev.modality, ev.trigger
		FROM (`+strings.Join(arms, " UNION ")+`) ev JOIN articles a ON a.id = ev.article_id JOIN versions v ON v.id = a.current
		ORDER BY ev.`+strings.ReplaceAll(order, ", ", ", ev."), p.Limit, p.Offset)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, e *store.Event) error {
		var published, mode, date, modality, trigger *string
		var actors [3]struct {
			id            *int64
			name, country *string
		}
		err := r.Scan(&e.ID, &e.ArticleID, &e.Title, &published, &e.Type, &mode,
			&actors[0].id, &actors[0].name, &actors[0].country, &actors[1].id, &actors[1].name, &actors[1].country,
			&actors[2].id, &actors[2].name, &actors[2].country, &date, &e.Negated, &modality, &trigger)
		e.Published, e.Mode, e.Date, e.Modality, e.Trigger = deref(published), deref(mode), deref(date), deref(modality), deref(trigger)
		for i, dst := range []**store.Actor{&e.Source, &e.Target, &e.Location} {
			if a := actors[i]; a.id != nil || a.name != nil || a.country != nil {
				act := &store.Actor{Name: deref(a.name), Country: deref(a.country)}
				if a.id != nil {
					act.EntityID = *a.id
				}
				*dst = act
			}
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: events: %w", err)
	}
	return list, nil
}

// EventMonths implements store.Store; the filter's page is not used.
func (s *Store) EventMonths(ctx context.Context, f store.EventFilter) ([]store.MonthCount, error) {
	var w where
	if err := w.events(f); err != nil {
		return nil, err
	}
	w.add("(" + strings.Join(w.entityArms(f), " OR ") + ")")
	w.add("ev.day IS NOT NULL")
	rows, err := s.pool.Query(ctx, `SELECT left(ev.day, 7) AS month, ev.type, count(*)
		FROM events ev`+w.String()+` GROUP BY month, ev.type ORDER BY month, ev.type COLLATE "C"`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: event months: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, m *store.MonthCount) error {
		return r.Scan(&m.Month, &m.Type, &m.Count)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: event months: %w", err)
	}
	return list, nil
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	// The entities mentioned, one probe of the entity index each: counting
	// the distinct entities of every row of article_entities took 8–14 s
	// at 100k articles (load ~40), past the server's timeout.
	err := s.pool.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM versions),
		(SELECT count(*) FROM entities e WHERE (SELECT 1 FROM article_entities ae WHERE ae.entity_id = e.id LIMIT 1) IS NOT NULL),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events)`).
		Scan(&st.Articles, &st.Versions, &st.Entities, &st.Quotes, &st.Events)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}

// collect scans every row into a slice; the list is never nil, so that it
// prints as [] in JSON.
func collect[T any](rows pgx.Rows, scan func(pgx.Rows, *T) error) ([]T, error) {
	defer rows.Close()
	list := []T{}
	for rows.Next() {
		var v T
		if err := scan(rows, &v); err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// limit appends a page to a query and returns it with its arguments.
func (w *where) limit(query string, limit, offset int) (string, []any) {
	query += " LIMIT " + w.arg(limit)
	query += " OFFSET " + w.arg(offset)
	return query, w.args
}
