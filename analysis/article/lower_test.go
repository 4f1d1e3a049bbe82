package article

import (
	"strings"
	"testing"
)

func FuzzContainsLowered(f *testing.F) {
	for _, c := range [][2]string{{"Baca Juga: Berita", "baca juga"}, {"SIMAK VIDEO", "video"}, {"", ""}, {"Ab", "abc"}, {"ÉDITION", "Édition"}, {"x\xffY", "\xffy"}} {
		f.Add(c[0], c[1])
	}
	f.Fuzz(func(t *testing.T, s, sub string) {
		if got, want := containsLowered(s, sub), strings.Contains(asciiLower(s), sub); got != want {
			t.Errorf("containsLowered(%q, %q) = %v, want %v", s, sub, got, want)
		}
	})
}
