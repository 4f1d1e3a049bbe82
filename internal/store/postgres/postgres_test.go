package postgres

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

var ctx = context.Background()

func open(t *testing.T, url string, a *search.Analyzer) *Store {
	t.Helper()
	return openWith(t, url, Options{Analyzer: a})
}

// openWith opens the store at url with opts and the test's linker, closed
// when the test ends.
func openWith(t *testing.T, url string, opts Options) *Store {
	t.Helper()
	opts.Linker = linker(t)
	s, err := Open(ctx, url, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(ctx, pgtest.URL(t), Options{Analyzer: search.Indonesian(), Linker: linker(t)})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestIdentitySuite(t *testing.T) {
	storetest.RunIdentity(t, func(t *testing.T) storetest.Identifying {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

// linker is the resolver a store runs with (internal/identity).
func linker(t *testing.T) store.Linker {
	t.Helper()
	l, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLineageSuite(t *testing.T) {
	storetest.RunLineage(t, func(t *testing.T) storetest.LineageStore {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestInputLogSuite(t *testing.T) {
	storetest.RunInputLog(t, func(t *testing.T) storetest.Logging {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestTopicsSuite(t *testing.T) {
	storetest.RunTopics(t, func(t *testing.T) storetest.Topical {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestDeleteSuite(t *testing.T) {
	storetest.RunDelete(t, func(t *testing.T) storetest.Deleting {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestInsightsSuite(t *testing.T) {
	storetest.RunInsights(t, func(t *testing.T) storetest.Insight {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestAlertsSuite(t *testing.T) {
	storetest.RunAlerts(t, func(t *testing.T) storetest.Alerting {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

func TestSourcesSuite(t *testing.T) {
	storetest.RunSources(t, func(t *testing.T) store.Sources {
		return open(t, pgtest.URL(t), search.Indonesian())
	})
}

// A new version published on another day moves its article there in
// every reading of the days that search_terms carries (migration 14): a
// date filter, the date order and the days counted.
func TestNewVersionMovesDay(t *testing.T) {
	s := open(t, pgtest.URL(t), search.Indonesian())
	article := func(published, body string) []byte {
		return storetest.Record(t, storetest.Article{Title: "Banjir Rendam Bekasi", URL: "https://contoh.example/banjir",
			Published: published, Body: body})
	}
	other := storetest.Record(t, storetest.Article{Title: "Jalan Tol Dibuka", URL: "https://contoh.example/tol", Published: "2025-10-21",
		Body: "Jalan tol baru dibuka untuk warga Bekasi pada Selasa pagi."})
	if _, err := s.PutBatch(ctx, [][]byte{article("2025-10-20", "Banjir merendam ratusan rumah warga di Bekasi."), other}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, [][]byte{article("2025-10-22", "Banjir merendam ratusan rumah warga di Bekasi. Warga mengungsi.")}); err != nil {
		t.Fatal(err)
	}
	days, err := s.ArticleDays(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(days) != 2 || days[0] != (store.DayCount{Day: "2025-10-21", Count: 1}) || days[1] != (store.DayCount{Day: "2025-10-22", Count: 1}) {
		t.Errorf("article days %v, want 2025-10-21 and 2025-10-22 once each", days)
	}
	for query, want := range map[string]int{"from:2025-10-22": 1, "to:2025-10-20": 0, "bekasi to:2025-10-21": 1, "banjir from:2025-10-22": 1} {
		res := storetest.Find(t, s, query)
		if res.Total != want || len(res.Hits) != want {
			t.Errorf("%q: total %d, %d hits, want %d", query, res.Total, len(res.Hits), want)
		}
	}
	q, _ := search.Parse("bekasi")
	q.Sort = search.ByDate
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 2 || res.Hits[0].Title != "Banjir Rendam Bekasi" {
		t.Errorf("bekasi by date: %v, want the flood's new version first", res.Hits)
	}
	sd, err := s.SearchDays(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(sd) != 2 || sd[1].Day != "2025-10-22" {
		t.Errorf("bekasi's days %v, want 2025-10-21 and 2025-10-22", sd)
	}
}

// Co-mentions are counted over the entity's newest coMentionWindow
// articles only.
func TestCoMentionedWindow(t *testing.T) {
	defer func(w int) { coMentionWindow = w }(coMentionWindow)
	s := open(t, pgtest.URL(t), search.Indonesian())
	for _, a := range []storetest.Article{
		{Title: "Prabowo Bertemu Putin", URL: "https://contoh.example/1", Published: "2025-10-20",
			Body: "Presiden Prabowo Subianto bertemu Presiden Vladimir Putin di Moskow."},
		{Title: "Prabowo Bertemu Macron", URL: "https://contoh.example/2", Published: "2025-10-21",
			Body: "Presiden Prabowo Subianto bertemu Presiden Emmanuel Macron di Paris."},
	} {
		if _, err := s.PutBatch(ctx, [][]byte{storetest.Record(t, a)}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := s.Entities(ctx, store.EntityFilter{Name: "Prabowo Subianto"})
	if err != nil || len(list) != 1 {
		t.Fatalf("entities named Prabowo Subianto: %v, %v", list, err)
	}
	names := func() map[string]bool {
		co, err := s.CoMentioned(ctx, list[0].ID, 10)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]bool{}
		for _, e := range co {
			out[e.Name] = true
		}
		return out
	}
	if all := names(); !all["Vladimir Putin"] || !all["Emmanuel Macron"] {
		t.Errorf("co-mentioned over both articles: %v, want Putin and Macron", all)
	}
	coMentionWindow = 1
	if newest := names(); newest["Vladimir Putin"] || !newest["Emmanuel Macron"] {
		t.Errorf("co-mentioned in the newest article: %v, want Macron and not Putin", newest)
	}
}

// A search is planned for its words: after many searches for rare words
// with the same statements, none ran a generic plan (one made without
// knowing how often the word occurs).
func TestPlannedPerArguments(t *testing.T) {
	s, err := Open(ctx, pgtest.URL(t), Options{Analyzer: search.Indonesian(), Linker: linker(t), MaxConns: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var records [][]byte
	words := []string{"banjir", "gempa", "longsor", "kebakaran", "kekeringan", "angin", "abrasi", "tsunami"}
	for i, w := range words {
		records = append(records, storetest.Record(t, storetest.Article{Title: "Warga Bekasi Waspada " + w,
			URL: "https://contoh.example/" + strconv.Itoa(i), Published: "2025-10-20",
			Body: "Warga Bekasi diminta waspada " + w + " pada musim hujan tahun ini."}))
	}
	if _, err := s.PutBatch(ctx, records); err != nil {
		t.Fatal(err)
	}
	for _, w := range append(words, words...) {
		if res := storetest.Find(t, s, w); res.Total != 1 {
			t.Fatalf("%s: %d hits, want 1", w, res.Total)
		}
	}
	// The pool's one connection holds the statements pgx prepared.
	var generic, custom int
	if err := s.pool.QueryRow(ctx, `SELECT coalesce(sum(generic_plans), 0), coalesce(sum(custom_plans), 0)
		FROM pg_prepared_statements WHERE statement LIKE '%@@%' AND cardinality(parameter_types) > 0`).Scan(&generic, &custom); err != nil {
		t.Fatal(err)
	}
	if generic > 0 || custom == 0 {
		t.Errorf("searches: %d generic and %d custom plans, want custom ones only", generic, custom)
	}
}

// A store made before the pairs index (migration 16) gets it, over the
// articles it holds, when it is opened again: built concurrently after
// Open, searches finding phrases by their positions until it is valid,
// with the same hits before, during and after. An index left invalid (a
// build stopped half-way) is never used, and built again.
func TestPairsMigration(t *testing.T) {
	url := pgtest.URL(t)
	s := open(t, url, search.Indonesian())
	if !s.pairs.Load() {
		t.Fatal("a new store has no phrase index")
	}
	var records [][]byte
	for _, a := range []storetest.Article{
		{Title: "DPR Sepakati Tambahan Subsidi Pupuk", URL: "https://contoh.example/pupuk", Published: "2025-10-21",
			Body: "Badan Anggaran DPR menyepakati tambahan subsidi pupuk dalam rapat kerja di Senayan."},
		{Title: "Banjir Rendam Ratusan Rumah di Bekasi", URL: "https://contoh.example/banjir", Published: "2025-10-20",
			Body: "Banjir merendam ratusan rumah warga di Kecamatan Bekasi Timur.\n\nWarga mengungsi ke masjid."},
	} {
		records = append(records, storetest.Record(t, a))
	}
	if _, err := s.PutBatch(ctx, records); err != nil {
		t.Fatal(err)
	}
	queries := map[string]int{`"subsidi pupuk"`: 1, `"tambahan subsidi pupuk"`: 1, `"pupuk subsidi"`: 0,
		`"ratusan rumah warga"`: 1, `"rumah warga mengungsi"`: 0, `rumah -"subsidi pupuk"`: 1, `"rumah warga" -"ratusan rumah warga"`: 0,
		`banjir OR "subsidi pupuk"`: 2, `"rumah warga" OR "rapat kerja di senayan"`: 2}
	check := func(when string) {
		t.Helper()
		for query, want := range queries {
			if n := storetest.Find(t, s, query).Total; n != want {
				t.Errorf("%s, %s: %d hits, want %d", when, query, n, want)
			}
		}
	}
	check("with the index")
	// Without the index and its function, as a store at schema 15: a
	// search that still asked for the pairs would fail.
	if _, err := s.pool.Exec(ctx, `DROP INDEX search_terms_pairs; DROP FUNCTION warta_pairs(tsvector);
		DELETE FROM schema_migrations WHERE version >= 16`); err != nil {
		t.Fatal(err)
	}
	s.pairs.Store(false)
	check("without the index")
	s.Close()
	indexed := func() (oid uint32) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for !s.pairs.Load() {
			if time.Now().After(deadline) {
				t.Fatal("the phrase index was not built within a minute")
			}
			time.Sleep(20 * time.Millisecond)
		}
		var valid bool
		if err := s.pool.QueryRow(ctx, `SELECT i.indexrelid::oid, i.indisvalid FROM pg_index i
			WHERE i.indexrelid = 'search_terms_pairs'::regclass`).Scan(&oid, &valid); err != nil || !valid {
			t.Fatalf("the pairs index after the build: valid %v, %v", valid, err)
		}
		return oid
	}
	// A process that does not build indexes (a command's) leaves it
	// missing, however often it opens the store.
	for range 2 {
		s = open(t, url, search.Indonesian())
		check("opened by a command")
		time.Sleep(50 * time.Millisecond)
		s.Close()
	}
	s = open(t, url, search.Indonesian())
	if exists, _, err := pairsState(ctx, s.pool); err != nil || exists || s.pairs.Load() {
		t.Fatalf("after commands' opens, the phrase index exists %v (usable %v), %v; want none built", exists, s.pairs.Load(), err)
	}
	s.Close()
	building := Options{Analyzer: search.Indonesian(), BuildIndexes: true}
	s = openWith(t, url, building)
	check("while the index is built or after")
	built := indexed()
	check("after the migration")
	// Marked invalid, as a stopped CREATE INDEX CONCURRENTLY leaves it.
	if _, err := s.pool.Exec(ctx, `UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'search_terms_pairs'::regclass`); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("cannot mark the index invalid: %v", err)
		}
		t.Skipf("cannot mark the index invalid (not a superuser?): %v", err)
	}
	s.Close()
	s = openWith(t, url, building)
	check("with an invalid index or after its rebuild")
	if again := indexed(); again == built {
		t.Error("the invalid index was kept, not built again")
	}
	check("after the rebuild")
}

// Migrations 18 and 19 on a store at 17 that holds articles: the terms'
// index is replaced by the one with the day and the sample bucket, the
// days' counts are taken, and the same searches find the same hits and
// days.
func TestSampleMigration(t *testing.T) {
	url := pgtest.URL(t)
	s := open(t, url, search.Indonesian())
	var records [][]byte
	for i, place := range []string{"Bekasi", "Bogor", "Depok", "Garut", "Cirebon", "Tegal"} {
		records = append(records, storetest.Record(t, storetest.Article{
			Title: "Banjir Rendam Permukiman di " + place, URL: "https://contoh.example/banjir-" + strings.ToLower(place),
			Published: fmt.Sprintf("2025-10-%02d", 10+i%3),
			Body:      "Banjir merendam ratusan rumah warga di " + place + " setelah hujan deras semalam.\n\nWarga mengungsi ke balai desa."}))
	}
	if _, err := s.PutBatch(ctx, records); err != nil {
		t.Fatal(err)
	}
	queries := []string{"banjir", "banjir from:2025-10-11 to:2025-10-11", "rumah warga -bogor", `"ratusan rumah"`}
	answers := func() map[string]string {
		t.Helper()
		out := map[string]string{}
		for _, query := range queries {
			q, err := search.Parse(query)
			if err != nil {
				t.Fatal(err)
			}
			res, err := s.Search(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			days, err := s.SearchDays(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, h := range res.Hits {
				ids = append(ids, h.ID)
			}
			slices.Sort(ids)
			out[query] = fmt.Sprint(res.Total, ids, days)
		}
		all, err := s.ArticleDays(ctx, "", "")
		if err != nil {
			t.Fatal(err)
		}
		out["article days"] = fmt.Sprint(all)
		return out
	}
	indexes := func() []string {
		t.Helper()
		rows, err := s.pool.Query(ctx, `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
			AND tablename = 'search_terms' AND indexdef LIKE '%USING gin (terms%' ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		names, err := pgx.CollectRows(rows, pgx.RowTo[string])
		if err != nil {
			t.Fatal(err)
		}
		return names
	}
	want := answers()
	// Back to 17: the index on the terms alone, no days' counts.
	if _, err := s.pool.Exec(ctx, `DROP INDEX search_terms_match;
		CREATE INDEX search_terms_terms ON search_terms USING gin (terms) WITH (gin_pending_list_limit = 256);
		DROP TABLE search_day_counts; DROP FUNCTION search_days_counted() CASCADE;
		DELETE FROM schema_migrations WHERE version >= 18`); err != nil {
		t.Fatal(err)
	}
	if got := indexes(); !slices.Equal(got, []string{"search_terms_terms"}) {
		t.Fatalf("at 17: %v", got)
	}
	s.Close()
	s = open(t, url, search.Indonesian())
	if got := indexes(); !slices.Equal(got, []string{"search_terms_match"}) {
		t.Errorf("after migration 18, the terms' indexes: %v", got)
	}
	if got := answers(); !maps.Equal(got, want) {
		t.Errorf("after migration 18: %v, want %v", got, want)
	}
}
