package feed

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func read(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		file, base string
		kind       Kind
		title      string
		first      Item
		n          int
	}{
		{"rss2.xml", "https://kabar.example/rss", RSS, "Kabar - Berita Terkini", Item{
			URL: "https://kabar.example/berita/d-7000/banjir-rob", GUID: "d-7000", Title: "Banjir Rob Rendam Ratusan Rumah",
			Published: time.Date(2026, 11, 2, 0, 30, 0, 0, time.UTC), Authors: []string{"Dwi Lestari"}, Categories: []string{"Regional"},
		}, 2},
		{"rss1.rdf", "https://lama.example/", RSS, "Kabar Lama", Item{
			URL: "https://lama.example/a/1", GUID: "", Title: "Gempa Maluku", Published: time.Date(2026, 11, 5, 19, 20, 0, 0, time.UTC), Updated: time.Date(2026, 11, 5, 19, 20, 0, 0, time.UTC), Authors: []string{"Maria Latuheru"},
		}, 1},
		{"rss091.xml", "http://kuno.example/", RSS, "Kabar Kuno", Item{URL: "http://kuno.example/cafe", Title: "Café Kopi Tubruk"}, 1},
		{"atom.xml", "https://timur.example/", Atom, "Warta Timur", Item{
			URL: "https://timur.example/read/2026/11/04/timnas", GUID: "tag:timur,1", Title: "Timnas U-23 Tundukkan Vietnam",
			Published: time.Date(2026, 11, 4, 14, 45, 0, 0, time.UTC), Updated: time.Date(2026, 11, 4, 15, 0, 0, 0, time.UTC),
			Authors: []string{"Yoga Pratama"}, Categories: []string{"Olahraga"},
		}, 1},
		{"feed.json", "https://suara.example/", JSONFeed, "Suara Rakyat", Item{
			URL: "https://suara.example/news/104/gempa", GUID: "104", Title: "Gempa Magnitudo 5,8",
			Published: time.Date(2026, 11, 5, 19, 20, 0, 0, time.UTC), Authors: []string{"Maria Latuheru"}, Categories: []string{"Regional"},
		}, 1},
		{"sitemap-news.xml", "https://kabar.example/sitemap-news.xml", Sitemap, "", Item{
			URL: "https://kabar.example/berita/d-7000/banjir-rob", Title: "Banjir Rob Rendam Ratusan Rumah",
			Published: time.Date(2026, 11, 2, 0, 30, 0, 0, time.UTC), Updated: time.Date(2026, 11, 2, 6, 30, 0, 0, time.UTC),
			Categories: []string{"banjir", "rob", "Pekalongan"},
		}, 2},
	} {
		t.Run(tc.file, func(t *testing.T) {
			f, err := Parse(read(t, tc.file), tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Kind != tc.kind || f.Title != tc.title || len(f.Items) != tc.n {
				t.Fatalf("got kind %s title %q, %d items", f.Kind, f.Title, len(f.Items))
			}
			got := f.Items[0]
			got.Summary, got.Content = "", ""
			if !equalItems(got, tc.first) {
				t.Errorf("first item:\n got %+v\nwant %+v", got, tc.first)
			}
		})
	}
}

func equalItems(a, b Item) bool {
	return a.URL == b.URL && a.GUID == b.GUID && a.Title == b.Title && a.Published.Equal(b.Published) &&
		a.Updated.Equal(b.Updated) && slices.Equal(a.Authors, b.Authors) && slices.Equal(a.Categories, b.Categories)
}

func TestParseRSSDetails(t *testing.T) {
	f, err := Parse(read(t, "rss2.xml"), "https://kabar.example/rss")
	if err != nil {
		t.Fatal(err)
	}
	second := f.Items[1]
	if second.URL != "https://kabar.example/berita/d-7001/harga-cabai?id=5" || second.Title != "Harga Cabai Naik" {
		t.Errorf("second: %+v", second)
	}
}

func TestSitemapIndex(t *testing.T) {
	f, err := Parse(read(t, "sitemapindex.xml"), "https://timur.example/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"https://timur.example/sitemap-2026-11.xml", "https://timur.example/sitemap-2026-10.xml"}
	if f.Kind != SitemapIndex || !slices.Equal(f.Sitemaps, want) {
		t.Errorf("got %s %v", f.Kind, f.Sitemaps)
	}
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write(read(t, "sitemapindex.xml"))
	w.Close()
	if f, err := Parse(gz.Bytes(), "https://timur.example/"); err != nil || len(f.Sitemaps) != 2 {
		t.Errorf("gzipped sitemap: %v", err)
	}
}

func TestParseRefuses(t *testing.T) {
	if _, err := Parse(read(t, "page.html"), "https://suara.example/"); !errors.Is(err, ErrNotFeed) {
		t.Errorf("HTML page: want ErrNotFeed, got %v", err)
	}
	if _, err := Parse([]byte("   "), "https://x.example/"); !errors.Is(err, ErrNotFeed) {
		t.Errorf("blank: %v", err)
	}
	if _, err := Parse(read(t, "broken.xml"), "https://x.example/"); err == nil {
		t.Errorf("broken XML parsed")
	}
	if _, err := Parse([]byte(`<urlset><url><loc>https://a.example/1</loc></url>`), "https://a.example/"); err == nil {
		t.Errorf("cut sitemap parsed")
	}
}

func TestSitemapBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for range MaxItems + 10 {
		b.WriteString("<url><loc>https://a.example/x</loc></url>")
	}
	b.WriteString("</urlset>")
	f, err := Parse([]byte(b.String()), "https://a.example/")
	if err != nil || len(f.Items) != MaxItems {
		t.Fatalf("%v, %d items", err, len(f.Items))
	}
}

