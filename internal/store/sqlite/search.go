package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// snippetTokens is the length of a snippet, in index terms; stopwords
// between them come along.
const snippetTokens = 24

// A search's cost must not grow with the store, so two bounds keep it to
// the newest hits (the highest version ids, those stored last):
//   - countBound: hits are counted exactly up to this many; past it the
//     total is estimated from how many ids the counted hits spread over,
//     and the results say so;
//   - rankWindow: relevance ranks the newest rankWindow hits by BM25; the
//     hits past them follow, newest first. BM25 over every match costs
//     22 µs per match at 10k articles (the ranking reads each match's
//     column sizes), and the newest are what a news reader looks for.
//
// They are variables so that tests can make them small.
var (
	countBound = 1000
	rankWindow = 500
)

// Search implements store.Store: FTS5 over the newest version of every
// article, ranked by BM25 (a title word worth four body words) within the
// newest hits, with a snippet of the body around the matches. Snippets are
// made in Go (search.Analyzer.Snippet) rather than by FTS5's snippet(),
// which tokenises each hit's body twice through the WebAssembly boundary.
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
		return res, nil
	}
	var page []scored
	if h.words && q.Sort != search.ByDate {
		page, res.Total, res.Estimated, err = s.rankedPage(ctx, h, q.Offset, q.Limit)
	} else if res.Total, res.Estimated, err = s.count(ctx, h); err == nil && res.Total > 0 {
		page, err = s.datePage(ctx, h, res.Total, res.Estimated, q.Offset, q.Limit)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	if res.Hits, err = s.hits(ctx, page, h); err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	return res, nil
}

// scored is a hit's version id and its BM25 score (0 without words).
type scored struct {
	id    int64
	score float64
}

// hitSet is the set of a query's hits as SQL: the tables that give them
// (a driver), and conditions on v, the row of versions_hits (a covering
// index: id, day, published, article_id, site, section) of each hit's
// version. none says that nothing can match: every word was a stopword,
// or a name filter names no entity.
type hitSet struct {
	// match is the FTS5 expression that gives the hits, when the index
	// gives them: the words, the entities, speakers and days as tags;
	// words says whether it has words (else it ranks nothing and snippets
	// are leads).
	match string
	words bool
	// phrases are the phrases of match that weigh in the ranking, in its
	// order, first in it (rank.go).
	phrases  []string
	terms    map[string]bool
	warnings []string
	none     bool
	conds    where // on v, except the driver's own condition
	// drive is "FROM ... WHERE ..." giving v for every candidate, and its
	// arguments; the conditions come after it with AND.
	drive     string
	driveArgs []any
	// byDate is "FROM ... WHERE ..." giving v from versions_by_date, for a
	// scan in date order; without words only.
	byDate     string
	byDateArgs []any
	// driveCount estimates the rows drive gives, for a total past the
	// bound without the full-text index.
	driveCount     string
	driveCountArgs []any
	// sampleID is the version id (or, for a name filter, article id) of
	// each candidate as the driver first has it, to sample on.
	sampleID string
}

// hitsColumns are the columns versions_hits covers.
const hitsIndex = `versions v INDEXED BY versions_hits`

func (s *Store) hitSet(ctx context.Context, q search.Query) (hitSet, error) {
	var h hitSet
	h.match, h.phrases, h.terms, h.warnings = s.matchExpr(q.Clauses)
	if h.match == "" && hasPositive(q.Clauses) {
		h.none = true
		return h, nil
	}
	f, err := s.filters(ctx, q, h.match)
	if err != nil || f.none {
		h.none = f.none
		return h, err
	}
	h.words = h.match != ""
	if f.match != "" {
		h.match = f.match
		h.textDriven(f)
	} else {
		h.filterDriven(f)
	}
	return h, nil
}

