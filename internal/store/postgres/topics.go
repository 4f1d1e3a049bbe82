package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/analysis/topic"

	"github.com/warta-news/warta/internal/store"
)

// putTopics files the topics and entity tones of the articles' new
// current versions in place of the old ones (migration 6).
func (s *Store) putTopics(ctx context.Context, tx pgx.Tx, news []changed) error {
	ids := make([]int64, len(news))
	var topicRows, toneRows [][]any
	for i, c := range news {
		ids[i] = c.articleID
		seen := map[string]bool{}
		for rank, t := range c.doc.Topics {
			if t.Code == "" || seen[t.Code] {
				continue
			}
			seen[t.Code] = true
			topicRows = append(topicRows, []any{c.articleID, t.Code, rank, t.Score})
		}
		if c.doc.Tone == nil {
			continue
		}
		seen = map[string]bool{}
		for _, e := range c.doc.Tone.Entities {
			if e.Entity == "" || e.Sentences == 0 || seen[e.Entity] {
				continue // an entity the tone stage read no sentence of
			}
			seen[e.Entity] = true
			toneRows = append(toneRows, []any{c.articleID, e.Entity, e.Score, e.Positive, e.Negative, e.Sentences})
		}
	}
	del := &pgx.Batch{}
	for _, table := range []string{"article_topics", "entity_tones"} {
		del.Queue(`DELETE FROM `+table+` WHERE article_id = ANY($1)`, ids)
	}
	if err := tx.SendBatch(ctx, del).Close(); err != nil {
		return fmt.Errorf("topics: %w", err)
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"article_topics", []string{"article_id", "code", "rank", "score"}, topicRows},
		{"entity_tones", []string{"article_id", "local_id", "score", "positive", "negative", "sentences"}, toneRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return nil
}

// topics adds a condition per topic filter: the article (its ID the
// column id) has that subject among its topics.
func (w *where) topics(id string, codes []string) {
	for _, code := range codes {
		w.add(id + ` IN (SELECT t.article_id FROM article_topics t WHERE t.code = ` + w.arg(code) + `)`)
	}
}

// labelTopics gives the topic facet's codes IPTC's labels.
func labelTopics(values []store.FacetValue) {
	for i, v := range values {
		if sub, ok := topic.Lookup(v.Value); ok {
			values[i].Label = sub.Label
		}
	}
}

// toneWindow is store.ToneWindow, a variable so that tests can make it
// small.
var toneWindow = store.ToneWindow

// EntityTone implements store.ToneReader, as on SQLite: the entity's rows
// in the range are counted in the (entity_id, day) index, and past
// toneWindow only the articles whose id is a multiple of k are read, each
// with its tone and its current version's day and site; titles are read
// for the articles shown only.
func (s *Store) EntityTone(ctx context.Context, entity int64, f store.ToneFilter) (*store.EntityTone, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var w where
	w.add("ae.entity_id = " + w.arg(entity))
	if err := w.dates("ae.day", f.From, f.To); err != nil {
		return nil, err
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM article_entities ae`+w.String(), w.args...).Scan(&n); err != nil {
		return nil, fmt.Errorf("postgres: entity tone: %w", err)
	}
	k := (n + toneWindow - 1) / toneWindow
	if k > 1 {
		w.add("ae.article_id % " + w.arg(k) + " = 0")
	}
	tones, err := list(ctx, s.pool, "entity tone", `SELECT ae.article_id, coalesce(st.day, ''), coalesce(v.site, ''),
			et.score, et.positive, et.negative, et.sentences
		FROM article_entities ae JOIN entity_tones et ON et.article_id = ae.article_id AND et.local_id = ae.local_id
		JOIN search_terms st ON st.article_id = ae.article_id JOIN versions v ON v.id = st.version_id`+w.String(), w.args,
		func(r pgx.Rows, t *store.ToneRow) error {
			return r.Scan(&t.Article, &t.Day, &t.Site, &t.Score, &t.Positive, &t.Negative, &t.Sentences)
		})
	if err != nil {
		return nil, err
	}
	res := store.SumTone(entity, f, tones, k)
	var ids []int64
	for _, l := range [][]store.ArticleTone{res.MostPositive, res.MostNegative} {
		for _, t := range l {
			ids = append(ids, t.ID)
		}
	}
	titles := map[int64]string{}
	rows, err := s.pool.Query(ctx, `SELECT a.id, v.title FROM articles a JOIN versions v ON v.id = a.current WHERE a.id = ANY($1)`, ids)
	if err == nil {
		var id int64
		var title string
		_, err = pgx.ForEachRow(rows, []any{&id, &title}, func() error {
			titles[id] = title
			return nil
		})
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: entity tone: %w", err)
	}
	for _, l := range [][]store.ArticleTone{res.MostPositive, res.MostNegative} {
		for i := range l {
			l[i].Title = titles[l[i].ID]
		}
	}
	return res, nil
}
