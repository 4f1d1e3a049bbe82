package feed

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

func charsetReader(label string, r io.Reader) (io.Reader, error) {
	return charset.NewReaderLabel(label, r)
}

// parseSitemap streams a sitemap or sitemap index, keeping at most
// MaxItems entries: <url> with its <loc>, <lastmod> and Google News
// <news:news> (publication date, title, keywords), or <sitemap><loc>.
func parseSitemap(r io.Reader, base string) (*Feed, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	out := &Feed{}
	var (
		path []string // local names from the root
		item Item
		text strings.Builder
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("feed: sitemap: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if len(path) == 0 {
				switch name {
				case "urlset":
					out.Kind = Sitemap
				case "sitemapindex":
					out.Kind = SitemapIndex
				default:
					return nil, fmt.Errorf("feed: sitemap root <%s>: %w", name, ErrNotFeed)
				}
			}
			path = append(path, name)
			if len(path) == 2 {
				item = Item{}
			}
			text.Reset()
		case xml.CharData:
			if text.Len() < 4096 {
				text.Write(t)
			}
		case xml.EndElement:
			if len(path) == 0 {
				return nil, fmt.Errorf("feed: sitemap: unbalanced </%s>", t.Name.Local)
			}
			value := strings.TrimSpace(text.String())
			text.Reset()
			inNews := len(path) >= 3 && path[2] == "news"
			switch name := path[len(path)-1]; {
			case len(path) == 3 && name == "loc":
				item.URL = value
			case len(path) == 3 && name == "lastmod":
				item.Updated = parseDate(value)
			case inNews && name == "publication_date":
				item.Published = parseDate(value)
			case inNews && name == "title":
				item.Title = value
			case inNews && name == "keywords":
				for _, k := range strings.Split(value, ",") {
					if k = strings.TrimSpace(k); k != "" {
						item.Categories = append(item.Categories, k)
					}
				}
			case len(path) == 2 && item.URL != "":
				u, err := Resolve(base, item.URL)
				if err != nil {
					break
				}
				if out.Kind == SitemapIndex {
					if len(out.Sitemaps) < MaxItems {
						out.Sitemaps = append(out.Sitemaps, u)
					}
				} else if len(out.Items) < MaxItems {
					item.URL = u
					out.Items = append(out.Items, item)
				}
			}
			path = path[:len(path)-1]
		}
	}
	if out.Kind == "" {
		return nil, ErrNotFeed
	}
	return out, nil
}

// parseDate reads the W3C datetime forms sitemaps use.
func parseDate(s string) time.Time {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC()
		}
	}
	return time.Time{}
}
