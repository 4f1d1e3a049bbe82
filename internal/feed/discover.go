package feed

import (
	"bufio"
	"bytes"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the media types of <link rel="alternate"> that are feeds.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/feed+json": true,
	"application/json":      true,
	"application/rdf+xml":   true,
	"text/xml":              true,
	"application/xml":       true,
}

// Links are what a page links to that a poller cares about.
type Links struct {
	Feeds     []string // <link rel="alternate"> feeds, in page order
	Canonical string   // <link rel="canonical">
	ShowAll   string   // the page's link to its single-page view
}

// Discover reads a page's head links: its feeds, its canonical URL, and
// its link to a single-page view ("Tampilkan semua").
func Discover(page []byte, base string) Links {
	var out Links
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	var inAnchor bool
	var href string
	var text strings.Builder
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := map[string]string{}
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				attrs[string(k)] = string(v)
			}
			switch atom.Lookup(name) {
			case atom.Link:
				rels := strings.Fields(strings.ToLower(attrs["rel"]))
				for _, rel := range rels {
					switch {
					case rel == "alternate" && feedTypes[strings.ToLower(strings.TrimSpace(attrs["type"]))]:
						if u, err := Resolve(base, attrs["href"]); err == nil && !seen[u] {
							seen[u] = true
							out.Feeds = append(out.Feeds, u)
						}
					case rel == "canonical" && out.Canonical == "":
						if u, err := Resolve(base, attrs["href"]); err == nil {
							out.Canonical = u
						}
					}
				}
			case atom.A:
				inAnchor, href = true, attrs["href"]
				text.Reset()
			}
		case html.TextToken:
			if inAnchor && text.Len() < 200 {
				text.Write(z.Text())
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.A && inAnchor {
				inAnchor = false
				if out.ShowAll == "" && showAllWords[strings.ToLower(strings.Join(strings.Fields(text.String()), " "))] {
					if u, err := Resolve(base, href); err == nil {
						out.ShowAll = u
					}
				}
			}
		}
	}
}

// RobotsSitemaps returns the Sitemap: lines of a robots.txt, resolved.
func RobotsSitemaps(robots []byte, base string) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(robots))
	sc.Buffer(nil, 64<<10)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		k, v, ok := strings.Cut(line, ":")
		if !ok || !strings.EqualFold(strings.TrimSpace(k), "sitemap") {
			continue
		}
		if u, err := Resolve(base, strings.TrimSpace(v)); err == nil {
			out = append(out, u)
		}
	}
	return out
}
