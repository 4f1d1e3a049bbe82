package quality_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/quality"
	"github.com/warta-news/warta/internal/shared"
)

func assess(t *testing.T, body, published string) *quality.Quality {
	t.Helper()
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: body, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Quality == nil {
		t.Fatal("no quality")
	}
	return rec.Quality
}

// The founding article is a machine translation glued to a section label
// and closed by a template author bio.
func TestSeed(t *testing.T) {
	var gold map[string]any
	q := assess(t, shared.Seed(t, &gold), "2021-05-20")
	if q.MachineTranslated < 0.9 {
		t.Errorf("machine_translated %.3f, want ≥ 0.9; slips %+v", q.MachineTranslated, q.Slips)
	}
	kinds := map[quality.SlipKind]bool{}
	for _, s := range q.Slips {
		kinds[s.Kind] = true
		if s.Kind == quality.MisspeltName && (s.Text != "Blinkin" || s.Note != "Blinken") {
			t.Errorf("misspelt name %q beside %q, want Blinkin beside Blinken", s.Text, s.Note)
		}
	}
	for _, k := range []quality.SlipKind{quality.MisspeltName, quality.Calque, quality.StrayStop, quality.DollarApart} {
		if !kinds[k] {
			t.Errorf("no %s slip among %+v", k, q.Slips)
		}
	}
	var reasons []string
	for _, r := range q.ContentFarm {
		reasons = append(reasons, r.Reason)
		if r.Evidence == "" {
			t.Errorf("reason %s without evidence", r.Reason)
		}
	}
	if !slices.Equal(reasons, []string{"author_bio", "section_in_title"}) {
		t.Errorf("content-farm reasons %v, want author_bio and section_in_title", reasons)
	}
}

// The example articles, written natively, show no slip (two of them carry
// content-farm furniture, which is another matter).
func TestNative(t *testing.T) {
	files, _ := filepath.Glob("../../examples/*.txt")
	if len(files) == 0 {
		t.Fatal("no example articles")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		q := assess(t, string(raw), "2025-10-20")
		if q.MachineTranslated != 0 {
			t.Errorf("%s: machine_translated %.2f, slips %+v", f, q.MachineTranslated, q.Slips)
		}
	}
}

func TestSlips(t *testing.T) {
	for _, c := range []struct {
		name, body string
		want       quality.SlipKind
	}{
		{"calque", "Judul\nMenteri itu mengatakan dalam sebuah pernyataan bahwa rapat ditunda.", quality.Calque},
		{"stray stop", "Judul\nKedua menteri sepakat bahwa kedua negara. bekerja sama dalam banyak hal.", quality.StrayStop},
		{"dollar", "Judul\nProyek itu bernilai $ 11 miliar menurut perusahaan.", quality.DollarApart},
		{"misspelt", "Judul\nMenteri Luar Negeri Anthony Blinken tiba di Jakarta. Blinkin bertemu Presiden.", quality.MisspeltName},
	} {
		q := assess(t, c.body, "2025-10-20")
		if !slices.ContainsFunc(q.Slips, func(s quality.Slip) bool { return s.Kind == c.want }) {
			t.Errorf("%s: slips %+v lack %s", c.name, q.Slips, c.want)
		}
	}
	for _, body := range []string{
		"Judul\nDia berkata, \"Kita mau komprehensif. dan ini bukan soal uang,\" di Jakarta.",
		"Judul\nProyek itu bernilai US$ 11 miliar menurut perusahaan.",
		"Judul\nRidwan Kamil hadir di Bandung, Kamis (16/10/2025). Kamil menyapa warga.",
	} {
		if q := assess(t, body, "2025-10-20"); len(q.Slips) != 0 {
			t.Errorf("%q: slips %+v, want none", body, q.Slips)
		}
	}
}
