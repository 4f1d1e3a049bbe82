package postgres

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/store/storetest"
)

// records are the detik-news articles' records, analysed once for all
// the tests of the package.
func records(t *testing.T) [][]byte {
	t.Helper()
	arts := shared.DetikArticles(t)
	recordsOnce.Do(func() {
		out := make([][]byte, len(arts))
		errs := make([]error, len(arts))
		var wg sync.WaitGroup
		next := make(chan int)
		for range 4 {
			wg.Go(func() {
				for i := range next {
					a := arts[i]
					rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
					if err != nil {
						errs[i] = err
						continue
					}
					out[i], _ = json.Marshal(rec)
				}
			})
		}
		for i := range arts {
			next <- i
		}
		close(next)
		wg.Wait()
		recordsCache, recordsErr = out, errors.Join(errs...)
	})
	if recordsErr != nil {
		t.Fatal(recordsErr)
	}
	return recordsCache
}

var (
	recordsOnce  sync.Once
	recordsCache [][]byte
	recordsErr   error
)

// compareQueries are typed as in the search box; between them they use
// every part of the query language.
var compareQueries = []string{
	"inflasi", "pemerintah", "pemerintahan", "bertemu", "pembangunan jalan", "presiden prabowo",
	`"kepala daerah"`, `"menteri keuangan"`, `"daerah kepala"`, "banjir OR longsor", "polisi -narkoba",
	"korupsi OR suap jakarta", "gempa", "harga beras", "sekolah siswa guru", "covid-19", "10.000",
	"section:news", "site:detik.com pemilu", "site:example.org", "from:2025-10-21 to:2025-10-22",
	"to:2025-10-19 polisi", `entity:"Purbaya Yudhi Sadewa"`, "entity:prabowo", "entity:jakarta polisi",
	"speaker:Purbaya", "speaker:prabowo inflasi", "yang dan di", "tidak", "dpr anggaran",
	"menangkap", "penangkapan", "tersangka -korupsi", `"rumah sakit"`, "sepak bola", "timnas",
	// Phrases with words, with each other and left out, each way the
	// pairs index and the positions share a query (match.cond).
	`"kepala daerah" pemerintah`, `"menteri keuangan" OR inflasi`, `"kepala daerah" OR "rumah sakit"`,
	`pemerintah -"kepala daerah"`, `"rumah sakit" -covid`, `"rumah sakit" -"kepala daerah"`,
	`"presiden prabowo subianto"`, `"dewan perwakilan rakyat" -"presiden prabowo subianto"`,
	`polisi -"dewan perwakilan rakyat"`, `"sepak bola" OR timnas OR "presiden prabowo subianto"`,
}

