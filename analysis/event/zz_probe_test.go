package event_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
)

func TestZZProbe(t *testing.T) {
	for _, in := range strings.Split(os.Getenv("PROBE"), "|") {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Berita", Body: in, Published: "2025-10-20"})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s", in)
		for _, e := range coded(rec) {
			t.Logf("   %s [%s]", short(e), e.Trigger)
		}
		for _, e := range rec.Entities {
			t.Logf("   entity %s %s %q", e.ID, e.Type, e.Name)
		}
	}
}
