package analysis

import (
	"context"
	"slices"
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

	// The events stage over documents as it finds them, every stage
	// before it run.
	at := slices.IndexFunc(pipeline, func(s Stage) bool { return s.Name == "events" })
	events := pipeline[at]
	docs := make([]*Document, len(arts))
	for i := range arts {
		capture := append(pipeline[:at:at], Stage{Name: "capture",
			Run: func(_ context.Context, d *Document) error {
				docs[i] = d
				return nil
			}})
		if _, err := capture.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	}
	bench("stage=events", func(i int) {
		if err := events.Run(ctx, docs[i]); err != nil {
			b.Fatal(err)
		}
	})
}
