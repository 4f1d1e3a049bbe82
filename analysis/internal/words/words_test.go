package words

import (
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

func TestIsStopword(t *testing.T) {
	for w, want := range map[string]bool{"Dan": true, "itu": true, "presiden": false, "Jakarta": false} {
		if got := IsStopword(Key(w)); got != want {
			t.Errorf("IsStopword(%q) = %v", w, got)
		}
	}
	for _, f := range text.Rows(text.StopwordsFile) {
		if !IsStopword(Key(f[0])) {
			t.Fatalf("%q is not found", f[0])
		}
	}
}
