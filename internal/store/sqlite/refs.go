package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"math"
	"slices"
	"strings"

	"github.com/warta-news/warta/internal/store"
)

// skipScan reads the distinct values of col in the rows of table where
// key = v, by one seek in an index that starts (key, col) per value,
// instead of reading every row: an entity's refs, a ref's entities.
func (s *Store) skipScan(ctx context.Context, index, key, col string, v int64) ([]int64, error) {
	q := `SELECT min(` + col + `) FROM article_entities INDEXED BY ` + index + ` WHERE ` + key + ` = ? AND ` + col + ` > ?`
	var out []int64
	last := int64(math.MinInt64)
	for {
		var next sql.NullInt64
		if err := s.queryRow(ctx, q, v, last).Scan(&next); err != nil {
			return nil, err
		}
		if !next.Valid {
			return out, nil
		}
		out = append(out, next.Int64)
		last = next.Int64
	}
}

// entityRefIndex is article_entities' (entity_id, ref, article_id)
// index (migration 23): an entity's refs, its rows of one ref, and those
// in article order.
const entityRefIndex = "article_entities_entity_ref_article"

// newestArms is a query of cols of an entity's rows newest first (by
// article id, then rowid), its first two columns article_id and rowid,
// ending in LIMIT ? for the caller to bind: one arm per ref of the
// entity (and one for rows without a ref), each read in the index's
// order, which SQLite merges and stops at the limit, instead of sorting
// all of a much mentioned entity's rows.
func (s *Store) newestArms(ctx context.Context, entity int64, cols string) (string, []any, error) {
	refs, err := s.skipScan(ctx, entityRefIndex, "entity_id", "ref", entity)
	if err != nil {
		return "", nil, err
	}
	arm := `SELECT article_id, rowid, ` + cols + ` FROM article_entities INDEXED BY ` + entityRefIndex + ` WHERE entity_id = ? AND `
	arms, args := []string{arm + `ref IS NULL`}, []any{entity}
	for _, ref := range refs {
		arms = append(arms, arm+`ref = ?`)
		args = append(args, entity, ref)
	}
	return strings.Join(arms, " UNION ALL ") + ` ORDER BY 1 DESC, 2 DESC LIMIT ?`, args, nil
}

// refEntities are the entities whose ref is ref.
func (s *Store) refEntities(ctx context.Context, ref int64) ([]int64, error) {
	return s.skipScan(ctx, "article_entities_ref_entity", "ref", "entity_id", ref)
}

