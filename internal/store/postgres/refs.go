package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

// refArticles reads a ref's newest articles, newest first, with each one's
// mentions of the ref: at most store.RefWindow+1, enough for its counts
// (refCounts) and its aliases' window (Identity) from one read.
func (s *Store) refArticles(ctx context.Context, ref int64) (ids []int64, mentions []int, err error) {
	rows, err := s.pool.Query(ctx, `SELECT article_id, sum(mentions) FROM article_entities WHERE ref = $1
		GROUP BY article_id ORDER BY article_id DESC LIMIT $2`, ref, store.RefWindow+1)
	if err != nil {
		return nil, nil, err
	}
	var id int64
	var m int
	_, err = pgx.ForEachRow(rows, []any{&id, &m}, func() error {
		ids, mentions = append(ids, id), append(mentions, m)
		return nil
	})
	return ids, mentions, err
}

// refCounts sets e's articles, mentions and quotes, as e.ID is their ref,
// from its newest articles (refArticles): exactly within the bounds, past
// them estimated (store.RefCounts, store.QuoteCounts).
func (s *Store) refCounts(ctx context.Context, e *store.Entity, ids []int64, mentions []int) error {
	n := min(len(ids), store.RefWindow)
	sum, lowest := 0, int64(0)
	for _, m := range mentions[:n] {
		sum += m
	}
	if n > 0 {
		lowest = ids[n-1]
	}
	err := store.RefCounts(e, n, sum, lowest, len(ids) > n, func() (first, last int64, err error) {
		err = s.pool.QueryRow(ctx, `SELECT min(id), max(id) FROM articles`).Scan(&first, &last)
		return first, last, err
	})
	if err != nil {
		return err
	}
	var counted int
	var oldest *string
	if err := s.pool.QueryRow(ctx, `SELECT count(*), min(day) FROM (SELECT day FROM quotes WHERE speaker_ref = $1
		ORDER BY day DESC NULLS LAST LIMIT $2) q`, e.ID, store.QuotesBound+1).Scan(&counted, &oldest); err != nil {
		return err
	}
	return store.QuoteCounts(e, counted, deref(oldest), func() (first, last string, err error) {
		var lo, hi *string
		err = s.pool.QueryRow(ctx, `SELECT min(day), max(day) FROM versions`).Scan(&lo, &hi)
		return deref(lo), deref(hi), err
	})
}
