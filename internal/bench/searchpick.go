package bench

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/sqlite"
)

// storeFile is a store's database opened read-only, to pick queries from
// what it holds, without the store's migrations: the benchmark reads
// stores of older builds too.
type storeFile struct {
	db   *sql.DB
	path string
}

// registerTokenizer declares warta's FTS5 tokenizer (the Analyzer, as the
// store declares it) and the store's SQL functions on a connection.
func registerTokenizer(c *sqlite3.Conn) error {
	if err := sqlite.RegisterFunctions(c); err != nil {
		return err
	}
	t := sqlite.Tokenizer(search.Indonesian())
	return fts5.RegisterCustom(c, func(api *fts5.API) error {
		return api.CreateTokenizer("warta", func([]string) (fts5.Tokenizer, error) { return t, nil })
	})
}

func openStoreFile(ctx context.Context, dir string) (*storeFile, error) {
	path, err := filepath.Abs(filepath.Join(dir, "warta.db"))
	if err != nil {
		return nil, err
	}
	dsn := (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "mode=ro"}).String()
	db, err := driver.Open(dsn, registerTokenizer)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // the temp vocabulary table lives on one connection
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	return &storeFile{db: db, path: path}, nil
}

func (s *storeFile) Close() error { return s.db.Close() }

// term is an index term with its document frequency.
type term struct {
	text string
	docs int
}

// vocabulary reads the index's terms that are plain words (letters only,
// four or more, which the Analyzer keeps as they are, so that a query of
// the term finds the term) with the number of documents holding each.
func (s *storeFile) vocabulary(ctx context.Context) ([]term, error) {
	if _, err := s.db.ExecContext(ctx, `CREATE VIRTUAL TABLE IF NOT EXISTS temp.bench_vocab
		USING fts5vocab(main, search_index, row)`); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT term, doc FROM temp.bench_vocab`)
	if err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	defer rows.Close()
	a := search.Indonesian()
	var out []term
	for rows.Next() {
		var t term
		if err := rows.Scan(&t.text, &t.docs); err != nil {
			return nil, err
		}
		if len(t.text) < 4 || strings.Trim(t.text, "abcdefghijklmnopqrstuvwxyz") != "" {
			continue
		}
		if ts := a.Terms(t.text); len(ts) != 1 || ts[0] != t.text {
			continue
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// pick draws n of list, the same ones for the same seed.
func pick[T any](rng *rand.Rand, list []T, n int) []T {
	list = slices.Clone(list)
	rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
	return list[:min(n, len(list))]
}

// pickProbes makes perClass probes of every class from what the store
// holds: words by their document frequency, phrases and word pairs from
// titles, the most mentioned entities and quoted speakers, and date
// ranges within the days the articles span.
func pickProbes(ctx context.Context, s *storeFile, perClass int, rng *rand.Rand) ([]Probe, int, error) {
	var articles int
	var minID, maxID int64
	var firstDay, lastDay string
	err := s.db.QueryRowContext(ctx, `SELECT count(*), min(a.id), max(a.id), min(v.day), max(v.day)
		FROM articles a JOIN versions v ON v.id = a.current`).Scan(&articles, &minID, &maxID, &firstDay, &lastDay)
	if err != nil || articles == 0 {
		return nil, 0, fmt.Errorf("pick queries: no articles in the store (%v)", err)
	}
	vocab, err := s.vocabulary(ctx)
	if err != nil {
		return nil, 0, err
	}
	slices.SortFunc(vocab, func(a, b term) int { return b.docs - a.docs })
	band := func(lo, hi int) []term {
		var out []term
		for _, t := range vocab {
			if t.docs >= lo && t.docs <= hi {
				out = append(out, t)
			}
		}
		return out
	}
	common := vocab[:min(perClass, len(vocab))]
	mid := pick(rng, band(max(articles/200, 2), max(articles/50, 3)), perClass)
	rare := pick(rng, band(2, max(articles/5000, 5)), perClass)
	if len(rare) == 0 {
		// A corpus made of a smaller set's paragraphs (warta bench corpus)
		// has no rare words at 50k articles: the rarest it has stand in.
		if rare = band(2, articles); len(rare) > perClass {
			rare = rare[len(rare)-perClass:]
		}
	}
	if len(common) == 0 || len(mid) == 0 || len(rare) == 0 {
		return nil, 0, fmt.Errorf("pick queries: the index has too few words (%d articles)", articles)
	}

	var probes []Probe
	word := func(class string, ts []term, extra ...string) {
		for _, t := range ts {
			probes = append(probes, Probe{Class: class, Path: searchPath(t.text, extra...), FTS5: ftsString(t.text)})
		}
	}
	word(ClassCommon, common)
	word(ClassMid, mid)
	word(ClassRare, rare)
	word(ClassByDate, common, "sort", "date")
	for _, t := range common {
		probes = append(probes, Probe{Class: ClassSearchWeb, Path: "/search?" + url.Values{"q": {t.text}}.Encode()})
	}
	for i := range perClass {
		a, b, c := mid[i%len(mid)].text, mid[(i+1)%len(mid)].text, common[i%len(common)].text
		probes = append(probes, Probe{Class: ClassOrExclude, Path: searchPath(a + " OR " + b + " -" + c),
			FTS5: "(" + ftsString(a) + " OR " + ftsString(b) + ") NOT " + ftsString(c)})
	}

	titles, err := s.titles(ctx, rng, minID, maxID, 20*perClass)
	if err != nil {
		return nil, 0, err
	}
	phrases, pairs := titleQueries(titles)
	for _, p := range pick(rng, phrases, perClass) {
		probes = append(probes, Probe{Class: ClassPhrase, Path: searchPath(`"` + p + `"`), FTS5: ftsString(p)})
	}
	for _, p := range pick(rng, pairs, perClass) {
		probes = append(probes, Probe{Class: ClassTwoWords, Path: searchPath(p[0] + " " + p[1]),
			FTS5: ftsString(p[0]) + " AND " + ftsString(p[1])})
	}

	entities, err := s.top(ctx, `SELECT e.id, e.name, e.type FROM article_entities x JOIN entities e ON e.id = x.entity_id
		GROUP BY e.id ORDER BY count(*) DESC LIMIT 200`)
	if err != nil {
		return nil, 0, err
	}
	speakers, err := s.top(ctx, `SELECT e.id, e.name, e.type FROM quotes x JOIN entities e ON e.id = x.speaker_id
		GROUP BY e.id ORDER BY count(*) DESC LIMIT 200`)
	if err != nil {
		return nil, 0, err
	}
	if len(entities) == 0 || len(speakers) == 0 {
		return nil, 0, fmt.Errorf("pick queries: no entities or no speakers in the store")
	}
	for i, e := range pick(rng, entities, perClass) {
		probes = append(probes,
			Probe{Class: ClassEntity, Path: searchPath(`entity:"` + e.name + `"`)},
			Probe{Class: ClassEntityWord, Path: searchPath(`entity:"` + e.name + `" ` + common[i%len(common)].text)},
			Probe{Class: ClassEntityAPI, Path: "/api/v1/entities/" + strconv.FormatInt(e.id, 10), Entity: &e},
			Probe{Class: ClassEntityArtAP, Path: "/api/v1/entities/" + strconv.FormatInt(e.id, 10) + "/articles", Entity: &e},
			Probe{Class: ClassEntityWeb, Path: "/entities/" + strconv.FormatInt(e.id, 10), Entity: &e, Fresh: true},
			Probe{Class: ClassEntityWebKept, Path: "/entities/" + strconv.FormatInt(e.id, 10), Entity: &e})
	}
	for _, e := range pick(rng, speakers, perClass) {
		probes = append(probes,
			Probe{Class: ClassSpeaker, Path: searchPath(`speaker:"` + e.name + `"`)},
			Probe{Class: ClassQuotesAPI, Path: "/api/v1/quotes?" + url.Values{"speaker": {e.name}}.Encode()})
	}

	first, err1 := time.Parse(time.DateOnly, firstDay)
	last, err2 := time.Parse(time.DateOnly, lastDay)
	if err1 != nil || err2 != nil {
		return nil, 0, fmt.Errorf("pick queries: days %q to %q", firstDay, lastDay)
	}
	span := int(last.Sub(first).Hours()/24) + 1
	for i := range perClass {
		from := first.AddDate(0, 0, rng.IntN(max(span-7, 1)))
		probes = append(probes, Probe{Class: ClassDateRange, Path: searchPath(common[i%len(common)].text,
			"from", from.Format(time.DateOnly), "to", from.AddDate(0, 0, 6).Format(time.DateOnly))})
		from = first.AddDate(0, 0, rng.IntN(max(span-30, 1)))
		probes = append(probes, Probe{Class: ClassDatesOnly, Path: searchPath("",
			"from", from.Format(time.DateOnly), "to", from.AddDate(0, 0, 29).Format(time.DateOnly))})
	}
	return probes, articles, nil
}

type named struct {
	id         int64
	name, kind string
}

func (s *storeFile) top(ctx context.Context, query string) ([]named, error) {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("pick queries: %w", err)
	}
	defer rows.Close()
	var out []named
	for rows.Next() {
		var n named
		if err := rows.Scan(&n.id, &n.name, &n.kind); err != nil {
			return nil, err
		}
		if !strings.Contains(n.name, `"`) {
			out = append(out, n)
		}
	}
	return out, rows.Err()
}

