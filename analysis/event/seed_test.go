package event_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/internal/shared"
)

// seedEvent is an event of ../shared/fixtures/seed/gold.json.
type seedEvent struct {
	Type       string   `json:"type"`
	Source     string   `json:"source"`
	Target     string   `json:"target"`
	Location   string   `json:"location"`
	Date       string   `json:"date"`
	Symmetric  bool     `json:"symmetric"`
	Optional   bool     `json:"optional"`
	AltTypes   []string `json:"alt_types"`
	AltTargets []string `json:"alt_targets"`
	Note       string   `json:"note"`
}

// TestSeedArticle codes the founding article and checks it against its
// gold: every required event with its actors (by name, or by the country
// a person acts for), the meeting's place and date, and at least 60% of
// the events emitted real ones (the gold's optional events count).
func TestSeedArticle(t *testing.T) {
	var gold struct {
		Published string      `json:"published"`
		Events    []seedEvent `json:"events"`
	}
	raw := shared.Seed(t, &gold)
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: raw, Published: gold.Published})
	if err != nil {
		t.Fatal(err)
	}
	// A gold actor is a name; the record's entity of that name gives its
	// country, which a person acting for it carries.
	country := map[string]string{}
	for _, e := range rec.Entities {
		country[strings.ToLower(e.Name)] = e.Country
	}
	side := func(names []string, a *event.Actor) bool {
		if a == nil {
			return false
		}
		for _, n := range names {
			n = strings.ToLower(n)
			if strings.ToLower(a.Name) == n || a.Country != "" && country[n] == a.Country {
				return true
			}
		}
		return false
	}
	matches := func(g seedEvent, e event.Event) bool {
		if e.Type != g.Type && !slices.Contains(g.AltTypes, e.Type) {
			return false
		}
		src, tgt := []string{g.Source}, append([]string{g.Target}, g.AltTargets...)
		return side(src, e.Source) && side(tgt, e.Target) ||
			g.Symmetric && side(src, e.Target) && side(tgt, e.Source)
	}
	for _, g := range gold.Events {
		if g.Optional {
			continue
		}
		// One of the matching events must carry the gold's place and date.
		var matched []event.Event
		placed := false
		for _, e := range rec.Events {
			if matches(g, e) {
				matched = append(matched, e)
				placed = placed || (g.Location == "" || e.Location != nil && e.Location.Name == g.Location) && (g.Date == "" || e.Date == g.Date)
			}
		}
		switch {
		case len(matched) == 0:
			t.Errorf("gold event %s %s → %s (%s) not found", g.Type, g.Source, g.Target, g.Note)
		case !placed:
			t.Errorf("gold event %s (%s): no match in %s on %s: %+v", g.Type, g.Note, g.Location, g.Date, matched)
		}
	}
	real := 0
	for _, e := range rec.Events {
		ok := false
		for _, g := range gold.Events {
			ok = ok || matches(g, e)
		}
		if ok {
			real++
		} else {
			t.Logf("not in the gold: %s", describe(e, rec.Text, rec.Sentences[e.Sentence]))
		}
	}
	if n := len(rec.Events); n == 0 || float64(real) < 0.6*float64(n) {
		t.Errorf("%d of %d events are real, want at least 60%%", real, n)
	}
	for _, e := range rec.Events {
		t.Log(describe(e, rec.Text, rec.Sentences[e.Sentence]))
	}
}

// describe writes an event on one line, for test logs: as the table rows
// give it, then its trigger and the start of its sentence.
func describe(e event.Event, text string, s analysis.Span) string {
	r := []rune(text)
	return short(e) + " [" + e.Trigger + "] " + string(r[s.Start:min(s.End, s.Start+120)])
}
