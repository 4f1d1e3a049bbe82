package postgres

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

// The bounds of an entity page, as on SQLite: a much mentioned entity has
// tens of thousands of rows at 100k articles, so a page counts a ref's
// newest refWindowCount articles and its newest quotesBound quotes
// exactly, and past them estimates the rest from how far back they
// reach; its aliases and roles are counted over its newest aliasWindow
// articles. Variables so that tests can make them small.
var (
	refWindowCount = 1000
	quotesBound    = 1000
	aliasWindow    = 200
)

// refCut is the id below which a ref's articles are past its newest n:
// the (n+1)th newest article's, or 0 when it has no more than n.
func (s *Store) refCut(ctx context.Context, ref int64, n int) (int64, error) {
	var cut int64
	err := s.pool.QueryRow(ctx, `SELECT article_id FROM article_entities WHERE ref = $1
		GROUP BY article_id ORDER BY article_id DESC OFFSET $2 LIMIT 1`, ref, n).Scan(&cut)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	return cut, err
}

// refCounts sets e's articles, mentions and quotes, as e.ID is their ref:
// exactly within the bounds, past them estimated (e.Estimated).
func (s *Store) refCounts(ctx context.Context, e *store.Entity) error {
	cut, err := s.refCut(ctx, e.ID, refWindowCount)
	if err != nil {
		return err
	}
	var lowest int64
	if err := s.pool.QueryRow(ctx, `SELECT count(DISTINCT article_id), coalesce(sum(mentions), 0), coalesce(min(article_id), 0)
		FROM article_entities WHERE ref = $1 AND article_id > $2`, e.ID, cut).Scan(&e.Articles, &e.Mentions, &lowest); err != nil {
		return err
	}
	if cut > 0 {
		// The newest took the ids from lowest to the highest, and the
		// rest are as dense below it.
		var first, last int64
		if err := s.pool.QueryRow(ctx, `SELECT min(id), max(id) FROM articles`).Scan(&first, &last); err != nil {
			return err
		}
		scale := float64(last-first+1) / float64(max(last-lowest+1, 1))
		e.Articles, e.Mentions = store.Roughly(float64(e.Articles)*scale), store.Roughly(float64(e.Mentions)*scale)
		e.Estimated = true
	}
	var oldest *string
	if err := s.pool.QueryRow(ctx, `SELECT count(*), min(day) FROM (SELECT day FROM quotes WHERE speaker_ref = $1
		ORDER BY day DESC NULLS LAST LIMIT $2) q`, e.ID, quotesBound+1).Scan(&e.Quotes, &oldest); err != nil || e.Quotes <= quotesBound {
		return err
	}
	// Past the bound, the quotes are as many a day before the oldest
	// counted as after it.
	var first, last *string
	if err := s.pool.QueryRow(ctx, `SELECT min(day), max(day) FROM search_terms`).Scan(&first, &last); err != nil {
		return err
	}
	e.Estimated = true
	if oldest != nil && first != nil && last != nil {
		e.Quotes = store.Roughly(float64(e.Quotes) * float64(store.DaysBetween(*first, *last)+1) / float64(store.DaysBetween(*oldest, *last)+1))
	}
	return nil
}
