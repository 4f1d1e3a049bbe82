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
// — its 32 LSH bands, its names' counts, and its four rarest names in a
// week's window — in stores of 10k and 100k
// articles whose keys are drawn like real ones: random band keys, names
// from a vocabulary where a few are in many articles, a year of days. The
// cost should stay flat as the store grows.
func BenchmarkCandidates(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			s, err := Open(ctx, b.TempDir(), Options{Analyzer: search.Indonesian()})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			rng := rand.New(rand.NewPCG(18, uint64(n)))
			zipf := rand.NewZipf(rng, 1.2, 1, 50_000)
			day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
			type keys struct {
				bands []int64
				names []string
				day   string
			}
			all := make([]keys, n)
			for i := range n {
				k := keys{day: day0.AddDate(0, 0, rng.IntN(365)).Format(time.DateOnly)}
				for range 32 {
					k.bands = append(k.bands, rng.Int64())
				}
				for range 20 {
					k.names = append(k.names, fmt.Sprintf("name%d", zipf.Uint64()))
				}
				all[i] = k
				if _, err := s.db.ExecContext(ctx, `INSERT INTO articles (id, key, created) VALUES (?, ?, '2025-01-01')`, i+1, fmt.Sprint("k", i)); err != nil {
					b.Fatal(err)
				}
				if err := s.PutFingerprint(ctx, int64(i+1), k.bands, k.names, k.day); err != nil {
					b.Fatal(err)
				}
			}
			if _, err := s.db.ExecContext(ctx, `ANALYZE`); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			found := 0
			for i := 0; b.Loop(); i++ {
				id := int64(i%n + 1)
				k := all[id-1]
				ids, err := s.BandCandidates(ctx, id, k.bands, 100)
				if err != nil {
					b.Fatal(err)
				}
				found += len(ids)
				counts, err := s.NameCounts(ctx, k.names)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.FingerprintCount(ctx); err != nil {
					b.Fatal(err)
				}
				day, _ := time.Parse(time.DateOnly, k.day)
				for _, name := range lineage.RarestNames(k.names, func(n string) int { return counts[n] }) {
					more, err := s.NameCandidates(ctx, id, name, day.AddDate(0, 0, -3).Format(time.DateOnly), day.AddDate(0, 0, 3).Format(time.DateOnly), 200)
					if err != nil {
						b.Fatal(err)
					}
					found += len(more)
				}
			}
			b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
		})
	}
}
