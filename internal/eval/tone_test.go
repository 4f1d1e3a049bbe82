package eval

import (
	stdcontext "context"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/analysis/topic"
	"github.com/warta-news/warta/internal/shared"
)

func sharedData(t *testing.T) string {
	return filepath.Dir(filepath.Dir(shared.Path(t, "data/detik-news/articles.jsonl")))
}

func TestRouge(t *testing.T) {
	ref := rougeTokens("Harga beras naik di pasar Jakarta.")
	for _, tc := range []struct {
		cand       string
		r1, r2, rl float64
	}{
		{"harga beras naik di pasar jakarta", 1, 1, 1},
		{"pasar jakarta: harga beras naik", 2 * (5.0 / 5) * (5.0 / 6) / (1 + 5.0/6), 2 * (3.0 / 4) * (3.0 / 5) / (3.0/4 + 3.0/5), 2 * (3.0 / 5) * (3.0 / 6) / (3.0/5 + 3.0/6)},
		{"cuaca cerah", 0, 0, 0},
		{"", 0, 0, 0},
	} {
		c := rougeTokens(tc.cand)
		got := [3]float64{rougeN(c, ref, 1), rougeN(c, ref, 2), rougeL(c, ref)}
		want := [3]float64{tc.r1, tc.r2, tc.rl}
		for i := range got {
			if math.Abs(got[i]-want[i]) > 1e-9 {
				t.Errorf("%q: ROUGE %v, want %v", tc.cand, got, want)
				break
			}
		}
	}
}

// Every IPTC subject falls under exactly one detik label.
func TestDetikTopicsMapping(t *testing.T) {
	seen := map[string]int{}
	for _, d := range DetikTopics {
		for _, s := range d.Subjects {
			seen[s]++
		}
	}
	for _, s := range topic.DefaultLexicon().Subjects {
		if seen[s.Key] != 1 {
			t.Errorf("subject %s is under %d detik labels", s.Key, seen[s.Key])
		}
		delete(seen, s.Key)
	}
	for s := range seen {
		t.Errorf("the mapping names %s, which is no subject", s)
	}
}

// The summaries beat the best LEAD on ROUGE-1 and ROUGE-L on the held-out
// half, and the floors keep the measured scores from slipping.
func TestSummaryBeatsLead(t *testing.T) {
	rep, err := Summary(stdcontext.Background(), sharedData(t))
	if err != nil {
		t.Fatal(err)
	}
	warta := rep.Systems[0].Budget[1]
	for _, lead := range rep.Systems[1:] {
		if l := lead.Budget[1]; warta.R1 <= l.R1 || warta.RL <= l.RL {
			t.Errorf("held-out ROUGE-1/L %.2f/%.2f, %s %.2f/%.2f", warta.R1, warta.RL, lead.Name, l.R1, l.RL)
		}
	}
	if warta.R1 < 31 || warta.RL < 22.5 {
		t.Errorf("held-out ROUGE-1 %.2f, ROUGE-L %.2f; measured 31.40 and 22.75", warta.R1, warta.RL)
	}
}

func TestTopicsScore(t *testing.T) {
	rep, err := Topics(stdcontext.Background(), sharedData(t))
	if err != nil {
		t.Fatal(err)
	}
	if s := rep.Systems[0]; s.Heldout.Accuracy() < 66 || s.Heldout.MacroF1 < 64 {
		t.Errorf("held-out accuracy %.1f, macro-F1 %.1f; measured 68.0 and 66.4", s.Heldout.Accuracy(), s.Heldout.MacroF1)
	}
	var b strings.Builder
	if err := WriteTopicsReport(&b, rep); err != nil || !strings.Contains(b.String(), "Pembangunan & Lingkungan") {
		t.Errorf("report: %v\n%s", err, b.String())
	}
}

func TestToneScores(t *testing.T) {
	rep, err := Tone(stdcontext.Background(), sharedData(t), "testdata/tone-news.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Rebuilt {
		t.Error("training here did not rebuild the shipped tone model")
	}
	if rep.Tuned != tone.News {
		t.Errorf("the news calibration chosen on dev is %+v, the shipped one %+v", rep.Tuned, tone.News)
	}
	shipped, model := rep.Systems[0], rep.Systems[1]
	if model.Test.MacroF1 < 74 || shipped.NewsDev.N+shipped.NewsTest.N != 150 {
		t.Errorf("SmSA test macro-F1 of the model alone %.2f (measured 76.74), %d news sentences", model.Test.MacroF1, shipped.NewsDev.N+shipped.NewsTest.N)
	}
	if shipped.NewsTest.MacroF1 < 58 || shipped.NewsTest.MacroF1 <= model.NewsTest.MacroF1 {
		t.Errorf("news test macro-F1 %.2f (measured 61.04), the model alone %.2f", shipped.NewsTest.MacroF1, model.NewsTest.MacroF1)
	}
	names := make([]string, len(rep.Systems))
	for i, sys := range rep.Systems {
		names[i] = sys.Name
	}
	if !slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, "lexicon hits") }) {
		t.Errorf("no lexicon baseline among %q", names)
	}
}