// filters are a query's conditions besides its words.
type filters struct {
	dates      where // on v.day
	versions   where // site and section, on v
	collapse   string
	entitySets [][]int64 // each must be mentioned: by one of its ids
	// speakerTags is the speaker filter (any of them) as an FTS5
	// expression of tags.
	speakerTags string
	none        bool // a name filter names nothing, or no day is in the range
	// match is, for a query with words, its FTS5 expression with the
	// entities, speakers and dates as tags (tags.go), which then are in
	// no other field.
	match string
}

// filters are the query's conditions besides its words (match).
func (s *Store) filters(ctx context.Context, q search.Query, match string) (filters, error) {
	var f filters
	if err := f.dates.dates("v.day", q.From, q.To); err != nil {
		return f, err
	}
	if err := f.versions.articles(q.Site, q.Section, "", ""); err != nil {
		return f, err
	}
	f.versions.topics(q.Topics)
	f.collapse = collapseConds[q.Collapse]
	for _, name := range q.Entities {
		ids, err := s.entityIDs(ctx, name)
		if err != nil {
			return f, err
		}
		if len(ids) == 0 {
			f.none = true
			return f, nil
		}
		f.entitySets = append(f.entitySets, ids)
	}
	if len(q.Speakers) > 0 {
		if err := s.speakerFilter(ctx, q, &f); err != nil || f.none {
			return f, err
		}
	}
	// Without words and without a name filter, the date index gives the
	// hits; else the full-text index, the filters as tags.
	if match == "" && len(f.entitySets) == 0 && f.speakerTags == "" {
		return f, nil
	}
	var parts []string
	if match != "" {
		parts = append(parts, "("+match+")")
	}
	for _, ids := range f.entitySets {
		parts = append(parts, entityTags(ids))
	}
	f.entitySets = nil
	if f.speakerTags != "" {
		parts = append(parts, f.speakerTags)
	}
	if q.From != "" || q.To != "" {
		days, err := s.dayTags(ctx, q.From, q.To)
		if err != nil || days == "" {
			f.none = days == ""
			return f, err
		}
		parts = append(parts, days)
		f.dates = where{}
	}
	f.match = strings.Join(parts, " AND ")
	return f, nil
}

// speakerFilter sets f's condition on quotes for q's speakers (any of
// them), or f.none when they name nobody quoted.
func (s *Store) speakerFilter(ctx context.Context, q search.Query, f *filters) error {
	var ids []int64
	var names []string
	for _, name := range q.Speakers {
		i, err := s.entityIDs(ctx, name)
		if err != nil {
			return err
		}
		n, err := s.speakerNames(ctx, name)
		if err != nil {
			return err
		}
		ids, names = append(ids, i...), append(names, n...)
	}
	if len(ids) == 0 && len(names) == 0 {
		f.none = true
		return nil
	}
	f.speakerTags = speakerTags(ids, names)
	return nil
}

// textDriven has the full-text index give the candidates, newest first,
// the entities, speakers and dates among its terms (f.match); site,
// section and copies are looked up per candidate in versions_hits.
func (h *hitSet) textDriven(f filters) {
	h.drive = `FROM search_index WHERE search_index MATCH ?`
	h.sampleID = `search_index.rowid`
	h.driveArgs = []any{h.match}
	var v []string
	v = append(v, f.versions.conds...)
	if f.collapse != "" {
		v = append(v, f.collapse)
	}
	if len(v) > 0 {
		h.conds.add(`EXISTS (SELECT 1 FROM `+hitsIndex+` WHERE v.id = search_index.rowid AND `+strings.Join(v, " AND ")+`)`,
			f.versions.args...)
	}
	// By date, the candidates need their dates.
	h.byDate = `FROM search_index CROSS JOIN ` + hitsIndex + ` ON v.id = search_index.rowid WHERE search_index MATCH ?`
	h.byDateArgs = h.driveArgs
}

