package postgres

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/sqlite"
)

// TestSearchLatency fills a PostgreSQL store and, as the reference in the
// same run, a SQLite store with WARTA_SEARCH_LATENCY unique articles (the
// detik-news records under new URLs) and times the same queries on both,
// sequentially, by class: words (common, middling, rare), phrases, two
// words, OR and exclusion, entity and speaker filters, an entity with a
// word, date ranges. It reports p50 and p95; no timing is asserted.
//
// With WARTA_SEARCH_LATENCY_PG (a database URL) and
// WARTA_SEARCH_LATENCY_SQLITE (a data directory) it times stores filled
// beforehand with the same articles instead (a benchmark corpus).
func TestSearchLatency(t *testing.T) {
	var pg *Store
	var lite *sqlite.Store
	var err error
	if url, dir := os.Getenv("WARTA_SEARCH_LATENCY_PG"), os.Getenv("WARTA_SEARCH_LATENCY_SQLITE"); url != "" && dir != "" {
		pg = open(t, url, search.Indonesian())
		if lite, err = sqlite.Open(ctx, dir, sqlite.Options{Analyzer: search.Indonesian()}); err != nil {
			t.Fatal(err)
		}
		defer lite.Close()
	} else {
		n, _ := strconv.Atoi(os.Getenv("WARTA_SEARCH_LATENCY"))
		if n <= 0 {
			t.Skip("set WARTA_SEARCH_LATENCY=10000 (articles) to measure search latency")
		}
		pg = open(t, pgtest.URL(t), search.Indonesian())
		if lite, err = sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian()}); err != nil {
			t.Fatal(err)
		}
		defer lite.Close()
		fillLatency(t, n, pg, lite)
	}
	queries := latencyQueries(t, pg)
	for _, s := range []store.Store{lite, pg} {
		// A first round warms the caches; the second is timed.
		for _, list := range queries {
			for _, query := range list {
				q, _ := search.Parse(query)
				if _, err := s.Search(ctx, q); err != nil {
					t.Fatalf("%q: %v", query, err)
				}
			}
		}
		var all []time.Duration
		var lines []string
		for _, class := range slices.Sorted(mapKeys(queries)) {
			var ds []time.Duration
			for _, query := range queries[class] {
				q, err := search.Parse(query)
				if err != nil {
					t.Fatal(err)
				}
				start := time.Now()
				if _, err := s.Search(ctx, q); err != nil {
					t.Fatalf("%q: %v", query, err)
				}
				ds = append(ds, time.Since(start))
			}
			all = append(all, ds...)
			lines = append(lines, fmt.Sprintf("%s (%d) p50 %s p95 %s", class, len(ds), pct(ds, 50), pct(ds, 95)))
		}
		st, _ := s.Stats(ctx)
		t.Logf("%T, %d articles, %d queries: p50 %s, p95 %s\n  %s", s, st.Articles, len(all), pct(all, 50), pct(all, 95), strings.Join(lines, "\n  "))
	}
}

// fillLatency stores n unique articles (the detik-news records under new
// URLs) in each store.
func fillLatency(t *testing.T, n int, stores ...store.Store) {
	recs := records(t)
	for _, s := range stores {
		start := time.Now()
		for i := 0; i < n; i += 128 {
			var batch [][]byte
			for j := i; j < min(i+128, n); j++ {
				var m map[string]any
				json.Unmarshal(recs[j%len(recs)], &m)
				m["source"].(map[string]any)["url"] = fmt.Sprintf("https://latensi.example/%d", j)
				data, _ := json.Marshal(m)
				batch = append(batch, data)
			}
			if _, err := s.PutBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Optimize(ctx); err != nil {
			t.Fatal(err)
		}
		t.Logf("%T: stored %d articles in %.1f s", s, n, time.Since(start).Seconds())
	}
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func pct(ds []time.Duration, p int) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, len(s)*p/100)].Round(10 * time.Microsecond)
}

