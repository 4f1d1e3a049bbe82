package eval

import (
	stdcontext "context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/internal/shared"
)

// TestEventsJudged codes the detik-news articles and compares the events
// with the judged sample — most must still be coded as they were judged (a
// change to the rules that moves many of them calls for judging a new
// sample), and the precision of those must hold — and with every gold.
func TestEventsJudged(t *testing.T) {
	articles := shared.Path(t, "data/detik-news/articles.jsonl")
	// Each gold annotation is exhaustive and generous (borderline events
	// included): these floors, a little under what is measured, keep it
	// from slipping. The held-out golds are never tuned on. strict counts
	// gold events found as the shared scorer finds them (strictMatch).
	// The found floors of the first two held-out golds were lowered in
	// session 6 (20 → 17, 27 → 23) when events with no source were left
	// out: the lenient match had counted them, the shared scorer never does.
	floors := []struct {
		file                string
		gold, found, strict int
		minPrecision        float64
	}{
		{"testdata/events-gold.tsv", 94, 23, 13, 0.8},
		{"testdata/events-dev.tsv", 87, 26, 13, 0.8},
		{"testdata/events-heldout.tsv", 65, 17, 5, 0.7},
		{"testdata/events-heldout2.tsv", 72, 23, 7, 0.7},
		{"testdata/events-heldout3.tsv", 63, 19, 3, 0.65},
	}
	var golds []string
	for _, f := range floors {
		golds = append(golds, f.file)
	}
	// The judged sample and these floors were set over every event coded,
	// partial ones too.
	st, _, err := Events(stdcontext.Background(), articles, "testdata/events-judged.tsv", true, golds...)
	if err != nil {
		t.Fatal(err)
	}
	j := st.Judged
	if j.Sample != 50 {
		t.Fatalf("judged sample has %d events, want 50", j.Sample)
	}
	if len(j.Changed) > 10 {
		t.Errorf("%d judged events are no longer coded as judged; judge a new sample:\n%s", len(j.Changed), strings.Join(j.Changed, "\n"))
	}
	if p := j.Precision(); p < 0.85 {
		t.Errorf("precision on the judged sample %.2f, want at least 0.85", p)
	}
	for i, f := range floors {
		g := st.Golds[i]
		if g.Gold != f.gold || g.Found < f.found || g.StrictFound < f.strict || float64(g.Right) < f.minPrecision*float64(g.Coded) {
			t.Errorf("%s: %d found of %d (want %d of %d), %d strictly (want %d), %d of %d coded right (want %.0f%%)",
				f.file, g.Found, g.Gold, f.found, f.gold, g.StrictFound, f.strict, g.Right, g.Coded, 100*f.minPrecision)
		}
	}
	var b strings.Builder
	if err := WriteEventsReport(&b, st, false); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())

	// The record's events (partial ones apart): the judged sample of
	// complete events, and the golds as the shared scorer reads them, with
	// exact names — floors a little under what is measured, on the tuning
	// golds and the held-out union.
	st, _, err = Events(stdcontext.Background(), articles, "testdata/events-judged2.tsv", false, golds...)
	if err != nil {
		t.Fatal(err)
	}
	if j := st.Judged; j.Sample != 50 || len(j.Changed) > 10 || j.Precision() < 0.75 {
		t.Errorf("complete judged sample: %d events, %d no longer coded as judged, precision %.2f; want 50, at most 10, at least 0.75:\n%s",
			j.Sample, len(j.Changed), j.Precision(), strings.Join(j.Changed, "\n"))
	}
	// The later samples of complete events, each with its floor: seed 83
	// (session 8, rules of 4bbc0aa), seed 97 (session 9, c79046c), seed 113
	// (session 10), seed 114 (session 11, e5bd005).
	for _, f := range []struct {
		file, seed   string
		minPrecision float64
	}{
		{"testdata/events-judged3.tsv", "83", 0.78},
		{"testdata/events-judged4.tsv", "97", 0.74},
		{"testdata/events-judged5.tsv", "113", 0.66},
		{"testdata/events-judged6.tsv", "114", 0.62},
	} {
		sj, _, err := Events(stdcontext.Background(), articles, f.file, false)
		if err != nil {
			t.Fatal(err)
		}
		if j := sj.Judged; j.Sample != 50 || len(j.Changed) > 10 || j.Precision() < f.minPrecision {
			t.Errorf("complete judged sample (seed %s): %d events, %d no longer coded as judged, precision %.2f; want 50, at most 10, at least %.2f:\n%s",
				f.seed, j.Sample, len(j.Changed), j.Precision(), f.minPrecision, strings.Join(j.Changed, "\n"))
		}
	}
	heldout := Union(st.Golds[2:])
	for _, f := range []struct {
		g                   *GoldScore
		found, right, coded int
		minPrecision        float64
	}{
		{st.Golds[0], 17, 15, 22, 0.6},
		{st.Golds[1], 13, 12, 18, 0.6},
		{heldout, 12, 12, 40, 0.25},
	} {
		if f.g.ExactFound < f.found || f.g.ExactRight < f.right || f.g.Coded < f.coded || float64(f.g.ExactRight) < f.minPrecision*float64(f.g.Coded) {
			t.Errorf("%s: exactly %d found, %d right of %d coded; want at least %d, %d of %d and %.0f%%",
				f.g.Name, f.g.ExactFound, f.g.ExactRight, f.g.Coded, f.found, f.right, f.coded, 100*f.minPrecision)
		}
	}
}

