package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// where collects the conditions and arguments of a WHERE clause.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

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
		w.add(col+" >= ?", from)
	}
	if to != "" {
		// Below every day that starts with to ("~" sorts after the
		// digits), so that an index on col bounds the range.
		w.add(col+" < ?", to+"~")
	}
	return nil
}

// articles filters current versions v of articles a by site, section and
// publication date.
func (w *where) articles(site, section, from, to string) error {
	if site != "" {
		site = strings.ToLower(strings.TrimPrefix(site, "www."))
		w.add("(v.site = ? OR substr(v.site, -?) = ?)", site, utf8.RuneCountInString(site)+1, "."+site)
	}
	if section != "" {
		w.add("v.section = ? COLLATE NOCASE", section)
	}
	return w.dates("v.day", from, to)
}

// Article implements store.Store.
func (s *Store) Article(ctx context.Context, id int64) (*store.Article, error) {
	return s.article(ctx, id, `v.id = a.current`)
}

// Version implements store.Store.
func (s *Store) Version(ctx context.Context, id int64, version int) (*store.Article, error) {
	return s.article(ctx, id, `v.article_id = a.id AND v.version = ?`, version)
}

func (s *Store) article(ctx context.Context, id int64, join string, args ...any) (*store.Article, error) {
	var (
		art    = store.Article{ID: id}
		url    sql.NullString
		record string
	)
	err := s.queryRow(ctx, `SELECT a.url, v.version, record_json(v.record) FROM articles a JOIN versions v ON `+join+
		` WHERE a.id = ?`, append(args, id)...).Scan(&url, &art.Version, &record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	art.URL, art.Record = url.String, json.RawMessage(record)
	rows, err := s.query(ctx, `SELECT version, record_id, title, stored FROM versions
		WHERE article_id = ? ORDER BY version`, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
	}
	art.Versions, err = collect(rows, func(r *sql.Rows, v *store.VersionInfo) error {
		return r.Scan(&v.Version, &v.RecordID, &v.Title, &v.Stored)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: article %d: %w", id, err)
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
	rows, err := s.query(ctx, `SELECT a.id, v.title, a.url, v.site, v.section, v.published, v.lead,
			(SELECT count(*) FROM versions WHERE article_id = a.id)
		FROM articles a JOIN versions v ON v.id = a.current`+w.String()+`
		ORDER BY v.day DESC, v.published DESC, a.id DESC LIMIT ? OFFSET ?`,
		append(w.args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	list, err := collect(rows, func(r *sql.Rows, a *store.ArticleSummary) error {
		var url, site, section, published sql.NullString
		err := r.Scan(&a.ID, &a.Title, &url, &site, &section, &published, &a.Lead, &a.Versions)
		a.URL, a.Site, a.Section, a.Published = url.String, site.String, section.String, published.String
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: articles: %w", err)
	}
	return list, nil
}

// Entities implements store.Store: the refs (identity.go). Entities no
// current version mentions any more are left out.
func (s *Store) Entities(ctx context.Context, f store.EntityFilter) ([]store.Entity, error) {
	var w where
	if f.Type != "" {
		w.add("e.type = ?", strings.ToUpper(f.Type))
	}
	if n := store.NormalizeName(f.Name); n != "" {
		w.add(`instr(e.norm, ?) > 0`, n)
	} else if f.Name != "" {
		return []store.Entity{}, nil // no letters or digits: no name has them
	}
	p := f.Page.Norm()
	rows, err := s.query(ctx, `SELECT e.id, e.name, e.type, e.country,
			count(DISTINCT ae.article_id), sum(ae.mentions),
			(SELECT count(*) FROM quotes WHERE speaker_ref = e.id)
		FROM entities e JOIN article_entities ae ON ae.ref = e.id`+w.String()+`
		GROUP BY e.id ORDER BY 5 DESC, e.name LIMIT ? OFFSET ?`, append(w.args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	list, err := collect(rows, scanEntity)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities: %w", err)
	}
	return list, nil
}

func scanEntity(r *sql.Rows, e *store.Entity) error {
	var country sql.NullString
	err := r.Scan(&e.ID, &e.Name, &e.Type, &country, &e.Articles, &e.Mentions, &e.Quotes)
	e.Country = country.String
	return err
}

// Entity implements store.Store: counted by ref (refCounts); its names
// are those of its newest nameWindow mentions.
func (s *Store) Entity(ctx context.Context, id int64) (*store.Entity, error) {
	e := &store.Entity{}
	var country sql.NullString
	err := s.queryRow(ctx, `SELECT id, name, type, country FROM entities WHERE id = ?`, id).Scan(&e.ID, &e.Name, &e.Type, &country)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %d: %w", id, err)
	}
	e.Country = country.String
	if err := s.refCounts(ctx, e); err != nil {
		return nil, fmt.Errorf("sqlite: entity %d: %w", id, err)
	}
	if e.Names, err = s.newestNames(ctx, id); err != nil {
		return nil, fmt.Errorf("sqlite: entity %d: %w", id, err)
	}
	return e, nil
}

// newestNames are the 20 texts an entity is written as most often over
// its newest rows whose mentions reach nameWindow, by count, then text.
// The rows come newest first and are read only that far, and a row's
// names (put.go's mentionNames) is decoded only where it has one: in SQL,
// json_each over every row's texts took 9 ms against 2 ms for the rows
// alone (sqlite3, a much-mentioned entity of a 100k store).
func (s *Store) newestNames(ctx context.Context, entity int64) ([]string, error) {
	q, args, err := s.newestArms(ctx, entity, `name, mentions, names`)
	if err != nil {
		return nil, err
	}
	rows, err := s.query(ctx, q, append(args, nameWindow)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	counts := map[string]int{}
	for seen := 0; seen < nameWindow && rows.Next(); {
		var article, rowid int64
		var name string
		var n int
		var names sql.NullString
		if err := rows.Scan(&article, &rowid, &name, &n, &names); err != nil {
			return nil, err
		}
		seen += n
		if !names.Valid {
			if n > 0 {
				counts[name] += n
			}
			continue
		}
		var written map[string]int
		if err := json.Unmarshal([]byte(names.String), &written); err != nil {
			return nil, fmt.Errorf("names of %q: %w", name, err)
		}
		for text, c := range written {
			if c > 0 {
				counts[text] += c
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := append([]string{}, slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		return cmp.Or(cmp.Compare(counts[b], counts[a]), strings.Compare(a, b))
	})...)
	return out[:min(len(out), 20)], nil
}

// nameWindow bounds the mentions an entity's names are read from to its
// newest, whole articles' rows.
var nameWindow = 2000

// EntityArticles implements store.Store.
func (s *Store) EntityArticles(ctx context.Context, id int64, p store.Page) ([]store.EntityArticle, error) {
	return s.entityArticles(ctx, id, p, true)
}

// EntityRoles is EntityArticles without the articles' titles, each
// article's day (YYYY-MM-DD, "" when it has none) as its Published: what
// the entity page's roles over time read. The entity's rows hold all of
// it; a title and a date are read from each article's version, three
// pages more an article (for a much mentioned entity's 200 articles, 841
// pages against 297 for the rows alone, cold).
func (s *Store) EntityRoles(ctx context.Context, id int64, p store.Page) ([]store.EntityArticle, error) {
	return s.entityArticles(ctx, id, p, false)
}

func (s *Store) entityArticles(ctx context.Context, id int64, p store.Page, titles bool) ([]store.EntityArticle, error) {
	p = p.Norm()
	cols, join := `'', ae.day`, ``
	if titles {
		cols, join = `v.title, v.published`, `JOIN articles a ON a.id = ae.article_id JOIN versions v ON v.id = a.current`
	}
	// One row per article even where two of its entities resolve to this
	// ref: their mentions add up, and the longest name stands. An
	// article's rows share its day, so grouping by day and article reads
	// them in the index's order and stops at the page's end.
	rows, err := s.query(ctx, `SELECT ae.article_id, `+cols+`, ae.name,
			sum(ae.mentions), ae.roles, ae.salience_1000 / `+fmt.Sprint(salienceScale)+`.0, max(length(ae.name))
		FROM article_entities ae INDEXED BY article_entities_ref_day `+join+`
		WHERE ae.ref = ? GROUP BY ae.day, ae.article_id ORDER BY ae.day, ae.article_id LIMIT ? OFFSET ?`,
		id, p.Limit, p.Offset)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %d articles: %w", id, err)
	}
	list, err := collect(rows, func(r *sql.Rows, ea *store.EntityArticle) error {
		var published, roles sql.NullString
		var salience sql.NullFloat64
		var length int
		if err := r.Scan(&ea.ArticleID, &ea.Title, &published, &ea.Name, &ea.Mentions, &roles, &salience, &length); err != nil {
			return err
		}
		ea.Published, ea.Salience = published.String, salience.Float64
		if roles.Valid {
			return json.Unmarshal([]byte(roles.String), &ea.Roles)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity %d articles: %w", id, err)
	}
	return list, nil
}

// Quotes implements store.Store. Text matches a piece of the quote, case
// folded for ASCII letters. A speaker's quotes are read in page order from
// one covering index per way of naming the speaker (its ref, its entity
// ids, its quoted names), merged, so that a page of a much quoted speaker
// stops at its end instead of sorting all of them.
func (s *Store) Quotes(ctx context.Context, f store.QuoteFilter) ([]store.Quote, error) {
	type arm struct {
		index, cond string
		arg         any
	}
	var arms []arm
	var w where
	if f.SpeakerID != 0 {
		arms = append(arms, arm{"quotes_speaker_ref_page", "q.speaker_ref = ?", f.SpeakerID},
			arm{"quotes_speaker_page", "q.speaker_id = ?", f.SpeakerID})
	}
	if f.Speaker != "" {
		// The names and entities the name stands for, from their indexes,
		// rather than a LIKE over every quote.
		ids, err := s.entityIDs(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		names, err := s.speakerNames(ctx, f.Speaker)
		if err != nil {
			return nil, err
		}
		if len(ids)+len(names) == 0 {
			return []store.Quote{}, nil
		}
		if len(arms) == 0 {
			for _, n := range names {
				arms = append(arms, arm{"quotes_speaker_norm_page", "q.speaker_norm = ?", n})
			}
			for _, id := range ids {
				arms = append(arms, arm{"quotes_speaker_page", "q.speaker_id = ?", id})
			}
		} else {
			args := make([]any, 0, len(names)+len(ids))
			for _, n := range names {
				args = append(args, n)
			}
			w.add(`(q.speaker_norm IN (`+placeholders(len(names))+`) OR q.speaker_id IN (`+placeholders(len(ids))+`))`,
				append(args, int64Args(ids)...)...)
		}
	}
	if f.Text != "" {
		w.add("instr(lower(q.text), lower(?)) > 0", f.Text)
	}
	if err := w.dates("q.day", f.From, f.To); err != nil {
		return nil, err
	}
	if len(arms) == 0 {
		arms = append(arms, arm{cond: "1"})
	}
	var sel []string
	var args []any
	for _, a := range arms {
		from := `quotes q`
		if a.index != "" {
			from += ` INDEXED BY ` + a.index
		}
		sel = append(sel, `SELECT q.id, q.day, q.article_id, q.start FROM `+from+` WHERE `+
			strings.Join(append([]string{a.cond}, w.conds...), " AND "))
		if a.arg != nil {
			args = append(args, a.arg)
		}
		args = append(args, w.args...)
	}
	p := f.Page.Norm()
	rows, err := s.query(ctx, `WITH page AS (`+strings.Join(sel, " UNION ")+`
			ORDER BY 2, 3, 4, 1 LIMIT ? OFFSET ?)
		SELECT q.id, q.article_id, v.title, v.published, q.text, q.kind,
			q.start, q."end", q.speaker_id, q.speaker_name, q.speaker_role, q.cue
		FROM page p JOIN quotes q ON q.id = p.id JOIN articles a ON a.id = q.article_id JOIN versions v ON v.id = a.current
		ORDER BY p.day, p.article_id, p.start, p.id`, append(args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	list, err := collect(rows, func(r *sql.Rows, q *store.Quote) error {
		var published, name, role, cue sql.NullString
		var speaker sql.NullInt64
		err := r.Scan(&q.ID, &q.ArticleID, &q.Title, &published, &q.Text, &q.Kind, &q.Start, &q.End,
			&speaker, &name, &role, &cue)
		q.Published, q.SpeakerID, q.SpeakerName, q.SpeakerRole, q.Cue =
			published.String, speaker.Int64, name.String, role.String, cue.String
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: quotes: %w", err)
	}
	return list, nil
}

// events sets the conditions of an EventFilter on events ev.
func (w *where) events(f store.EventFilter) error {
	if f.Type != "" {
		w.add("ev.type = ?", strings.ToUpper(f.Type))
	}
	if f.Entity != 0 {
		w.add("(ev.source_id = ? OR ev.target_id = ?)", f.Entity, f.Entity)
	}
	switch len(f.Countries) {
	case 0:
	case 1:
		c := strings.ToUpper(f.Countries[0])
		w.add("(ev.source_country = ? OR ev.target_country = ?)", c, c)
	case 2:
		a, b := strings.ToUpper(f.Countries[0]), strings.ToUpper(f.Countries[1])
		w.add(`((ev.source_country = ? AND ev.target_country = ?) OR (ev.source_country = ? AND ev.target_country = ?))`,
			a, b, b, a)
	default:
		return fmt.Errorf("%w: one or two countries", store.ErrBadFilter)
	}
	return w.dates("ev.day", f.From, f.To)
}

// Events implements store.Store.
func (s *Store) Events(ctx context.Context, f store.EventFilter) ([]store.Event, error) {
	var w where
	if err := w.events(f); err != nil {
		return nil, err
	}
	p := f.Page.Norm()
	// The page first, then its articles: joined before the sort, every
	// event of a much mentioned entity read its version.
	rows, err := s.query(ctx, `WITH page AS (SELECT ev.id, ev.day, ev.article_id, ev.sentence FROM events ev`+w.String()+`
			ORDER BY ev.day, ev.article_id, ev.sentence, ev.id LIMIT ? OFFSET ?)
		SELECT ev.id, ev.article_id, v.title, v.published, ev.type, ev.mode,
			ev.source_id, ev.source_name, ev.source_country, ev.target_id, ev.target_name, ev.target_country,
			ev.location_id, ev.location_name, ev.location_country,
			coalesce(ev.date, ev.day), ev.negated, ev.modality, ev.trigger
		FROM page p JOIN events ev ON ev.id = p.id JOIN articles a ON a.id = ev.article_id JOIN versions v ON v.id = a.current
		ORDER BY p.day, p.article_id, p.sentence, p.id`, append(w.args, p.Limit, p.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	list, err := collect(rows, func(r *sql.Rows, e *store.Event) error {
		var published, mode, date, modality, trigger sql.NullString
		var actors [3]struct {
			id            sql.NullInt64
			name, country sql.NullString
		}
		err := r.Scan(&e.ID, &e.ArticleID, &e.Title, &published, &e.Type, &mode,
			&actors[0].id, &actors[0].name, &actors[0].country, &actors[1].id, &actors[1].name, &actors[1].country,
			&actors[2].id, &actors[2].name, &actors[2].country, &date, &e.Negated, &modality, &trigger)
		e.Published, e.Mode, e.Date, e.Modality, e.Trigger =
			published.String, mode.String, date.String, modality.String, trigger.String
		for i, dst := range []**store.Actor{&e.Source, &e.Target, &e.Location} {
			if a := actors[i]; a.id.Valid || a.name.Valid || a.country.Valid {
				*dst = &store.Actor{EntityID: a.id.Int64, Name: a.name.String, Country: a.country.String}
			}
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: events: %w", err)
	}
	return list, nil
}

// EventMonths implements store.Store; the filter's page is not used.
func (s *Store) EventMonths(ctx context.Context, f store.EventFilter) ([]store.MonthCount, error) {
	var w where
	if err := w.events(f); err != nil {
		return nil, err
	}
	w.add("ev.day IS NOT NULL")
	rows, err := s.query(ctx, `SELECT substr(ev.day, 1, 7) AS month, ev.type, count(*)
		FROM events ev`+w.String()+` GROUP BY month, ev.type ORDER BY month, ev.type`, w.args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event months: %w", err)
	}
	list, err := collect(rows, func(r *sql.Rows, m *store.MonthCount) error {
		return r.Scan(&m.Month, &m.Type, &m.Count)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: event months: %w", err)
	}
	return list, nil
}

// Stats implements store.Store.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.queryRow(ctx, `SELECT
		(SELECT count(*) FROM articles), (SELECT count(*) FROM versions),
		(SELECT count(DISTINCT entity_id) FROM article_entities),
		(SELECT count(*) FROM quotes), (SELECT count(*) FROM events)`).
		Scan(&st.Articles, &st.Versions, &st.Entities, &st.Quotes, &st.Events)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}

// collect scans every row into a slice; the list is never nil, so that it
// prints as [] in JSON.
func collect[T any](rows *sql.Rows, scan func(*sql.Rows, *T) error) ([]T, error) {
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