// filterDriven has the date index give the candidates of a query
// without words or name filters (every article, or those of some days),
// in order; site, section and copies are checked per candidate.
func (h *hitSet) filterDriven(f filters) {
	current := `v.id IN (SELECT current FROM articles WHERE current = v.id)`
	h.drive = `FROM versions v INDEXED BY versions_by_date WHERE ` + current
	h.sampleID = `v.id`
	for _, c := range f.dates.conds {
		h.drive += " AND " + c
	}
	h.driveArgs = f.dates.args
	h.byDate, h.byDateArgs = h.drive, h.driveArgs
	if len(f.dates.conds) > 0 {
		h.driveCount = `SELECT count(*) FROM versions v INDEXED BY versions_by_date WHERE ` + strings.Join(f.dates.conds, " AND ")
		h.driveCountArgs = f.dates.args
	} else {
		h.driveCount = `SELECT coalesce(max(id) - min(id) + 1, 0) FROM articles`
	}
	h.conds.conds = append(h.conds.conds, f.versions.conds...)
	h.conds.args = append(h.conds.args, f.versions.args...)
	if f.collapse != "" {
		h.conds.add(f.collapse)
	}
}

// withVersions is the hits with their rows v of versions_hits:
// "FROM ... WHERE ...", and its arguments.
func (h *hitSet) withVersions() (string, []any) {
	if h.match != "" {
		return h.from(h.byDate, h.byDateArgs)
	}
	return h.from(h.drive, h.driveArgs)
}

// from is the candidates with every condition: "FROM ... WHERE ...", and
// its arguments.
func (h *hitSet) from(drive string, args []any) (string, []any) {
	sql := drive
	for _, c := range h.conds.conds {
		sql += " AND " + c
	}
	return sql, append(append([]any{}, args...), h.conds.args...)
}

// count counts the hits up to countBound and past it estimates the
// total. With words, the newest hits are counted, and the total is
// estimated from the share of version ids they spread over. Without, the
// total is the rows the driver gives (an index count) times the share of
// hits among a sample of them.
func (s *Store) count(ctx context.Context, h hitSet) (total int, estimated bool, err error) {
	return s.countBelow(ctx, h, 0, 0)
}

// countBelow is count for a query with words whose newest seen hits, down
// to version id below, are known: it counts on from there. 0, 0 for none.
func (s *Store) countBelow(ctx context.Context, h hitSet, seen int, below int64) (total int, estimated bool, err error) {
	if below > 0 {
		h.conds = where{conds: slices.Clone(h.conds.conds), args: slices.Clone(h.conds.args)}
		h.conds.add(`search_index.rowid < ?`, below)
	}
	ids, args := h.newest(countBound + 1 - seen)
	var n int
	var lowest sql.NullInt64
	err = s.queryRow(ctx, `SELECT count(*), min(id) FROM (`+ids+`)`, args...).Scan(&n, &lowest)
	if n += seen; !lowest.Valid {
		lowest.Int64 = below
	}
	if err != nil || n <= countBound {
		return n, false, err
	}
	if h.match != "" {
		// The newest countBound+1 hits took the ids from lowest to the
		// highest.
		first, last, err := s.idSpan(ctx, "versions")
		if err != nil {
			return 0, false, err
		}
		return store.SpreadIDs(float64(n), lowest.Int64, first, last), true, nil
	}
	var rows int
	if err := s.queryRow(ctx, h.driveCount, h.driveCountArgs...).Scan(&rows); err != nil {
		return 0, false, err
	}
	if len(h.conds.conds) == 0 {
		return store.Roughly(float64(rows)), true, nil
	}
	var sampled int
	var hits float64
	cond := "(" + strings.Join(h.conds.conds, ") AND (") + ")"
	if err := s.queryRow(ctx, `SELECT count(*), total(hit) FROM (SELECT DISTINCT v.id, `+cond+` AS hit `+h.drive+` LIMIT ?)`,
		append(append(append([]any{}, h.conds.args...), h.driveArgs...), countBound+1)...).Scan(&sampled, &hits); err != nil {
		return 0, false, err
	}
	return store.Roughly(max(float64(rows)*hits/float64(max(sampled, 1)), float64(n))), true, nil
}

