package analysis_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/article"
)

const htmlPage = `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">
<title>Banjir Rendam Ratusan Rumah di Bekasi - Contoh News</title>
<link rel="canonical" href="https://contoh.example/berita/banjir-bekasi">
<meta property="article:published_time" content="2025-10-20T08:15:00+07:00">
<meta name="author" content="Nur Aini">
</head><body><nav><a href="/">Beranda</a> <a href="/metro">Metro</a></nav>
<article><h1>Banjir Rendam Ratusan Rumah di Bekasi</h1>
<p>Bekasi (ANTARA) - Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur pada Senin pagi setelah hujan deras semalaman.</p>
<p><strong>Baca juga:</strong> <a href="/berita/lain">Hujan Lebat Diprediksi Sepekan</a></p>
<p>Warga mengungsi ke masjid dan balai warga sambil menunggu air surut. Petugas membuka dapur umum di halaman kantor kelurahan.</p>
</article><footer>Copyright 2025 Contoh News</footer></body></html>`

func TestAnalyzeHTML(t *testing.T) {
	tests := []struct {
		name          string
		in            analysis.Input
		wantURL       string
		wantPublished string
		wantWarning   string
		wantParas     int
	}{
		{"page values win over flags",
			analysis.Input{Body: htmlPage, Format: analysis.FormatHTML, URL: "https://contoh.example/amp/1", Published: "2025-01-01"},
			"https://contoh.example/berita/banjir-bekasi", "2025-10-20T08:15:00+07:00", "", 2},
		{"flags fill what the page lacks",
			analysis.Input{Body: `<h1>Judul Tanpa Tanggal Sama Sekali</h1><p>Warga mengungsi ke masjid dan balai warga sambil menunggu air surut di Bekasi Timur.</p><p>Petugas membuka dapur umum di halaman kantor kelurahan sejak Senin pagi.</p>`,
				Format: analysis.FormatHTML, URL: "https://contoh.example/b/2", Published: "2025-10-21"},
			"https://contoh.example/b/2", "2025-10-21", "", 2},
		{"a page without an article is a record with a warning",
			analysis.Input{Body: `<html><head><title>Indeks Berita</title></head><body><ul><li><a href="/1">Satu</a></li><li><a href="/2">Dua</a></li></ul></body></html>`, Format: analysis.FormatHTML},
			"", "", article.NoArticle, 0},
		{"an empty page too",
			analysis.Input{Body: "<html></html>", Format: analysis.FormatHTML},
			"", "", article.NoArticle, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := analysis.Analyze(context.Background(), tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if rec.Source.URL != tt.wantURL {
				t.Errorf("url %q, want %q", rec.Source.URL, tt.wantURL)
			}
			if got := deref(rec.Published); got != tt.wantPublished {
				t.Errorf("published %q, want %q", got, tt.wantPublished)
			}
			if tt.wantWarning != "" && !slices.Contains(rec.Warnings, tt.wantWarning) {
				t.Errorf("warnings %q, want %q", rec.Warnings, tt.wantWarning)
			}
			if len(rec.Paragraphs) != tt.wantParas {
				t.Errorf("%d paragraphs, want %d: %q", len(rec.Paragraphs), tt.wantParas, rec.Paragraphs)
			}
			if strings.Contains(rec.Text, "Baca juga") {
				t.Error("text keeps the related link")
			}
		})
	}
	rec, err := analysis.Analyze(context.Background(), tests[0].in)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Title != "Banjir Rendam Ratusan Rumah di Bekasi" || deref(rec.Byline) != "Nur Aini" || rec.Source.Site != "contoh.example" {
		t.Errorf("title %q, byline %v, site %q", rec.Title, rec.Byline, rec.Source.Site)
	}
	if rec.Dateline == nil || rec.Dateline.Place != "Bekasi" {
		t.Errorf("dateline %+v", rec.Dateline)
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
