package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// pageGold is the expectation of a page in testdata/pages, written by hand
// (see testdata/pages/README.md).
type pageGold struct {
	Title      string   `json:"title"`
	Published  *string  `json:"published"`
	Section    *string  `json:"section"`
	Byline     *string  `json:"byline"`
	URL        *string  `json:"url"`
	Site       *string  `json:"site"`
	Language   *string  `json:"language"`
	NoArticle  bool     `json:"no_article"`
	Paragraphs []string `json:"paragraphs"`
	NotInBody  []string `json:"not_in_body"`
}

func readPageGold(t *testing.T, page string) pageGold {
	t.Helper()
	data, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".gold.json")
	if err != nil {
		t.Fatal(err)
	}
	var g pageGold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("gold: %v", err)
	}
	return g
}

// TestHTMLPages checks FromHTML against the hand-written gold of every
// development page: metadata exactly, paragraphs exactly, and none of the
// furniture the gold lists in the body.
func TestHTMLPages(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(pages) < 20 {
		t.Fatalf("want at least 20 pages, have %d (%v)", len(pages), err)
	}
	for _, page := range pages {
		t.Run(strings.TrimSuffix(filepath.Base(page), ".html"), func(t *testing.T) {
			raw, err := os.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			g := readPageGold(t, page)
			a := FromHTML(string(raw), PageOptions{})
			if again := FromHTML(string(raw), PageOptions{}); !reflect.DeepEqual(a, again) {
				t.Errorf("two runs differ:\n%+v\n%+v", a, again)
			}
			for _, f := range []struct{ name, got, want string }{
				{"title", a.Title, g.Title},
				{"published", a.Published, deref(g.Published)},
				{"section", a.Section, deref(g.Section)},
				{"byline", a.Byline, deref(g.Byline)},
				{"url", a.URL, deref(g.URL)},
				{"site", a.Site, deref(g.Site)},
				{"language", a.Language, deref(g.Language)},
			} {
				if f.got != f.want {
					t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
				}
			}
			if got := slices.Contains(a.Warnings, NoArticle); got != g.NoArticle {
				t.Errorf("no-article warning %v, want %v (warnings %q)", got, g.NoArticle, a.Warnings)
			}
			if !slices.Equal(a.Paragraphs, g.Paragraphs) {
				t.Errorf("paragraphs:\n got %q\nwant %q", a.Paragraphs, g.Paragraphs)
			}
			body := strings.Join(a.Paragraphs, "\n")
			for _, bad := range g.NotInBody {
				if strings.Contains(body, bad) {
					t.Errorf("body keeps %q", bad)
				}
			}
			for _, b := range a.Boilerplate {
				if b.Kind == "" || b.Text == "" || strings.ContainsRune(b.Text, '\n') {
					t.Errorf("bad boilerplate %+v", b)
				}
			}
		})
	}
}

// TestGoldIsClean checks the gold files themselves: no furniture listed as
// forbidden may sit in the gold body (a gold that contradicts itself would
// let a wrong extraction pass one of the two checks).
func TestGoldIsClean(t *testing.T) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, page := range pages {
		g := readPageGold(t, page)
		body := strings.Join(g.Paragraphs, "\n")
		for _, bad := range g.NotInBody {
			if strings.Contains(body, bad) {
				t.Errorf("%s: gold body holds its own forbidden %q", filepath.Base(page), bad)
			}
		}
		if len(g.NotInBody) == 0 {
			t.Errorf("%s: gold lists no furniture", filepath.Base(page))
		}
		if g.NoArticle != (len(g.Paragraphs) == 0) {
			t.Errorf("%s: no_article %v with %d paragraphs", filepath.Base(page), g.NoArticle, len(g.Paragraphs))
		}
	}
}