// The same queries on SQLite and on PostgreSQL, over the same 700 real
// articles, find the same articles with the same snippets. The order of
// the hits may differ: SQLite ranks by BM25, PostgreSQL by ts_rank.
func TestSameHitsAsSQLite(t *testing.T) {
	recs := records(t)
	lite, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: linker(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := open(t, pgtest.URL(t), search.Indonesian())
	for _, s := range []store.Store{lite, pg} {
		for batch := range slices.Chunk(recs, 100) {
			if _, err := s.PutBatch(ctx, batch); err != nil {
				t.Fatal(err)
			}
		}
	}
	nonEmpty := 0
	for _, query := range compareQueries {
		l, p := allHits(t, lite, query), allHits(t, pg, query)
		if len(l) > 0 {
			nonEmpty++
		}
		if len(l) != len(p) {
			t.Errorf("%q: %d hits on SQLite, %d on PostgreSQL", query, len(l), len(p))
			continue
		}
		for url, snippet := range l {
			if got, ok := p[url]; !ok {
				t.Errorf("%q: %s found on SQLite only", query, url)
			} else if got != snippet {
				t.Errorf("%q: %s: snippets differ:\nSQLite     %s\nPostgreSQL %s", query, url, snippet, got)
			}
		}
	}
	if nonEmpty < len(compareQueries)*2/3 {
		t.Errorf("only %d of %d queries find anything: the comparison says little", nonEmpty, len(compareQueries))
	}
}

// allHits pages through every hit of a query: URL → snippet.
func allHits(t *testing.T, s store.Store, query string) map[string]string {
	t.Helper()
	hits := map[string]string{}
	for offset := 0; ; offset += search.MaxLimit {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		q.Limit, q.Offset = search.MaxLimit, offset
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		for _, h := range res.Hits {
			hits[h.URL] = h.Snippet
		}
		if res.Estimated {
			// Past the count bound the total is an estimate: page on
			// to the end.
			if len(res.Hits) == 0 {
				return hits
			}
			continue
		}
		if offset+search.MaxLimit >= res.Total {
			if len(hits) != res.Total {
				t.Errorf("%q: total %d, %d hits", query, res.Total, len(hits))
			}
			return hits
		}
	}
}

// Writers in several processes (here: pools) storing overlapping batches
// in different orders, with the entities every article shares, all
// succeed, and every article is stored once.
func TestConcurrentWriters(t *testing.T) {
	recs := records(t)[:300]
	url := pgtest.URL(t)
	const writers = 4
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w := range writers {
		s := open(t, url, search.Indonesian())
		order := slices.Clone(recs)
		rand.New(rand.NewPCG(uint64(w), 1)).Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wg.Go(func() {
			for batch := range slices.Chunk(order, 64) {
				if _, err := s.PutBatch(ctx, batch); err != nil {
					errs <- fmt.Errorf("writer %d: %w", w, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	s := open(t, url, search.Indonesian())
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	lite, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: linker(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := lite.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	want, _ := lite.Stats(ctx)
	if st != want {
		t.Errorf("after %d concurrent writers: %+v, want %+v (SQLite, one writer)", writers, st, want)
	}
}

// BenchmarkPutBatch stores the detik-news records in batches of 128, as
// pipeline.Writer commits them, each round under new URLs: new articles
// every time. It reports records/s and the bytes the database grew by per
// article.
func BenchmarkPutBatch(b *testing.B) {
	arts := shared.DetikArticles(b)
	recs := make([][]byte, len(arts))
	for i, a := range arts {
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			b.Fatal(err)
		}
		recs[i], _ = json.Marshal(rec)
	}
	s, err := Open(ctx, pgtest.URL(b), Options{Analyzer: search.Indonesian()})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var size0 int64
	s.pool.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&size0)
	b.ResetTimer()
	n := 0
	for i := 0; b.Loop(); i++ {
		batch := make([][]byte, 0, 128)
		for range 128 {
			var m map[string]any
			json.Unmarshal(recs[n%len(recs)], &m)
			m["source"].(map[string]any)["url"] = fmt.Sprintf("https://bench.example/%d", n)
			data, _ := json.Marshal(m)
			batch = append(batch, data)
			n++
		}
		if _, err := s.PutBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	var size1 int64
	s.pool.QueryRow(ctx, `SELECT pg_database_size(current_database())`).Scan(&size1)
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(float64(size1-size0)/float64(n), "bytes/article")
}

// The linker finds the same copies and stories over the detik-news
// articles on PostgreSQL as on SQLite.
func TestSameLineageAsSQLite(t *testing.T) {
	recs := records(t)
	lite, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: linker(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	pg := open(t, pgtest.URL(t), search.Indonesian())
	var stories [2][]string
	for i, s := range []interface {
		store.Store
		store.Lineage
	}{lite, pg} {
		l := &lineage.Linker{Records: s, Lineage: s}
		for _, raw := range recs {
			res, err := s.Put(ctx, raw)
			if err != nil {
				t.Fatal(err)
			}
			a, err := lineage.FromRecord(res.ID, raw)
			if err != nil {
				t.Fatal(err)
			}
			if err := l.Link(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		url := func(id int64) string {
			art, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return art.URL
		}
		list, err := s.Stories(ctx, store.Page{Limit: store.MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		for _, st := range list {
			var copies []string
			for _, id := range st.Articles {
				copies = append(copies, url(id))
				rels, err := s.Relations(ctx, id)
				if err != nil || len(rels) == 0 {
					t.Errorf("relations of %d: %v, %v", id, rels, err)
				}
			}
			slices.Sort(copies)
			stories[i] = append(stories[i], fmt.Sprintf("%s <- %d %v", url(st.Original), st.Copies, copies))
		}
		slices.Sort(stories[i])
	}
	if len(stories[0]) == 0 {
		t.Fatal("no stories on SQLite: the comparison says nothing")
	}
	if !slices.Equal(stories[0], stories[1]) {
		t.Errorf("stories differ:\nSQLite     %q\nPostgreSQL %q", stories[0], stories[1])
	}
}

// The bounds of a search's work: with a rank window of 3, a word's first
// three hits are ranked and the rest follow unranked, newest first, and
// paging through them still gives every hit once; with a count bound of
// 5, a search with words or without past it flags its total as an
// estimate, near the true count.
func TestSearchBounds(t *testing.T) {
	recs := records(t)[:200]
	url := pgtest.URL(t)
	full := open(t, url, search.Indonesian())
	if _, err := full.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	bounded, err := Open(ctx, url, Options{Analyzer: search.Indonesian(), RankWindow: 3, CountBound: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer bounded.Close()
	const query = "pemerintah"
	want, got := allHits(t, full, query), allHits(t, bounded, query)
	if len(want) <= 3 || len(got) != len(want) {
		t.Fatalf("%q: %d hits bounded, %d unbounded (want more than the window, and the same)", query, len(got), len(want))
	}
	for url := range want {
		if _, ok := got[url]; !ok {
			t.Errorf("%q: %s missing with a rank window", query, url)
		}
	}
	q, _ := search.Parse(query)
	q.Limit = 10
	res, err := bounded.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	for i, h := range res.Hits {
		if ranked := h.Score > 0; ranked != (i < 3) {
			t.Errorf("hit %d (id %d): score %v; want the first 3 ranked only", i, h.ID, h.Score)
		}
		if i > 3 && h.ID > res.Hits[i-1].ID {
			t.Errorf("hit %d: id %d after %d: the unranked ones go newest first", i, h.ID, res.Hits[i-1].ID)
		}
	}
	if !res.Estimated || res.Total < len(want)/2 || res.Total > 2*len(want) {
		t.Errorf("a word's total past the bound: %d (estimated %v), want an estimate of %d", res.Total, res.Estimated, len(want))
	}
	byDate := q
	byDate.Sort = search.ByDate
	if res, err = bounded.Search(ctx, byDate); err != nil {
		t.Fatal(err)
	}
	if !res.Estimated || len(res.Hits) != q.Limit {
		t.Errorf("by date past the bound: %d hits (estimated %v)", len(res.Hits), res.Estimated)
	}
	res, err = full.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if res.Estimated || res.Total != len(want) {
		t.Errorf("a word's total within the bound: %d (estimated %v), want %d exactly", res.Total, res.Estimated, len(want))
	}
	dated, _ := search.Parse("from:2025")
	res, err = bounded.Search(ctx, dated)
	if err != nil {
		t.Fatal(err)
	}
	exact, err := full.Search(ctx, dated)
	if err != nil {
		t.Fatal(err)
	}
	if exact.Estimated || exact.Total <= 5 {
		t.Fatalf("unbounded total %d (estimated %v): want an exact count past 5", exact.Total, exact.Estimated)
	}
	if !res.Estimated || res.Total <= 5 {
		t.Errorf("bounded total %d (estimated %v): want an estimate past the bound of 5", res.Total, res.Estimated)
	}
}

// TestFacetsPastTheBound counts the facets over the newest facetWindow
// hits only, and says so; under the bound, over every hit.
func TestFacetsPastTheBound(t *testing.T) {
	defer func(w int) { facetWindow = w }(facetWindow)
	s := open(t, pgtest.URL(t), search.Indonesian())
	if _, err := s.PutBatch(ctx, records(t)[:200]); err != nil {
		t.Fatal(err)
	}
	q, _ := search.Parse("pemerintah")
	var hits []search.Hit
	for page := q; ; page.Offset += page.Limit {
		page.Limit = 100
		res, err := s.Search(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Hits) == 0 {
			break
		}
		hits = append(hits, res.Hits...)
	}
	// Each record is stored once, so the newest hits have the highest ids.
	slices.SortFunc(hits, func(a, b search.Hit) int { return int(b.ID - a.ID) })
	sites := func(hits []search.Hit) map[string]int {
		n := map[string]int{}
		for _, h := range hits {
			n[h.Site]++
		}
		return n
	}
	facetSites := func(f *store.Facets) map[string]int {
		n := map[string]int{}
		for _, v := range f.Sites {
			n[v.Value] = v.Count
		}
		return n
	}
	const window = 6
	if len(hits) <= window {
		t.Fatalf("%d hits: want more than the window of %d", len(hits), window)
	}
	f, err := s.Facets(ctx, q, 100)
	if err != nil {
		t.Fatal(err)
	}
	if f.Sampled != 0 || !maps.Equal(facetSites(f), sites(hits)) {
		t.Errorf("all hits: sampled %d, sites %v, want %v", f.Sampled, facetSites(f), sites(hits))
	}
	facetWindow = window
	if f, err = s.Facets(ctx, q, 100); err != nil {
		t.Fatal(err)
	}
	if f.Sampled != window || !maps.Equal(facetSites(f), sites(hits[:window])) {
		t.Errorf("newest %d: sampled %d, sites %v, want %v", window, f.Sampled, facetSites(f), sites(hits[:window]))
	}
	for _, e := range append(f.Entities, f.Speakers...) {
		if e.Count > window {
			t.Errorf("%s counted %d times in %d hits", e.Name, e.Count, window)
		}
	}
}

// TestFilterDrivenBounds pages through searches without words that an
// entity or a speaker filter drives (Store.driven), alone and with a
// date range or a second filter: with a count bound of 5 their totals past
// it are estimates near the true count, and both stores give the same
// hits in the same date order, within the bound or past it.
func TestFilterDrivenBounds(t *testing.T) {
	url := pgtest.URL(t)
	full := open(t, url, search.Indonesian())
	if _, err := full.PutBatch(ctx, records(t)[:200]); err != nil {
		t.Fatal(err)
	}
	bounded, err := Open(ctx, url, Options{Analyzer: search.Indonesian(), CountBound: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer bounded.Close()
	var entity, speaker, second string
	if err := full.pool.QueryRow(ctx, `SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.ref
		GROUP BY e.id ORDER BY count(DISTINCT ae.article_id) DESC, e.id LIMIT 1`).Scan(&entity); err != nil {
		t.Fatal(err)
	}
	if err := full.pool.QueryRow(ctx, `SELECT e.name FROM article_entities ae JOIN entities e ON e.id = ae.ref
		GROUP BY e.id ORDER BY count(DISTINCT ae.article_id) DESC, e.id OFFSET 1 LIMIT 1`).Scan(&second); err != nil {
		t.Fatal(err)
	}
	if err := full.pool.QueryRow(ctx, `SELECT speaker_name FROM quotes WHERE speaker_name <> ''
		GROUP BY speaker_name ORDER BY count(DISTINCT article_id) DESC, speaker_name LIMIT 1`).Scan(&speaker); err != nil {
		t.Fatal(err)
	}
	for _, query := range []string{
		`entity:"` + entity + `"`,
		`entity:"` + entity + `" entity:"` + second + `"`,
		`entity:"` + entity + `" from:2025-10`,
		`speaker:"` + speaker + `"`,
		`speaker:"` + speaker + `" to:2025-10`,
	} {
		want, exact := datedHits(t, full, query)
		got, estimate := datedHits(t, bounded, query)
		if !slices.Equal(got, want) {
			t.Errorf("%q: bounded hits %v, want %v", query, got, want)
		}
		if exact.Estimated || exact.Total != len(want) || len(want) == 0 {
			t.Errorf("%q: total %d (estimated %v) with %d hits unbounded", query, exact.Total, exact.Estimated, len(want))
		}
		if past := len(want) > 5; estimate.Estimated != past || past && (estimate.Total < len(want)/3 || estimate.Total > 3*len(want)) ||
			!past && estimate.Total != len(want) {
			t.Errorf("%q: bounded total %d (estimated %v), %d hits", query, estimate.Total, estimate.Estimated, len(want))
		}
	}
}

// datedHits pages through a search's hits, three a page, and returns
// their ids in order with the first page's results.
func datedHits(t *testing.T, s store.Store, query string) ([]int64, *search.Results) {
	t.Helper()
	var ids []int64
	var first *search.Results
	for offset := 0; ; offset += 3 {
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		q.Limit, q.Offset = 3, offset
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatalf("%q: %v", query, err)
		}
		if first == nil {
			first = res
		}
		if len(res.Hits) == 0 {
			return ids, first
		}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
	}
}

// TestRecentVersionsFirst searches words by relevance with the newest
// versions looked in first (recentVersions) and without: the same hits,
// scores, snippets and totals, on the first page and past it, for words
// whose newest matches are there, for a common word whose newest
// matches are not (read whole after), and for rarer ones.
func TestRecentVersionsFirst(t *testing.T) {
	defer func(r int) { recentSpan = r }(recentSpan)
	url := pgtest.URL(t)
	s := open(t, url, search.Indonesian())
	if _, err := s.PutBatch(ctx, records(t)[:300]); err != nil {
		t.Fatal(err)
	}
	// The newest 50 name no government: its newest matches are older.
	var recs [][]byte
	for i := range 50 {
		recs = append(recs, storetest.Record(t, storetest.Article{Title: fmt.Sprintf("Banjir Melanda Kampung %d", i),
			Body: fmt.Sprintf("Banjir kembali melanda kampung nomor %d. Warga mengungsi.", i), URL: fmt.Sprintf("https://contoh.example/banjir/%d", i)}))
	}
	if _, err := s.PutBatch(ctx, recs); err != nil {
		t.Fatal(err)
	}
	// The planner's word statistics decide which words look in the
	// newest versions first, as autovacuum's would on a store in use.
	if _, err := s.pool.Exec(ctx, `ANALYZE search_terms`); err != nil {
		t.Fatal(err)
	}
	// Bounds small beside 300 articles, as 1,000 are beside 100k.
	small, err := Open(ctx, url, Options{Analyzer: search.Indonesian(), CountBound: 10, RankWindow: 5})
	if err != nil {
		t.Fatal(err)
	}
	defer small.Close()
	for _, query := range []string{"pemerintah", "indonesia", "banjir", "warga", "kampung", `"presiden prabowo"`, "jakarta -pemerintah"} {
		for _, offset := range []int{0, 10} {
			q, _ := search.Parse(query)
			q.Limit, q.Offset = 10, offset
			recentSpan = 0
			whole, err := small.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			// Narrower spans make more words read the whole after.
			for _, span := range []int{4, 2} {
				recentSpan = span
				first, err := small.Search(ctx, q)
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(first, whole) {
					t.Errorf("%q at %d: newest %d versions a match first %+v, whole %+v", query, offset, span, first, whole)
				}
			}
		}
	}
}

// TestSearchDaysSampled: past daysSample, SearchDays reads the hits of a
// share of the sample buckets from the terms' index, scales their counts
// by the same factor and says they are estimated; within it, and without
// words, the counts are exact.
func TestSearchDaysSampled(t *testing.T) {
	defer func(d int) { daysSample = d }(daysSample)
	s := open(t, pgtest.URL(t), search.Indonesian())
	if _, err := s.PutBatch(ctx, records(t)[:400]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE search_terms`); err != nil {
		t.Fatal(err)
	}
	days := func(query string) (sum int, list []store.DayCount) {
		t.Helper()
		q, err := search.Parse(query)
		if err != nil {
			t.Fatal(err)
		}
		if list, err = s.SearchDays(ctx, q); err != nil {
			t.Fatal(err)
		}
		for _, d := range list {
			sum += d.Count
		}
		return sum, list
	}
	for _, query := range []string{"pemerintah", "pemerintah OR presiden", "from:2025-10-01 pemerintah OR presiden"} {
		daysSample = 2000
		hits := len(allHits(t, s, query))
		sum, exact := days(query)
		if sum != hits || slices.ContainsFunc(exact, func(d store.DayCount) bool { return d.Estimated }) {
			t.Errorf("%s: %d hits over %d days (%+v), want %d, exact", query, sum, len(exact), exact, hits)
		}
		if hits < 100 {
			t.Fatalf("%s: %d hits, too few to sample", query, hits)
		}
		daysSample = hits / 5
		sum, sampled := days(query)
		k := 0
		for _, d := range sampled {
			if !d.Estimated {
				t.Errorf("%s past the sample: %+v, want an estimate", query, d)
			}
			if k == 0 || d.Count < k {
				k = d.Count
			}
		}
		if len(sampled) == 0 || len(sampled) > len(exact) || sum < hits/3 || sum > 3*hits || sum%k != 0 {
			t.Errorf("%s past the sample: %d days, %d hits (%+v); exact %d days, %d hits", query, len(sampled), sum, sampled, len(exact), hits)
		}
	}
	daysSample = 2
	if sum, list := days("from:2025-10-01"); sum != len(allHits(t, s, "from:2025-10-01")) || slices.ContainsFunc(list, func(d store.DayCount) bool { return d.Estimated }) {
		t.Errorf("from:2025-10-01 without words: %d hits over the days (%+v), want every hit, exact", sum, list)
	}
}

// ArticleDays, summed from the deltas the triggers of migration 19 keep,
// says what counting search_terms says, after batches, a delete, and
// Optimize's summing of the deltas into one row a day.
func TestArticleDaysCounted(t *testing.T) {
	s := open(t, pgtest.URL(t), search.Indonesian())
	counted := func(when string) {
		t.Helper()
		days, err := s.ArticleDays(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.pool.Query(ctx, `SELECT day, count(*) FROM search_terms WHERE day IS NOT NULL GROUP BY day ORDER BY day`)
		if err != nil {
			t.Fatal(err)
		}
		want, err := collect(rows, scanDay)
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 || !slices.Equal(days, want) {
			t.Errorf("%s: article days %v, want %v", when, days, want)
		}
	}
	recs := records(t)
	for i := 0; i < 150; i += 50 {
		if _, err := s.PutBatch(ctx, recs[i:i+50]); err != nil {
			t.Fatal(err)
		}
	}
	counted("after three batches")
	var id int64
	if err := s.pool.QueryRow(ctx, `SELECT article_id FROM search_terms WHERE day IS NOT NULL ORDER BY article_id LIMIT 1`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, id); err != nil {
		t.Fatal(err)
	}
	counted("after a delete")
	var deltas, after int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM search_day_counts`).Scan(&deltas); err != nil {
		t.Fatal(err)
	}
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	counted("after Optimize")
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM search_day_counts`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	days, _ := s.ArticleDays(ctx, "", "")
	if after != len(days) || after >= deltas {
		t.Errorf("after Optimize %d delta rows (%d before) for %d days; want one a day", after, deltas, len(days))
	}
	// A writer that never calls Optimize sums them every few batches.
	s.daysSummedEvery = 2
	s.batches.Store(0)
	for i := 150; i < 250; i += 50 {
		if _, err := s.PutBatch(ctx, recs[i:i+50]); err != nil {
			t.Fatal(err)
		}
	}
	counted("after two more batches")
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM search_day_counts`).Scan(&after); err != nil {
		t.Fatal(err)
	}
	days, _ = s.ArticleDays(ctx, "", "")
	if after != len(days) {
		t.Errorf("after the second batch %d delta rows for %d days; want them summed, one a day", after, len(days))
	}
}
