// Package opml reads and writes OPML 1.0 and 2.0 subscription lists, the
// format feed readers exchange their sources in. Written in-house with
// encoding/xml: the Go OPML modules are unmaintained.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Outline is one subscription: a feed (XMLURL), or a site (HTMLURL) whose
// feeds are to be discovered. Category is the path of the folders it was
// filed in, joined by "/".
type Outline struct {
	Title    string
	XMLURL   string
	HTMLURL  string
	Category string
	// Interval is warta's polling interval for it, when set (an extension
	// attribute, warta:interval, in Go duration syntax).
	Interval time.Duration
}

// URL is the address to follow: the feed's, else the site's.
func (o Outline) URL() string {
	if o.XMLURL != "" {
		return o.XMLURL
	}
	return o.HTMLURL
}

// MaxOutlines bounds one document, and maxDepth its nesting.
const (
	MaxOutlines = 100000
	maxDepth    = 32
)

// ErrNotOPML says a document is not OPML.
var ErrNotOPML = errors.New("opml: not an OPML document")

// Namespace is warta's namespace for its extension attributes.
const Namespace = "https://github.com/warta-news/warta/opml"

// Read returns the subscriptions of an OPML document, folders flattened
// into each outline's Category. Outlines with no URL (folders) are not
// returned themselves.
func Read(r io.Reader) ([]Outline, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var (
		out     []Outline
		folders []string // titles of the open outlines
		depth   int
		rooted  bool
		inBody  bool
	)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > maxDepth+3 {
				return nil, fmt.Errorf("opml: nested deeper than %d", maxDepth)
			}
			name := strings.ToLower(t.Name.Local)
			switch {
			case depth == 1:
				if name != "opml" {
					return nil, fmt.Errorf("%w: root <%s>", ErrNotOPML, t.Name.Local)
				}
				rooted = true
			case depth == 2 && name == "body":
				inBody = true
			case inBody && name == "outline":
				o := outline(t.Attr)
				o.Category = strings.Join(folders, "/")
				if o.URL() != "" {
					if len(out) >= MaxOutlines {
						return nil, fmt.Errorf("opml: more than %d outlines", MaxOutlines)
					}
					out = append(out, o)
				}
				folders = append(folders, o.Title)
			}
		case xml.EndElement:
			if inBody && strings.EqualFold(t.Name.Local, "outline") && len(folders) > 0 {
				folders = folders[:len(folders)-1]
			}
			if depth == 2 && strings.EqualFold(t.Name.Local, "body") {
				inBody = false
			}
			depth--
		}
	}
	if !rooted {
		return nil, ErrNotOPML
	}
	return out, nil
}

func outline(attrs []xml.Attr) Outline {
	var o Outline
	var text string
	for _, a := range attrs {
		v := strings.TrimSpace(a.Value)
		switch strings.ToLower(a.Name.Local) {
		case "title":
			o.Title = v
		case "text":
			text = v
		case "xmlurl":
			o.XMLURL = v
		case "htmlurl":
			o.HTMLURL = v
		case "interval":
			if a.Name.Space == Namespace || a.Name.Space == "warta" {
				o.Interval, _ = time.ParseDuration(v)
			}
		}
	}
	if o.Title == "" {
		o.Title = text
	}
	return o
}

type document struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	NS      string   `xml:"xmlns:warta,attr"`
	Head    struct {
		Title       string `xml:"title"`
		DateCreated string `xml:"dateCreated,omitempty"`
	} `xml:"head"`
	Body struct {
		Outlines []*element `xml:"outline"`
	} `xml:"body"`
}

type element struct {
	Text     string     `xml:"text,attr"`
	Title    string     `xml:"title,attr,omitempty"`
	Type     string     `xml:"type,attr,omitempty"`
	XMLURL   string     `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string     `xml:"htmlUrl,attr,omitempty"`
	Interval string     `xml:"warta:interval,attr,omitempty"`
	Children []*element `xml:"outline"`
}

// Write writes outlines as an OPML 2.0 document, filed in folders by
// Category, in the order given.
func Write(w io.Writer, title string, outlines []Outline, created time.Time) error {
	var doc document
	doc.Version = "2.0"
	doc.NS = Namespace
	doc.Head.Title = title
	if !created.IsZero() {
		doc.Head.DateCreated = created.UTC().Format(time.RFC1123Z)
	}
	folders := map[string]*element{}
	for _, o := range outlines {
		e := &element{Text: o.Title, Title: o.Title, XMLURL: o.XMLURL, HTMLURL: o.HTMLURL}
		if e.Text == "" {
			e.Text = o.URL()
		}
		if o.XMLURL != "" {
			e.Type = "rss"
		}
		if o.Interval > 0 {
			e.Interval = o.Interval.String()
		}
		parent := &doc.Body.Outlines
		path := ""
		for _, name := range strings.Split(o.Category, "/") {
			if name == "" {
				continue
			}
			path += "/" + name
			f := folders[path]
			if f == nil {
				f = &element{Text: name, Title: name}
				folders[path] = f
				*parent = append(*parent, f)
			}
			parent = &f.Children
		}
		*parent = append(*parent, e)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
