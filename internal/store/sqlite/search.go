package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"html"
	"strings"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// snippetTokens is the length of a snippet, in index terms; stopwords
// between them come along.
const snippetTokens = 24

// Search implements store.Store: FTS5 over the newest version of every
// article, ranked by BM25 (a title word worth four body words), with a
// snippet of the body around the matches. Snippets are made in Go
// (search.Analyzer.Snippet) rather than by FTS5's snippet(), which
// tokenises each hit's body twice through the WebAssembly boundary: a
// third of the time of a search.
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
	from, w, match, terms := h.from, h.w, h.match, h.terms
	var cols, order string
	if match != "" {
		cols = `search_index.body, -rank`
		order = `rank`
	} else {
		cols = `v.lead, 0.0`
		order = `v.day DESC, v.published DESC, a.id DESC`
	}
	if q.Sort == search.ByDate {
		order = `v.day DESC, v.published DESC, a.id DESC`
	}
	if err := s.queryRow(ctx, `SELECT count(*) FROM `+from+w.String(), w.args...).Scan(&res.Total); err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	rows, err := s.query(ctx, `SELECT a.id, v.title, a.url, v.site, v.section, v.published, `+cols+`
		FROM `+from+w.String()+` ORDER BY `+order+` LIMIT ? OFFSET ?`, append(w.args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	res.Hits, err = collect(rows, func(r *sql.Rows, h *search.Hit) error {
		var url, site, section, published sql.NullString
		var text string
		err := r.Scan(&h.ID, &h.Title, &url, &site, &section, &published, &text, &h.Score)
		h.URL, h.Site, h.Section, h.Published = url.String, site.String, section.String, published.String
		if match != "" {
			h.Snippet = s.analyzer.Snippet(text, terms, snippetTokens)
		} else {
			h.Snippet = html.EscapeString(text)
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	return res, nil
}

// hitSet is the set of a query's hits as SQL: the tables, the conditions
// on current versions v of articles a, and the FTS5 expression with its
// terms; none when every word was a stopword and nothing can match.
type hitSet struct {
	from     string
	w        where
	match    string
	terms    map[string]bool
	warnings []string
	none     bool
}

func (s *Store) hitSet(q search.Query) (hitSet, error) {
	var h hitSet
	h.match, h.terms, h.warnings = s.matchExpr(q.Clauses)
	if h.match == "" && hasPositive(q.Clauses) {
		h.none = true
		return h, nil
	}
	w := &h.w
	if h.match != "" {
		w.add("search_index MATCH ?", h.match)
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
			WHERE `+nameMatch+`)`, nameArgs(name)...)
	}
	if len(q.Speakers) > 0 {
		var or []string
		var args []any
		for _, name := range q.Speakers {
			n := store.NormalizeName(name)
			or = append(or, `' ' || q.speaker_norm || ' ' LIKE '% ' || ? || ' %'`,
				`q.speaker_id IN (SELECT e.id FROM entities e WHERE `+nameMatch+`)`)
			args = append(args, n, n, n)
		}
		w.add(`a.id IN (SELECT q.article_id FROM quotes q WHERE `+strings.Join(or, " OR ")+`)`, args...)
	}
	if h.match != "" {
		h.from = `search_index JOIN versions v ON v.id = search_index.rowid JOIN articles a ON a.id = v.article_id`
	} else {
		h.from = `articles a JOIN versions v ON v.id = a.current`
	}
	return h, nil
}

// matchExpr writes the clauses as an FTS5 query. Each clause is an FTS5
// string, which FTS5 runs through the same tokenizer as the index, so the
// stemmer applies; a clause of stopwords only is left out, with a warning,
// since the index does not hold stopwords. Clauses joined by OR are
// grouped: banjir OR longsor bekasi is (banjir OR longsor) AND bekasi.
func (s *Store) matchExpr(clauses []search.Clause) (expr string, terms map[string]bool, warnings []string) {
	var groups [][]string
	var excluded []string
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
		str := `"` + strings.ReplaceAll(c.Text, `"`, `""`) + `"`
		switch {
		case c.Exclude:
			excluded = append(excluded, str)
		case c.Or && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], str)
		default:
			groups = append(groups, []string{str})
		}
	}
	if len(groups) == 0 {
		return "", terms, warnings
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = "(" + strings.Join(g, " OR ") + ")"
	}
	expr = "(" + strings.Join(parts, " AND ") + ")"
	for _, x := range excluded {
		expr += " NOT " + x
	}
	return expr, terms, warnings
}

func hasPositive(clauses []search.Clause) bool {
	for _, c := range clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}
