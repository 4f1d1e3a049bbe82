package postgres

import (
	"context"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
)

// snippetTokens is the length of a snippet, in index terms, as on SQLite.
const snippetTokens = 24

// rankExpr is ts_rank with the weights of D (body) and A (title) terms:
// a title word is worth four body words, as in the SQLite store's BM25.
// Normalisation 1 divides by 1 + the logarithm of the document's length,
// so that long articles do not win by length alone.
const rankExpr = `ts_rank('{0.25, 0, 0, 1}', m.terms, %s, 1)`

// The bounds of a search's work (Options.RankWindow, CountBound). The GIN
// index gives every match without reading its terms (but for phrases,
// which it checks against them), so the matches are counted whole;
// ranking reads each match's tsvector, so a search ranks only its
// RankWindow most recently stored matches, and the older ones follow them
// newest first. A search without words counts at most CountBound hits;
// past that its total is the planner's estimate, flagged in the results.

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
	w := h.w
	var query string
	var args []any
	byDate := `v.day DESC NULLS LAST, v.published DESC NULLS LAST, a.id DESC`
	if h.tsquery != "" {
		// Every match, numbered newest version first (no index gives that
		// order, so the planner takes the matches from the GIN index) and
		// counted, from search_terms alone unless a filter needs the
		// version or the article (hitSet joins them outer, so that the
		// planner drops them); ts_rank runs on the first RankWindow only
		// (CASE evaluates it for those alone), and the page's hits alone
		// are joined to their versions and articles, for their text.
		cols := ``
		order := `ranked DESC, score DESC, version DESC`
		outer := `p.ranked DESC, p.score DESC, p.version DESC`
		if q.Sort == search.ByDate {
			cols = `, v.day, v.published`
			order = `day DESC NULLS LAST, published DESC NULLS LAST, id DESC`
			outer = `v.day DESC NULLS LAST, v.published DESC NULLS LAST, a.id DESC`
		}
		inner, innerArgs := w.limit(`SELECT m.*, CASE WHEN m.ranked THEN `+fmt.Sprintf(rankExpr, h.tsquery)+` ELSE 0 END AS score FROM (
				SELECT `+h.id+` AS id, `+h.version+` AS version, st.terms`+cols+`,
					row_number() OVER (ORDER BY st.version_id DESC) <= `+strconv.Itoa(s.rankWindow)+` AS ranked, count(*) OVER () AS total
				FROM `+h.from+w.String()+`) m
			ORDER BY `+order, q.Limit, q.Offset)
		query = `SELECT a.id, v.title, a.url, v.site, v.section, v.published, p.score::real, p.total, v.record->>'text'
			FROM (` + inner + `) p JOIN versions v ON v.id = p.version JOIN articles a ON a.id = p.id
			ORDER BY ` + outer
		args = innerArgs
	} else {
		if res.Total, res.Estimated, err = s.count(ctx, h.from+w.String(), w.args); err != nil {
			return nil, err
		}
		query, args = w.limit(`SELECT a.id, v.title, a.url, v.site, v.section, v.published, 0.0::real, 0::bigint, v.lead
			FROM `+h.from+w.String()+` ORDER BY `+byDate, q.Limit, q.Offset)
	}
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	defer tx.Rollback(ctx)
	if h.tsquery != "" {
		// The planner does not count the reading of the TOASTed tsvectors
		// that a scan of search_terms filtered by @@ costs, and for a
		// common word prefers it to the GIN index, which gives the
		// matches without reading them.
		if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
			return nil, fmt.Errorf("postgres: search: %w", err)
		}
	}
	rows, err := tx.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	var total int64
	res.Hits, err = collect(rows, func(r pgx.Rows, hit *search.Hit) error {
		var url, site, section, published *string
		var text string
		var score float32
		err := r.Scan(&hit.ID, &hit.Title, &url, &site, &section, &published, &score, &total, &text)
		hit.URL, hit.Site, hit.Section, hit.Published, hit.Score = deref(url), deref(site), deref(section), deref(published), float64(score)
		if h.tsquery != "" {
			hit.Snippet = s.analyzer.Snippet(body(hit.Title, text), h.terms, snippetTokens)
		} else {
			hit.Snippet = html.EscapeString(text)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	if h.tsquery != "" {
		res.Total = int(total)
		if len(res.Hits) == 0 && q.Offset > 0 {
			// A page past the end says nothing of the total: count.
			if res.Total, res.Estimated, err = s.count(ctx, h.from+h.w.String(), h.w.args); err != nil {
				return nil, err
			}
		}
	}
	return res, nil
}

// count counts the rows of a FROM ... WHERE up to the bound; past it, it
// returns the planner's estimate and estimated true.
func (s *Store) count(ctx context.Context, fromWhere string, args []any) (n int, estimated bool, err error) {
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+fromWhere+` LIMIT `+strconv.Itoa(s.countBound+1)+`) c`,
		args...).Scan(&n); err != nil {
		return 0, false, fmt.Errorf("postgres: search: count: %w", err)
	}
	if n <= s.countBound {
		return n, false, nil
	}
	var plan []struct {
		Plan struct {
			Rows float64 `json:"Plan Rows"`
		} `json:"Plan"`
	}
	if err := s.pool.QueryRow(ctx, `EXPLAIN (FORMAT JSON) SELECT 1 FROM `+fromWhere, args...).Scan(&plan); err != nil {
		return 0, false, fmt.Errorf("postgres: search: estimate: %w", err)
	}
	if len(plan) == 1 && int(plan[0].Plan.Rows) > n {
		n = int(plan[0].Plan.Rows)
	}
	return n, true, nil
}

// hitSet is the set of a query's hits as SQL: the tables, the conditions
// on current versions v of articles a, the columns of a hit's article and
// version ID, and the tsquery (its placeholder) with its terms; none when
// every word was a stopword and nothing can match. Search, SearchDays and
// Facets share it.
type hitSet struct {
	from     string
	id       string
	version  string
	w        where
	tsquery  string
	terms    map[string]bool
	warnings []string
	none     bool
}

func (s *Store) hitSet(ctx context.Context, q search.Query) (hitSet, error) {
	var h hitSet
	tsquery, terms, warnings := s.tsquery(q.Clauses)
	h.terms, h.warnings = terms, warnings
	if tsquery == "" && hasPositive(q.Clauses) {
		h.none = true
		return h, nil
	}
	w := &h.w
	if tsquery != "" {
		h.tsquery = w.arg(tsquery) + "::tsquery"
		w.add("st.terms @@ " + h.tsquery)
		// Outer joins, which the planner leaves out when no filter reads
		// them (every search_terms row has its version and article).
		h.from = `search_terms st LEFT JOIN versions v ON v.id = st.version_id LEFT JOIN articles a ON a.id = st.article_id`
		h.id, h.version = "st.article_id", "st.version_id"
	} else {
		h.from = `articles a JOIN versions v ON v.id = a.current`
		h.id, h.version = "a.id", "a.current"
	}
	if err := w.articles(q.Site, q.Section, q.From, q.To); err != nil {
		return h, err
	}
	if c := collapseConds[q.Collapse]; c != "" {
		w.add(c)
	}
	for _, name := range q.Entities {
		refs, err := s.refs(ctx, name)
		if err != nil {
			return h, err
		}
		w.add(h.id + ` IN (SELECT ae.article_id FROM article_entities ae WHERE ae.ref = ANY(` + w.arg(refs) + `::bigint[]))`)
	}
	w.topics(h.id, q.Topics)
	if len(q.Speakers) > 0 {
		var or []string
		for _, name := range q.Speakers {
			refs, err := s.refs(ctx, name)
			if err != nil {
				return h, err
			}
			or = append(or, w.speakerMatch(name, refs))
		}
		w.add(h.id + ` IN (SELECT q.article_id FROM quotes q WHERE ` + strings.Join(or, " OR ") + `)`)
	}
	return h, nil
}

// tsquery writes the clauses as a tsquery of the Analyzer's terms, as the
// SQLite store writes them for FTS5: each clause is a phrase of its terms
// (a single word is a phrase of one), clauses joined by OR are grouped
// (banjir OR longsor bekasi is (banjir | longsor) & bekasi), and a clause
// of stopwords only is left out, with a warning.
func (s *Store) tsquery(clauses []search.Clause) (expr string, terms map[string]bool, warnings []string) {
	var groups [][]string
	var excluded []string
	terms = map[string]bool{}
	for _, c := range clauses {
		ts := s.analyzer.Terms(c.Text)
		if len(ts) == 0 {
			warnings = append(warnings, fmt.Sprintf("%q is left out: it has only stopwords, which are not indexed", c.Text))
			continue
		}
		quoted := make([]string, len(ts))
		for i, t := range ts {
			quoted[i] = quoteLexeme(t)
			if !c.Exclude {
				terms[t] = true
			}
		}
		phrase := strings.Join(quoted, " <-> ")
		if len(quoted) > 1 {
			phrase = "(" + phrase + ")"
		}
		switch {
		case c.Exclude:
			excluded = append(excluded, "!"+phrase)
		case c.Or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], phrase)
		default:
			groups = append(groups, []string{phrase})
		}
	}
	if len(groups) == 0 {
		return "", terms, warnings
	}
	parts := make([]string, 0, len(groups)+len(excluded))
	for _, g := range groups {
		parts = append(parts, "("+strings.Join(g, " | ")+")")
	}
	parts = append(parts, excluded...)
	return strings.Join(parts, " & "), terms, warnings
}

func hasPositive(clauses []search.Clause) bool {
	for _, c := range clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}
