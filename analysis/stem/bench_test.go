package stem

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// detikWords returns the word tokens of the 700 detik-news articles, as a
// full-text index would see them (the text may never be committed; shared
// skips the benchmark when it is missing and fails it when CI=true).
func detikWords(b *testing.B) []string {
	b.Helper()
	var words []string
	for _, a := range shared.DetikArticles(b) {
		d := &text.Document{Text: text.Normalize(a.Title + "\n\n" + a.Body)}
		text.Tokenize(d)
		for i, tok := range d.Tokens {
			if tok.Kind == text.Word {
				words = append(words, d.TokenText(i))
			}
		}
	}
	if len(words) == 0 {
		b.Fatal("detik-news holds no words")
	}
	return words
}

// BenchmarkStem stems every word token of the detik-news articles, as
// written (capitalised words lower-cased on the way); one op is the whole
// corpus. The allocations are the lower-cased copies of capitalised words
// with no root in the dictionary (names).
func BenchmarkStem(b *testing.B) {
	words := detikWords(b)
	Stem("warm") // build the dictionary outside the timing
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
	b.ReportMetric(float64(b.N*len(words))/b.Elapsed().Seconds(), "words/s")
}
