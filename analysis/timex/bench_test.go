package timex

import (
	"testing"
	"time"

	"github.com/warta-news/warta/analysis/text"

	"github.com/warta-news/warta/internal/shared"
)

// detikDocs tokenises the 700 detik-news articles as title + "\n\n" +
// body, and parses their published times. The text is read in place from
// ../shared and never copied into the project.
func detikDocs(tb testing.TB) ([]shared.Article, []*text.Document, []*time.Time) {
	tb.Helper()
	arts := shared.DetikArticles(tb)
	docs := make([]*text.Document, len(arts))
	pubs := make([]*time.Time, len(arts))
	for i, a := range arts {
		docs[i] = &text.Document{Text: text.Normalize(a.Title + "\n\n" + a.Body)}
		text.Tokenize(docs[i])
		text.SplitSentences(docs[i])
		if t, err := time.Parse(time.RFC3339, a.Published); err == nil {
			pubs[i] = &t
		}
	}
	return arts, docs, pubs
}

// BenchmarkFind measures Find over the 700 detik articles on documents
// already tokenised, in articles/s and MB/s of text.
func BenchmarkFind(b *testing.B) {
	_, docs, pubs := detikDocs(b)
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range docs {
			Find(d, pubs[i])
		}
	}
	b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "articles/s")
}