func TestReadJudgedErrors(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"fields":  "850\t7751\tCOERCE\t-\tdemonstran\tasserted\tright\n",
		"offset":  "850\tx\tCOERCE\t-\tdemonstran\tasserted\tright\twhy\n",
		"verdict": "850\t7751\tCOERCE\t-\tdemonstran\tasserted\tmaybe\twhy\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("# comment\n"+content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := ReadJudged(p); err == nil || !strings.Contains(err.Error(), ":2:") {
			t.Errorf("%s: error %v, want one naming line 2", name, err)
		}
	}
}

// TestCompareGold matches coded events with gold ones by article, type and
// sentence or actor, one to one.
func TestCompareGold(t *testing.T) {
	rec, err := analysis.Analyze(stdcontext.Background(), analysis.Input{Title: "Berita",
		Body: "Polisi menangkap dua pelaku di Bekasi. Presiden Joko Widodo bertemu Anwar Ibrahim di Jakarta."})
	if err != nil {
		t.Fatal(err)
	}
	var coded []codedEvent
	for _, e := range rec.Events {
		coded = append(coded, codedEvent{id: "7", rec: rec, ev: e})
	}
	at := func(w string) int { return len([]rune(rec.Text[:strings.Index(rec.Text, w)])) }
	gold := []GoldEvent{
		{Article: "7", Offset: at("menangkap"), Type: "COERCE", Source: "polisi", Target: "pelaku"},
		{Article: "7", Offset: at("bertemu"), Type: "CONSULT", Source: "Anwar Ibrahim", Target: "Joko Widodo"},
		{Article: "7", Offset: at("Bekasi"), Type: "ASSAULT", Source: "-", Target: "warga"},
	}
	g := compareGold([]string{"7"}, gold, map[string]*analysis.Record{"7": rec}, coded)
	if g.Gold != 3 || g.Coded != 2 || g.Found != 2 || g.Right != 2 || g.Actors != 2 || len(g.Missed) != 1 || len(g.Spurious) != 0 ||
		g.StrictFound != 2 || g.StrictRight != 2 {
		t.Errorf("score %+v", g)
	}
}

