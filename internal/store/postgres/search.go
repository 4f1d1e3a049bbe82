package postgres

import (
	"context"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// snippetTokens is the length of a snippet, in index terms, as on SQLite.
const snippetTokens = 24

// rankExpr is ts_rank with the weights of D (body) and A (title) terms:
// a title word is worth four body words, as in the SQLite store's BM25.
// Normalisation 1 divides by 1 + the logarithm of the document's length,
// so that long articles do not win by length alone.
const rankExpr = `ts_rank('{0.25, 0, 0, 1}', terms, %s, 1)`

// dateOrder is the order of hits by date, newest first, on search_terms
// st: the order of its day index.
const dateOrder = `st.day DESC NULLS LAST, st.published DESC NULLS LAST, st.article_id DESC`

// The bounds of a search's work (Options.RankWindow, CountBound), as on
// SQLite. A word's newest CountBound+1 matches (by version id) are read
// back from the index by version when the word matches often (each row's
// tsvector tested), else taken from the GIN index, which gives every
// match in no order, and sorted (a top-N sort of their search_terms rows,
// which hold no text): past the bound, the total is estimated from the
// share of version ids they spread over, and flagged. Ranking reads each match's tsvector, so
// only the newest RankWindow are ranked, and the older ones follow them
// newest first. A search without words counts at most CountBound hits;
// past that its total is the planner's estimate, flagged.

// Search implements store.Store: the query's words as a tsquery over the
// search terms of every article's newest version, ranked by ts_rank with
// titles weighted (within the rank window), and a snippet of the body around
// the matches.
func (s *Store) Search(ctx context.Context, q search.Query) (*search.Results, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	res := &search.Results{Hits: []search.Hit{}}
	h, err := s.hitSet(ctx, q)
	if err != nil {
		return nil, err
	}
	res.Warnings = h.warnings
	if h.none {
		return res, nil // every word was a stopword
	}
	tx, err := s.readTx(ctx, h)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	defer tx.Rollback(ctx)
	build := func(recent int64) (string, []any) {
		w := where{conds: slices.Clone(h.w.conds), args: slices.Clone(h.w.args)}
		if recent > 0 {
			w.add("st.version_id > " + w.arg(recent))
		}
		fromWhere := h.from + w.String()
		// One statement: the newest matches n (c counts them), the page p
		// of them, and the page's hits joined to their versions and
		// articles, for their text; a row of c alone when the page is
		// empty.
		var page, order string
		if q.Sort == search.ByDate {
			newest := `SELECT st.version_id AS version FROM ` + fromWhere + ` ORDER BY ` + h.newestOrder() + ` LIMIT ` + w.arg(s.countBound+1)
			page = `c AS (SELECT count(*) AS total, min(version) AS lowest FROM (` + newest + `) n),
				p AS (SELECT st.article_id AS id, st.version_id AS version, 0::real AS score, st.day, st.published FROM ` + fromWhere +
				` ORDER BY ` + dateOrder + ` LIMIT ` + w.arg(q.Limit) + ` OFFSET ` + w.arg(q.Offset) + `)`
			order = `p.day DESC NULLS LAST, p.published DESC NULLS LAST, p.id DESC`
		} else {
			newest := `SELECT st.article_id AS id, st.version_id AS version, st.terms FROM ` + fromWhere +
				` ORDER BY ` + h.newestOrder() + ` LIMIT ` + w.arg(s.newestRanked(q))
			// CASE ranks the first RankWindow alone.
			page = `n AS MATERIALIZED (SELECT m.*, row_number() OVER (ORDER BY m.version DESC) <= ` + w.arg(s.rankWindow) +
				` AS ranked FROM (` + newest + `) m),
				c AS (SELECT count(*) AS total, min(version) AS lowest FROM n),
				p AS (SELECT id, version, CASE WHEN ranked THEN ` + fmt.Sprintf(rankExpr, w.arg(h.tsquery)+"::tsquery") + ` ELSE 0 END::real AS score, ranked
					FROM n ORDER BY ranked DESC, score DESC, version DESC LIMIT ` + w.arg(q.Limit) + ` OFFSET ` + w.arg(q.Offset) + `)`
			order = `p.ranked DESC, p.score DESC, p.version DESC`
		}
		return `WITH ` + page + `
			SELECT c.total, c.lowest, a.id, v.title, a.url, v.site, v.section, v.published, p.score, v.record->>'text'
			FROM c LEFT JOIN (p JOIN versions v ON v.id = p.version JOIN articles a ON a.id = p.id) ON true
			ORDER BY ` + order, w.args
	}
	var query string
	var args []any
	if h.tsquery != "" {
		if recent, err := s.recentVersions(ctx, tx, h, q); err != nil {
			return nil, fmt.Errorf("postgres: search: %w", err)
		} else if recent > 0 {
			// The newest matches are among the newest versions: the GIN
			// index's matches and the version index's range, ANDed as
			// bitmaps, so that only the matches in the range are read
			// (an index scan would walk the version index testing each
			// row's tsvector). Planned without the arguments: knowing
			// the word common, the planner reads the range alone and
			// tests each row's tsvector, which it prices as cheap but
			// must detoast (10,259 buffers against 282 for the bitmaps
			// at 10k articles).
			if _, err := tx.Exec(ctx, `SET LOCAL enable_indexscan = off; SET LOCAL plan_cache_mode = force_generic_plan`); err != nil {
				return nil, fmt.Errorf("postgres: search: %w", err)
			}
			query, args = build(recent)
			hits, total, lowest, err := s.searchRows(ctx, tx, h, query, args)
			if err != nil {
				return nil, err
			}
			if total == s.newestRanked(q) {
				return s.results(ctx, tx, res, hits, total, lowest)
			}
			if _, err := tx.Exec(ctx, `SET LOCAL enable_indexscan = on; SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
				return nil, fmt.Errorf("postgres: search: %w", err)
			}
		}
		if h.sorted, err = s.fewMatches(ctx, tx, h, q); err != nil {
			return nil, fmt.Errorf("postgres: search: %w", err)
		}
		query, args = build(0)
	} else {
		w := h.w
		fromWhere := h.from + w.String()
		page := `SELECT st.article_id AS id, st.version_id AS version FROM ` + fromWhere
		var pageArgs []any
		if h.driver != "" {
			var ids []int64
			if ids, res.Total, res.Estimated, err = s.driven(ctx, tx, h); err != nil {
				return nil, err
			}
			if !res.Estimated {
				// The few hits are all known: their rows, sorted.
				fw := where{args: []any{ids}}
				page = `SELECT st.article_id AS id, st.version_id AS version FROM search_terms st WHERE st.article_id = ANY($1::bigint[])`
				page, pageArgs = fw.limit(page+` ORDER BY `+dateOrder, q.Limit, q.Offset)
			}
		} else if res.Total, res.Estimated, err = s.count(ctx, tx, fromWhere, w.args); err != nil {
			return nil, err
		}
		if pageArgs == nil {
			page, pageArgs = w.limit(page+` ORDER BY `+dateOrder, q.Limit, q.Offset)
		}
		query = `SELECT 0, 0, a.id, v.title, a.url, v.site, v.section, v.published, 0::real, v.lead
			FROM (` + page + `) p JOIN versions v ON v.id = p.version JOIN articles a ON a.id = p.id
			ORDER BY v.day DESC NULLS LAST, v.published DESC NULLS LAST, a.id DESC`
		args = pageArgs
	}
	hits, total, lowest, err := s.searchRows(ctx, tx, h, query, args)
	if err != nil {
		return nil, err
	}
	if h.tsquery == "" {
		res.Hits = hits
		return res, nil
	}
	return s.results(ctx, tx, res, hits, total, lowest)
}

// newestOrder orders a search's matches newest first. With the pairs
// index it is not the version index's order: the planner charges the
// pairs' condition on every row a bitmap scan of their index returns, as
// if each were tested (warta_pairs is costly, and is never made for a row
// of an exact bitmap), so for a common phrase it walked the version index
// backwards making each row's pairs instead: "presiden prabowo" at 100k
// articles 4.5 s, 4,665 rows' pairs made, against 0.15 s and 5,478
// buffers from the index, then sorted. Nor is it for a search whose
// matches are few (fewMatches).
func (h hitSet) newestOrder() string {
	if h.pairs || h.sorted {
		return "st.version_id + 0 DESC"
	}
	return "st.version_id DESC"
}

// walkCost is what the planner leaves out when it walks the version
// index backwards for a search's newest matches: it tests each row's
// terms, which it must detoast, against a row the terms' index gives,
// read without them (5.7 buffers a row against about 1 at 48,306
// articles).
const walkCost = 5

// fewMatches tells whether a search by relevance for words in a date
// range should read all of its matches from the terms' index, which
// holds the day (migration 18), and sort them (newestOrder), rather than
// let the planner walk the version index, which it takes whenever it
// expects the newest to come soon: reading the m matches the planner
// expects costs m rows, walking about newestRanked·n/m rows of the n of
// search_terms, each walkCost. "jalan" in a week of 100,000 articles:
// 77,289 buffers and 0.77–0.92 s walked, 5,130 and 0.24 s from the
// index. Other filters are not in the index: the matches of the words
// alone would be read, and the planner's choice stands.
func (s *Store) fewMatches(ctx context.Context, tx pgx.Tx, h hitSet, q search.Query) (bool, error) {
	if h.pairs || q.Sort == search.ByDate || q.From == "" && q.To == "" || q.Site != "" || q.Section != "" || q.Collapse != "" ||
		len(q.Entities) > 0 || len(q.Speakers) > 0 || len(q.Topics) > 0 {
		return false, nil
	}
	var rows float64
	if err := tx.QueryRow(ctx, `SELECT reltuples FROM pg_class WHERE oid = 'search_terms'::regclass`).Scan(&rows); err != nil {
		return false, err
	}
	m, err := planRows(ctx, tx, h.from+h.w.String(), h.w.args)
	if err != nil {
		return false, err
	}
	return m*m < walkCost*float64(s.newestRanked(q))*rows, nil
}

// newestRanked is how many of a word's newest matches a search by
// relevance reads: the count's bound and one, or its page's end.
func (s *Store) newestRanked(q search.Query) int { return max(s.countBound+1, q.Offset+q.Limit) }

// recentSpan is how many of the newest versions for each match it reads
// a search by relevance on words alone looks for its newest matches in
// first (recentVersions), when the planner expects at least one version
// in recentSpan to match: a common word has them there; should they not
// be, the whole is read after. A variable so that tests can turn it off
// (0).
var recentSpan = 4

// recentVersions is the version id past which a search looks for its
// newest matches first (recentSpan); 0 for none.
func (s *Store) recentVersions(ctx context.Context, tx pgx.Tx, h hitSet, q search.Query) (int64, error) {
	if recentSpan == 0 || q.Sort == search.ByDate || len(h.w.conds) != 1 {
		return 0, nil
	}
	var first, last *int64
	if err := tx.QueryRow(ctx, `SELECT min(id), max(id) FROM versions`).Scan(&first, &last); err != nil || last == nil {
		return 0, err
	}
	matches, err := planRows(ctx, tx, h.from+h.w.String(), h.w.args)
	if err != nil || matches*float64(recentSpan) < float64(*last-*first+1) {
		return 0, err
	}
	return max(*last-int64(recentSpan*s.newestRanked(q)), 0), nil
}

// searchRows runs a search's statement and reads its hits, with the
// count and the lowest version of a search with words.
func (s *Store) searchRows(ctx context.Context, tx pgx.Tx, h hitSet, query string, args []any) (hits []search.Hit, total int, lowest *int64, err error) {
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, 0, nil, fmt.Errorf("postgres: search: %w", err)
	}
	hits, err = collect(rows, func(r pgx.Rows, hit *search.Hit) error {
		var id *int64
		var title, url, site, section, published, text *string
		var score *float32
		if err := r.Scan(&total, &lowest, &id, &title, &url, &site, &section, &published, &score, &text); err != nil || id == nil {
			return err
		}
		hit.ID, hit.Title, hit.URL, hit.Site, hit.Section, hit.Published = *id, deref(title), deref(url), deref(site), deref(section), deref(published)
		hit.Score = float64(*score)
		if h.tsquery != "" {
			hit.Snippet = s.analyzer.Snippet(body(hit.Title, deref(text)), h.terms, snippetTokens)
		} else {
			hit.Snippet = html.EscapeString(deref(text))
		}
		return nil
	})
	if err != nil {
		return nil, 0, nil, fmt.Errorf("postgres: search: %w", err)
	}
	// The row of an empty page's count alone.
	return slices.DeleteFunc(hits, func(hit search.Hit) bool { return hit.ID == 0 }), total, lowest, nil
}

// results sets a search with words' hits and total: past the bound,
// estimated from the share of version ids its newest matches spread over.
func (s *Store) results(ctx context.Context, tx pgx.Tx, res *search.Results, hits []search.Hit, total int, lowest *int64) (*search.Results, error) {
	res.Hits, res.Total = hits, total
	if total > s.countBound && lowest != nil {
		var err error
		if res.Total, err = s.spread(ctx, tx, "versions", total, *lowest); err != nil {
			return nil, err
		}
		res.Estimated = true
	}
	return res, nil
}

// driven counts the hits of a search without words that an entity or
// speaker filter drives (hitSet.driver): the newest CountBound+1 by
// article id, read from the filter's index, the other conditions checked
// on each. Within the bound it returns their ids, every hit; past it, the
// total estimated from the share of article ids they spread over, as a
// word's is from version ids. The planner cannot tell how few a filter's
// articles are: it walked the date index probing each article's quotes
// or entities, 3,000–6,000 probes (0.2–0.4 s at 100k articles) for a
// speaker of 650 articles.
func (s *Store) driven(ctx context.Context, tx pgx.Tx, h hitSet) (ids []int64, total int, estimated bool, err error) {
	rest := where{conds: slices.Delete(slices.Clone(h.w.conds), h.driverCond, h.driverCond+1), args: slices.Clone(h.w.args)}
	// The outer joins are left out when no other condition reads them,
	// so that the filter's index alone is read.
	from := `(SELECT DISTINCT id FROM (` + h.driver + `) f) d LEFT JOIN search_terms st ON st.article_id = d.id
		LEFT JOIN versions v ON v.id = st.version_id LEFT JOIN articles a ON a.id = st.article_id`
	rows, err := tx.Query(ctx, `SELECT d.id FROM `+from+rest.String()+` ORDER BY d.id DESC LIMIT `+rest.arg(s.countBound+1), rest.args...)
	if err == nil {
		ids, err = collect(rows, func(r pgx.Rows, id *int64) error { return r.Scan(id) })
	}
	if err != nil {
		return nil, 0, false, fmt.Errorf("postgres: search: count: %w", err)
	}
	if len(ids) <= s.countBound {
		return ids, len(ids), false, nil
	}
	total, err = s.spread(ctx, tx, "articles", len(ids), ids[len(ids)-1])
	return nil, total, true, err
}

// readTx begins the read-only transaction of a search. With words, it has
// the planner take the matches from the GIN index: it does not count the
// reading of the TOASTed tsvectors that a scan of search_terms filtered by
// @@ costs, and for a common word prefers that scan, which reads every
// article's terms. Nor does it start parallel workers: a search reads a
// few thousand index rows, and under load their start cost more than the
// whole plan (a speaker's page 238 ms with two workers, 57 ms without, at
// 100k articles).
func (s *Store) readTx(ctx context.Context, h hitSet) (pgx.Tx, error) {
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, err
	}
	set := `SET LOCAL max_parallel_workers_per_gather = 0`
	if h.tsquery != "" {
		// Planned for its words: pgx prepares each statement once, and
		// after five runs the server may plan it once for all, not
		// knowing how often its words occur; that plan walked
		// search_terms by version testing every row's terms, a rare
		// word 173 ms against 0.12 ms from the GIN index at 10k
		// articles (25,700 buffers against 12). Only here: the other
		// statements' plans do not turn on their arguments, and
		// planning each run of the facets' (500 ids) cost more than
		// they saved.
		set += `; SET LOCAL enable_seqscan = off; SET LOCAL plan_cache_mode = force_custom_plan`
	}
	// The pairs' inflated cost (newestOrder) started the JIT compiler:
	// 0.27 s for a statement that runs in 0.15.
	set += `; SET LOCAL jit = off`
	if _, err := tx.Exec(ctx, set); err != nil {
		tx.Rollback(ctx)
		return nil, err
	}
	return tx, nil
}

// spread estimates a search's hits from its newest n, which took the ids
// of table (versions for a word's, articles for a filter's) from lowest to
// the highest, as SQLite does.
func (s *Store) spread(ctx context.Context, q querier, table string, n int, lowest int64) (int, error) {
	var first, last int64
	if err := q.QueryRow(ctx, `SELECT min(id), max(id) FROM `+table).Scan(&first, &last); err != nil {
		return 0, fmt.Errorf("postgres: search: estimate: %w", err)
	}
	return store.SpreadIDs(float64(n), lowest, first, last), nil
}

// count counts the rows of a FROM ... WHERE up to the bound; past it, it
// returns the planner's estimate and estimated true.
func (s *Store) count(ctx context.Context, tx pgx.Tx, fromWhere string, args []any) (n int, estimated bool, err error) {
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+fromWhere+` LIMIT `+strconv.Itoa(s.countBound+1)+`) c`,
		args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("postgres: search: count: %w", err)
	}
	if n <= s.countBound {
		return n, false, nil
	}
	rows, err := planRows(ctx, tx, fromWhere, args)
	if err != nil {
		return 0, false, fmt.Errorf("postgres: search: estimate: %w", err)
	}
	return store.Roughly(max(rows, float64(n))), true, nil
}

// planRows is the planner's estimate of the rows of a FROM ... WHERE.
func planRows(ctx context.Context, tx pgx.Tx, fromWhere string, args []any) (float64, error) {
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := tx.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM `+fromWhere, args...).Scan(&plan); err != nil || len(plan) != 1 {
		return 0, err
	}
	return plan[0].Plan.Rows, nil
}

// hitSet is the set of a query's hits as SQL: the tables, the conditions
// on current versions v of articles a, the columns of a hit's article and
// version ID, and the tsquery that ranks the hits with its terms; none when
// every word was a stopword and nothing can match. Search, SearchDays and
// Facets share it.
type hitSet struct {
	from     string
	id       string
	version  string
	w        where
	tsquery  string
	pairs    bool // a condition reads the pairs index (newestOrder)
	sorted   bool // the matches in a date range are few: read whole and sorted (fewMatches)
	terms    map[string]bool
	warnings []string
	none     bool
	// driver is the SELECT of the article ids (column id) of the first
	// entity or speaker filter of a search without words, and driverCond
	// the index of its condition in w.
	driver     string
	driverCond int
}

func (s *Store) hitSet(ctx context.Context, q search.Query) (hitSet, error) {
	var h hitSet
	tsquery, m, terms, warnings := s.tsquery(q.Clauses)
	h.terms, h.warnings = terms, warnings
	if tsquery == "" && hasPositive(q.Clauses) {
		h.none = true
		return h, nil
	}
	w := &h.w
	if tsquery != "" {
		h.tsquery = tsquery
		cond, pairs := m.cond(w)
		h.pairs = pairs
		w.add(cond)
	}
	// Every current version has its row of search_terms, with its day.
	// The outer joins are left out by the planner when no filter reads
	// them (every search_terms row has its version and article).
	h.from = `search_terms st LEFT JOIN versions v ON v.id = st.version_id LEFT JOIN articles a ON a.id = st.article_id`
	h.id, h.version = "st.article_id", "st.version_id"
	if err := w.articles(q.Site, q.Section, "", ""); err != nil {
		return h, err
	}
	if err := w.dates("st.day", q.From, q.To); err != nil {
		return h, err
	}
	if c := collapseConds[q.Collapse]; c != "" {
		w.add(c)
	}
	// The first entity or speaker filter may drive a search without words
	// (driven).
	filter := func(articles string) {
		if h.driver == "" {
			h.driver, h.driverCond = articles, len(w.conds)
		}
		w.add(h.id + ` IN (` + articles + `)`)
	}
	for _, name := range q.Entities {
		refs, err := s.refs(ctx, name)
		if err != nil {
			return h, err
		}
		filter(`SELECT ae.article_id AS id FROM article_entities ae WHERE ae.ref = ANY(` + w.arg(refs) + `::bigint[])`)
	}
	w.topics(h.id, q.Topics)
	if len(q.Speakers) > 0 {
		// One arm per index, so that each is read alone (an OR of them
		// reads the quotes themselves).
		var arms []string
		for _, name := range q.Speakers {
			refs, err := s.refs(ctx, name)
			if err != nil {
				return h, err
			}
			arms = append(arms, `SELECT q.article_id AS id FROM quotes q WHERE q.speaker_norm = `+w.arg(store.NormalizeName(name)),
				`SELECT q.article_id FROM quotes q WHERE q.speaker_ref = ANY(`+w.arg(refs)+`::bigint[])`)
		}
		filter(strings.Join(arms, " UNION "))
	}
	if h.tsquery != "" {
		h.driver = ""
	}
	return h, nil
}

// tsquery writes the clauses as a tsquery of the Analyzer's terms, as the
// SQLite store writes them for FTS5: each clause is a phrase of its terms
// (a single word is a phrase of one), clauses joined by OR are grouped
// (banjir OR longsor bekasi is (banjir | longsor) & bekasi), and a clause
// of stopwords only is left out, with a warning. The tsquery ranks the
// hits; the match finds them, with the phrases from the pairs index.
func (s *Store) tsquery(clauses []search.Clause) (expr string, m match, terms map[string]bool, warnings []string) {
	m.indexed = s.pairs.Load()
	var groups [][]phrase
	var excluded []phrase
	terms = map[string]bool{}
	for _, c := range clauses {
		ts := s.analyzer.Terms(c.Text)
		if len(ts) == 0 {
			warnings = append(warnings, fmt.Sprintf("%q is left out: it has only stopwords, which are not indexed", c.Text))
			continue
		}
		if !c.Exclude {
			for _, t := range ts {
				terms[t] = true
			}
		}
		p := newPhrase(ts)
		switch {
		case c.Exclude:
			excluded = append(excluded, p)
		case c.Or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], p)
		default:
			groups = append(groups, []phrase{p})
		}
	}
	if len(groups) == 0 {
		return "", m, terms, warnings
	}
	parts := make([]string, 0, len(groups)+len(excluded))
	for _, g := range groups {
		alts := make([]string, len(g))
		for i, p := range g {
			alts[i] = p.positions
		}
		parts = append(parts, "("+strings.Join(alts, " | ")+")")
		m.group(g)
	}
	for _, p := range excluded {
		parts = append(parts, "!"+p.positions)
		m.exclude(p)
	}
	m.positions = strings.Join(parts, " & ")
	return m.positions, m, terms, warnings
}