func TestCanonical(t *testing.T) {
	for in, want := range map[string]string{
		"https://News.Example.com:443/a/b?utm_source=rss&utm_medium=feed&id=2&a=1#top": "https://news.example.com/a/b?a=1&id=2",
		"http://example.com:80":                           "http://example.com/",
		"https://example.com/x?fbclid=IwAR0&gclid=1":      "https://example.com/x",
		"https://news.detik.com/d-1/x?tag_from=wp_nhl_1":  "https://news.detik.com/d-1/x",
		"https://example.com:8443/x?page=2":               "https://example.com:8443/x?page=2",
		"https://user:pw@example.com/x?":                  "https://example.com/x",
		"https://example.com/x?UTM_Campaign=a&single=1":   "https://example.com/x?single=1",
		"https://www.kompas.com/read/2026/1/x?page=all":   "https://www.kompas.com/read/2026/1/x?page=all",
		"https://[2001:db8::1]:443/a":                     "https://[2001:db8::1]/a",
		"  https://example.com/spasi?mc_cid=1&mc_eid=2  ": "https://example.com/spasi",
	} {
		got, err := Canonical(in)
		if err != nil || got != want {
			t.Errorf("Canonical(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"ftp://example.com/", "mailto:a@b", "/relative", "http://%zz"} {
		if _, err := Canonical(bad); err == nil {
			t.Errorf("Canonical(%q): no error", bad)
		}
	}
}

func TestDiscover(t *testing.T) {
	l := Discover(read(t, "page.html"), "https://suara.example/news/1/gempa")
	wantFeeds := []string{"https://suara.example/feed.json", "https://suara.example/rss"}
	if !slices.Equal(l.Feeds, wantFeeds) {
		t.Errorf("feeds %v", l.Feeds)
	}
	if l.Canonical != "https://suara.example/news/1/gempa" {
		t.Errorf("canonical %q", l.Canonical)
	}
	if l.ShowAll != "https://suara.example/news/1/gempa?page=all" {
		t.Errorf("show all %q", l.ShowAll)
	}
	robots := []byte("User-agent: *\nDisallow: /cari\nSitemap: https://suara.example/sitemap.xml\nsitemap:/news-sitemap.xml\n")
	if got := RobotsSitemaps(robots, "https://suara.example/robots.txt"); !slices.Equal(got, []string{"https://suara.example/sitemap.xml", "https://suara.example/news-sitemap.xml"}) {
		t.Errorf("robots sitemaps %v", got)
	}
}

func TestSinglePageURL(t *testing.T) {
	for in, want := range map[string]string{
		"https://nasional.kompas.com/read/2026/11/05/1/dpr-bahas": "https://nasional.kompas.com/read/2026/11/05/1/dpr-bahas?page=all",
		"https://news.detik.com/berita/d-7001/harga-cabai":        "https://news.detik.com/berita/d-7001/harga-cabai?single=1",
		"https://www.tribunnews.com/x?page=2":                     "https://www.tribunnews.com/x?page=all",
		"https://nasional.sindonews.com/read/1/12/x":              "https://nasional.sindonews.com/read/1/12/x?showpage=all",
		"https://www.kompas.com/x?page=all":                       "",
		"https://notkompas.com/x":                                 "",
		"https://example.com/x":                                   "",
	} {
		if got := SinglePageURL(in); got != want {
			t.Errorf("SinglePageURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFullText(t *testing.T) {
	short := Item{Content: "<p>AMBON - Gempa.</p>"}
	long := Item{Content: "<p>" + strings.Repeat("kata ", fullTextWords) + "</p>"}
	paragraphs := Item{Content: "<p>Satu.</p><P>Dua.</P><p>Tiga.</p>"}
	if short.FullText() || !long.FullText() || !paragraphs.FullText() {
		t.Errorf("FullText: short %v long %v paragraphs %v", short.FullText(), long.FullText(), paragraphs.FullText())
	}
	a := Item{URL: "https://a.example/1", Title: "A"}
	b := a
	b.Summary = "diperbarui"
	if a.Fingerprint() == b.Fingerprint() || a.Fingerprint() != (Item{URL: "https://a.example/1", Title: "A"}).Fingerprint() {
		t.Errorf("fingerprints")
	}
}

// FuzzParse feeds the readers hostile documents: they return an error or
// a feed, never panic, and keep their bounds.
func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "rss1.rdf", "rss091.xml", "atom.xml", "feed.json", "sitemap-news.xml", "sitemapindex.xml", "page.html", "broken.xml"} {
		f.Add(read(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		if len(feed.Items) > MaxItems || len(feed.Sitemaps) > MaxItems {
			t.Fatalf("%d items", len(feed.Items))
		}
		for _, it := range feed.Items {
			if !strings.HasPrefix(it.URL, "http") {
				t.Fatalf("item URL %q", it.URL)
			}
		}
	})
}
