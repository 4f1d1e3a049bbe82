package text

import (
	"testing"

	"github.com/warta-news/warta/internal/shared"
)

// loadArticles returns title + "\n\n" + body of the 700 detik-news
// articles, read from the shared data folder (their text may never be
// committed). shared skips the benchmark when the file is missing, and
// fails it when CI=true.
func loadArticles(b *testing.B) []string {
	b.Helper()
	arts := shared.DetikArticles(b)
	if len(arts) == 0 {
		b.Fatal("detik-news holds no articles")
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Title + "\n\n" + a.Body
	}
	return texts
}

func totalBytes(texts []string) int64 {
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	return n
}

// report sets the throughput in bytes (b.SetBytes counts one iteration as
// the whole corpus) and in articles per second.
func report(b *testing.B, texts []string) {
	b.ReportMetric(float64(b.N*len(texts))/b.Elapsed().Seconds(), "articles/s")
}

func BenchmarkNormalize(b *testing.B) {
	texts := loadArticles(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			Normalize(t)
		}
	}
	report(b, texts)
}

func BenchmarkTokenize(b *testing.B) {
	texts := loadArticles(b)
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			d := Document{Text: t} // a fresh document per article, as in the pipeline
			Tokenize(&d)
		}
	}
	report(b, texts)
}

func BenchmarkSplitSentences(b *testing.B) {
	texts := loadArticles(b)
	docs := make([]Document, len(texts))
	for i, t := range texts {
		docs[i].Text = t
		Tokenize(&docs[i])
	}
	b.SetBytes(totalBytes(texts))
	b.ReportAllocs()
	for b.Loop() {
		for i := range docs {
			docs[i].Sentences = nil // a fresh sentence slice per article, as in the pipeline
			SplitSentences(&docs[i])
		}
	}
	report(b, texts)
}
