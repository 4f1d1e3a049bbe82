package analysis

import (
	"context"
	"slices"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/analysis/syntax"
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

	// The pipeline without the last three stages, for their share of the
	// whole in the same run.
	before := slices.DeleteFunc(slices.Clone(pipeline), func(s Stage) bool {
		return s.Name == "topics" || s.Name == "tone" || s.Name == "summary"
	})
	bench("all-but-topics-tone-summary", func(i int) {
		if _, err := before.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	})

	// The later stages over documents as they find them: every stage run,
	// then one again over the same document.
	docs := make([]*Document, len(arts))
	for i := range arts {
		capture := append(slices.Clip(pipeline), Stage{Name: "capture",
			Run: func(_ context.Context, d *Document) error {
				docs[i] = d
				return nil
			}})
		if _, err := capture.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	}
	// The syntax layer parses on demand; parsing every sentence is what
	// it would cost a stage that read them all.
	model, err := syntax.Default()
	if err != nil {
		b.Fatal(err)
	}
	parsed, sentences := 0, 0
	for _, d := range docs {
		parsed, sentences = parsed+d.Syntax.Parsed(), sentences+len(d.Sentences)
	}
	b.Logf("the events stage parsed %d of the %d sentences (%.1f%%)", parsed, sentences, 100*float64(parsed)/float64(sentences))
	bench("parse-every-sentence", func(i int) {
		trees := syntax.NewTrees(docs[i].Document, model)
		for s := range docs[i].Sentences {
			trees.Sentence(s)
		}
	})
	for _, s := range pipeline {
		switch s.Name {
		case "events", "topics", "tone", "summary":
			bench("stage="+s.Name, func(i int) {
				if s.Name == "events" {
					// The events stage parses the sentences it reads: a
					// fresh layer, so that it parses them again.
					docs[i].Syntax = syntax.NewTrees(docs[i].Document, model)
				}
				if err := s.Run(ctx, docs[i]); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}