// BenchmarkFromHTML measures the HTML path over the development pages, in
// pages/s and MB/s of HTML.
func BenchmarkFromHTML(b *testing.B) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	var raw []string
	size := 0
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		raw = append(raw, string(data))
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		for _, page := range raw {
			FromHTML(page, PageOptions{})
		}
	}
	b.ReportMetric(float64(b.N*len(raw))/b.Elapsed().Seconds(), "pages/s")
}

// TestLargePages gives FromHTML pages shaped to be slow: over
// maxExtractorBlocks text blocks (the extractor is skipped, with a
// warning), thousands of paragraphs in a body element, nesting past the
// parser's limit.
func TestLargePages(t *testing.T) {
	para := "Warga berkumpul di balai desa untuk membahas irigasi sawah yang rusak akibat banjir pekan lalu."
	tests := []struct {
		name, page  string
		paragraphs  int
		wantWarning string
	}{
		{"many blocks, no body element",
			`<html lang="en"><h1>Some Long Headline Here</h1><article>` + strings.Repeat("<h2>Sub head</h2><p>"+para+"</p>", maxExtractorBlocks/2+1) + `</article>`,
			maxExtractorBlocks + 2, "text blocks"},
		{"many link lines",
			`<html lang="id"><h1>Judul Berita Panjang Sekali</h1><div>` + strings.Repeat(`<a href="#">tautan</a> baris tanpa titik<br>`, maxExtractorBlocks+1) + `</div>`,
			0, NoArticle},
		{"many paragraphs in a body element",
			`<html lang="id"><h1>Judul Berita Panjang Sekali</h1><div class="read__content">` + strings.Repeat("<p>"+para+"</p>", 3*maxExtractorBlocks) + `</div>`,
			3 * maxExtractorBlocks, ""},
		{"nesting past the parser's limit",
			`<h1>Judul</h1>` + strings.Repeat("<div>", 1000) + "<p>" + para + "</p>",
			0, "could not be parsed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := FromHTML(tt.page, PageOptions{})
			if len(a.Paragraphs) != tt.paragraphs {
				t.Errorf("%d paragraphs, want %d", len(a.Paragraphs), tt.paragraphs)
			}
			if w := strings.Join(a.Warnings, "; "); !strings.Contains(w, tt.wantWarning) {
				t.Errorf("warnings %q, want one with %q", w, tt.wantWarning)
			}
		})
	}
}

// TestShortPage: a page of two short paragraphs is an article, without its
// headline in the body.
func TestShortPage(t *testing.T) {
	page := `<!doctype html><html><head><title>Banjir Rendam Bekasi</title></head><body><article><h1>Banjir Rendam Bekasi</h1>
<p>Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi pada Senin pagi.</p>
<p>Warga mengungsi ke masjid dan balai warga sambil menunggu air surut.</p></article></body></html>`
	a := FromHTML(page, PageOptions{})
	want := []string{
		"Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi pada Senin pagi.",
		"Warga mengungsi ke masjid dan balai warga sambil menunggu air surut.",
	}
	if a.Title != "Banjir Rendam Bekasi" || !slices.Equal(a.Paragraphs, want) {
		t.Errorf("title %q, paragraphs %q", a.Title, a.Paragraphs)
	}
}

// TestCollapsedArticle: Readability skips an article hidden until a script
// runs ("display:none" behind a "read more" button); the plain rule still
// finds its paragraphs.
func TestCollapsedArticle(t *testing.T) {
	para := "Warga berkumpul di balai desa untuk membahas irigasi sawah yang rusak akibat banjir pekan lalu."
	page := `<html lang="en"><h1>Warga Bahas Irigasi Sawah</h1><div class="article-more" style="display:none"><p>` + para + `</p><p>` + para + ` Dua.</p></div><button>Read more</button>`
	a := FromHTML(page, PageOptions{})
	if len(a.Paragraphs) != 2 || slices.Contains(a.Warnings, NoArticle) {
		t.Errorf("paragraphs %q, warnings %q", a.Paragraphs, a.Warnings)
	}
}
