package fixtureweb

import (
	"fmt"
	"strings"
	"time"
)

// Many is a fixture web of many small outlets, for measuring the poller
// at scale: hosts outlets, each with feeds RSS feeds of items articles.
type Many struct {
	Outlets []*Outlet
	Feeds   []string // every feed URL
}

// StartMany starts hosts outlets with feeds feeds of items distinct
// articles each, in the detik-like markup, their text varied from
// data/articles.txt so that every article is its own.
func StartMany(hosts, feeds, items int) *Many {
	m := &Many{}
	for h := range hosts {
		o := newOutlet(fmt.Sprintf("outlet%d", h))
		o.set("/robots.txt", "text/plain", []byte("User-agent: *\nDisallow: /cari\n"), epoch)
		for f := range feeds {
			var b strings.Builder
			for i := range items {
				a := Articles[(h+f+i)%len(Articles)]
				a.Title = fmt.Sprintf("%s (%d-%d-%d)", a.Title, h, f, i)
				a.Published = a.Published.Add(time.Duration(f*items+i) * time.Minute)
				a.Paragraphs = append(append([]string(nil), a.Paragraphs...),
					fmt.Sprintf("Laporan ini adalah bagian ke-%d dari rubrik %d di kanal %d.", i, f, h))
				path := fmt.Sprintf("/berita/d-%d%03d%03d/%s", h, f, i, a.Slug)
				o.set(path, "text/html; charset=utf-8", detikPage(o.URL, o.URL+path, a, a.Paragraphs, 0, 0), a.Published)
				fmt.Fprintf(&b, "<item><title>%s</title><link>%s%s</link><pubDate>%s</pubDate><description>%s</description></item>\n",
					xmlEscape(a.Title), o.URL, path, a.Published.Format(time.RFC1123Z), xmlEscape(a.Paragraphs[0]))
			}
			feedPath := fmt.Sprintf("/rss/%d", f)
			o.set(feedPath, "application/rss+xml", fmt.Appendf(nil, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kanal %d</title>%s</channel></rss>`, f, b.String()), epoch)
			m.Feeds = append(m.Feeds, o.URL+feedPath)
		}
		m.Outlets = append(m.Outlets, o)
	}
	return m
}

// Close stops every outlet.
func (m *Many) Close() {
	for _, o := range m.Outlets {
		o.Close()
	}
}
