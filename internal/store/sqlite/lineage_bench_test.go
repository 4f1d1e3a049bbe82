package sqlite

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/search"
)

// BenchmarkCandidates looks up an article's candidates as the linker does
// (lineage.Lookup: its 32 bands, its names' counts, its sixteen rarest
// names in the story window) in stores of 10k and 100k
// articles whose keys are drawn like real ones: random signatures, where
// one article in twenty shares a band key with the others (a template
// paragraph: a key whose articles grow with the store); names from a
// vocabulary where a few are in many articles; a year of days. bands and
// names time the two halves. The cost should stay flat as the store
// grows; candidates/op says how many articles the look-ups return.
func BenchmarkCandidates(b *testing.B) {
	sizes := []int{10_000, 100_000}
	stores := make([]*Store, len(sizes))
	articles := make([][]*lineage.Article, len(sizes))
	for i, n := range sizes {
		stores[i], articles[i] = candidateStore(b, n)
		defer stores[i].Close()
	}
	// Rounds alternate the sizes, so that the load of a shared machine
	// weighs on both alike; benchstat reads them once "#01" is cut.
	for range 3 {
		for i, n := range sizes {
			s, all := stores[i], articles[i]
			b.Run(fmt.Sprintf("articles=%d/lookup", n), func(b *testing.B) {
				found := 0
				for i := 0; b.Loop(); i++ {
					ids, err := lineage.Lookup(ctx, s, all[i%n])
					if err != nil {
						b.Fatal(err)
					}
					found += len(ids)
				}
				b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
			})
			b.Run(fmt.Sprintf("articles=%d/bands", n), func(b *testing.B) {
				found := 0
				for i := 0; b.Loop(); i++ {
					a := all[i%n]
					ids, err := s.BandCandidates(ctx, a.ID, fingerprint.BandKeys(a.Signature()), lineage.PerBand, lineage.MaxBandCandidates)
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
					a := all[i%n]
					counts, err := s.NameCounts(ctx, a.Fingerprint.Names)
					if err != nil {
						b.Fatal(err)
					}
					from, to := a.Published.AddDate(0, 0, -3).Format(time.DateOnly), a.Published.AddDate(0, 0, 3).Format(time.DateOnly)
					ids, err := s.NameCandidates(ctx, a.ID, lineage.RarestNames(a.Fingerprint.Names, counts), from, to, lineage.PerName, lineage.MinSharedNames, lineage.MaxNameCandidates)
					if err != nil {
						b.Fatal(err)
					}
					found += len(ids)
				}
				b.ReportMetric(float64(found)/float64(b.N), "candidates/op")
			})
		}
	}
}

// candidateStore makes a store of n articles' keys for
// BenchmarkCandidates, and returns the articles.
func candidateStore(b *testing.B, n int) (*Store, []*lineage.Article) {
	s, err := Open(ctx, b.TempDir(), Options{Analyzer: search.Indonesian()})
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(18, uint64(n)))
	zipf := rand.NewZipf(rng, 1.2, 1, 50_000)
	day0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	template := make([]uint32, fingerprint.Rows)
	for i := range template {
		template[i] = rng.Uint32()
	}
	all := make([]*lineage.Article, n)
	// The keys go in in one transaction, a thousand articles' worth per
	// statement (as JSON), as PutFingerprint would put them one article at
	// a time: setting up 100k articles row by row takes most of an hour on
	// a loaded machine.
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	var bands, names [][]any
	flush := func() {
		for _, put := range []struct {
			q    string
			rows any
		}{
			{`INSERT INTO articles (id, key, created) SELECT value, 'k' || value, '2025-01-01' FROM json_each(?)`, ids},
			{`INSERT OR IGNORE INTO fingerprint_bands (band, article_id) SELECT value ->> 0, value ->> 1 FROM json_each(?)`, bands},
			{`INSERT OR IGNORE INTO fingerprint_names (name, day, article_id) SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)`, names},
		} {
			rows, err := json.Marshal(put.rows)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := tx.ExecContext(ctx, put.q, string(rows)); err != nil {
				b.Fatal(err)
			}
		}
		ids, bands, names = ids[:0], bands[:0], names[:0]
	}
	for i := range n {
		id := int64(i + 1)
		sig := make([]uint32, fingerprint.MinHashes)
		for j := range sig {
			sig[j] = rng.Uint32()
		}
		if i%20 == 0 {
			copy(sig, template)
		}
		var words []string
		for range 20 {
			words = append(words, fmt.Sprintf("name%d", zipf.Uint64()))
		}
		published := day0.AddDate(0, 0, rng.IntN(365))
		a, err := lineage.FromRecord(id, benchRecord(b, sig, words, published))
		if err != nil {
			b.Fatal(err)
		}
		all[i] = a
		ids = append(ids, id)
		for _, band := range fingerprint.BandKeys(a.Signature()) {
			bands = append(bands, []any{band, id})
		}
		for _, name := range a.Fingerprint.Names {
			day, _ := dayNumber(published.Format(time.DateOnly))
			names = append(names, []any{name, day, id})
		}
		if len(ids) == 1000 || i == n-1 {
			flush()
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fingerprint_name_counts (name, articles) SELECT name, count(*) FROM fingerprint_names GROUP BY name`); err != nil {
		b.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	if _, err := s.wdb.ExecContext(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
	return s, all
}

// benchRecord is a record with only what lineage reads for a look-up.
func benchRecord(b *testing.B, sig []uint32, names []string, published time.Time) []byte {
	hex := make([]byte, 0, 8*len(sig))
	for _, v := range sig {
		hex = fmt.Appendf(hex, "%08x", v)
	}
	fp := fingerprint.Fingerprint{MinHash: string(hex), Names: names}
	raw, err := json.Marshal(map[string]any{"published": published.Format(time.RFC3339), "fingerprint": fp})
	if err != nil {
		b.Fatal(err)
	}
	return raw
}
