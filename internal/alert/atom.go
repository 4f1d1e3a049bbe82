package alert

import (
	"encoding/xml"
	"fmt"
	"io"
	"net/url"
	"time"

	"github.com/warta-news/warta/internal/store"
)

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID        string     `xml:"id"`
	Title     string     `xml:"title"`
	Updated   string     `xml:"updated"`
	Published string     `xml:"published,omitempty"`
	Links     []atomLink `xml:"link"`
	Summary   string     `xml:"summary"`
}

// WriteAtom writes an alert's matches as an Atom feed; base is the
// server's URL ("http://127.0.0.1:8080"), for the links to its pages.
func WriteAtom(w io.Writer, base string, a store.Alert, matches []store.AlertMatch) error {
	f := atomFeed{
		ID:      fmt.Sprintf("%s/alerts/%d", base, a.ID),
		Title:   "warta: " + a.Name,
		Updated: a.Created,
		Links: []atomLink{{Href: fmt.Sprintf("%s/alerts/%d/feed.atom", base, a.ID), Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/search?" + url.Values{"q": {a.Query}}.Encode(), Rel: "alternate", Type: "text/html"}},
		Author: atomPerson{Name: "warta"},
	}
	for _, m := range matches {
		if m.Matched > f.Updated {
			f.Updated = m.Matched
		}
		e := atomEntry{
			ID:      fmt.Sprintf("%s/alerts/%d/articles/%d", base, a.ID, m.ArticleID),
			Title:   m.Title,
			Updated: m.Matched,
			Links:   []atomLink{{Href: fmt.Sprintf("%s/articles/%d", base, m.ArticleID), Rel: "alternate", Type: "text/html"}},
			Summary: m.Lead,
		}
		if t, ok := rfc3339(m.Published); ok {
			e.Published = t
		}
		if m.URL != "" {
			e.Links = append(e.Links, atomLink{Href: m.URL, Rel: "via"})
		}
		f.Entries = append(f.Entries, e)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	return enc.Encode(f)
}

// rfc3339 gives a record's publication time as Atom dates want it.
func rfc3339(published string) (string, bool) {
	if t, err := time.Parse(time.RFC3339, published); err == nil {
		return t.Format(time.RFC3339), true
	}
	if t, err := time.Parse(time.DateOnly, published); err == nil {
		return t.Format(time.RFC3339), true
	}
	return "", false
}