// phrase is a clause's terms as tsqueries: over the terms by their
// positions, and over their pairs (warta_pairs, migration 16): a phrase
// of two terms is found by its pair alone, a longer one by its pairs and
// then its positions, tested on the articles holding all of them.
type phrase struct {
	positions string // 'a' <-> 'b' <-> 'c'
	word      string // the word of a phrase of one
	pairs     string // 'a b' & 'b c'
	tested    bool   // the positions tested beside the pairs
}

func newPhrase(ts []string) phrase {
	quoted := make([]string, len(ts))
	for i, t := range ts {
		quoted[i] = quoteLexeme(t)
	}
	if len(ts) == 1 {
		return phrase{positions: quoted[0], word: quoted[0]}
	}
	pairs := make([]string, len(ts)-1)
	for i := range pairs {
		pairs[i] = quoteLexeme(ts[i] + " " + ts[i+1])
	}
	p := phrase{positions: "(" + strings.Join(quoted, " <-> ") + ")", pairs: strings.Join(pairs, " & "), tested: len(pairs) > 1}
	if p.tested {
		p.pairs = "(" + p.pairs + ")"
	}
	return p
}

// match is the condition that finds a search's hits from the two GIN
// indexes of search_terms: the words' tsquery over the terms, the
// phrases' over the pairs, each ANDed into one tsquery where it can be,
// so that each index is read once and answers exactly; a group mixing
// words and phrases is a condition of its own.
type match struct {
	words, pairs []string // ANDed, over the terms and over the pairs
	tested       []string // positions tested on the rows found
	mixed        [][]phrase
	excluded     []phrase
	positions    string // the whole query over the terms by their positions
	indexed      bool   // the pairs index is valid (pairs.go)
}