// latencyQueries draws the queries of each class from the store: terms by
// how many articles hold them, title word pairs, entity and speaker names.
func latencyQueries(t *testing.T, s *Store) map[string][]string {
	t.Helper()
	col := func(query string) []string {
		rows, err := s.pool.Query(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		list, err := collect(rows, func(r pgx.Rows, v *string) error { return r.Scan(v) })
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	// Terms by document frequency; the stems are words the analyzer keeps.
	stat := `SELECT word FROM ts_stat('SELECT terms FROM search_terms') WHERE word ~ '^[a-z]{4,}$' ORDER BY ndoc DESC`
	terms := col(stat)
	third := len(terms) / 3
	q := map[string][]string{
		"word, common":   terms[:20],
		"word, middling": terms[third : third+20],
		"word, rare":     terms[len(terms)-20:],
	}
	for i := range 20 {
		q["two words"] = append(q["two words"], terms[i]+" "+terms[third+i])
		q["or, exclusion"] = append(q["or, exclusion"], terms[third+i]+" OR "+terms[third+20+i]+" -"+terms[i])
	}
	for _, title := range col(`SELECT title FROM versions ORDER BY id LIMIT 20`) {
		words := strings.Fields(title)
		q["phrase"] = append(q["phrase"], `"`+strings.Join(words[:min(2, len(words))], " ")+`"`)
	}
	for i, name := range col(`SELECT e.name FROM entities e JOIN article_entities ae ON ae.entity_id = e.id
		GROUP BY e.id ORDER BY count(*) DESC LIMIT 20`) {
		q["entity"] = append(q["entity"], `entity:"`+name+`"`)
		q["entity and word"] = append(q["entity and word"], `entity:"`+name+`" `+terms[third+i])
	}
	for _, name := range col(`SELECT speaker_name FROM quotes WHERE speaker_name IS NOT NULL
		GROUP BY 1 ORDER BY count(*) DESC LIMIT 20`) {
		q["speaker"] = append(q["speaker"], `speaker:"`+name+`"`)
	}
	for i, month := range col(`SELECT DISTINCT left(day, 7) FROM versions WHERE day IS NOT NULL ORDER BY 1 LIMIT 20`) {
		q["date range"] = append(q["date range"], "from:"+month+" to:"+month+" "+terms[i])
	}
	return q
}

// TestPutRecords stores the records of WARTA_PUT_RECORDS (JSON Lines, as
// warta analyze --jsonl writes them, e.g. of a benchmark corpus) into the
// database of WARTA_PUT_PG (or a fresh schema of the test server) in
// batches of 128, as pipeline.Writer commits them, and reports the
// records/s of PutBatch alone and the bytes per article the tables take.
// No timing is asserted.
func TestPutRecords(t *testing.T) {
	file := os.Getenv("WARTA_PUT_RECORDS")
	if file == "" {
		t.Skip("set WARTA_PUT_RECORDS=records.jsonl to measure the PostgreSQL write rate")
	}
	url := os.Getenv("WARTA_PUT_PG")
	if url == "" {
		url = pgtest.URL(t)
	}
	s := open(t, url, search.Indonesian())
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<20), 64<<20)
	var batch [][]byte
	var took time.Duration
	n := 0
	put := func() {
		start := time.Now()
		if _, err := s.PutBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		took += time.Since(start)
		n += len(batch)
		batch = nil
	}
	for sc.Scan() {
		if batch = append(batch, slices.Clone(sc.Bytes())); len(batch) == 128 {
			put()
		}
	}
	if len(batch) > 0 {
		put()
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	var articles int
	var size int64
	if err := s.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT sum(pg_total_relation_size(c.oid))
		FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
		WHERE ns.nspname = current_schema() AND c.relkind IN ('r', 'm'))`).Scan(&articles, &size); err != nil {
		t.Fatal(err)
	}
	t.Logf("%d records in %.1f s of PutBatch: %.1f records/s; %d articles stored, %.1f KB per article (%.0f MB per 1,000)",
		n, took.Seconds(), float64(n)/took.Seconds(), articles, float64(size)/float64(articles)/1024, float64(size)/float64(articles)/1e3)
}
