package fingerprint_test

import (
	"context"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/shared"
)

// BenchmarkFingerprint measures the fingerprint over the 700 detik-news
// articles beside the whole pipeline in the same run (the reference: the
// machine is shared), in articles/s.
func BenchmarkFingerprint(b *testing.B) {
	arts := shared.DetikArticles(b)
	inputs := make([]analysis.Input, len(arts))
	for i, a := range arts {
		inputs[i] = analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published}
	}
	// The documents and the layers the fingerprint reads, as the stages
	// before it leave them.
	docs := make([]*text.Document, len(arts))
	ins := make([]fingerprint.Input, len(arts))
	var cur int
	capture := analysis.Stage{Name: "capture", Needs: []analysis.Layer{analysis.LayerEntities, analysis.LayerDates, analysis.LayerAmounts},
		Run: func(_ context.Context, d *analysis.Document) error {
			docs[cur] = d.Document
			in := fingerprint.Input{Language: d.Language.Code, Published: d.Published, Entities: d.Entities.Entities,
				Amounts: d.Amounts, Dates: d.Dates, Durations: d.Durations}
			if d.Dateline != nil {
				in.Dateline, in.Outlet = d.Dateline.Text, d.Dateline.Outlet
			}
			for _, bp := range d.Boilerplate {
				if bp.Kind == article.Credit {
					in.Credits = append(in.Credits, bp.Text)
				}
			}
			ins[cur] = in
			return nil
		}}
	var before analysis.Pipeline
	for _, s := range analysis.DefaultPipeline() {
		if s.Name != "fingerprint" && s.Name != "quality" {
			before = append(before, s)
		}
	}
	before = append(before, capture)
	ctx := context.Background()
	for cur = range inputs {
		if _, err := before.Analyze(ctx, inputs[cur]); err != nil {
			b.Fatal(err)
		}
	}
	run := func(name string, each func(i int)) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				for i := range arts {
					each(i)
				}
			}
			b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
		})
	}
	all := analysis.DefaultPipeline()
	run("pipeline", func(i int) {
		if _, err := all.Analyze(ctx, inputs[i]); err != nil {
			b.Fatal(err)
		}
	})
	run("fingerprint", func(i int) { fingerprint.Compute(docs[i], ins[i]) })
}
