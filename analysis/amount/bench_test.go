package amount

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkFind measures Find over the 700 detik-news articles (title +
// "\n\n" + body, read in place from ../shared and never copied into the
// project), on documents already tokenised, in articles/s and MB/s.
func BenchmarkFind(b *testing.B) {
	arts := shared.DetikArticles(b)
	docs := make([]*text.Document, len(arts))
	size := 0
	for i, a := range arts {
		docs[i] = document(a.Title + "\n\n" + a.Body)
		size += len(docs[i].Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			Find(d)
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}
