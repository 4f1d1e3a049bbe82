package article

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// pageMeta is what a page says about its article outside the running text:
// its head, JSON-LD, headings, breadcrumbs and bylines.
type pageMeta struct {
	lang      string
	docTitle  string
	metas     map[string]string // lower-cased name, property or itemprop -> first content
	canonical string
	ld        ldInfo
	h1s       []heading
	h2s       []heading // candidates for a headline that a page prints in an h2
	times     []stamped // <time> elements and itemprop=datePublished, in order
	bylines   []string  // text of byline elements, in order
	crumbs    []string  // breadcrumb link texts, in order
}

// heading is an h1 or h2 and its place in the page.
type heading struct {
	text string
	n    *xhtml.Node
}

// stamped is a machine-readable date printed in the page's markup, and the
// element that carries it.
type stamped struct {
	date string
	n    *xhtml.Node
}

// ldInfo is what the JSON-LD of a page says about its article.
type ldInfo struct {
	types                                  map[string]bool
	headline, published, section, siteName string
	url                                    string
	authors                                []string
	crumbs                                 []string
}

// meta returns the content of the first of keys the page's meta tags give.
func (m *pageMeta) meta(keys ...string) string {
	for _, k := range keys {
		if v := m.metas[k]; v != "" {
			return v
		}
	}
	return ""
}

// articleTypes are the schema.org types of a news article or post.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true,
	"analysisnewsarticle": true, "opinionnewsarticle": true,
	"backgroundnewsarticle": true, "reviewnewsarticle": true,
	"blogposting": true, "liveblogposting": true, "report": true,
	"techarticle": true, "scholarlyarticle": true,
}

// readLD reads one JSON-LD script. Invalid JSON is skipped: many pages
// carry raw line breaks in strings or comment markers around the object,
// which are mended first.
func (m *pageMeta) readLD(raw string) {
	raw = strings.Map(func(r rune) rune {
		if r < ' ' {
			return ' '
		}
		return r
	}, raw)
	raw = strings.TrimSpace(raw)
	for _, junk := range []string{"<!--", "-->", "//<![CDATA[", "//]]>", "<![CDATA[", "]]>"} {
		raw = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(raw, junk), junk))
	}
	var v any
	if json.Unmarshal([]byte(raw), &v) != nil {
		m.salvageLD(raw)
		return
	}
	m.walkLD(v, 0)
}

// ldFields find the fields of an article object in JSON-LD that does not
// parse, most often because HTML with raw quotes was pasted into one of
// its strings: the date, headline and author printed before the damage
// are still the page's.
var ldFields = sync.OnceValue(func() map[string]*regexp.Regexp {
	return map[string]*regexp.Regexp{
		"type":      regexp.MustCompile(`"@type"\s*:\s*"([A-Za-z]+)"`),
		"published": regexp.MustCompile(`"datePublished"\s*:\s*"([^"]{8,40})"`),
		"headline":  regexp.MustCompile(`"headline"\s*:\s*"((?:[^"\\]|\\.){1,400})"`),
		"author":    regexp.MustCompile(`"author"\s*:\s*\[?\s*\{[^{}]*?"name"\s*:\s*"((?:[^"\\]|\\.){1,100})"`),
	}
})

// salvageLD reads what it can of broken JSON-LD that declares an article.
func (m *pageMeta) salvageLD(raw string) {
	f := ldFields()
	t := f["type"].FindStringSubmatch(raw)
	if t == nil || !articleTypes[strings.ToLower(t[1])] || m.ld.headline != "" {
		return
	}
	field := func(name string) string {
		if sub := f[name].FindStringSubmatch(raw); sub != nil {
			var s string
			if json.Unmarshal([]byte(`"`+sub[1]+`"`), &s) == nil {
				return strings.TrimSpace(html.UnescapeString(s))
			}
		}
		return ""
	}
	m.ld.headline = field("headline")
	m.ld.published = field("published")
	if a := field("author"); a != "" {
		m.ld.authors = []string{a}
	}
}

// maxLDDepth bounds the nesting of JSON-LD objects looked into.
const maxLDDepth = 6