// newest is the SELECT of the version ids (column id) of at most n hits:
// with words the newest n, as the index gives them; without, the first n
// the driver gives.
func (h *hitSet) newest(n int) (string, []any) {
	from, args := h.from(h.drive, h.driveArgs)
	ids := `SELECT DISTINCT v.id AS id ` + from
	if h.match != "" {
		ids = `SELECT search_index.rowid AS id ` + from + ` ORDER BY search_index.rowid DESC`
	}
	return ids + ` LIMIT ?`, append(args, n)
}

// rankedPage is a page of hits in order of relevance, and the hits'
// total: the newest rankWindow hits by BM25, then the rest newest first.
// The window is read first, and the count goes on below it, so that the
// index is read once, not once to count and again to rank.
func (s *Store) rankedPage(ctx context.Context, h hitSet, offset, limit int) (page []scored, total int, estimated bool, err error) {
	score, rankArgs, err := s.rankCall(ctx, h.phrases)
	if err != nil {
		return nil, 0, false, err
	}
	from, args := h.from(h.drive, h.driveArgs)
	args = append(rankArgs, args...)
	rows, err := s.query(ctx, `SELECT search_index.rowid AS id, `+score+` AS score `+from+
		` ORDER BY search_index.rowid DESC LIMIT ?`, append(args, rankWindow)...)
	if err != nil {
		return nil, 0, false, err
	}
	window, err := collect(rows, scanScored)
	if err != nil {
		return nil, 0, false, err
	}
	total = len(window)
	if total == rankWindow {
		if total, estimated, err = s.countBelow(ctx, h, total, window[total-1].id); err != nil {
			return nil, 0, false, err
		}
	}
	slices.SortFunc(window, func(a, b scored) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.id, a.id)) })
	if offset < len(window) {
		page = window[offset:min(offset+limit, len(window))]
	}
	if rest := offset + limit - max(offset, rankWindow); rest > 0 && total > rankWindow {
		rows, err := s.query(ctx, `SELECT search_index.rowid, `+score+` `+from+
			` ORDER BY search_index.rowid DESC LIMIT ? OFFSET ?`, append(args, rest, max(offset, rankWindow))...)
		if err != nil {
			return nil, 0, false, err
		}
		more, err := collect(rows, scanScored)
		if err != nil {
			return nil, 0, false, err
		}
		page = append(page, more...)
	}
	return page, total, estimated, nil
}

func scanScored(r *sql.Rows, s *scored) error { return r.Scan(&s.id, &s.score) }

// dateOrder is the order of hits by date, newest first, on v.
const dateOrder = ` ORDER BY v.day DESC, v.published DESC, v.article_id DESC`

// lookupCost is what one look-up of a version in the full-text index
// costs, in hits added to a set of hits: about 300 µs against 0.43 µs at
// 100k articles. A variable so that tests can make it 0.
var lookupCost = 700.0

