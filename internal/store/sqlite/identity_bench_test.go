package sqlite

import (
	"encoding/json"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
)

// BenchmarkPutIdentity stores the 700 detik-news records (analysed once,
// before the clock) into a new store in batches of 100, as warta ingest
// does, without a Linker (name+type identity) and with the resolver:
// what resolving adds to the store's write. statements/op counts the SQL
// statements run, steadier than the clock on a shared machine.
func BenchmarkPutIdentity(b *testing.B) {
	var recs [][]byte
	for _, a := range shared.DetikArticles(b) {
		rec, err := analysis.Analyze(ctx, analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
		if err != nil {
			b.Fatal(err)
		}
		raw, err := json.Marshal(rec)
		if err != nil {
			b.Fatal(err)
		}
		recs = append(recs, raw)
	}
	for _, c := range []struct {
		name   string
		linker func(testing.TB) store.Linker
	}{{"name+type", func(testing.TB) store.Linker { return nil }}, {"resolver", linker}} {
		b.Run(c.name, func(b *testing.B) {
			var statements int64
			for b.Loop() {
				b.StopTimer()
				s, err := Open(ctx, b.TempDir(), Options{Analyzer: search.Indonesian(), Linker: c.linker(b)})
				if err != nil {
					b.Fatal(err)
				}
				before, _ := s.StatementCounts()
				b.StartTimer()
				for i := 0; i < len(recs); i += 100 {
					if _, err := s.PutBatch(ctx, recs[i:min(i+100, len(recs))]); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				after, _ := s.StatementCounts()
				statements += after - before
				s.Close()
				b.StartTimer()
			}
			b.ReportMetric(float64(statements)/float64(b.N), "statements/op")
		})
	}
}
