package quote

import (
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkFind measures the quote stage alone over the 700 real
// detik-news articles, tokenised and split beforehand as the pipeline
// hands them over, in articles/s and MB/s of input:
// go test -run '^$' -bench Find ./analysis/quote
func BenchmarkFind(b *testing.B) {
	arts := shared.DetikArticles(b)
	docs := make([]*text.Document, len(arts))
	size := 0
	for i, a := range arts {
		docs[i] = docOf(article.FromParts(text.Normalize(a.Title), text.Normalize(a.Body)))
		size += len(a.Title) + len(a.Body)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, d := range docs {
			Find(d, nil)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}