// datePage is a page of hits newest first. A few hits (all counted) are
// sorted; many are read in date order from the index, which stops as soon
// as the page is full: without words the driver's conditions are checked
// per version; with words each version is looked up in the set of hits
// (made once), or, when the hits are so many that the page is reached
// after fewer versions than the set would cost (offset+limit of every
// total/N versions, each lookupCost hits' worth), looked up in the
// full-text index itself. Every hit joined to its date and sorted took
// 0.5 s for a common word at 100k articles, the set 25 ms, the look-ups
// 5 ms.
func (s *Store) datePage(ctx context.Context, h hitSet, total int, many bool, offset, limit int) ([]scored, error) {
	drive, dargs := h.drive, h.driveArgs
	if many || h.match != "" {
		drive, dargs = h.byDate, h.byDateArgs
	}
	from, args := h.from(drive, dargs)
	if many && h.match != "" {
		first, last, err := s.idSpan(ctx, "versions")
		if err != nil {
			return nil, err
		}
		hits, hargs := h.from(h.drive, h.driveArgs)
		from, args = `FROM versions v INDEXED BY versions_by_date WHERE v.id IN (SELECT search_index.rowid `+hits+`)`, hargs
		if float64(total)*float64(total) > lookupCost*float64(offset+limit)*float64(last-first+1) {
			from = `FROM versions v INDEXED BY versions_by_date WHERE EXISTS (SELECT 1 ` + hits + ` AND search_index.rowid = v.id)`
		}
	}
	rows, err := s.query(ctx, `SELECT DISTINCT v.id, 0.0, v.day, v.published, v.article_id `+from+dateOrder+` LIMIT ? OFFSET ?`,
		append(args, limit, offset)...)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r *sql.Rows, s *scored) error {
		var day, published sql.NullString
		var article int64
		return r.Scan(&s.id, &s.score, &day, &published, &article)
	})
}

