package analysis

import (
	"context"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkPipeline measures the whole analysis and each stage alone over
// the 700 real detik-news articles, in articles/s and MB/s of input.
// Compare runs with benchstat.
func BenchmarkPipeline(b *testing.B) {
	arts := shared.DetikArticles(b)
	size := 0
	inputs := make([]Input, len(arts))
	for i, a := range arts {
		inputs[i] = Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published}
		size += len(a.Title) + len(a.Body)
	}
	// Documents as each stage finds them.
	tokenized := make([]*text.Document, len(arts))
	for i, a := range arts {
		art := article.FromParts(text.Normalize(a.Title), text.Normalize(a.Body))
		tokenized[i] = text.NewDocument(art.Title, art.Paragraphs)
		text.Tokenize(tokenized[i])
	}
	bench := func(name string, each func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			for range b.N {
				for i := range arts {
					each(i)
				}
			}
			b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
		})
	}
	ctx := context.Background()
	pipeline := DefaultPipeline()
	bench("all", func(i int) {
		if _, err := pipeline.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	})
	bench("stage=normalize", func(i int) {
		text.Normalize(arts[i].Title)
		text.Normalize(arts[i].Body)
	})
	bench("stage=article", func(i int) { article.FromParts(arts[i].Title, arts[i].Body) })
	bench("stage=tokens", func(i int) {
		doc := *tokenized[i]
		doc.Tokens = nil
		text.Tokenize(&doc)
	})
	bench("stage=sentences", func(i int) {
		doc := *tokenized[i]
		doc.Sentences = nil
		text.SplitSentences(&doc)
	})
	bench("stage=language", func(i int) { langid.Detect(tokenized[i]) })

	// The events stage over records as it finds them, every stage before
	// it run.
	last := pipeline[len(pipeline)-1]
	docs, recs := make([]*text.Document, len(arts)), make([]*Record, len(arts))
	for i := range arts {
		capture := append(pipeline[:len(pipeline)-1:len(pipeline)-1], Stage{Name: "capture",
			Run: func(_ context.Context, doc *text.Document, rec *Record) error {
				docs[i], recs[i] = doc, rec
				return nil
			}})
		if _, err := capture.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	}
	bench("stage="+last.Name, func(i int) {
		if err := last.Run(ctx, docs[i], recs[i]); err != nil {
			b.Fatal(err)
		}
	})
}
