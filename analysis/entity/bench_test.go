package entity_test

import (
	"bytes"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkFind measures the entity stage alone over the 700 detik-news
// articles, tokenised and split beforehand, in tokens/s and articles/s,
// and, where the system tells, in CPU milliseconds per article (what the
// process spent, garbage collection included, whatever else the machine
// runs).
func BenchmarkFind(b *testing.B) {
	arts := shared.DetikArticles(b)
	docs := make([]*text.Document, len(arts))
	tokens := 0
	for i, a := range arts {
		docs[i] = newDocument(article.FromParts(text.Normalize(a.Title), text.Normalize(a.Body)))
		tokens += len(docs[i].Tokens)
	}
	r, err := entity.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	cpu0, cpuOK := processCPU()
	for range b.N {
		for _, d := range docs {
			r.Find(d)
		}
	}
	cpu1, _ := processCPU()
	s := b.Elapsed().Seconds()
	b.ReportMetric(float64(b.N*tokens)/s, "tokens/s")
	b.ReportMetric(float64(b.N*len(docs))/s, "articles/s")
	if cpuOK {
		b.ReportMetric((cpu1-cpu0).Seconds()*1e3/float64(b.N*len(docs)), "cpu-ms/article")
	}
}

// BenchmarkLoadModel measures reading the embedded model and gazetteers,
// the stage's start-up cost.
func BenchmarkLoadModel(b *testing.B) {
	for range b.N {
		if _, err := entity.ReadModel(bytes.NewReader(entity.EmbeddedModel())); err != nil {
			b.Fatal(err)
		}
	}
}