// mainRef is the ref most of an entity's rows have (it may have been
// merged into another), or the entity itself when none has one. Each
// ref's rows are counted up to store.RefWindow; only when several reach
// it are they counted whole.
func (s *Store) mainRef(ctx context.Context, entity int64) (int64, error) {
	refs, err := s.skipScan(ctx, entityRefIndex, "entity_id", "ref", entity)
	if err != nil || len(refs) == 0 {
		return entity, err
	}
	if len(refs) == 1 {
		return refs[0], nil
	}
	count := func(ref int64, bound int) (int, error) {
		var n int
		err := s.queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM article_entities INDEXED BY `+entityRefIndex+`
			WHERE entity_id = ? AND ref = ? LIMIT ?)`, entity, ref, bound).Scan(&n)
		return n, err
	}
	counts := make([]int, len(refs))
	full := 0
	for i, ref := range refs {
		if counts[i], err = count(ref, store.RefWindow); err != nil {
			return 0, err
		}
		if counts[i] == store.RefWindow {
			full++
		}
	}
	if full > 1 {
		for i, ref := range refs {
			if counts[i] == store.RefWindow {
				if counts[i], err = count(ref, -1); err != nil {
					return 0, err
				}
			}
		}
	}
	// The first of the most counted, as GROUP BY ref ORDER BY count(*)
	// DESC gave.
	best := 0
	for i := range refs {
		if counts[i] > counts[best] {
			best = i
		}
	}
	return refs[best], nil
}

// window is a ref's newest articles, each with its mentions of the ref.
type window struct {
	articles []int64 // newest first
	mentions int
}

// articleList is the window's article ids as a JSON array, for json_each.
func (w window) articleList() string {
	b, _ := json.Marshal(w.articles)
	return string(b)
}

// refWindow reads the newest n articles that mention ref (by article id),
// merging the ordered rows of each of its entities; more says there are
// others.
func (s *Store) refWindow(ctx context.Context, ref int64, n int) (window, bool, error) {
	entities, err := s.refEntities(ctx, ref)
	if err != nil {
		return window{articles: []int64{}}, false, err
	}
	args := make([][]any, len(entities))
	for i, e := range entities {
		args[i] = []any{ref, e}
	}
	return s.newest(ctx, `SELECT article_id, mentions FROM article_entities INDEXED BY article_entities_ref_entity
		WHERE ref = ? AND entity_id = ?`, args, n)
}

// newest reads the newest n articles of the union of arm (a SELECT of
// article_id and mentions, in article order in its index) run with each
// of args, merged newest first; more says there are others.
func (s *Store) newest(ctx context.Context, arm string, args [][]any, n int) (w window, more bool, err error) {
	w.articles = []int64{}
	if len(args) == 0 {
		return w, false, nil
	}
	arms := make([]string, len(args))
	var all []any
	for i, a := range args {
		arms[i] = arm
		all = append(all, a...)
	}
	rows, err := s.query(ctx, strings.Join(arms, " UNION ALL ")+` ORDER BY 1 DESC`, all...)
	if err != nil {
		return w, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var article int64
		var mentions int
		if err := rows.Scan(&article, &mentions); err != nil {
			return w, false, err
		}
		if k := len(w.articles); k == 0 || w.articles[k-1] != article {
			if k == n {
				more = true
				break
			}
			w.articles = append(w.articles, article)
		}
		w.mentions += mentions
	}
	return w, more, rows.Err()
}

// idSpan is the lowest and the highest id of table. Apart, min and max
// are one seek each; together in one SELECT, SQLite reads every row (20 ms
// of every common word's search at 100k articles).
func (s *Store) idSpan(ctx context.Context, table string) (first, last int64, err error) {
	var lo, hi sql.NullInt64
	err = s.queryRow(ctx, `SELECT (SELECT min(id) FROM `+table+`), (SELECT max(id) FROM `+table+`)`).Scan(&lo, &hi)
	return lo.Int64, hi.Int64, err
}

// refCounts sets e's articles, mentions and quotes, as e.ID is their ref:
// exactly within the bounds, past them estimated (store.RefCounts,
// store.QuoteCounts).
func (s *Store) refCounts(ctx context.Context, e *store.Entity) error {
	w, more, err := s.refWindow(ctx, e.ID, store.RefWindow)
	if err != nil {
		return err
	}
	var lowest int64
	if len(w.articles) > 0 {
		lowest = w.articles[len(w.articles)-1]
	}
	if err := store.RefCounts(e, len(w.articles), w.mentions, lowest, more, func() (int64, int64, error) {
		return s.idSpan(ctx, "articles")
	}); err != nil {
		return err
	}
	var counted int
	var oldest sql.NullString
	if err := s.queryRow(ctx, `SELECT count(*), min(day) FROM (SELECT day FROM quotes INDEXED BY quotes_speaker_ref_page
		WHERE speaker_ref = ? ORDER BY day DESC LIMIT ?)`, e.ID, store.QuotesBound+1).Scan(&counted, &oldest); err != nil {
		return err
	}
	return store.QuoteCounts(e, counted, oldest.String, func() (string, string, error) {
		var first, last sql.NullString
		// Apart, each is one seek; together, a scan.
		err := s.queryRow(ctx, `SELECT (SELECT min(day) FROM versions), (SELECT max(day) FROM versions)`).Scan(&first, &last)
		return first.String, last.String, err
	})
}

// sortedUnique sorts ids and drops repeats.
func sortedUnique(ids []int64) []int64 {
	slices.Sort(ids)
	return slices.Compact(ids)
}
