// Package fixtureweb is a small web of made-up Indonesian news outlets
// served on loopback, for the tests of the fetcher, the feed readers and
// the source poller. Each outlet has its own server (so its own host for
// politeness), robots.txt, feed, sitemap and article pages in the markup
// of a style of Indonesian site, and logs every request it gets. One
// outlet serves faults: slow answers, 500 and 429 with Retry-After,
// redirect loops, a redirect to the cloud metadata address, a 50 MB body,
// a gzip bomb, a wrong charset, a feed that is HTML and broken XML.
//
// Nothing here listens beyond 127.0.0.1.
package fixtureweb

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

//go:embed data/articles.txt
var articlesText string

// Article is one made-up article.
type Article struct {
	Slug, Title, Section, Author string
	Published                    time.Time
	Paragraphs                   []string
}

// Articles are the articles of data/articles.txt.
var Articles = parseArticles(articlesText)

func parseArticles(s string) []Article {
	var out []Article
	for _, block := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(block, "\n") {
			if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
				lines = append(lines, l)
			}
		}
		if len(lines) < 6 {
			continue
		}
		t, err := time.Parse(time.RFC3339, lines[4])
		if err != nil {
			panic(fmt.Sprintf("fixtureweb: data/articles.txt: %s: %v", lines[0], err))
		}
		out = append(out, Article{Slug: lines[0], Title: lines[1], Section: lines[2], Author: lines[3], Published: t, Paragraphs: lines[5:]})
	}
	return out
}

// Hit is one request an outlet got.
type Hit struct {
	At     time.Time
	Path   string // with the query
	Header http.Header
}

// Outlet is one site of the fixture web.
type Outlet struct {
	Name string
	URL  string // http://127.0.0.1:PORT
	srv  *httptest.Server

	mu      sync.Mutex
	hits    []Hit
	changed bool // the changing article has its second text
	pages   map[string]page
}

type page struct {
	contentType string
	body        []byte
	modified    time.Time
}

// Hits returns the requests the outlet got, in order.
func (o *Outlet) Hits() []Hit {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]Hit(nil), o.hits...)
}

// ResetHits forgets the requests logged so far.
func (o *Outlet) ResetHits() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.hits = nil
}

// Pages returns the outlet's pages by path, with their bodies.
func (o *Outlet) Pages() map[string][]byte {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make(map[string][]byte, len(o.pages))
	for k, p := range o.pages {
		out[k] = p.body
	}
	return out
}

// Close stops the outlet's server.
func (o *Outlet) Close() { o.srv.Close() }

func (o *Outlet) set(path, contentType string, body []byte, modified time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.pages[path] = page{contentType, body, modified}
}

// ServeHTTP logs the request and serves a stored page with its ETag and
// Last-Modified (answering conditional requests with 304), gzipped when
// the client accepts it.
func (o *Outlet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	o.hits = append(o.hits, Hit{At: time.Now(), Path: r.URL.RequestURI(), Header: r.Header.Clone()})
	p, ok := o.pages[r.URL.RequestURI()]
	if !ok {
		p, ok = o.pages[r.URL.Path]
	}
	o.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256(p.body)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	w.Header().Set("Content-Type", p.contentType)
	body := p.body
	if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") && len(body) > 512 {
		var b bytes.Buffer
		gz := gzip.NewWriter(&b)
		gz.Write(body)
		gz.Close()
		body = b.Bytes()
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Vary", "Accept-Encoding")
	}
	http.ServeContent(w, r, "", p.modified, bytes.NewReader(body))
}

// newOutlet starts an outlet serving its pages; start serves h instead.
func newOutlet(name string) *Outlet {
	o := &Outlet{Name: name, pages: map[string]page{}}
	o.start(o)
	return o
}

func (o *Outlet) start(h http.Handler) {
	o.srv = httptest.NewUnstartedServer(h)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(fmt.Sprintf("fixtureweb: listen on loopback: %v", err))
	}
	o.srv.Listener.Close()
	o.srv.Listener = ln
	o.srv.Start()
	o.URL = o.srv.URL
}

// Web is the fixture web: the outlets and the fault server.
type Web struct {
	Kabar  *Outlet // detik-like: RSS 2.0, news sitemap, split article with ?single=1
	Timur  *Outlet // kompas-like: Atom, sitemap index, split article with ?page=all
	Suara  *Outlet // tribun-like: JSON Feed with full text, feed found from the homepage
	Faults *Outlet // faults
}

// Start starts the fixture web; Close stops it.
func Start() *Web {
	w := &Web{Kabar: newOutlet("kabar"), Timur: newOutlet("timur"), Suara: newOutlet("suara")}
	w.Faults = newFaults()
	w.build()
	return w
}

