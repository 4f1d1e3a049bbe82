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

// EntityTone implements store.ToneReader.
func (s *Store) EntityTone(ctx context.Context, entity int64, f store.ToneFilter) (*store.EntityTone, error) {
	if err := f.Validate(); err != nil {
		return nil, err
	}
	var w where
	w.add("ae.entity_id = " + w.arg(entity))
	if err := w.dates("v.day", f.From, f.To); err != nil {
		return nil, err
	}
	from := ` FROM entity_tones et
		JOIN article_entities ae ON ae.article_id = et.article_id AND ae.local_id = et.local_id
		JOIN articles a ON a.id = et.article_id JOIN versions v ON v.id = a.current` + w.String()
	res := &store.EntityTone{Entity: entity, By: f.By, Periods: []store.TonePeriod{}, Sites: []store.TonePeriod{},
		MostPositive: []store.ArticleTone{}, MostNegative: []store.ArticleTone{}}
	err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT et.article_id), coalesce(avg(et.score), 0), coalesce(avg(et.positive), 0),
		coalesce(avg(et.negative), 0)`+from, w.args...).Scan(&res.Articles, &res.Score, &res.Positive, &res.Negative)
	if err != nil {
		return nil, fmt.Errorf("postgres: entity tone: %w", err)
	}
	res.Score, res.Positive, res.Negative = store.Round2(res.Score), store.Round2(res.Positive), store.Round2(res.Negative)
	period := `v.day`
	if f.By == store.ByWeek {
		period = `to_char(date_trunc('week', v.day::date), 'YYYY-MM-DD')` // the Monday of the day's week
	}
	for _, g := range []struct {
		key string
		out *[]store.TonePeriod
		cut string
	}{
		{period, &res.Periods, ` AND v.day IS NOT NULL GROUP BY 1 ORDER BY 1`},
		{`v.site`, &res.Sites, ` AND v.site IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20`},
	} {
		rows, err := s.pool.Query(ctx, `SELECT `+g.key+`, count(DISTINCT et.article_id), avg(et.score), avg(et.positive), avg(et.negative)`+
			from+g.cut, w.args...)
		if err != nil {
			return nil, fmt.Errorf("postgres: entity tone: %w", err)
		}
		*g.out, err = collect(rows, func(r pgx.Rows, p *store.TonePeriod) error {
			err := r.Scan(&p.Key, &p.Articles, &p.Score, &p.Positive, &p.Negative)
			p.Round()
			return err
		})
		if err != nil {
			return nil, fmt.Errorf("postgres: entity tone: %w", err)
		}
	}
	for _, m := range []struct {
		order string
		out   *[]store.ArticleTone
	}{{`et.score DESC`, &res.MostPositive}, {`et.score ASC`, &res.MostNegative}} {
		args := append(append([]any(nil), w.args...), f.ArticleLimit())
		rows, err := s.pool.Query(ctx, `SELECT a.id, v.title, coalesce(v.site, ''), coalesce(v.day, ''), et.score, et.sentences`+from+
			` ORDER BY `+m.order+`, v.day DESC NULLS LAST, a.id DESC LIMIT $`+fmt.Sprint(len(args)), args...)
		if err != nil {
			return nil, fmt.Errorf("postgres: entity tone: %w", err)
		}
		*m.out, err = collect(rows, func(r pgx.Rows, t *store.ArticleTone) error {
			return r.Scan(&t.ID, &t.Title, &t.Site, &t.Day, &t.Score, &t.Sentences)
		})
		if err != nil {
			return nil, fmt.Errorf("postgres: entity tone: %w", err)
		}
	}
	return res, nil
}
