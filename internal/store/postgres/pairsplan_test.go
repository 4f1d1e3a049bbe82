package postgres

import (
	"fmt"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

// A phrase found by the pairs index is read from it, its pairs never
// made for a row (newestOrder): warta_pairs is made to fail in a search,
// and a search by relevance for a phrase every article holds, with a
// bound so small that walking the version index backwards and making each
// row's pairs looks cheaper to the planner than the index's rows sorted,
// must not call it. Ordered by version_id itself, it was.
func TestPhrasePairsFromIndex(t *testing.T) {
	defer func(r int) { recentSpan = r }(recentSpan)
	recentSpan = 0 // the whole store, not its newest versions first
	s := openWith(t, pgtest.URL(t), Options{Analyzer: search.Indonesian(), CountBound: 5})
	var records [][]byte
	places := []string{"Bekasi", "Bogor", "Depok", "Garut", "Cirebon", "Tegal", "Brebes", "Kudus"}
	for i := range 40 {
		place := places[i%len(places)]
		records = append(records, storetest.Record(t, storetest.Article{
			Title: fmt.Sprintf("Petani %s Menunggu Subsidi Pupuk (%d)", place, i), URL: fmt.Sprintf("https://contoh.example/pupuk-%d", i),
			Published: fmt.Sprintf("2025-10-%02d", 1+i%28),
			Body:      fmt.Sprintf("Petani di %s mengeluhkan subsidi pupuk yang terlambat datang pada musim tanam ke-%d.", place, i)}))
	}
	if _, err := s.PutBatch(ctx, records); err != nil {
		t.Fatal(err)
	}
	// The function itself, in place (its index refers to it by oid),
	// failing when a search calls it: searches run read-only, writes not.
	var body string
	if _, err := s.pool.Exec(ctx, `ANALYZE search_terms`); err != nil {
		t.Fatal(err)
	}
	if err := s.pool.QueryRow(ctx, `SELECT prosrc FROM pg_proc WHERE oid = 'warta_pairs'::regproc`).Scan(&body); err != nil {
		t.Fatal(err)
	}
	body = strings.TrimSuffix(strings.TrimSpace(body), ";")
	if _, err := s.pool.Exec(ctx, `CREATE OR REPLACE FUNCTION warta_pairs(terms tsvector) RETURNS tsvector
		LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $f$
		BEGIN
			IF current_setting('transaction_read_only') = 'on' THEN RAISE EXCEPTION 'a search made the pairs of a row'; END IF;
			RETURN (`+body+`);
		END $f$`); err != nil {
		t.Fatal(err)
	}
	if !s.pairs.Load() {
		t.Fatal("no phrase index")
	}
	q, err := search.Parse(`"subsidi pupuk"`)
	if err != nil {
		t.Fatal(err)
	}
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatalf(`"subsidi pupuk": %v; want its pairs read from the index`, err)
	}
	if res.Total < 5 || len(res.Hits) == 0 {
		t.Errorf(`"subsidi pupuk": %d hits (%d on the page), want at least the bound`, res.Total, len(res.Hits))
	}
}