// Close stops every outlet.
func (w *Web) Close() {
	for _, o := range []*Outlet{w.Kabar, w.Timur, w.Suara, w.Faults} {
		o.Close()
	}
}

// ChangeArticle gives the first article of Kabar a changed text (and its
// feed item a new date and description), as an outlet updating a story.
func (w *Web) ChangeArticle() {
	w.Kabar.mu.Lock()
	w.Kabar.changed = true
	w.Kabar.mu.Unlock()
	w.build()
}

// ChangedParagraph is the paragraph ChangeArticle adds.
const ChangedParagraph = "Pembaruan: hingga Senin sore, air mulai surut dan warga kembali ke rumah masing-masing untuk membersihkan lumpur."

// KabarArticleURL is the page URL of article i at Kabar.
func (w *Web) KabarArticleURL(i int) string {
	return fmt.Sprintf("%s/berita/d-%d/%s", w.Kabar.URL, 7000+i, Articles[i].Slug)
}

func (w *Web) build() {
	w.buildKabar()
	w.buildTimur()
	w.buildSuara()
}

var epoch = time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC)

func (w *Web) buildKabar() {
	o := w.Kabar
	o.mu.Lock()
	changed := o.changed
	o.mu.Unlock()
	o.set("/robots.txt", "text/plain", fmt.Appendf(nil,
		"User-agent: *\nDisallow: /tag/\nDisallow: /cari\n\nSitemap: %s/sitemap-news.xml\n", o.URL), epoch)
	var items, sitemap strings.Builder
	for i := 0; i < 3; i++ {
		a := Articles[i]
		paras := a.Paragraphs
		modified := a.Published
		if i == 0 && changed {
			paras = append(append([]string(nil), paras...), ChangedParagraph)
			modified = modified.Add(6 * time.Hour)
		}
		u := w.KabarArticleURL(i)
		if i == 1 { // split over two pages; ?single=1 is the whole
			half := len(paras) / 2
			o.set(strings.TrimPrefix(u, o.URL), "text/html; charset=utf-8", detikPage(o.URL, u, a, paras[:half], 1, 2), modified)
			o.set(strings.TrimPrefix(u, o.URL)+"/2", "text/html; charset=utf-8", detikPage(o.URL, u, a, paras[half:], 2, 2), modified)
			o.set(strings.TrimPrefix(u, o.URL)+"?single=1", "text/html; charset=utf-8", detikPage(o.URL, u, a, paras, 0, 0), modified)
		} else {
			o.set(strings.TrimPrefix(u, o.URL), "text/html; charset=utf-8", detikPage(o.URL, u, a, paras, 0, 0), modified)
		}
		fmt.Fprintf(&items, "<item><title>%s</title><link>%s?utm_source=rss&amp;utm_medium=feed</link><guid isPermaLink=\"false\">d-%d</guid><pubDate>%s</pubDate><description>%s</description><category>%s</category><dc:creator>%s</dc:creator></item>\n",
			xmlEscape(a.Title), u, 7000+i, modified.Format(time.RFC1123Z), xmlEscape(paras[0]), a.Section, a.Author)
		fmt.Fprintf(&sitemap, "<url><loc>%s</loc><lastmod>%s</lastmod><news:news><news:publication><news:name>Kabar</news:name><news:language>id</news:language></news:publication><news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>\n",
			u, modified.Format(time.RFC3339), a.Published.Format(time.RFC3339), xmlEscape(a.Title))
	}
	// A duplicate item, and a link robots.txt closes.
	fmt.Fprintf(&items, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>\n", xmlEscape(Articles[2].Title), w.KabarArticleURL(2), Articles[2].Published.Format(time.RFC1123Z))
	fmt.Fprintf(&items, "<item><title>Kumpulan Berita Ekonomi</title><link>%s/tag/ekonomi</link><pubDate>%s</pubDate></item>\n", o.URL, Articles[1].Published.Format(time.RFC1123Z))
	feedModified := epoch
	if changed {
		feedModified = epoch.Add(time.Hour)
	}
	o.set("/rss", "application/rss+xml; charset=utf-8", fmt.Appendf(nil,
		`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Kabar - Berita Terkini</title><link>%s/</link><description>Berita terkini hari ini</description><language>id</language>
%s</channel></rss>`, o.URL, items.String()), feedModified)
	o.set("/sitemap-news.xml", "application/xml", fmt.Appendf(nil,
		`<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
%s</urlset>`, sitemap.String()), feedModified)
	o.set("/", "text/html; charset=utf-8", fmt.Appendf(nil,
		`<!DOCTYPE html><html lang="id"><head><title>Kabar</title><link rel="alternate" type="application/rss+xml" title="Kabar RSS" href="/rss"></head><body><a href="%s">%s</a></body></html>`,
		w.KabarArticleURL(0), Articles[0].Title), epoch)
}

func (w *Web) buildTimur() {
	o := w.Timur
	o.set("/robots.txt", "text/plain", fmt.Appendf(nil, "User-agent: *\nAllow: /\n\nSitemap: %s/sitemap.xml\n", o.URL), epoch)
	var entries, urls strings.Builder
	for i := 2; i < 5; i++ {
		a := Articles[i]
		path := fmt.Sprintf("/read/2026/11/%02d/%s", a.Published.Day(), a.Slug)
		u := o.URL + path
		if i == 3 { // split over pages; ?page=all is the whole
			half := len(a.Paragraphs) / 2
			o.set(path, "text/html; charset=utf-8", kompasPage(u, a, a.Paragraphs[:half], true), a.Published)
			o.set(path+"?page=2", "text/html; charset=utf-8", kompasPage(u, a, a.Paragraphs[half:], true), a.Published)
			o.set(path+"?page=all", "text/html; charset=utf-8", kompasPage(u, a, a.Paragraphs, false), a.Published)
		} else {
			o.set(path, "text/html; charset=utf-8", kompasPage(u, a, a.Paragraphs, false), a.Published)
		}
		fmt.Fprintf(&entries, `<entry><title>%s</title><link rel="alternate" href="%s"/><id>%s</id><published>%s</published><updated>%s</updated><author><name>%s</name></author><category term="%s"/><summary>%s</summary></entry>
`, xmlEscape(a.Title), u, u, a.Published.Format(time.RFC3339), a.Published.Format(time.RFC3339), a.Author, a.Section, xmlEscape(a.Paragraphs[0]))
		fmt.Fprintf(&urls, "<url><loc>%s</loc><lastmod>%s</lastmod></url>\n", u, a.Published.Format(time.RFC3339))
	}
	// A homepage without feed links: its sitemaps are in robots.txt.
	o.set("/", "text/html; charset=utf-8", []byte(`<!DOCTYPE html><html lang="id"><head><title>Warta Timur</title></head><body><h1>Warta Timur</h1></body></html>`), epoch)
	o.set("/feed/atom", "application/atom+xml", fmt.Appendf(nil, `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Warta Timur</title><id>%s/</id><updated>%s</updated><link rel="self" href="%s/feed/atom"/>
%s</feed>`, o.URL, epoch.Format(time.RFC3339), o.URL, entries.String()), epoch)
	o.set("/sitemap.xml", "application/xml", fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>%s/sitemap-2026-11.xml</loc><lastmod>%s</lastmod></sitemap></sitemapindex>`, o.URL, epoch.Format(time.RFC3339)), epoch)
	o.set("/sitemap-2026-11.xml", "application/xml", fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
%s</urlset>`, urls.String()), epoch)
}