// titles reads the titles of up to n articles drawn at random.
func (s *storeFile) titles(ctx context.Context, rng *rand.Rand, minID, maxID int64, n int) ([]string, error) {
	var out []string
	for range n {
		var t string
		err := s.db.QueryRowContext(ctx, `SELECT v.title FROM articles a JOIN versions v ON v.id = a.current
			WHERE a.id >= ? ORDER BY a.id LIMIT 1`, minID+rng.Int64N(maxID-minID+1)).Scan(&t)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("pick queries: %w", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// titleQueries finds, in titles, phrases (two indexed words next to each
// other) and pairs of indexed words apart from each other.
func titleQueries(titles []string) (phrases []string, pairs [][2]string) {
	a := search.Indonesian()
	type tok struct{ start, end int }
	for _, t := range titles {
		var toks []tok
		a.Tokens(t, func(_ string, start, end int) error {
			toks = append(toks, tok{start, end})
			return nil
		})
		for i := 0; i+1 < len(toks); i++ {
			if t[toks[i].end:toks[i+1].start] == " " && isWord(t[toks[i].start:toks[i].end]) && isWord(t[toks[i+1].start:toks[i+1].end]) {
				phrases = append(phrases, t[toks[i].start:toks[i+1].end])
				break
			}
		}
		if len(toks) >= 3 {
			first, last := t[toks[0].start:toks[0].end], t[toks[len(toks)-1].start:toks[len(toks)-1].end]
			if isWord(first) && isWord(last) {
				pairs = append(pairs, [2]string{first, last})
			}
		}
	}
	return phrases, pairs
}

// isWord reports whether w is letters only: a query word as typed.
func isWord(w string) bool {
	for _, r := range w {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return false
		}
	}
	return len(w) >= 3
}

// ftsString is text as one FTS5 string.
func ftsString(text string) string { return `"` + strings.ReplaceAll(text, `"`, `""`) + `"` }
