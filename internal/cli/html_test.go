package cli

import (
	"strings"
	"testing"
)

// TestAnalyzeHTMLFile reads the example page: the page's own date and
// canonical URL win over the flags, which fill only what a page lacks.
func TestAnalyzeHTMLFile(t *testing.T) {
	code, stdout, stderr := run(t, "", "analyze", "--jsonl", "--published", "2024-01-01", "--url", "https://contoh.co.id/amp/1", "examples/halaman-berita.html")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := records(t, stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	rec := recs[0]
	if rec["published"] != "2025-10-20T08:15:00+07:00" {
		t.Errorf("published %v", rec["published"])
	}
	src, _ := rec["source"].(map[string]any)
	if src["url"] != "https://contoh.co.id/megapolitan/banjir-rendam-600-rumah-di-bekasi" || src["site"] != "contoh.co.id" {
		t.Errorf("source %v", src)
	}
	if rec["title"] != "Banjir Rendam 600 Rumah di Bekasi, Warga Mengungsi ke Masjid" || rec["byline"] != "Nur Aini" {
		t.Errorf("title %v, byline %v", rec["title"], rec["byline"])
	}
	if text, _ := rec["text"].(string); strings.Contains(text, "Baca juga") || strings.Contains(text, "ADVERTISEMENT") {
		t.Errorf("text keeps furniture: %q", text)
	}
}

// TestAnalyzeHTMLWithoutArticle: an index page on stdin is a record with
// a warning and exit status 0, and the flags fill in its date and URL.
func TestAnalyzeHTMLWithoutArticle(t *testing.T) {
	page := `<!DOCTYPE html><html lang="id"><head><title>Indeks Berita</title></head><body>
<ul><li><a href="/1">Banjir Rendam Bekasi</a></li><li><a href="/2">Harga Cabai Naik</a></li></ul></body></html>`
	code, stdout, stderr := run(t, page, "analyze", "--jsonl", "--published", "2025-10-21", "--url", "https://contoh.co.id/indeks", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	recs := records(t, stdout)
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	warnings, _ := recs[0]["warnings"].([]any)
	found := false
	for _, w := range warnings {
		found = found || w == "no article found in the page"
	}
	if !found || recs[0]["published"] != "2025-10-21" {
		t.Errorf("warnings %v, published %v", warnings, recs[0]["published"])
	}
	if !strings.Contains(stderr, "no article found") {
		t.Errorf("stderr does not warn: %s", stderr)
	}
}

func TestEvalHTML(t *testing.T) {
	var out strings.Builder
	env := &Env{Stdout: &out}
	if err := (&evalHTMLCmd{Pages: "analysis/article/testdata/pages"}).Run(env); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"body (4-token shingles", "exact headline", "right calendar date", "furniture left"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}