func (w *Web) buildSuara() {
	o := w.Suara
	o.set("/robots.txt", "text/plain", []byte("User-agent: *\nCrawl-delay: 2\nDisallow: /api/\n\nUser-agent: warta\nCrawl-delay: 1\nDisallow: /api/\n"), epoch)
	var items []string
	for i := 4; i < 6; i++ {
		a := Articles[i]
		u := fmt.Sprintf("%s/news/2026/11/%02d/%d/%s", o.URL, a.Published.Day(), 100+i, a.Slug)
		o.set(strings.TrimPrefix(u, o.URL), "text/html; charset=utf-8", tribunPage(u, a), a.Published)
		var html strings.Builder
		for _, p := range a.Paragraphs {
			fmt.Fprintf(&html, "<p>%s</p>", htmlEscape(p))
		}
		items = append(items, fmt.Sprintf(`{"id":"%d","url":"%s","title":%q,"content_html":%q,"date_published":"%s","authors":[{"name":%q}],"tags":[%q]}`,
			100+i, u, a.Title, html.String(), a.Published.Format(time.RFC3339), a.Author, a.Section))
	}
	o.set("/feed.json", "application/feed+json", fmt.Appendf(nil, `{"version":"https://jsonfeed.org/version/1.1","title":"Suara Rakyat","home_page_url":"%s/","items":[%s]}`,
		o.URL, strings.Join(items, ",")), epoch)
	o.set("/", "text/html; charset=utf-8", []byte(`<!DOCTYPE html><html lang="id"><head><title>Suara Rakyat - Berita Terkini</title>
<link rel="alternate" type="application/feed+json" title="Suara Rakyat" href="/feed.json">
<link rel="alternate" type="application/rss+xml" title="Komentar" href="/komentar/rss"></head><body><h1>Suara Rakyat</h1></body></html>`), epoch)
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func htmlEscape(s string) string { return xmlEscape(s) }

// detikPage is an article page in the markup of detik.com: body in
// .detail__body-text, pages as /2 with a "Tampilkan semua" link to
// ?single=1.
func detikPage(site, u string, a Article, paras []string, pageNo, pages int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%s</title>
<meta name="author" content="%s"><meta name="publishdate" content="%s">
<meta property="og:title" content="%s"><meta property="og:site_name" content="Kabar">
<meta property="article:published_time" content="%s"><meta property="article:section" content="%s">
<link rel="canonical" href="%s"></head><body>
<div class="header"><a href="/">Kabar</a> | <a href="/berita">Berita</a> | <a href="/cari">Cari</a></div>
<article class="detail"><div class="detail__header"><h1 class="detail__title">%s</h1>
<div class="detail__author">%s - kabar</div><div class="detail__date">%s</div></div>
<div class="detail__body-text itp_bodycontent">
`, htmlEscape(a.Title), htmlEscape(a.Author), a.Published.Format("2006/01/02 15:04:05"), htmlEscape(a.Title),
		a.Published.Format(time.RFC3339), a.Section, u, htmlEscape(a.Title), htmlEscape(a.Author), a.Published.Format("Monday, 02 Jan 2006 15:04 WIB"))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlEscape(p))
	}
	if pages > 1 {
		b.WriteString(`<div class="detail__long-nav">`)
		for i := 1; i <= pages; i++ {
			link := u
			if i > 1 {
				link = fmt.Sprintf("%s/%d", u, i)
			}
			fmt.Fprintf(&b, `<a href="%s" class="%s">%d</a> `, link, map[bool]string{true: "itp-pagination active"}[i == pageNo], i)
		}
		fmt.Fprintf(&b, `<a href="%s?single=1" class="detail__anchor-numb">Tampilkan semua</a></div>`, u)
	}
	b.WriteString(`</div></article><div class="footer">Copyright @ 2026 Kabar. All rights reserved</div></body></html>`)
	return []byte(b.String())
}

// kompasPage is an article page in the markup of kompas.com: body in
// .read__content, pages as ?page=N with "Tampilkan semua" on ?page=all.
func kompasPage(u string, a Article, paras []string, split bool) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%s Halaman all - Warta Timur</title>
<meta name="content_PublishedDate" content="%s"><meta name="content_author" content="%s">
<meta property="og:title" content="%s"><meta property="og:site_name" content="WartaTimur.com">
<link rel="canonical" href="%s">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":%q,"datePublished":"%s","author":{"@type":"Person","name":%q},"articleSection":%q}</script>
</head><body><div class="nav"><a href="/">Beranda</a></div>
<h1 class="read__title">%s</h1><div class="read__time">%s</div>
<div class="read__content"><div class="clearfix">
`, htmlEscape(a.Title), a.Published.Format("2006-01-02 15:04:05"), htmlEscape(a.Author), htmlEscape(a.Title), u, a.Title,
		a.Published.Format(time.RFC3339), a.Author, a.Section, htmlEscape(a.Title), a.Published.Format("02/01/2006, 15:04 WIB"))
	for _, p := range paras {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlEscape(p))
	}
	if split {
		fmt.Fprintf(&b, `<div class="paging"><a class="paging__link" href="%s?page=2">2</a> <a class="paging__link paging__link--show" href="%s?page=all">Tampilkan semua</a></div>`, u, u)
	}
	b.WriteString(`</div></div><div class="footer">Copyright 2008 - 2026 Warta Timur. All Rights Reserved.</div></body></html>`)
	return []byte(b.String())
}

// tribunPage is an article page in the markup of tribunnews.com.
func tribunPage(u string, a Article) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>%s - Suara Rakyat</title>
<meta name="author" content="Suara Rakyat"><meta property="article:published_time" content="%s">
<link rel="canonical" href="%s"></head><body>
<div id="article"><h1 id="arttitle">%s</h1><div class="credit"><div id="penulis">Penulis: <a href="#">%s</a></div><time>%s</time></div>
<div class="side-article txt-article multi-fontsize">
`, htmlEscape(a.Title), a.Published.Format(time.RFC3339), u, htmlEscape(a.Title), htmlEscape(a.Author), a.Published.Format("Monday, 2 January 2006 15:04 WIB"))
	for _, p := range a.Paragraphs {
		fmt.Fprintf(&b, "<p>%s</p>\n", htmlEscape(p))
	}
	b.WriteString(`<p><strong>Baca juga:</strong> <a href="/news">Berita lainnya</a></p></div></div></body></html>`)
	return []byte(b.String())
}