// hits reads the page's hits, in its order, with their snippets: around
// the words of a query with words, else the lead. A snippet's body is cut
// from the record's text here, not read through the view indexed_text,
// whose json_extract parsed each hit's whole record JSON inside SQLite
// (a fifth of a search's CPU) where the text is in its first part
// (recordText). Decompressing a record and tokenising its body for the
// snippet take 0.2–0.4 ms a hit, most of a search of a page of 20: they
// need no connection, so the rows are read first and the snippets made
// on every core.
func (s *Store) hits(ctx context.Context, page []scored, h hitSet) ([]search.Hit, error) {
	out := make([]search.Hit, 0, len(page))
	if len(page) == 0 {
		return out, nil
	}
	ids := make([]any, len(page))
	for i, p := range page {
		ids[i] = p.id
	}
	text := `v.lead`
	if h.words {
		text = `v.record`
	}
	rows, err := s.query(ctx, `SELECT v.id, a.id, v.title, a.url, v.site, v.section, v.published, `+text+`
		FROM versions v JOIN articles a ON a.id = v.article_id WHERE v.id IN (`+placeholders(len(ids))+`)`, ids...)
	if err != nil {
		return nil, err
	}
	type read struct {
		version int64
		hit     search.Hit
		body    []byte
	}
	found, err := collect(rows, func(r *sql.Rows, x *read) error {
		var url, site, section, published sql.NullString
		if err := r.Scan(&x.version, &x.hit.ID, &x.hit.Title, &url, &site, &section, &published, &x.body); err != nil {
			return err
		}
		x.hit.URL, x.hit.Site, x.hit.Section, x.hit.Published = url.String, site.String, section.String, published.String
		return nil
	})
	if err != nil {
		return nil, err
	}
	errs := make([]error, len(found))
	// buf is a worker's decode buffer, kept from one record to the next:
	// the text is copied out of it (recordText).
	snippet := func(x *read, buf *[]byte) error {
		if !h.words {
			x.hit.Snippet = html.EscapeString(string(x.body))
			return nil
		}
		record, err := s.codec.decompressTo(*buf, x.body, func() ([][]byte, error) { return readDicts(ctx, s.db) })
		if err != nil {
			return fmt.Errorf("version %d: %w", x.version, err)
		}
		if bytes.HasPrefix(x.body, zstdMagic) {
			*buf = record // else record is x.body itself
		}
		text, err := recordText(record)
		if err != nil {
			return fmt.Errorf("version %d: %w", x.version, err)
		}
		x.hit.Snippet = s.analyzer.Snippet(bodyText(x.hit.Title, text), h.terms, snippetTokens)
		return nil
	}
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(len(found), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var buf []byte
			for i := int(next.Add(1) - 1); i < len(found); i = int(next.Add(1) - 1) {
				errs[i] = snippet(&found[i], &buf)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	byID := make(map[int64]*search.Hit, len(found))
	for i := range found {
		byID[found[i].version] = &found[i].hit
	}
	for _, p := range page {
		if hit, ok := byID[p.id]; ok {
			hit.Score = p.score
			out = append(out, *hit)
		}
	}
	return out, nil
}

// bodyText is what the index holds as the body of a text with its title:
// the text without the title and the blank line after it, as the view
// indexed_text cuts it (by characters, as SQLite's substr counts).
func bodyText(title, text string) string {
	if title == "" {
		return text
	}
	skip := utf8.RuneCountInString(title) + 2
	for i := range text {
		if skip == 0 {
			return text[i:]
		}
		skip--
	}
	return ""
}

// recordText is the "text" of a record's JSON, read without parsing the
// rest: the record's layers (sentences, entities, quotes, ...), most of
// its bytes, come after it and are skipped unread. "" when the record
// has none.
func recordText(record []byte) (string, error) {
	raw, err := jsonMember(record, "text")
	if err != nil || raw == nil {
		return "", err
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil {
		return "", fmt.Errorf("record text: %w", err)
	}
	return text, nil
}

// jsonMember is the value (as JSON) of the member key of the object doc,
// its first if it has several, nil when it has none. The object is read
// only as far as that member; what is read must be well formed.
func jsonMember(doc []byte, key string) ([]byte, error) {
	bad := func(i int) error { return fmt.Errorf("json: bad object at byte %d", i) }
	i := skipSpace(doc, 0)
	if i >= len(doc) || doc[i] != '{' {
		return nil, bad(i)
	}
	i = skipSpace(doc, i+1)
	if i < len(doc) && doc[i] == '}' {
		return nil, nil
	}
	for {
		if i >= len(doc) || doc[i] != '"' {
			return nil, bad(i)
		}
		end := skipString(doc, i)
		if end < 0 {
			return nil, bad(i)
		}
		name := doc[i+1 : end-1]
		if bytes.IndexByte(name, '\\') >= 0 {
			var s string
			if err := json.Unmarshal(doc[i:end], &s); err != nil {
				return nil, bad(i)
			}
			name = []byte(s)
		}
		i = skipSpace(doc, end)
		if i >= len(doc) || doc[i] != ':' {
			return nil, bad(i)
		}
		start := skipSpace(doc, i+1)
		end = skipValue(doc, start)
		if end < 0 {
			return nil, bad(start)
		}
		if string(name) == key {
			return doc[start:end], nil
		}
		i = skipSpace(doc, end)
		if i < len(doc) && doc[i] == ',' {
			i = skipSpace(doc, i+1)
			continue
		}
		if i < len(doc) && doc[i] == '}' {
			return nil, nil
		}
		return nil, bad(i)
	}
}

func skipSpace(doc []byte, i int) int {
	for i < len(doc) && (doc[i] == ' ' || doc[i] == '\t' || doc[i] == '\n' || doc[i] == '\r') {
		i++
	}
	return i
}

// skipString is the index after the string opening at doc[i], -1 when it
// does not close.
func skipString(doc []byte, i int) int {
	for i++; i < len(doc); i++ {
		switch doc[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return -1
}

// skipValue is the index after the value starting at doc[i], -1 when it
// is cut or does not start a value. A number or literal is not checked:
// it ends at the next delimiter.
func skipValue(doc []byte, i int) int {
	if i >= len(doc) {
		return -1
	}
	switch doc[i] {
	case '"':
		return skipString(doc, i)
	case '{', '[':
		depth := 0
		for ; i < len(doc); i++ {
			switch doc[i] {
			case '"':
				end := skipString(doc, i)
				if end < 0 {
					return -1
				}
				i = end - 1
			case '{', '[':
				depth++
			case '}', ']':
				if depth--; depth == 0 {
					return i + 1
				}
			}
		}
		return -1
	case ',', ':', '}', ']':
		return -1
	}
	start := i
	for i < len(doc) && !strings.ContainsRune(",}] \t\n\r", rune(doc[i])) {
		i++
	}
	if i == start {
		return -1
	}
	return i
}

// entityIDs are the entities a name filter names, by identity
// (identity.go): every entity whose ref is one the name resolves to,
// never one that merely has the name's words.
func (s *Store) entityIDs(ctx context.Context, name string) ([]int64, error) {
	refs, err := s.namedRefs(ctx, name)
	if err != nil {
		return nil, fmt.Errorf("sqlite: entities named %q: %w", name, err)
	}
	var ids []int64
	for _, ref := range refs {
		more, err := s.refEntities(ctx, ref)
		if err != nil {
			return nil, fmt.Errorf("sqlite: entities named %q: %w", name, err)
		}
		ids = append(ids, more...)
	}
	return sortedUnique(ids), nil
}

// namedRefs is the set of refs a filter value names: the ref itself when
// it is a number, else the refs of the entities of that very name (after
// normalising) and the refs the name was learnt for, leaving out a ref
// with less than half the articles of the name's most used one; never
// the refs of names that merely contain its words.
func (s *Store) namedRefs(ctx context.Context, v string) ([]int64, error) {
	v = strings.TrimSpace(v)
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return []int64{id}, nil
	}
	n := store.NormalizeName(v)
	if n == "" {
		return nil, nil
	}
	rows, err := s.query(ctx, `SELECT id FROM entities WHERE norm = ?`, n)
	if err != nil {
		return nil, err
	}
	named, err := collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
	if err != nil {
		return nil, err
	}
	var refs []int64
	for _, e := range named {
		more, err := s.skipScan(ctx, entityRefIndex, "entity_id", "ref", e)
		if err != nil {
			return nil, err
		}
		refs = append(refs, more...)
	}
	rows, err = s.query(ctx, `SELECT e.id FROM entity_aliases a JOIN entities e ON e.key = a.ref
		WHERE a.norm = ? AND a.type <> '`+store.SpellingType+`' AND 2 * a.articles >= (SELECT max(b.articles)
			FROM entity_aliases b WHERE b.type = a.type AND b.norm = a.norm)`, n)
	if err != nil {
		return nil, err
	}
	learnt, err := collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
	if err != nil {
		return nil, err
	}
	return sortedUnique(append(refs, learnt...)), nil
}

// speakerNames are the speakers' names quoted (as normalised) that are
// the name: a quote without a speaker entity matches by its very name.
func (s *Store) speakerNames(ctx context.Context, name string) ([]string, error) {
	n := store.NormalizeName(name)
	if n == "" {
		return nil, nil
	}
	rows, err := s.query(ctx, `SELECT norm FROM speaker_names WHERE norm = ?`, n)
	if err != nil {
		return nil, fmt.Errorf("sqlite: speakers named %q: %w", name, err)
	}
	return collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) })
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func int64Args(ids []int64) []any {
	out := make([]any, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}

// matchExpr writes the clauses as an FTS5 query. Each clause is an FTS5
// string, which FTS5 runs through the same tokenizer as the index, so the
// stemmer applies; a clause of stopwords only is left out, with a warning,
// since the index does not hold stopwords. Clauses joined by OR are
// grouped: banjir OR longsor bekasi is (banjir OR longsor) AND bekasi.
func (s *Store) matchExpr(clauses []search.Clause) (expr string, phrases []string, terms map[string]bool, warnings []string) {
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
		return "", nil, terms, warnings
	}
	parts := make([]string, len(groups))
	for i, g := range groups {
		parts[i] = "(" + strings.Join(g, " OR ") + ")"
		phrases = append(phrases, g...)
	}
	expr = "(" + strings.Join(parts, " AND ") + ")"
	for _, x := range excluded {
		expr += " NOT " + x
	}
	return expr, phrases, terms, warnings
}

func hasPositive(clauses []search.Clause) bool {
	for _, c := range clauses {
		if !c.Exclude {
			return true
		}
	}
	return false
}
