package analysis_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/warta-news/warta/analysis"
)

// checkRecord asserts what every record promises whatever its input.
func checkRecord(t *testing.T, rec *analysis.Record) {
	t.Helper()
	want := rec.Title
	for i, p := range rec.Paragraphs {
		if i > 0 || rec.Title != "" {
			want += "\n\n"
		}
		want += p
	}
	if rec.Text != want {
		t.Errorf("text is not the title and paragraphs joined by blank lines")
	}
	if len(rec.Paragraphs) > 0 && rec.Lead != rec.Paragraphs[0] {
		t.Errorf("lead %q is not the first paragraph", rec.Lead)
	}
	n := utf8.RuneCountInString(rec.Text)
	prev := 0
	for _, s := range rec.Sentences {
		if s.Start < prev || s.End <= s.Start || s.End > n {
			t.Errorf("sentence %+v out of order or bounds (text %d runes)", s, n)
		}
		prev = s.End
	}
	if len(rec.ID) != 16 {
		t.Errorf("id %q", rec.ID)
	}
}

func TestAnalyzeEdgeCases(t *testing.T) {
	tests := []struct {
		name        string
		in          analysis.Input
		wantWarning string
	}{
		{"title only", analysis.Input{Body: "Hanya Judul Tanpa Isi"}, "no article body"},
		{"one long line", analysis.Input{Body: strings.Repeat("Warga berkumpul di balai desa. ", 170_000)}, "no headline"},
		{"bad published date", analysis.Input{Body: "Judul\nIsi berita singkat tentang banjir di kota.", Published: "kemarin"}, "published date"},
		{"control characters", analysis.Input{Body: "Judul\x00\x01\nIsi\x1b[31m berita\u200b di\u00a0kota."}, ""},
		{"English", analysis.Input{Body: "Title\nThe minister said on Monday that the budget would be raised next year for the schools."}, "not Indonesian"},
		{"title and body apart", analysis.Input{Title: "Judul", Body: "Isi berita yang cukup panjang untuk diperiksa bahasanya oleh warta."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := analysis.Analyze(context.Background(), tt.in)
			if err != nil {
				t.Fatal(err)
			}
			checkRecord(t, rec)
			got := strings.Join(rec.Warnings, "; ")
			if tt.wantWarning != "" && !strings.Contains(got, tt.wantWarning) {
				t.Errorf("warnings %q, want one with %q", got, tt.wantWarning)
			}
		})
	}
}

func TestAnalyzeNoText(t *testing.T) {
	for _, body := range []string{"", " \n\n\t", "\u200b\u200b"} {
		if _, err := analysis.Analyze(context.Background(), analysis.Input{Body: body}); !errors.Is(err, analysis.ErrNoText) {
			t.Errorf("Analyze(%q) error %v, want ErrNoText", body, err)
		}
	}
}

func TestAnalyzeIsDeterministic(t *testing.T) {
	in := analysis.Input{Body: "Judul Berita\nJakarta - Isi pertama. Isi kedua.\nEditor: Budi"}
	a, err1 := analysis.Analyze(context.Background(), in)
	b, err2 := analysis.Analyze(context.Background(), in)
	if err1 != nil || err2 != nil || a.ID != b.ID || a.Text != b.Text {
		t.Errorf("two runs differ: %v %v", err1, err2)
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("Judul Berita Politik\nJAKARTA, KOMPAS.com - Isi. “Kutipan,” kata dia.\nBaca juga: Lain\n", "2025-10-20")
	f.Add("x\n\n\ny. z\n“A. B. C.”", "")
	f.Add("\xff\xfe\x00", "2021-05-20T10:00:00+07:00")
	f.Fuzz(func(t *testing.T, body, published string) {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: body, Published: published})
		if err != nil {
			if !errors.Is(err, analysis.ErrNoText) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		checkRecord(t, rec)
	})
}