// TestMatch reads both sides as the shared scorer does. strictMatch:
// named alike (one name holding the other), the wrong way round only for a
// mutual type, and a side the gold leaves out left out. exactMatch: the
// actor's or its entity's name, exactly after normalisation; one of the
// gold's names joined by /; never a side the gold leaves out.
func TestMatch(t *testing.T) {
	rec := &analysis.Record{Entities: []entity.Entity{{ID: "E1", Name: "Joko Widodo"}}}
	jokowi := &event.Actor{Name: "Joko Widodo"}
	jokowiE := &event.Actor{Entity: "E1", Name: "Jokowi"}
	anwar := &event.Actor{Name: "Anwar Ibrahim"}
	warga := &event.Actor{Name: "warga Bekasi"}
	coded := func(typ string, src, tgt *event.Actor) codedEvent {
		return codedEvent{id: "7", rec: rec, ev: event.Event{Type: typ, Source: src, Target: tgt}}
	}
	strict, exact := strictMatch, exactMatch
	for _, tc := range []struct {
		match func(GoldEvent, codedEvent) bool
		gold  GoldEvent
		c     codedEvent
		want  bool
	}{
		{strict, GoldEvent{Article: "7", Type: "CONSULT", Source: "Anwar Ibrahim", Target: "Jokowi"}, coded("CONSULT", jokowi, anwar), false},
		{strict, GoldEvent{Article: "7", Type: "CONSULT", Source: "Anwar Ibrahim", Target: "Joko Widodo"}, coded("CONSULT", jokowi, anwar), true},
		{strict, GoldEvent{Article: "7", Type: "REQUEST", Source: "Anwar Ibrahim", Target: "Joko Widodo"}, coded("REQUEST", jokowi, anwar), false},
		{strict, GoldEvent{Article: "7", Type: "REQUEST", Source: "Joko Widodo", Target: "Anwar"}, coded("REQUEST", jokowi, anwar), true},
		{strict, GoldEvent{Article: "7", Type: "REQUEST", Source: "Joko Widodo", Target: "Anwar"}, coded("REQUEST", jokowi, nil), false},
		{strict, GoldEvent{Article: "7", Type: "PROTEST", Source: "Joko Widodo", Target: "-"}, coded("PROTEST", jokowi, nil), true},
		{strict, GoldEvent{Article: "7", Type: "PROTEST", Source: "Joko Widodo", Target: "-"}, coded("PROTEST", jokowi, anwar), false},
		{strict, GoldEvent{Article: "8", Type: "REQUEST", Source: "Joko Widodo", Target: "Anwar"}, coded("REQUEST", jokowi, anwar), false},
		{strict, GoldEvent{Article: "7", Type: "ACCUSE", Source: "Joko Widodo", Target: "Anwar"}, coded("REQUEST", jokowi, anwar), false},
		{exact, GoldEvent{Article: "7", Type: "REQUEST", Source: "joko widodo.", Target: "Warga  Bekasi"}, coded("REQUEST", jokowiE, warga), true},
		{exact, GoldEvent{Article: "7", Type: "REQUEST", Source: "Jokowi", Target: "DPR/warga Bekasi"}, coded("REQUEST", jokowiE, warga), true},
		{exact, GoldEvent{Article: "7", Type: "REQUEST", Source: "Joko", Target: "warga Bekasi"}, coded("REQUEST", jokowiE, warga), false},
		{exact, GoldEvent{Article: "7", Type: "REQUEST", Source: "Joko Widodo", Target: "warga"}, coded("REQUEST", jokowiE, warga), false},
		{exact, GoldEvent{Article: "7", Type: "PROTEST", Source: "warga Bekasi", Target: "-"}, coded("PROTEST", warga, nil), false},
		{exact, GoldEvent{Article: "7", Type: "CONSULT", Source: "warga Bekasi", Target: "Joko Widodo"}, coded("CONSULT", jokowiE, warga), true},
		{exact, GoldEvent{Article: "7", Type: "REQUEST", Source: "warga Bekasi", Target: "Joko Widodo"}, coded("REQUEST", jokowiE, warga), false},
	} {
		if got := tc.match(tc.gold, tc.c); got != tc.want {
			t.Errorf("match(%+v, %s %v>%v) = %v, want %v", tc.gold, tc.c.ev.Type, tc.c.ev.Source, tc.c.ev.Target, got, tc.want)
		}
	}
}

