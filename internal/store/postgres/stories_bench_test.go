package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/warta-news/warta/internal/lineage"
)

// BenchmarkCandidatesStored looks up candidates as the linker does
// (lineage.Lookup) in two filled stores, read only, for the same number
// of their own stored articles: the 10k and 100k bench databases, named by
// WARTA_BENCH_POSTGRES_10K and WARTA_BENCH_POSTGRES_100K (it skips when
// they are unset). Every connection is read-only and the schema is not
// migrated, so that a store other processes read is left as it is. The
// cost should stay flat as the store grows; rounds alternate the sizes so
// that a shared machine's load weighs on both.
func BenchmarkCandidatesStored(b *testing.B) {
	ctx := context.Background()
	sizes := []string{"10K", "100K"}
	stores := make([]*Store, len(sizes))
	articles := make([][]*lineage.Article, len(sizes))
	for i, size := range sizes {
		url := os.Getenv("WARTA_BENCH_POSTGRES_" + size)
		if url == "" {
			b.Skipf("WARTA_BENCH_POSTGRES_%s is not set", size)
		}
		cfg, err := pgxpool.ParseConfig(url)
		if err != nil {
			b.Fatal(err)
		}
		cfg.ConnConfig.RuntimeParams["default_transaction_read_only"] = "on"
		cfg.ConnConfig.RuntimeParams["application_name"] = "warta-bench-candidates"
		pool, err := pgxpool.NewWithConfig(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		defer pool.Close()
		stores[i] = &Store{pool: pool}
		// 400 stored articles, picked the same way in both (by a hash of
		// the id), read from their records: the 10k database was filled
		// before compare fields were kept.
		rows, err := pool.Query(ctx, `SELECT id FROM articles ORDER BY md5(id::text) LIMIT 400`)
		if err != nil {
			b.Fatal(err)
		}
		var ids []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				b.Fatal(err)
			}
			ids = append(ids, id)
		}
		if rows.Err() != nil {
			b.Fatal(rows.Err())
		}
		for _, id := range ids {
			stored, err := stores[i].Article(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			if a, err := lineage.FromRecord(id, stored.Record); err == nil {
				articles[i] = append(articles[i], a)
			}
		}
		if len(articles[i]) == 0 {
			b.Fatalf("%s: no fingerprinted article among %d", size, len(ids))
		}
	}
	for range 3 {
		for i, size := range sizes {
			s, all := stores[i], articles[i]
			b.Run(fmt.Sprintf("articles=%s/lookup", size), func(b *testing.B) {
				found := 0
				for n := 0; b.Loop(); n++ {
					ids, err := lineage.Lookup(ctx, s, all[n%len(all)])
					if err != nil {
						b.Fatal(err)
					}
					found += len(ids)
				}
				b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
			})
		}
	}
	// Pages are steadier than a clock on a shared machine: the buffers
	// the look-up's statements touch (EXPLAIN ANALYZE's shared hits and
	// reads), once per sampled article.
	for i, size := range sizes {
		q := &explaining{querier: stores[i].pool}
		keys := explainedKeys{q}
		for _, a := range articles[i] {
			if _, err := lineage.Lookup(ctx, keys, a); err != nil {
				b.Fatal(err)
			}
		}
		b.Logf("articles=%s: %.1f pages and %d statements per look-up, %d articles", size,
			float64(q.pages)/float64(len(articles[i])), q.statements/len(articles[i]), len(articles[i]))
	}
}

// explaining runs each query under EXPLAIN (ANALYZE, BUFFERS) first and
// adds up the pages it touched.
type explaining struct {
	querier
	pages, statements int
}

func (e *explaining) Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error) {
	var plan []struct {
		Plan struct {
			Hit  int `json:"Shared Hit Blocks"`
			Read int `json:"Shared Read Blocks"`
		} `json:"Plan"`
	}
	var raw []byte
	if err := e.querier.QueryRow(ctx, "EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) "+sql, args...).Scan(&raw); err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &plan); err != nil || len(plan) != 1 {
		return nil, fmt.Errorf("explain: %v: %s", err, raw)
	}
	e.pages += plan[0].Plan.Hit + plan[0].Plan.Read
	e.statements++
	return e.querier.Query(ctx, sql, args...)
}

// explainedKeys are the store's candidate look-ups through explaining.
type explainedKeys struct{ q *explaining }

func (k explainedKeys) BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	return bandCandidates(ctx, k.q, article, bands, perBand, limit)
}

func (k explainedKeys) NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	return nameCandidates(ctx, k.q, article, names, from, to, perName, minShared, limit)
}

func (k explainedKeys) NameCounts(ctx context.Context, names []string) (map[string]int, error) {
	return nameCounts(ctx, k.q, names)
}
