package postgres

import (
	"context"

	"github.com/warta-news/warta/internal/store"
)

// refArticles reads the ids of a ref's newest articles, newest first: at
// most store.RefWindow+1, enough for its counts (refCounts) and its
// aliases' window (Identity) from one read of its index alone (their
// mentions are read for the window only, refCounts).
func (s *Store) refArticles(ctx context.Context, ref int64) ([]int64, error) {
	return ids(ctx, s.pool, "ref articles", `SELECT article_id FROM article_entities WHERE ref = $1
		GROUP BY article_id ORDER BY article_id DESC LIMIT $2`, ref, store.RefWindow+1)
}

// refCounts sets e's articles, mentions and quotes, as e.ID is their ref,
// from the ids of its newest articles (refArticles): exactly within the
// bounds, past them estimated (store.RefCounts, store.QuoteCounts).
func (s *Store) refCounts(ctx context.Context, e *store.Entity, newest []int64) error {
	n := min(len(newest), store.RefWindow)
	var mentions int
	var lowest int64
	if n > 0 {
		lowest = newest[n-1]
		// Past the ref's day in its index, the article bound is checked
		// on each entry, so only the window's rows are read.
		if err := s.pool.QueryRow(ctx, `SELECT coalesce(sum(mentions), 0) FROM article_entities WHERE ref = $1 AND article_id >= $2`,
			e.ID, lowest).Scan(&mentions); err != nil {
			return err
		}
	}
	err := store.RefCounts(e, n, mentions, lowest, len(newest) > n, func() (first, last int64, err error) {
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