func (m *pageMeta) walkLD(v any, depth int) {
	if depth > maxLDDepth {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			m.walkLD(e, depth+1)
		}
	case map[string]any:
		types := ldStrings(x["@type"])
		if m.ld.types == nil {
			m.ld.types = map[string]bool{}
		}
		article, crumbs := false, false
		for _, t := range types {
			t = strings.ToLower(t)
			m.ld.types[t] = true
			article = article || articleTypes[t]
			crumbs = crumbs || t == "breadcrumblist"
		}
		if article && m.ld.headline == "" {
			m.ld.headline = ldString(x["headline"])
			m.ld.published = ldString(x["datePublished"])
			m.ld.section = first(ldStrings(x["articleSection"]))
			m.ld.authors = ldNames(x["author"])
			m.ld.url = cmpOr(ldString(x["url"]), ldID(x["mainEntityOfPage"]))
			if p, ok := x["publisher"].(map[string]any); ok {
				m.ld.siteName = ldString(p["name"])
			}
		}
		if crumbs && m.ld.crumbs == nil {
			m.ld.crumbs = ldCrumbs(x["itemListElement"])
		}
		if g, ok := x["@graph"]; ok {
			m.walkLD(g, depth+1)
		}
	}
}

// ldString returns a JSON-LD value as a string: a string, or the name or
// @value of an object. HTML entities that sites leave in it are decoded.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(x))
	case map[string]any:
		return cmpOr(ldString(x["name"]), ldString(x["@value"]))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

// ldStrings returns a value that may be one string or a list of them.
func ldStrings(v any) []string {
	var out []string
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				out = append(out, s)
			}
		}
	default:
		if s := ldString(x); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// ldNames returns the names of authors: a string, a Person, or a list.
