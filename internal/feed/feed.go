// Package feed reads what news sites publish to say what is new: RSS
// 0.9x, 1.0 and 2.0, Atom and JSON Feed (with github.com/mmcdole/gofeed),
// news sitemaps and sitemap indexes (streamed, bounded); it finds the
// feeds a homepage or section page links to and the sitemaps robots.txt
// names, canonicalises article URLs, and knows how outlets offer a split
// article on one page.
package feed

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// Kind is what a document was read as.
type Kind string

const (
	RSS          Kind = "rss"
	Atom         Kind = "atom"
	JSONFeed     Kind = "json"
	Sitemap      Kind = "sitemap"
	SitemapIndex Kind = "sitemapindex"
)

// ErrNotFeed says a document is neither a feed nor a sitemap (an HTML
// page, say); its caller may look for feeds the page links to.
var ErrNotFeed = errors.New("not a feed or sitemap")

// MaxItems bounds the items read from one document: the sitemap
// protocol's limit of 50,000 URLs.
const MaxItems = 50000

// maxDecoded bounds a gzipped sitemap once decompressed.
const maxDecoded = 50 << 20

// Item is one article a feed or sitemap lists.
type Item struct {
	URL        string // canonical (Canonical)
	GUID       string
	Title      string
	Published  time.Time // zero when not given
	Updated    time.Time
	Authors    []string
	Categories []string
	Summary    string
	Content    string // the article's HTML when the feed carries it
}

// Feed is a parsed feed or sitemap.
type Feed struct {
	Kind  Kind
	Title string
	Items []Item
	// Sitemaps are the sitemaps a sitemap index lists.
	Sitemaps []string
}

// Parse reads a feed or sitemap; base resolves relative links. A gzipped
// sitemap is decompressed. An HTML page gives ErrNotFeed.
func Parse(data []byte, base string) (*Feed, error) {
	if len(data) > 2 && data[0] == 0x1f && data[1] == 0x8b {
		gz, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("feed: gzip: %w", err)
		}
		data, err = io.ReadAll(io.LimitReader(gz, maxDecoded+1))
		if err != nil {
			return nil, fmt.Errorf("feed: gzip: %w", err)
		}
		if len(data) > maxDecoded {
			return nil, fmt.Errorf("feed: gzipped document over %d MiB", maxDecoded>>20)
		}
	}
	trimmed := bytes.TrimLeft(data, "\ufeff \t\r\n")
	if len(trimmed) == 0 {
		return nil, fmt.Errorf("feed: empty document: %w", ErrNotFeed)
	}
	if trimmed[0] == '{' {
		return parseGofeed(trimmed, base, JSONFeed)
	}
	if trimmed[0] != '<' {
		return nil, ErrNotFeed
	}
	switch root := rootElement(trimmed); root {
	case "urlset", "sitemapindex":
		return parseSitemap(bytes.NewReader(trimmed), base)
	case "rss", "rdf":
		return parseGofeed(trimmed, base, RSS)
	case "feed":
		return parseGofeed(trimmed, base, Atom)
	case "html", "":
		return nil, ErrNotFeed
	default:
		return nil, fmt.Errorf("feed: root element <%s>: %w", root, ErrNotFeed)
	}
}

// rootElement is the lowercased local name of a document's first element.
func rootElement(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.CharsetReader = charsetReader
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			return strings.ToLower(t.Name.Local)
		case xml.Directive:
			if bytes.HasPrefix(bytes.ToLower(t), []byte("doctype html")) {
				return "html"
			}
		}
	}
	return ""
}

func parseGofeed(data []byte, base string, kind Kind) (f *Feed, err error) {
	defer func() { // a parser panic on hostile input is an error, not a crash
		if r := recover(); r != nil {
			f, err = nil, fmt.Errorf("feed: parse %s: %v", kind, r)
		}
	}()
	p := gofeed.NewParser()
	gf, err := p.Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("feed: parse %s: %w", kind, err)
	}
	switch gf.FeedType {
	case "atom":
		kind = Atom
	case "json":
		kind = JSONFeed
	default:
		kind = RSS
	}
	out := &Feed{Kind: kind, Title: strings.TrimSpace(gf.Title)}
	for _, it := range gf.Items {
		if it == nil || len(out.Items) >= MaxItems {
			continue
		}
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		if link == "" && strings.HasPrefix(it.GUID, "http") {
			link = it.GUID
		}
		u, err := Resolve(base, link)
		if err != nil {
			continue
		}
		item := Item{URL: u, GUID: it.GUID, Title: plain(it.Title), Summary: it.Description, Content: it.Content, Categories: it.Categories}
		if it.PublishedParsed != nil {
			item.Published = it.PublishedParsed.UTC()
		}
		if it.UpdatedParsed != nil {
			item.Updated = it.UpdatedParsed.UTC()
		}
		for _, a := range it.Authors {
			if a != nil && strings.TrimSpace(a.Name) != "" {
				item.Authors = append(item.Authors, strings.TrimSpace(a.Name))
			}
		}
		if len(item.Authors) == 0 && it.DublinCoreExt != nil {
			for _, c := range it.DublinCoreExt.Creator {
				if c = strings.TrimSpace(c); c != "" {
					item.Authors = append(item.Authors, c)
				}
			}
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// plain is a title with any markup and surrounding space removed.
func plain(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	z := html.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
		}
	}
}

// Fingerprint changes when an item's listing changes: a new date, title,
// summary or text means the article may have changed.
func (it Item) Fingerprint() string {
	h := sha256.New()
	for _, s := range []string{it.URL, it.Title, it.Summary, it.Content, it.Published.Format(time.RFC3339), it.Updated.Format(time.RFC3339)} {
		io.WriteString(h, s)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// A feed item's content is taken as the whole article rather than a
// teaser when it has fullTextParagraphs paragraphs or fullTextWords
// words: teasers are a sentence or two.
const (
	fullTextParagraphs = 3
	fullTextWords      = 150
)

// FullText says whether the item carries the article's whole text, so
// that its page need not be fetched.
func (it Item) FullText() bool {
	return strings.Count(strings.ToLower(it.Content), "<p") >= fullTextParagraphs ||
		len(strings.Fields(plain(it.Content))) >= fullTextWords
}
