package web_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/shared"
)

const nationalBody = "Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur setelah hujan deras mengguyur sejak Senin malam.\n\n" +
	"Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sebanyak 350 kepala keluarga terdampak dan sebagian mengungsi ke masjid terdekat.\n\n" +
	"\"Kami sudah menyiapkan perahu karet dan dapur umum untuk warga,\" kata dia di lokasi, Selasa (21/10/2025).\n\n" +
	"Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.\n\n" +
	"Warga diminta waspada karena hujan diperkirakan masih turun hingga akhir pekan."

// The reader shows a copy's original and its sentence diff — the headline
// rewritten, a sentence changed, one added — escaped, under the page's
// CSP; the original lists its copy with the same diff; the API gives the
// diff as evidence.
func TestArticleCopyDiff(t *testing.T) {
	s := newSite(t)
	orig := s.store(t, analysis.Input{Title: "Banjir Rendam Ratusan Rumah di Bekasi", URL: "https://news.detik.example/berita/d-1/banjir",
		Published: "2025-10-21T10:00:00+07:00", Body: nationalBody})
	body := strings.Replace(nationalBody, "Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.",
		"Petugas masih terus memantau ketinggian air Kali Bekasi yang naik hingga siang.", 1)
	body += "\n\nWarga <script>alert(1)</script> diminta menghubungi posko darurat di kantor kecamatan."
	cp := s.store(t, analysis.Input{Title: "Ratusan Rumah di Bekasi Terendam Banjir <b>Satu Meter</b>", URL: "https://regional.example/jabar/d-2/banjir",
		Published: "2025-10-21T12:00:00+07:00", Body: body})

	code, page, hdr := s.get(t, fmt.Sprintf("/articles/%d?lang=en", cp.ID))
	if code != http.StatusOK {
		t.Fatalf("copy page: %d", code)
	}
	if !strings.Contains(hdr.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Errorf("copy page without its CSP: %q", hdr.Get("Content-Security-Policy"))
	}
	for _, want := range []string{
		fmt.Sprintf(`This article copies <a href="/articles/%d">Banjir Rendam Ratusan Rumah di Bekasi</a> <span class="meta">news.detik.example <time datetime="2025-10-21T10:00:00&#43;07:00">2025-10-21</time></span>`, orig.ID),
		"Differences from the original",
		"− Banjir Rendam Ratusan Rumah di Bekasi",
		"+ Ratusan Rumah di Bekasi Terendam Banjir &lt;b&gt;Satu Meter&lt;/b&gt;",
		"− Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.",
		"+ Petugas masih terus memantau ketinggian air Kali Bekasi yang naik hingga siang.",
		"+ Warga &lt;script&gt;alert(1)&lt;/script&gt; diminta menghubungi posko darurat di kantor kecamatan.",
		"5 sentences kept · 1 added · 0 removed · 1 changed",
		"no credit",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("copy page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script>alert(1)") || strings.Contains(page, "<b>Satu Meter") {
		t.Error("copy page has the copy's markup unescaped")
	}

	code, page, _ = s.get(t, fmt.Sprintf("/articles/%d?lang=en", orig.ID))
	if code != http.StatusOK {
		t.Fatalf("original page: %d", code)
	}
	if strings.Contains(page, "This article copies") {
		t.Error("the original is shown as a copy")
	}
	for _, want := range []string{
		// The copy by its headline, site and date, and how it stands to this one.
		fmt.Sprintf(`<a href="/articles/%d">Ratusan Rumah di Bekasi Terendam Banjir &lt;b&gt;Satu Meter&lt;/b&gt;</a> <span class="meta">regional.example <time datetime="2025-10-21T12:00:00&#43;07:00">2025-10-21</time></span> · <span class="relation" data-kind="copy">copies this article</span>`, cp.ID),
		"<details><summary>Differences</summary>",
		"+ Petugas masih terus memantau ketinggian air Kali Bekasi yang naik hingga siang.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("original page lacks %q", want)
		}
	}

	code, raw, _ := s.get(t, fmt.Sprintf("/api/v1/articles/%d/copies", cp.ID))
	if code != http.StatusOK {
		t.Fatalf("copies API: %d", code)
	}
	var c lineage.Copies
	if err := json.Unmarshal([]byte(raw), &c); err != nil {
		t.Fatal(err)
	}
	if c.Original == nil || *c.Original != orig.ID || len(c.Relations) != 1 {
		t.Fatalf("copies API: %s", raw)
	}
	if r := c.Relations[0]; r.Title != "Banjir Rendam Ratusan Rumah di Bekasi" || r.Site != "news.detik.example" || r.Published != "2025-10-21T10:00:00+07:00" {
		t.Errorf("copies API names the original %q, %q, %q", r.Title, r.Site, r.Published)
	}
	d := c.Relations[0].Diff
	if d == nil || d.Headline == nil || d.Headline.From != "Banjir Rendam Ratusan Rumah di Bekasi" || len(d.Changed) != 1 || len(d.Added) != 1 || d.Kept != 5 {
		t.Errorf("copies API diff: %s", raw)
	}
}

// The founding article's page lists the English report it translates by
// headline, as its source, with the quote it renders beside the English
// one; the report's page lists the founding article as its translation.
func TestArticleTranslationQuotes(t *testing.T) {
	s := newSite(t)
	wire, err := os.ReadFile("../lineage/testdata/wire/reykjavik-2.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := s.store(t, analysis.Input{Body: string(wire), Published: "2021-05-19T20:00:00Z"})
	var gold map[string]any
	tr := s.store(t, analysis.Input{Body: shared.Seed(t, &gold), Published: "2021-05-20"})
	code, page, _ := s.get(t, fmt.Sprintf("/articles/%d?lang=en", tr.ID))
	if code != http.StatusOK {
		t.Fatalf("translation page: %d", code)
	}
	for _, want := range []string{
		fmt.Sprintf(`<a href="/articles/%d">U.S. waives sanctions on Nord Stream 2 company as Blinken meets Lavrov</a>`, src.ID),
		`<span class="relation" data-kind="translation">the source it translates</span>`,
		`<summary>Quotes aligned (1)</summary>`,
		`<q>pembunuh</q> ← <q lang="en">killer</q> <span class="meta">Joe Biden</span>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("translation page lacks %q", want)
		}
	}
	_, page, _ = s.get(t, fmt.Sprintf("/articles/%d?lang=en", src.ID))
	if want := `<span class="relation" data-kind="translation">translates this article</span>`; !strings.Contains(page, want) {
		t.Errorf("source page lacks %q", want)
	}
}