// group adds clauses joined by OR: words alone are one tsquery over the
// terms, phrases of two alone one over the pairs.
func (m *match) group(g []phrase) {
	if len(g) == 1 {
		p := g[0]
		if p.word != "" {
			m.words = append(m.words, p.word)
		} else {
			m.pairs = append(m.pairs, p.pairs)
		}
		if p.tested {
			m.tested = append(m.tested, p.positions)
		}
		return
	}
	var words, pairs []string
	for _, p := range g {
		switch {
		case p.word != "":
			words = append(words, p.word)
		case !p.tested:
			pairs = append(pairs, p.pairs)
		}
	}
	switch len(g) {
	case len(words):
		m.words = append(m.words, "("+strings.Join(words, " | ")+")")
	case len(pairs):
		m.pairs = append(m.pairs, "("+strings.Join(pairs, " | ")+")")
	default:
		m.mixed = append(m.mixed, g)
	}
}

func (m *match) exclude(p phrase) { m.excluded = append(m.excluded, p) }

// cond writes the match as SQL over search_terms st. A word or a phrase
// of two is left out in its index's tsquery where that has something to
// find (a tsquery of exclusions alone reads the whole index); else, and a
// longer phrase always, it is tested on the rows the rest finds, by its
// positions. Positions are tested by ts_match_vq, the function of @@,
// which no index serves: a GIN index hands the rows of a tsquery with
// <-> back to be tested, and with them the pairs' condition, whose
// pairs would be made again for each (3 s for a phrase of three words
// at 10k articles, against 0.2 s). pairs says whether the condition reads
// the pairs index.
func (m *match) cond(w *where) (sql string, pairs bool) {
	if !m.indexed && (len(m.pairs) > 0 || len(m.mixed) > 0 || slices.ContainsFunc(m.excluded, func(p phrase) bool { return p.word == "" })) {
		// No pairs index yet (being built): phrases by their positions,
		// as before it.
		return "st.terms @@ " + w.arg(m.positions) + "::tsquery", false
	}
	for _, g := range m.mixed {
		if slices.ContainsFunc(g, func(p phrase) bool { return p.tested }) {
			// Such a group's rows come back from the terms' index to
			// be tested by their positions; any pairs' condition with
			// them would be too, its pairs made again for each (6.4 s
			// at 10k articles). The whole query by its positions, as
			// before the pairs.
			return "st.terms @@ " + w.arg(m.positions) + "::tsquery", false
		}
	}
	words, pairTerms := slices.Clone(m.words), slices.Clone(m.pairs)
	var out []string
	for _, p := range m.excluded {
		switch {
		case p.word != "" && len(m.words) > 0:
			words = append(words, "!"+p.word)
		case p.word == "" && !p.tested && len(m.pairs) > 0:
			pairTerms = append(pairTerms, "!"+p.pairs)
		default:
			out = append(out, p.positions)
		}
	}
	var conds []string
	if len(words) > 0 {
		conds = append(conds, "st.terms @@ "+w.arg(strings.Join(words, " & "))+"::tsquery")
	}
	if len(pairTerms) > 0 {
		conds = append(conds, pairsMatch+w.arg(strings.Join(pairTerms, " & "))+"::tsquery")
		pairs = true
	}
	for _, g := range m.mixed {
		// Each from its index (a longer phrase is not among them).
		alts := make([]string, len(g))
		for i, p := range g {
			if p.word != "" {
				alts[i] = "st.terms @@ " + w.arg(p.word) + "::tsquery"
			} else {
				alts[i] = pairsMatch + w.arg(p.pairs) + "::tsquery"
				pairs = true
			}
		}
		conds = append(conds, "("+strings.Join(alts, " OR ")+")")
	}
	if len(m.tested) > 0 {
		conds = append(conds, "ts_match_vq(st.terms, "+w.arg(strings.Join(m.tested, " & "))+"::tsquery)")
	}
	if len(out) > 0 {
		conds = append(conds, "NOT ts_match_vq(st.terms, "+w.arg(strings.Join(out, " | "))+"::tsquery)")
	}
	return strings.Join(conds, " AND "), pairs
}

// pairsMatch opens a condition on the pairs index (pairs.go).
const pairsMatch = "warta_pairs(st.terms) @@ "

func hasPositive(clauses []search.Clause) bool {
	for _, c := range clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}
