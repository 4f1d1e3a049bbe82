package postgres

import (
	"context"
	"fmt"
	"html"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
)

// snippetTokens is the length of a snippet, in index terms, as on SQLite.
const snippetTokens = 24

// rankWeights are ts_rank's weights of D (body) and A (title) terms: a
// title word is worth four body words, as in the SQLite store's BM25.
// Normalisation 1 divides by 1 + the logarithm of the document's length,
// so that long articles do not win by length alone.
const rankExpr = `ts_rank('{0.25, 0, 0, 1}', st.terms, %s, 1)`

// Search implements store.Store: the query's words as a tsquery over the
// search terms of every article's newest version, ranked by ts_rank with
// titles weighted, and a snippet of the body around the matches.
func (s *Store) Search(ctx context.Context, q search.Query) (*search.Results, error) {
	if err := q.Validate(); err != nil {
		return nil, err
	}
	res := &search.Results{Hits: []search.Hit{}}
	h, err := s.hitSet(q)
	if err != nil {
		return nil, err
	}
	res.Warnings = h.warnings
	if h.none {
		return res, nil // every word was a stopword
	}
	w := h.w
	var cols, order string
	if h.tsquery != "" {
		cols = `v.record->>'text', ` + fmt.Sprintf(rankExpr, h.tsquery)
		order = `8 DESC, a.id`
	} else {
		cols = `v.lead, 0.0::real`
	}
	if h.tsquery == "" || q.Sort == search.ByDate {
		order = `v.day DESC NULLS LAST, v.published DESC NULLS LAST, a.id DESC`
	}
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM `+h.from+w.String(), w.args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	query, args := w.limit(`SELECT a.id, v.title, a.url, v.site, v.section, v.published, `+cols+`
		FROM `+h.from+w.String()+` ORDER BY `+order, q.Limit, q.Offset)
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	res.Hits, err = collect(rows, func(r pgx.Rows, hit *search.Hit) error {
		var url, site, section, published *string
		var text string
		var score float32
		err := r.Scan(&hit.ID, &hit.Title, &url, &site, &section, &published, &text, &score)
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
	return res, nil
}

// hitSet is the set of a query's hits as SQL: the tables, the conditions
// on current versions v of articles a, and the tsquery (its placeholder)
// with its terms; none when every word was a stopword and nothing can
// match. Search, SearchDays and Facets share it.
type hitSet struct {
	from     string
	w        where
	tsquery  string
	terms    map[string]bool
	warnings []string
	none     bool
}

func (s *Store) hitSet(q search.Query) (hitSet, error) {
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
		h.from = `search_terms st JOIN versions v ON v.id = st.version_id JOIN articles a ON a.id = st.article_id`
	} else {
		h.from = `articles a JOIN versions v ON v.id = a.current`
	}
	if err := w.articles(q.Site, q.Section, q.From, q.To); err != nil {
		return h, err
	}
	if q.Collapse == search.CollapseCopies {
		w.add(`NOT EXISTS (SELECT 1 FROM relations r WHERE r.kind IN ('copy', 'translation')
			AND (r.a = a.id OR r.b = a.id) AND r.original <> a.id)`)
	}
	for _, name := range q.Entities {
		w.add(`a.id IN (SELECT ae.article_id FROM article_entities ae JOIN entities e ON e.id = ae.entity_id
			WHERE ` + w.nameMatch(name) + `)`)
	}
	if len(q.Speakers) > 0 {
		var or []string
		for _, name := range q.Speakers {
			or = append(or, w.speakerMatch(name))
		}
		w.add(`a.id IN (SELECT q.article_id FROM quotes q WHERE ` + strings.Join(or, " OR ") + `)`)
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