// TestUnion adds up the scores of golds of disjoint articles.
func TestUnion(t *testing.T) {
	a := &GoldScore{Articles: 2, Gold: 5, Coded: 3, Found: 2, Right: 2, Actors: 1, ByType: map[string][5]int{"AID": {3, 2, 1}}, Missed: []string{"a"}}
	b := &GoldScore{Articles: 1, Gold: 4, Coded: 2, Found: 1, Right: 1, Actors: 1, ByType: map[string][5]int{"AID": {1, 0, 0}, "REQUEST": {3, 2, 1}}}
	u := Union([]*GoldScore{a, b})
	if u.Articles != 3 || u.Gold != 9 || u.Coded != 5 || u.Found != 3 || u.Right != 3 || u.Actors != 2 ||
		u.ByType["AID"] != [5]int{4, 2, 1} || u.ByType["REQUEST"] != [5]int{3, 2, 1} || len(u.Missed) != 1 {
		t.Errorf("union %+v", u)
	}
}

// TestExplainGolds reads five gold events of an article of our own: one
// coded as the gold has it, one whose trigger the lexicon has in another
// form only (meresmikan: resmi stands in kunjungan resmi, a CONSULT), one
// coded without its target, one whose gold leaves a side out, and one
// whose trigger was kept with no source and so left out.
func TestExplainGolds(t *testing.T) {
	dir := t.TempDir()
	articles, gold := filepath.Join(dir, "a.jsonl"), filepath.Join(dir, "g.tsv")
	body := "Polres Sleman menangkap dua pelaku pencurian motor di Depok, Senin (20/10/2025).\\n" +
		"Gubernur DIY Sri Sultan Hamengku Buwono X meresmikan jembatan baru bersama Bupati Sleman Harda Kiswaya.\\n" +
		"Warga mendesak agar jalan itu segera diperbaiki.\\n" +
		"Kerja sama itu berlangsung sejak 2020."
	line := `{"id": "1", "title": "Polisi Tangkap Pencuri", "url": "https://news.example.id/1", "published": "2025-10-20T10:00:00+07:00", "body": "` + body + `"}` + "\n"
	rows := "# articles: 1\n" +
		"1\t38\tCOERCE\tPolres Sleman\tpelaku\tasserted\tfalse\tthe arrest\n" +
		"1\t148\tCONSULT\tSri Sultan Hamengku Buwono X\tHarda Kiswaya\tasserted\tfalse\topening a bridge together\n" +
		"1\t217\tREQUEST\twarga\tpemerintah\tasserted\tfalse\tresidents urge the road be mended\n" +
		"1\t38\tASSAULT\tPolres Sleman\t-\tasserted\tfalse\tno target named\n" +
		"1\t261\tCOOPERATE\tPolres Sleman\tHarda Kiswaya\tasserted\tfalse\ta cooperation told without its sides\n"
	if err := os.WriteFile(articles, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(gold, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _, err := EventsExplained(stdcontext.Background(), articles, "", false, gold)
	if err != nil {
		t.Fatal(err)
	}
	x, err := ExplainGolds(st, gold)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{outFound: 1, outRoot: 1, outTargetNone: 1, outNoSide: 1, outDropped: 1}
	for _, o := range outcomes {
		if x.Outcomes[o] != want[o] {
			t.Errorf("%s: %d gold events, want %d", o, x.Outcomes[o], want[o])
		}
	}
	sides := map[string][4]int{
		sideEntity:    {3, 1, 2, 1}, // Polres Sleman twice, the two leaders
		sideGroup:     {1, 1, 1, 0}, // warga; pelaku
		sideNotInText: {0, 1, 0, 1}, // pemerintah
		sideElsewhere: {1, 1, 1, 1}, // the cooperation's two sides
		sideNone:      {0, 1, 0, 1},
	}
	for _, c := range sideClasses {
		if x.Sides[c] != sides[c] {
			t.Errorf("%s: sides %v, want %v", c, x.Sides[c], sides[c])
		}
	}
	if len(x.Rows) != 4 {
		t.Errorf("%d rows of missed events, want 4: %q", len(x.Rows), x.Rows)
	}
	if x.Dropped[dropNoSource] != 1 || len(x.Dropped) != 1 {
		t.Errorf("dropped events by gate %v, want one kept without a source", x.Dropped)
	}
}
