package event_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/event"
)

// FuzzFind runs the whole pipeline over any text and checks that the
// events stage never panics and that every event it codes is well formed:
// a PLOVER type, a modality, an actor (but for a demonstration), and a trigger and sentence inside
// the text.
func FuzzFind(f *testing.F) {
	for _, row := range findRows {
		f.Add(row.in)
	}
	f.Add("Polisi menangkap ... “pembunuh” (20/10) dan dan")
	f.Add("Kedua negara bertemu. Dia. Antara dan dengan")
	f.Add("A\nmenyebut menyebut menyebut pembunuh yang ditahan oleh")
	f.Fuzz(func(t *testing.T, s string) {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: s, Published: "2025-10-20"})
		if errors.Is(err, analysis.ErrNoText) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		modalities := []string{event.Asserted, event.Planned, event.Possible, event.Reported}
		for _, e := range coded(rec) {
			switch {
			case !slices.Contains(event.Types, e.Type):
				t.Errorf("type %q", e.Type)
			case !slices.Contains(modalities, e.Modality):
				t.Errorf("modality %q", e.Modality)
			case e.Source == nil && e.Target == nil && e.Type != "PROTEST":
				// PLOVER codes a demonstration whoever holds it.
				t.Errorf("%s without actors", e.Type)
			case e.Sentence < 0 || e.Sentence >= len(rec.Sentences):
				t.Errorf("sentence %d of %d", e.Sentence, len(rec.Sentences))
			case e.TriggerStart < 0 || e.TriggerEnd > len(rec.Text) || rec.Text[e.TriggerStart:e.TriggerEnd] != e.Trigger:
				t.Errorf("trigger %q at %d:%d", e.Trigger, e.TriggerStart, e.TriggerEnd)
			}
			for _, a := range []*event.Actor{e.Source, e.Target, e.Location} {
				if a != nil && a.Name == "" {
					t.Errorf("%s: actor without a name", e.Type)
				}
			}
		}
	})
}
