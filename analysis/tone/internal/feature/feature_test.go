package feature

import (
	"slices"
	"testing"

	"github.com/warta-news/warta/analysis/internal/linear"
)

// ngramsOracle is ngrams as first written, every n-gram hashed from its
// start: the rows, and their order, must stay the ones the model was
// trained with.
func ngramsOracle(rows []uint32, w string) []uint32 {
	b := []byte{'<'}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	b = append(b, '>')
	for n := minN; n <= maxN; n++ {
		for s := 0; s+n <= len(b); s++ {
			h := linear.Start(kindNgram)
			for _, c := range b[s : s+n] {
				h = h.AddByte(c)
			}
			rows = append(rows, h.Row(Bits))
		}
	}
	return rows
}

func TestNgramsOracle(t *testing.T) {
	for _, w := range []string{"", "a", "ab", "abc", "Bagus", "bgt", "mantap", "SANGAT", "tidak-suka", "kerén"} {
		for _, prefix := range [][]uint32{nil, {7, 8}} {
			got := ngrams(slices.Clone(prefix), w)
			want := ngramsOracle(slices.Clone(prefix), w)
			if !slices.Equal(got, want) {
				t.Errorf("ngrams(%v, %q) = %v, want %v", prefix, w, got, want)
			}
		}
	}
}

func FuzzNgrams(f *testing.F) {
	f.Add("Bagus")
	f.Add("")
	f.Fuzz(func(t *testing.T, w string) {
		if len(w) > maxNgramWord {
			return // Extract adds none for a longer word
		}
		if got, want := ngrams([]uint32{1}, w), ngramsOracle([]uint32{1}, w); !slices.Equal(got, want) {
			t.Fatalf("ngrams(%q) = %v, want %v", w, got, want)
		}
	})
}
