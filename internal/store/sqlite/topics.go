package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/warta-news/warta/analysis/topic"
	"github.com/warta-news/warta/internal/store"
)

// migrateTopics adds the topics of each article's newest version and the
// tone of each of its entities, and files them for the articles already
// stored, from their records. Entity tones are keyed by the record's
// entity id, so that they follow article_entities to whatever store-wide
// entity it resolves to.
func migrateTopics(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE article_topics (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	code       TEXT NOT NULL,      -- IPTC Media Topic code, medtop:11000000
	rank       INTEGER NOT NULL,   -- 0 for the best subject
	score      REAL NOT NULL,
	PRIMARY KEY (article_id, code)
) WITHOUT ROWID;
CREATE INDEX article_topics_code ON article_topics (code, article_id);

CREATE TABLE entity_tones (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,      -- the entity's id in the record, as article_entities.local_id
	score      REAL NOT NULL,      -- GDELT-style: positive − negative
	positive   REAL NOT NULL,
	negative   REAL NOT NULL,
	sentences  INTEGER NOT NULL,
	PRIMARY KEY (article_id, local_id)
) WITHOUT ROWID;

INSERT INTO article_topics (article_id, code, rank, score)
	SELECT a.id, json_extract(t.value, '$.code'), t.key, coalesce(json_extract(t.value, '$.score'), 0)
	FROM articles a JOIN versions v ON v.id = a.current, json_each(record_json(v.record), '$.topics') t
	WHERE json_extract(t.value, '$.code') IS NOT NULL
	ON CONFLICT DO NOTHING;

INSERT INTO entity_tones (article_id, local_id, score, positive, negative, sentences)
	SELECT a.id, json_extract(t.value, '$.entity'), coalesce(json_extract(t.value, '$.score'), 0),
		coalesce(json_extract(t.value, '$.positive'), 0), coalesce(json_extract(t.value, '$.negative'), 0),
		coalesce(json_extract(t.value, '$.sentences'), 0)
	FROM articles a JOIN versions v ON v.id = a.current, json_each(record_json(v.record), '$.tone.entities') t
	WHERE json_extract(t.value, '$.entity') IS NOT NULL AND json_extract(t.value, '$.sentences') > 0
	ON CONFLICT DO NOTHING;
`)
	return err
}

// putTopics files the topics of an article's newest version, in place of
// the last one's when replacing, a few rows a statement (insertRows). The
// entities' tones go in their article_entities rows (put.go).
func (s *Store) putTopics(ctx context.Context, tx *sql.Tx, articleID int64, d *store.Doc, replacing bool) error {
	if replacing {
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_topics WHERE article_id = ?`, articleID); err != nil {
			return err
		}
	}
	var topicRows []any
	for i, t := range d.Topics {
		if t.Code != "" {
			topicRows = append(topicRows, articleID, t.Code, i, t.Score)
		}
	}
	if err := insertRows(ctx, tx, `INSERT INTO article_topics (article_id, code, rank, score) VALUES `,
		` ON CONFLICT DO NOTHING`, 4, topicRows); err != nil {
		return fmt.Errorf("topics: %w", err)
	}
	return nil
}

// topics adds a condition per topic filter: the article has that
// subject among its topics.
func (w *where) topics(codes []string) {
	for _, code := range codes {
		w.add(`v.article_id IN (SELECT t.article_id FROM article_topics t WHERE t.code = ?)`, code)
	}
}

// topicFacet counts the hits by topic, the hits given as a SELECT of
// article ids taking args.
func (s *Store) topicFacet(ctx context.Context, hits string, args []any, limit int) ([]store.FacetValue, error) {
	rows, err := s.query(ctx, `SELECT x.code, count(*) AS n FROM article_topics x WHERE x.article_id IN (`+hits+`)
		GROUP BY x.code ORDER BY n DESC, x.code LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	values, err := collect(rows, func(r *sql.Rows, v *store.FacetValue) error { return r.Scan(&v.Value, &v.Count) })
	for i, v := range values {
		if sub, ok := topic.Lookup(v.Value); ok {
			values[i].Label = sub.Label
		}
	}
	return values, err
}

// toneDiv reads a tone column in the record's units (put.go's toneScale).
const toneDiv = "100.0"

// toneWindow is store.ToneWindow, a variable so that tests can make it
// small.
var toneWindow = store.ToneWindow

// EntityTone implements store.ToneReader: the entity's rows in the range
// are counted in the index, and past toneWindow only every k-th of
// them (by rowid, which the index holds) is read, each with its tone and
// its version's day and site from covering indexes; titles are read for
// the articles shown only.
func (s *Store) EntityTone(ctx context.Context, entity int64, f store.ToneFilter) (*store.EntityTone, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var w where
	w.add("ae.entity_id = ?", entity)
	if err := w.dates("ae.day", f.From, f.To); err != nil {
		return nil, err
	}
	from := ` FROM article_entities ae INDEXED BY article_entities_entity` + w.String()
	var n int
	if err := s.queryRow(ctx, `SELECT count(*)`+from, w.args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("sqlite: entity tone: %w", err)
	}
	k := (n + toneWindow - 1) / toneWindow
	args := w.args
	if k > 1 {
		from += ` AND ae.rowid % ? = 0`
		args = append(slices.Clone(args), k)
	}
	rows, err := s.query(ctx, `SELECT ae.article_id, coalesce(v.day, ''), coalesce(v.site, ''),
			ae.tone_score_100 / `+toneDiv+`, ae.tone_positive_100 / `+toneDiv+`, ae.tone_negative_100 / `+toneDiv+`, ae.tone_sentences
		FROM (SELECT ae.article_id, ae.tone_score_100, ae.tone_positive_100, ae.tone_negative_100, ae.tone_sentences`+from+`) ae
		JOIN articles a ON a.id = ae.article_id JOIN `+hitsIndex+` ON v.id = a.current
		WHERE ae.tone_sentences IS NOT NULL`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity tone: %w", err)
	}
	tones, err := collect(rows, func(r *sql.Rows, t *store.ToneRow) error {
		return r.Scan(&t.Article, &t.Day, &t.Site, &t.Score, &t.Positive, &t.Negative, &t.Sentences)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: entity tone: %w", err)
	}
	res := store.SumTone(entity, f, tones, k)
	if err := s.toneTitles(ctx, res.MostPositive, res.MostNegative); err != nil {
		return nil, fmt.Errorf("sqlite: entity tone: %w", err)
	}
	return res, nil
}

// toneTitles sets the titles of the articles of lists.
func (s *Store) toneTitles(ctx context.Context, lists ...[]store.ArticleTone) error {
	var ids []any
	for _, l := range lists {
		for _, t := range l {
			ids = append(ids, t.ID)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	rows, err := s.query(ctx, `SELECT a.id, v.title FROM articles a JOIN versions v ON v.id = a.current
		WHERE a.id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	if _, err := collect(rows, func(r *sql.Rows, _ *struct{}) error {
		var id int64
		var title string
		err := r.Scan(&id, &title)
		titles[id] = title
		return err
	}); err != nil {
		return err
	}
	for _, l := range lists {
		for i := range l {
			l[i].Title = titles[l[i].ID]
		}
	}
	return nil
}
