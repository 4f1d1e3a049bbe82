package article

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind names the kind of a removed piece of boilerplate, as the record
// contract spells it.
type Kind string

// Boilerplate kinds.
const (
	AuthorBio    Kind = "author_bio"
	RelatedLinks Kind = "related_links"
	Share        Kind = "share"
	Copyright    Kind = "copyright"
	Ad           Kind = "ad"
	Caption      Kind = "caption"
	Credit       Kind = "credit" // editor and reporter tags, source credits
	Other        Kind = "other"
)

// Boilerplate is one piece of page furniture removed from the body.
type Boilerplate struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Dateline is an opening "JAKARTA, KOMPAS.com -" as parsed. Text is the
// dateline as printed, without the dash that ends it; the dateline also stays
// in the first paragraph.
type Dateline struct {
	Place  string `json:"place,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Text   string `json:"text"`
}

// Article is the cleaned structure of one news article.
type Article struct {
	Title   string
	Section string // "" when none was found
	// SectionInTitle is the section label cut from the end of the headline
	// ("Berita Politik"), a content-farm habit; "" when there was none.
	SectionInTitle string
	Byline         string // "" when none was found
	Dateline       *Dateline
	Paragraphs     []string // body paragraphs in order; the first is the lead
	Boilerplate    []Boilerplate
	Warnings       []string

	// What a web page says about itself (FromHTML); "" when it says
	// nothing or the article came as text.
	Published string // RFC 3339 with the page's own offset, or YYYY-MM-DD
	URL       string // canonical URL
	Site      string // site name ("KOMPAS.com")
	Language  string // declared language, ISO 639-1 ("id")
}

// Lead returns the first body paragraph, or "".
func (a *Article) Lead() string {
	if len(a.Paragraphs) == 0 {
		return ""
	}
	return a.Paragraphs[0]
}

// maxTitleRunes bounds a headline: a longer first line is body text, not a
// title (a file that is one huge line, or text without a headline).
const maxTitleRunes = 400

// FromText parses a plain-text article: the first non-empty line is the
// title; the rest is the body, one paragraph a line or paragraphs separated
// by blank lines.
func FromText(s string) *Article {
	s = strings.TrimLeft(s, " \t\r\n")
	title, body, _ := strings.Cut(s, "\n")
	title = strings.TrimSpace(title)
	var warnings []string
	if utf8.RuneCountInString(title) > maxTitleRunes {
		warnings = append(warnings, "no headline: the first line is too long to be a title")
		title, body = "", s
	}
	a := FromParts(title, body)
	a.Warnings = append(warnings, a.Warnings...)
	return a
}

// FromParts builds an article from a title and a body given separately, as
// feeds and JSON records carry them.
func FromParts(title, body string) *Article {
	a := &Article{}
	a.Title, a.Section = splitTitle(collapseSpace(strings.TrimSpace(title)))
	if a.Section != "" {
		a.SectionInTitle = strings.TrimSpace(strings.TrimPrefix(collapseSpace(strings.TrimSpace(title)), a.Title))
	}
	c := cleaner{paras: splitParagraphs(body)}
	c.run()
	a.Paragraphs, a.Boilerplate, a.Byline = c.kept(), c.removed(), c.byline
	if len(a.Paragraphs) > 0 {
		a.Dateline = parseDateline(a.Paragraphs[0])
	} else {
		a.Warnings = append(a.Warnings, "no article body found")
	}
	return a
}

// splitParagraphs splits a body into trimmed paragraphs: one paragraph a
// line, except in hard-wrapped text (blocks of short lines separated by
// blank lines), where each block is one paragraph.
func splitParagraphs(body string) []string {
	lines := strings.Split(body, "\n")
	wrapped := isHardWrapped(lines)
	var paras []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			paras = append(paras, collapseSpace(cur.String()))
			cur.Reset()
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || !wrapped {
			flush()
		}
		if l == "" {
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(l)
	}
	flush()
	return paras
}

// wrapWidth is the longest line a hard-wrapped text is taken to have, and
// minWrapped the shortest line that can end a wrapped line mid-paragraph.
const (
	wrapWidth  = 100
	minWrapped = 40
)

// isHardWrapped reports whether text is wrapped at a fixed width: blank
// lines separate blocks, and most lines that go on to another line in the
// same block are long and break mid-sentence, as wrapping leaves them.
// Lists and one-paragraph-a-line text do not look like that.
func isHardWrapped(lines []string) bool {
	blank, continued, wrappedLike := false, 0, 0
	for i, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			blank = blank || i > 0
			continue
		}
		n := utf8.RuneCountInString(l)
		if n > wrapWidth {
			return false
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) == "" {
			continue
		}
		continued++
		last, _ := utf8.DecodeLastRuneInString(l)
		if n >= minWrapped && !strings.ContainsRune(".!?:;\"”’", last) {
			wrappedLike++
		}
	}
	return blank && continued > 0 && wrappedLike*10 >= continued*7
}

// collapseSpace turns runs of spaces and tabs into one space. It returns s
// itself when there is nothing to collapse.
func collapseSpace(s string) string {
	if !strings.Contains(s, "  ") && !strings.ContainsRune(s, '\t') {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r == ' ' || r == '\t' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// cleaner holds a body's paragraphs while rules mark them as boilerplate.
type cleaner struct {
	paras  []string
	kinds  []Kind // "" = kept
	extra  []removal
	byline string
}

// removal is a piece cut out of a kept paragraph, remembered with the index
// of its paragraph so that Boilerplate stays in input order.
type removal struct {
	at int
	b  Boilerplate
}

func (c *cleaner) run() {
	c.kinds = make([]Kind, len(c.paras))
	// Each paragraph loses its source credits and gets its glue repaired
	// ("TikTokdetikcom") before the rules see it; a paragraph removed whole
	// is kept as printed.
	cleaned := make([]string, len(c.paras))
	credits := make([][]string, len(c.paras))
	for i, p := range c.paras {
		kept, cut := cutCredits(p)
		if rest, initials := cutInitials(kept); initials != "" {
			kept, cut = rest, append(cut, initials)
		}
		cleaned[i], credits[i] = repairGlue(kept), cut
	}
	longest := 0
	for _, p := range cleaned {
		longest = max(longest, len(p))
	}
	low := make([]byte, 0, longest) // one buffer for every paragraph lowered
	for i := 0; i < len(c.paras); i++ {
		k, labelOnly := matchLine(cleaned[i], &low)
		if k == "" {
			continue
		}
		c.kinds[i] = k
		if k == Credit && c.byline == "" {
			c.byline = bylineFrom(cleaned[i])
		}
		// "Baca juga:" alone on its line announces the headline on the next.
		if labelOnly && k == RelatedLinks && i+1 < len(c.paras) && looksLikeHeadline(c.paras[i+1]) {
			i++
			c.kinds[i] = k
		}
	}
	markAuthorBio(cleaned, c.kinds)
	c.markSignoff(cleaned)
	for i := range c.paras {
		if c.kinds[i] != "" {
			continue
		}
		c.paras[i] = cleaned[i]
		for _, cr := range credits[i] {
			c.extra = append(c.extra, removal{i, Boilerplate{Credit, cr}})
		}
	}
}

// markSignoff marks as a credit the reporter's name in capitals that some
// outlets print alone at the end of an article ("SYAIPUL BAKHORI",
// "ANTON SEPTIAN | ANTARA"), and takes a lone name as the byline.
func (c *cleaner) markSignoff(paras []string) {
	last := -1
	for i := len(paras) - 1; i > 0; i-- {
		if c.kinds[i] == "" {
			last = i
			break
		}
	}
	if last < 0 || !isSignoff(paras[last]) {
		return
	}
	c.kinds[last] = Credit
	if c.byline == "" && !strings.ContainsAny(paras[last], "|/,") && !isOutlet(paras[last]) {
		c.byline = paras[last]
	}
}

// isSignoff reports whether p is one or a few names in capitals: two to
// six words of capital letters, the names joined by "|", "/" or ",".
func isSignoff(p string) bool {
	if utf8.RuneCountInString(p) > 80 {
		return false
	}
	words := 0
	for w := range strings.FieldsFuncSeq(p, func(r rune) bool { return r == ' ' || r == '|' || r == '/' || r == ',' }) {
		if !isUpperWord(w) || utf8.RuneCountInString(w) < 2 {
			return false
		}
		for _, r := range w {
			if !unicode.IsLetter(r) && r != '.' && r != '\'' && r != '-' {
				return false
			}
		}
		words++
	}
	return words >= 2 && words <= 6
}

func (c *cleaner) kept() []string {
	var out []string
	for i, p := range c.paras {
		if c.kinds[i] == "" && p != "" {
			out = append(out, p)
		}
	}
	return out
}

func (c *cleaner) removed() []Boilerplate {
	rs := c.removals()
	out := make([]Boilerplate, len(rs))
	for i, r := range rs {
		out[i] = r.b
	}
	return out
}

// removals returns the pieces removed, each with the index of its
// paragraph, in input order.
func (c *cleaner) removals() []removal {
	var rs []removal
	for i, k := range c.kinds {
		if k != "" {
			rs = append(rs, removal{i, Boilerplate{k, c.paras[i]}})
		}
	}
	rs = append(rs, c.extra...)
	slices.SortStableFunc(rs, func(a, b removal) int { return a.at - b.at })
	return rs
}

// looksLikeHeadline reports whether a paragraph reads like a linked headline:
// short and not ending in a full stop.
func looksLikeHeadline(p string) bool {
	return utf8.RuneCountInString(p) <= 200 && !strings.HasSuffix(p, ".")
}

// bylineFrom returns the name in an author credit ("Penulis: Nama"), or "".
func bylineFrom(p string) string {
	label, name, ok := strings.Cut(p, ":")
	if !ok {
		return ""
	}
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "penulis", "reporter", "oleh", "pewarta", "laporan wartawan":
		return strings.TrimSpace(name)
	}
	return ""
}

// isUpperWord reports whether w has letters and all of them are upper case.
func isUpperWord(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters = true
			if !unicode.IsUpper(r) {
				return false
			}
		}
	}
	return letters
}
