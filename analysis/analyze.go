package analysis

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
)

// ErrNoText is returned for an input with neither a title nor a body.
var ErrNoText = errors.New("analysis: the input has no text")

// Format is the layout of an Input's Body.
type Format string

// Formats of an Input.
const (
	FormatText Format = ""     // plain text, or a title and a body apart
	FormatHTML Format = "html" // a web page
)

// Input is one raw article.
type Input struct {
	// Body is the article. As text (FormatText), when Title is empty it is
	// plain text whose first non-empty line is the headline; otherwise it
	// is the body alone. As HTML, it is the page as fetched, in any charset.
	Body   string
	Title  string
	Format Format
	// ContentType is the HTTP Content-Type of an HTML page, when known: a
	// charset it names wins over the page's own declaration.
	ContentType string
	// URL, Published (RFC 3339 or YYYY-MM-DD) and Path describe where the
	// article came from; all are optional. For an HTML page, URL is the
	// address it was fetched from, and the page's own canonical URL and
	// publication date win over URL and Published.
	URL       string
	Published string
	Path      string
	Line      int // line in JSON Lines, position in a JSON array
	// Byline and Section fill what the page lacks: the author and category
	// a feed item gave. Fetched (RFC 3339) is when the page was fetched.
	Byline, Section, Fetched string
	// Warnings are problems met while reading the input (a text cut at the
	// size limit, a charset guessed); they are carried into the record.
	Warnings []string
}

// Analyze runs the default pipeline over one article.
func Analyze(ctx context.Context, in Input) (*Record, error) {
	return DefaultPipeline().Analyze(ctx, in)
}

// newDocument cleans the article and returns the record's start (what
// the cleaner read: title, paragraphs, furniture, source, publication
// date, text and id) and the Document the stages share.
func newDocument(in Input) (*Record, *Document, error) {
	var a *article.Article
	switch {
	case in.Format == FormatHTML:
		a = article.FromHTML(in.Body, article.PageOptions{URL: in.URL, ContentType: in.ContentType})
	case in.Title != "":
		a = article.FromParts(text.Normalize(in.Title), text.Normalize(in.Body))
	default:
		a = article.FromText(text.Normalize(in.Body))
	}
	if a.Title == "" && len(a.Paragraphs) == 0 && in.Format != FormatHTML {
		return nil, nil, ErrNoText
	}
	rec := &Record{
		Title:       a.Title,
		Section:     optional(cmp.Or(a.Section, in.Section)),
		Byline:      optional(cmp.Or(a.Byline, in.Byline)),
		Dateline:    a.Dateline,
		Lead:        a.Lead(),
		Paragraphs:  a.Paragraphs,
		Boilerplate: a.Boilerplate,
		Source:      Source{URL: cmp.Or(a.URL, in.URL), Path: in.Path, Line: in.Line, Fetched: in.Fetched},
	}
	warnings := append(append([]string{}, in.Warnings...), a.Warnings...)
	if rec.Paragraphs == nil {
		rec.Paragraphs = []string{}
	}
	if rec.Boilerplate == nil {
		rec.Boilerplate = []article.Boilerplate{}
	}
	if rec.Source.URL != "" {
		if u, err := url.Parse(rec.Source.URL); err == nil {
			rec.Source.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	if a.Published != "" {
		rec.Published = &a.Published
	} else if in.Published != "" {
		if pub, err := NormalizeDate(in.Published); err == nil {
			rec.Published = &pub
		} else {
			warnings = append(warnings, err.Error())
		}
	}
	d := &Document{
		Document:       text.NewDocument(a.Title, a.Paragraphs),
		Published:      publishedTime(rec.Published),
		Section:        a.Section,
		URL:            rec.Source.URL,
		Dateline:       a.Dateline,
		Boilerplate:    rec.Boilerplate,
		SectionInTitle: a.SectionInTitle,
		Warnings:       warnings,
		Language:       Language{Code: a.Language},
	}
	rec.Text = d.Text
	sum := sha256.Sum256([]byte(d.Text))
	rec.ID = hex.EncodeToString(sum[:8])
	return rec, d, nil
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// NormalizeDate checks a publication date and returns it in the record's
// form: YYYY-MM-DD for a date, RFC 3339 for a date-time. A date-time
// without a zone is taken as Western Indonesian Time (WIB, +07:00), the zone
// of most Indonesian newsrooms.
func NormalizeDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return t.Format(time.DateOnly), nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.Format(time.RFC3339), nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02 15:04"} {
		if t, err := time.ParseInLocation(layout, s, wib); err == nil {
			return t.Format(time.RFC3339), nil
		}
	}
	return "", fmt.Errorf("published date %q is not YYYY-MM-DD or RFC 3339", s)
}

var wib = time.FixedZone("WIB", 7*3600)