func ldNames(v any) []string {
	var out []string
	for _, n := range ldStrings(v) {
		for part := range strings.SplitSeq(n, ",") {
			if part = strings.TrimSpace(part); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

func ldID(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		return cmpOr(ldString(x["@id"]), ldString(x["url"]))
	}
	return ""
}

// ldCrumbs returns the names of a BreadcrumbList's items in order.
func ldCrumbs(v any) []string {
	items, _ := v.([]any)
	var out []string
	for _, it := range items {
		obj, ok := it.(map[string]any)
		if !ok {
			continue
		}
		name := ldString(obj["name"])
		if name == "" {
			if item, ok := obj["item"].(map[string]any); ok {
				name = ldString(item["name"])
			}
		}
		if name != "" {
			out = append(out, name)
		}
	}
	return out
}

// first returns the first of ss, or "".
func first(ss []string) string {
	if len(ss) == 0 {
		return ""
	}
	return ss[0]
}

// cmpOr returns the first of ss that is not blank, trimmed.
func cmpOr(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// language returns the page's declared language as an ISO 639 code, lower
// case and without region ("id-ID" -> "id"); the retired code "in" is "id".
func (m *pageMeta) language() string {
	l := cmpOr(m.lang, m.meta("content-language", "language", "dc.language", "og:locale"))
	l = strings.ToLower(l)
	if i := strings.IndexAny(l, "-_,; "); i >= 0 {
		l = l[:i]
	}
	if l == "in" {
		l = "id"
	}
	for _, r := range l {
		if r < 'a' || r > 'z' {
			return ""
		}
	}
	if len(l) < 2 || len(l) > 3 {
		return ""
	}
	return l
}

// siteName returns the name the page gives its site.
func (m *pageMeta) siteName() string {
	return cmpOr(m.meta("og:site_name"), m.ld.siteName, m.meta("application-name"))
}

// pageURL returns the page's canonical URL, absolute, or "": the canonical
// link, else og:url, else the JSON-LD URL, each resolved against base.
func (m *pageMeta) pageURL(base string) string {
	b, _ := url.Parse(base)
	for _, c := range []string{m.canonical, m.meta("og:url"), m.ld.url} {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		u, err := url.Parse(c)
		if err != nil {
			continue
		}
		if b != nil {
			u = b.ResolveReference(u)
		}
		if (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
			return u.String()
		}
	}
	return ""
}

// homeCrumbs are breadcrumb items that name the front page, not a section.
var homeCrumbs = map[string]bool{
	"home": true, "beranda": true, "index": true, "indeks": true, "news": true,
}

// section returns the page's section: JSON-LD articleSection, a section
// meta tag, else the last breadcrumb that is neither the front page, the
// site nor the article itself.
func (m *pageMeta) section(title, site string) string {
	if s := cmpOr(m.ld.section, m.meta("article:section", "content_category", "section", "category", "parsely-section")); s != "" {
		return cleanSection(s)
	}
	for _, crumbs := range [][]string{m.ld.crumbs, m.crumbs} {
		for i := len(crumbs) - 1; i >= 0; i-- {
			c := strings.TrimSpace(crumbs[i])
			l := strings.ToLower(c)
			if c == "" || homeCrumbs[l] || strings.EqualFold(c, title) || strings.EqualFold(c, site) || isOutlet(c) ||
				len(c) > 40 || strings.Contains(l, "://") {
				continue
			}
			return cleanSection(c)
		}
	}
	return ""
}

// cleanSection trims a section name and drops the "Berita"/"Kanal" label
// some sites put before it.
func cleanSection(s string) string {
	s = collapseSpace(strings.TrimSpace(s))
	for _, label := range []string{"Berita ", "Kanal ", "Rubrik "} {
		if rest, ok := strings.CutPrefix(s, label); ok && sections()[strings.ToLower(rest)] {
			return rest
		}
	}
	return s
}

// bylinePrefixes open a printed byline and are not part of the name.
var bylinePrefixes = []string{
	"laporan wartawan", "penulis", "reporter", "pewarta", "oleh", "editor", "by",
	"kontributor", "written by",
}

// cleanByline returns the name in a printed or declared byline: without
// "Oleh"/"Penulis:"/"By", without a trailing outlet ("Nama - detikNews")
// or date, or "" when what is left is not a name (a URL, an outlet).
func cleanByline(s, site string) string {
	s = collapseSpace(strings.TrimSpace(strings.ReplaceAll(s, "\n", " ")))
	// "Kontributor Pekalongan, Aditya Nugraha", "Laporan Wartawan
	// Tribun-Timur.com, Muh Sauki Maulana": the name follows the comma.
	if l := strings.ToLower(s); strings.HasPrefix(l, "kontributor ") || strings.HasPrefix(l, "laporan wartawan ") ||
		strings.HasPrefix(l, "koresponden ") || strings.HasPrefix(l, "wartawan ") {
		if i := strings.LastIndex(s, ", "); i > 0 {
			s = s[i+2:]
		}
	}
	for {
		l := strings.ToLower(s)
		cut := false
		for _, p := range bylinePrefixes {
			if strings.HasPrefix(l, p) && len(s) > len(p) {
				if next := s[len(p)]; next == ' ' || next == ':' || next == '\t' {
					s = strings.TrimLeft(s[len(p):], " :\t")
					cut = true
					break
				}
			}
		}
		if !cut {
			break
		}
	}
	// "Nama - detikNews", "Nama | Kompas.com", "Nama, Jurnalis · Senin 20 Oktober 2025".
	for _, sep := range []string{" - ", " | ", " – ", " — ", " · ", " • "} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	// "Nama Senin, 20 Oktober 2025 14:56 WIB" when one element holds both.
	if _, ok := findPrintedDate(s); ok {
		if i := strings.IndexFunc(s, unicode.IsDigit); i > 0 {
			s = strings.TrimRight(s[:i], " ,|-")
			if j := strings.LastIndexByte(s, ' '); j > 0 && weekdays[strings.ToLower(strings.Trim(s[j+1:], ","))] {
				s = s[:j]
			}
		}
	}
	s = strings.TrimSpace(strings.TrimRight(s, " ,;:|-"))
	// "Nama, Jurnalis": the role after the name; "Nama, CNBC Indonesia":
	// the outlet after it.
	if i := strings.LastIndex(s, ", "); i > 0 && (bylineRoles[strings.ToLower(s[i+2:])] || isOutlet(s[i+2:]) || namesOwner(s[i+2:], site, "")) {
		s = s[:i]
	}
	l := strings.ToLower(s)
	if s == "" || len(s) > 100 || strings.Contains(l, "://") || strings.HasPrefix(l, "www.") ||
		isOutlet(s) || strings.EqualFold(s, site) || !hasLetter(s) {
		return ""
	}
	return s
}

// weekdays are the Indonesian and English names of days, lower case.
var weekdays = map[string]bool{
	"senin": true, "selasa": true, "rabu": true, "kamis": true, "jumat": true, "jum'at": true,
	"sabtu": true, "minggu": true, "ahad": true, "monday": true, "tuesday": true,
	"wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
}

// bylineRoles are the job titles printed after a name in a byline.
var bylineRoles = map[string]bool{
	"jurnalis": true, "wartawan": true, "kontributor": true, "reporter": true,
	"penulis": true, "editor": true, "staff writer": true, "correspondent": true,
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}
