package analysis_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/shared"
)

// without returns the default pipeline without the named stages.
func without(names ...string) analysis.Pipeline {
	return slices.DeleteFunc(analysis.DefaultPipeline(), func(s analysis.Stage) bool { return slices.Contains(names, s.Name) })
}

// moved returns the default pipeline with stage name moved just before
// stage before.
func moved(name, before string) analysis.Pipeline {
	p := analysis.DefaultPipeline()
	i := slices.IndexFunc(p, func(s analysis.Stage) bool { return s.Name == name })
	s := p[i]
	p = slices.Delete(p, i, i+1)
	j := slices.IndexFunc(p, func(s analysis.Stage) bool { return s.Name == before })
	return slices.Insert(p, j, s)
}

// TestPipelineOrder builds misordered and incomplete pipelines, each of
// which once gave a quietly poorer record of the founding article (events
// before timex lost every event date; without entities, three of nine
// events), and checks that Analyze refuses them with an error naming the
// stage and the layer.
func TestPipelineOrder(t *testing.T) {
	raw := shared.Seed(t, &struct{}{})
	for _, tt := range []struct {
		name string
		p    analysis.Pipeline
		want string
	}{
		{"events before timex", moved("events", "timex"),
			`stage "events" needs the dates layer, which stage "timex" provides only after it`},
		{"no entities stage", without("entities"),
			`stage "quotes" needs the entities layer, which no stage provides`},
		{"no quotes stage", without("quotes"),
			`stage "events" needs the quotes layer, which no stage provides`},
		{"no tokens stage", without("tokens"),
			`stage "sentences" needs the tokens layer, which no stage provides`},
		{"sentences twice", append(analysis.DefaultPipeline(), analysis.DefaultPipeline()[1]),
			`stages "sentences" and "sentences" both provide the sentences layer`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.p.Check(); !errors.Is(err, analysis.ErrPipeline) || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Check = %v, want ErrPipeline: %s", err, tt.want)
			}
			rec, err := tt.p.Analyze(context.Background(), analysis.Input{Body: raw, Published: "2021-05-20"})
			if !errors.Is(err, analysis.ErrPipeline) || rec != nil {
				t.Errorf("Analyze = %v, %v; want no record and ErrPipeline", rec, err)
			}
		})
	}
}

// TestPartialPipeline checks that a pipeline of some stages, each with
// what it needs, gives their layers and leaves the others out (null).
func TestPartialPipeline(t *testing.T) {
	raw := shared.Seed(t, &struct{}{})
	p := without("language", "entities", "quotes", "events", "fingerprint", "quality", "tone", "summary")
	if err := p.Check(); err != nil {
		t.Fatal(err)
	}
	rec, err := p.Analyze(context.Background(), analysis.Input{Body: raw, Published: "2021-05-20"})
	if err != nil {
		t.Fatal(err)
	}
	full, err := analysis.Analyze(context.Background(), analysis.Input{Body: raw, Published: "2021-05-20"})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Entities != nil || rec.Quotes != nil || rec.Events != nil || rec.Fingerprint != nil || rec.Quality != nil ||
		rec.Tone != nil || rec.Summary != nil {
		t.Error("layers of stages that did not run are set")
	}
	if len(rec.Dates) == 0 || !slices.Equal(rec.Dates, full.Dates) || !slices.Equal(rec.Amounts, full.Amounts) ||
		!slices.Equal(rec.Sentences, full.Sentences) {
		t.Error("dates, amounts or sentences differ from the full pipeline's")
	}
}

// TestStageError checks that a failing stage's error comes back with the
// stage's name, and that a stage declared with a new layer of its own
// runs where its needs are met.
func TestStageError(t *testing.T) {
	boom := errors.New("boom")
	p := append(analysis.DefaultPipeline(), analysis.Stage{
		Name: "stance", Needs: []analysis.Layer{analysis.LayerSentences, analysis.LayerEntities}, Provides: []analysis.Layer{"stance"},
		Run: func(_ context.Context, d *analysis.Document) error {
			if len(d.Sentences) == 0 || d.Entities == nil {
				t.Error("the stance stage ran without its layers")
			}
			return boom
		},
	})
	_, err := p.Analyze(context.Background(), analysis.Input{Title: "Harga Beras Naik", Body: "Menteri Perdagangan Budi Santoso mengatakan harga beras naik."})
	if !errors.Is(err, boom) || !strings.Contains(err.Error(), "analyze: stance: ") {
		t.Errorf("Analyze = %v, want the stance stage's error", err)
	}
}
