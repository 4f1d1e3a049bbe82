package sqlite

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/search"
)

// BenchmarkCandidates looks up an article's candidates as the linker does
// in stores of 10k and 100k articles whose keys are drawn like real ones:
// random band keys, names from a vocabulary where a few are in many
// articles, a year of days. bands is the 32 band look-ups; names is the
// names' counts and the four rarest names in a week's window. The cost
// should stay flat as the store grows; candidates/op says how many
// articles the look-ups return.
func BenchmarkCandidates(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		s, err := Open(ctx, b.TempDir(), Options{Analyzer: search.Indonesian()})
		if err != nil {
			b.Fatal(err)
		}
		type keys struct {
			bands []int64
			names []string
			day   string
		}
		rng := rand.New(rand.NewPCG(18, uint64(n)))
		zipf := rand.NewZipf(rng, 1.2, 1, 50_000)
		day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
		all := make([]keys, n)
		// The keys go in in one transaction, as PutFingerprint would put
		// them one article at a time: setting up 100k articles otherwise
		// takes most of an hour on a loaded machine.
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			b.Fatal(err)
		}
		exec := func(q string, args ...any) {
			if _, err := tx.ExecContext(ctx, q, args...); err != nil {
				b.Fatal(err)
			}
		}
		for i := range n {
			k := keys{day: day0.AddDate(0, 0, rng.IntN(365)).Format(time.DateOnly)}
			for range 32 {
				k.bands = append(k.bands, rng.Int64())
			}
			for range 20 {
				k.names = append(k.names, fmt.Sprintf("name%d", zipf.Uint64()))
			}
			all[i] = k
			exec(`INSERT INTO articles (id, key, created) VALUES (?, ?, '2025-01-01')`, i+1, fmt.Sprint("k", i))
			for _, band := range k.bands {
				exec(`INSERT OR IGNORE INTO fingerprint_bands (band, article_id) VALUES (?, ?)`, band, i+1)
			}
			for _, name := range k.names {
				exec(`INSERT OR IGNORE INTO fingerprint_names (name, day, article_id) VALUES (?, ?, ?)`, name, k.day, i+1)
			}
		}
		exec(`INSERT INTO fingerprint_name_counts (name, articles) SELECT name, count(*) FROM fingerprint_names GROUP BY name`)
		exec(`UPDATE meta SET value = ? WHERE key = 'fingerprinted_articles'`, n)
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
		if _, err := s.wdb.ExecContext(ctx, `ANALYZE`); err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("articles=%d/bands", n), func(b *testing.B) {
			found := 0
			for i := 0; b.Loop(); i++ {
				id := int64(i%n + 1)
				ids, err := s.BandCandidates(ctx, id, all[id-1].bands, 100)
				if err != nil {
					b.Fatal(err)
				}
				found += len(ids)
			}
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
		b.Run(fmt.Sprintf("articles=%d/names", n), func(b *testing.B) {
			found := 0
			for i := 0; b.Loop(); i++ {
				id := int64(i%n + 1)
				k := all[id-1]
				counts, err := s.NameCounts(ctx, k.names)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.FingerprintCount(ctx); err != nil {
					b.Fatal(err)
				}
				day, _ := time.Parse(time.DateOnly, k.day)
				for _, name := range lineage.RarestNames(k.names, func(n string) int { return counts[n] }) {
					more, err := s.NameCandidates(ctx, id, name, day.AddDate(0, 0, -3).Format(time.DateOnly), day.AddDate(0, 0, 3).Format(time.DateOnly), lineage.MaxPerName)
					if err != nil {
						b.Fatal(err)
					}
					found += len(more)
				}
			}
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
		s.Close()
	}
}
