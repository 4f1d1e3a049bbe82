package amount

import (
	"math"
	"strings"
	"testing"
)

// FuzzFind checks that no text makes Find or ReadNumber panic, and that
// amounts are well formed: spans inside the text, in order, not
// overlapping, with their own text, a finite value (below zero only after
// minus), a unit and a kind.
func FuzzFind(f *testing.F) {
	for _, tc := range findTests {
		f.Add(tc.in)
	}
	f.Add("Rp 1,2.3,4 juta, US$, $$ 5, 99999999999999999999 triliun ribu juta orang, 1.2.3 persen")
	f.Fuzz(func(t *testing.T, s string) {
		d := document(s)
		prev := 0
		for _, a := range Find(d) {
			if a.Start < prev || a.End <= a.Start || a.End > len(d.Text) || d.Text[a.Start:a.End] != a.Text {
				t.Fatalf("bad span %+v after %d in %q", a, prev, d.Text)
			}
			prev = a.End
			negative := a.Value < 0 && len(a.Text) > 5 && strings.EqualFold(a.Text[:5], "minus")
			if math.IsNaN(a.Value) || math.IsInf(a.Value, 0) || a.Value < 0 && !negative || a.Unit == "" || a.Kind == "" || a.Max != 0 && a.Max < a.Value {
				t.Errorf("bad amount %+v", a)
			}
		}
		for i := range d.Tokens {
			if n, ok := ReadNumber(d, i, len(d.Tokens)); ok && (n.Last <= i || n.Last > len(d.Tokens) || n.End > len(d.Text)) {
				t.Errorf("ReadNumber at %d: %+v", i, n)
			}
		}
	})
}
