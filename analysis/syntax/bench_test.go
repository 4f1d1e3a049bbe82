package syntax

import (
	"os"
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkParse tags and parses GSD dev, the tuning split, sentence by
// sentence, in tokens/s and ns/token.
func BenchmarkParse(b *testing.B) {
	f, err := os.Open(shared.Path(b, "data/treebank/ud-indonesian-gsd/id_gsd-ud-dev.conllu"))
	if err != nil {
		b.Fatal(err)
	}
	sents, err := ReadCoNLLU(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	m, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			m.Parse(len(s.Words), func(i int) string { return s.Words[i].Form })
		}
	}
	b.ReportMetric(float64(b.N*tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*tokens), "ns/token")
}

// BenchmarkReadModel reads the embedded model, a part of every process's
// start-up.
func BenchmarkReadModel(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := ReadModel(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
