package article

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzFromHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"",
		"<",
		"<html><body><p>x</p>",
		`<meta charset="utf-16"><h1>Judul</h1><p>Jakarta -- Isi.</p>`,
		`<script type="application/ld+json">{"@type":["NewsArticle"],"@graph":[[[{"author":[{"name":5}]}]]],"datePublished":"2025-13-45"}</script>`,
		`<div class="baca-juga"><div class="read__content"><p>Baca juga: <a>x</a></p></div></div>`,
		`<strong>Jakarta, CNN Indonesia</strong> --<p>Isi berita.</p>`,
		`<p>Kamis, 31 Februari 2015 25:61 WITA</p><time datetime="9999-99-99">`,
		"<table><tr><td>a<td>b<tr><td><br><br></table>\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, page string) {
		a := FromHTML(page, PageOptions{URL: "https://contoh.example/berita/1"})
		for _, p := range a.Paragraphs {
			if p == "" || strings.ContainsRune(p, '\n') || strings.TrimSpace(p) != p || !utf8.ValidString(p) {
				t.Errorf("bad paragraph %q", p)
			}
		}
		for _, s := range []string{a.Title, a.Byline, a.Section, a.Site, a.URL, a.Published, a.Language} {
			if strings.ContainsRune(s, '\n') || !utf8.ValidString(s) {
				t.Errorf("bad field %q", s)
			}
		}
		if a.Published != "" {
			if _, ok := parseMachineDate(a.Published); !ok {
				t.Errorf("published %q is not a date", a.Published)
			}
		}
		for _, b := range a.Boilerplate {
			if b.Kind == "" || b.Text == "" {
				t.Errorf("empty boilerplate %+v", b)
			}
		}
		if slices.Contains(a.Warnings, NoArticle) && len(a.Paragraphs) > 0 {
			t.Errorf("no-article warning with %d paragraphs", len(a.Paragraphs))
		}
		if d := a.Dateline; d != nil && (len(a.Paragraphs) == 0 || !strings.HasPrefix(a.Paragraphs[0], d.Text)) {
			t.Errorf("dateline %q not at the start of the first paragraph", d.Text)
		}
	})
}
