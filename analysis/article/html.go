package article

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/warta-news/warta/analysis/text"
)

// PageOptions describe a web page given to FromHTML.
type PageOptions struct {
	// URL is the address the page was fetched from, when known: it
	// resolves relative links and stands in for a missing canonical URL.
	URL string
	// ContentType is the HTTP Content-Type of the page, when known; a
	// charset it names wins over the page's own declaration.
	ContentType string
}

// NoArticle is the warning of a page in which no article was found: an
// index, a gallery, a video page.
const NoArticle = "no article found in the page"

// FromHTML parses a news web page. The page furniture named in
// data/html_hints.tsv is taken out first. On an Indonesian outlet's page
// whose body element (a `body` hint) holds most of the page's prose, the
// paragraphs are that element's; otherwise the main text is found by
// go-readability (codeberg.org/readeck/go-readability/v2, a port of
// Mozilla's Readability.js), or on a page too large for it by the densest
// run of paragraphs. Either way the paragraphs are then cleaned by the same
// rules as FromText. The headline, byline, section, publication date, canonical
// URL, site name and language come from the page's metadata and markup.
//
// page may be in any charset (see DecodeHTML). FromHTML never fails: a page
// without an article gives an Article with the NoArticle warning and no
// paragraphs.
func FromHTML(page string, opts PageOptions) *Article {
	decoded, warnings := DecodeHTML(page, opts.ContentType)
	doc, err := html.Parse(strings.NewReader(decoded))
	if err != nil { // the parser turns its own faults into errors
		return &Article{Warnings: append(warnings, fmt.Sprintf("page could not be parsed: %v", err), NoArticle)}
	}
	s := scanPage(doc)
	a := &Article{Warnings: warnings}
	a.Site = normalize(s.meta.siteName())
	a.URL = cmpOr(s.meta.pageURL(opts.URL), opts.URL)
	a.Language = s.meta.language()
	host := ""
	if u, err := url.Parse(a.URL); err == nil {
		host = u.Hostname()
	}
	a.Title, s.headline = s.title(a.Site, host)
	s.printed, s.hasPrinted = s.printedDate()
	a.Published = s.published(a.Language, host)
	a.Section = normalize(s.meta.section(a.Title, a.Site))
	a.Byline = normalize(s.byline(a.Site, host))

	s.prune()
	var ps paragraphs
	switch body := s.body(a.Language, host); {
	case body != nil:
		ps = s.bodyParagraphs(body)
	case len(s.blocks) > maxExtractorBlocks:
		// go-readability's time grows faster than the text blocks (half a
		// second at 32,000): such a page gets the plain rule.
		a.Warnings = append(a.Warnings, fmt.Sprintf("page has %d text blocks, over the %d given to the main-text extractor: the densest run of paragraphs was taken", len(s.blocks), maxExtractorBlocks))
		if dense := s.densest(); dense != nil {
			ps = s.bodyParagraphs(dense)
		}
	default:
		content, err := extractMain(doc, a.URL)
		if err != nil {
			a.Warnings = append(a.Warnings, err.Error())
		}
		ps = s.extractedParagraphs(content)
		// Readability found no prose (it skips what is hidden until a
		// script runs, "read more" boxes): the plain rule may still.
		if proseWords(ps.text) < minArticleWords {
			if dense := s.densest(); dense != nil {
				if alt := s.bodyParagraphs(dense); proseWords(alt.text) > proseWords(ps.text) {
					ps = alt
				}
			}
		}
	}
	ps.joinDateline()
	ps.dropRepeats(a.Title, append([]string{a.Byline}, s.meta.bylines...))
	ps.dropRepeatedRows(s.places)
	c := cleaner{paras: ps.text}
	c.run()
	a.Paragraphs = c.kept()
	if a.Byline == "" {
		a.Byline = c.byline
	}
	if !s.isArticle(a.Paragraphs) {
		a.Paragraphs = nil
		a.Warnings = append(a.Warnings, NoArticle)
		return a
	}
	a.Boilerplate = s.boilerplate(c, ps)
	a.Dateline = parseDateline(a.Paragraphs[0])
	return a
}

// paragraphs are paragraphs on their way out of a page: each with its
// place in the page, and the link lists found among them.
type paragraphs struct {
	text  []string
	at    []int   // place in the page (pre-order number), -1 when not found
	links []piece // link lists and date lines found among them
}

// piece is a piece of boilerplate and its place in the page.
type piece struct {
	at int
	b  Boilerplate
}

func (ps *paragraphs) add(p string, at int) {
	if p = normalize(p); p != "" {
		ps.text = append(ps.text, p)
		ps.at = append(ps.at, at)
	}
}

// extractedParagraphs returns the paragraphs of the extractor's output,
// with their places in the page found by their opening words.
func (s *pageScan) extractedParagraphs(content *html.Node) paragraphs {
	var ps paragraphs
	if content == nil {
		return ps
	}
	walkParagraphs(content, func(p string, _ *html.Node) {
		at := -1 // not found
		if n := s.places[placeKey(normalize(p))]; n != nil {
			at = s.order[n]
			if isDateLine(p, n) {
				ps.links = append(ps.links, piece{at, Boilerplate{Other, normalize(p)}})
				return
			}
		}
		ps.add(p, at)
	})
	return ps
}

// maxDateLineRunes bounds a line that only prints a date.
const maxDateLineRunes = 60

// isDateLine reports whether p, the text of n, is a date line the
// extractor kept with the body: short, with digits, in an element marked
// as a date, in any language ("7 พฤศจิกายน 2568 10:30 น.").
func isDateLine(p string, n *html.Node) bool {
	return utf8.RuneCountInString(p) <= maxDateLineRunes && strings.ContainsAny(p, "0123456789") &&
		textWords(p) <= minSentenceWords && dateLike(n)
}

// bodyParagraphs returns the paragraphs of a body element. Blocks made
// mostly of links that do not end a sentence are related-article lists
// with no class to tell them by; they go to boilerplate.
func (s *pageScan) bodyParagraphs(body *html.Node) paragraphs {
	var ps paragraphs
	shares := map[*html.Node]float64{} // one block holds many paragraphs split by <br>
	walkParagraphs(body, func(p string, n *html.Node) {
		at := s.order[n]
		if n == body || endsSentence(p) {
			ps.add(p, at)
			return
		}
		share, ok := shares[n]
		if !ok {
			share = linkShare(n)
			shares[n] = share
		}
		if share >= 0.7 {
			if p = normalize(p); p != "" {
				ps.links = append(ps.links, piece{at, Boilerplate{RelatedLinks, p}})
			}
			return
		}
		ps.add(p, at)
	})
	return ps
}

// linkShare returns the share of n's text that is inside links.
func linkShare(n *html.Node) float64 {
	text := utf8.RuneCountInString(strings.ReplaceAll(nodeText(n), " ", ""))
	if text == 0 {
		return 0
	}
	return float64(linkRunes(n)) / float64(text)
}

// maxExtractorBlocks bounds the text blocks of a page given to the
// main-text extractor; a news article page has a few hundred.
const maxExtractorBlocks = 10_000

// densest returns the element whose own paragraphs hold the most prose
// outside furniture, or nil.
func (s *pageScan) densest() *html.Node {
	score := map[*html.Node]int{}
	var best *html.Node
	for _, b := range s.blocks {
		p := b.at.Parent
		if p == nil || textWords(b.text) < minSentenceWords || !endsSentence(b.text) || s.furnitureKind(b.at) != "" {
			continue
		}
		score[p] += utf8.RuneCountInString(b.text)
		if best == nil || score[p] > score[best] {
			best = p
		}
	}
	return best
}

// within reports whether n is a or stands inside it.
func within(n, a *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

// minBodyProse is the share of the page's prose that a body element must
// hold for its paragraphs to be taken without running the extractor: less,
// and it is a teaser box that happens to share the class, or the page has
// prose the hints do not know.
const minBodyProse = 0.6

// proseShare returns the share of the page's prose, outside furniture,
// that stands inside n. Prose is a block of a sentence or more.
func (s *pageScan) proseShare(n *html.Node) float64 {
	total, inside := 0, 0
	for _, b := range s.blocks {
		if textWords(b.text) < minSentenceWords || !endsSentence(b.text) || s.furnitureKind(b.at) != "" {
			continue
		}
		runes := utf8.RuneCountInString(b.text)
		total += runes
		if within(b.at, n) {
			inside += runes
		}
	}
	if total == 0 {
		return 0
	}
	return float64(inside) / float64(total)
}

// joinDateline joins an opening dateline that stands alone ("Jakarta, CNN
// Indonesia --") to the paragraph it opens, with the space a scraper may
// have lost before its dash.
func (ps *paragraphs) joinDateline() {
	if len(ps.text) < 2 {
		return
	}
	frag := ps.text[0]
	if utf8.RuneCountInString(frag) > maxDatelineRunes {
		return
	}
	if r, _ := utf8.DecodeLastRuneInString(frag); !isDash(r) {
		return
	}
	head := strings.TrimRightFunc(frag, isDash)
	if !strings.HasSuffix(head, " ") {
		frag = head + " " + frag[len(head):]
	}
	joined := frag + " " + ps.text[1]
	if parseDateline(joined) == nil {
		return
	}
	ps.text = append([]string{joined}, ps.text[2:]...)
	ps.at = append([]int{ps.at[0]}, ps.at[2:]...)
}

// dropRepeats removes paragraphs that repeat the headline or a byline at
// the top of the text: extractors keep an article's header with its body.
func (ps *paragraphs) dropRepeats(title string, bylines []string) {
	for len(ps.text) > 0 {
		p := ps.text[0]
		if !strings.EqualFold(strings.TrimRight(p, ".!? "), strings.TrimRight(title, ".!? ")) &&
			!slices.ContainsFunc(bylines, func(b string) bool { return b != "" && normalize(b) == p }) {
			return
		}
		ps.text, ps.at = ps.text[1:], ps.at[1:]
	}
}

// Repeated rows: a short line that is no sentence and comes back this many
// times is a list page's share or tool row, printed under every item.
const (
	minRowRepeats   = 3
	maxRepeatedRow  = 60
	shareRowPattern = "share|tweet|pin|bagikan|facebook|whatsapp|email|e-mail|copy link|salin"
)

var shareRow = regexp.MustCompile(`(?i)\b(` + shareRowPattern + `)\b`)

// dropRepeatedRows moves the rows a list page repeats to boilerplate;
// places tells the element of a text, so that headings stay.
func (ps *paragraphs) dropRepeatedRows(places map[string]*html.Node) {
	count, most := map[string]int{}, 0
	for _, p := range ps.text {
		if utf8.RuneCountInString(p) <= maxRepeatedRow && !endsSentence(p) && !isHeading(places[placeKey(p)]) {
			count[p]++
			most = max(most, count[p])
		}
	}
	if most < minRowRepeats {
		return
	}
	text, at := ps.text[:0:0], ps.at[:0:0]
	for i, p := range ps.text {
		if count[p] < minRowRepeats {
			text, at = append(text, p), append(at, ps.at[i])
			continue
		}
		kind := Other
		if shareRow.MatchString(p) {
			kind = Share
		}
		ps.links = append(ps.links, piece{ps.at[i], Boilerplate{kind, p}})
	}
	ps.text, ps.at = text, at
}

// isHeading reports whether n is a heading element.
func isHeading(n *html.Node) bool {
	if n == nil {
		return false
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

// body returns the element that holds the article's running text on an
// Indonesian outlet's page, or nil: of the elements the body hints select,
// the one with the most running text, if it holds most of the page's prose.
func (s *pageScan) body(lang, host string) *html.Node {
	if len(s.bodies) == 0 || !s.indonesian(lang, host) {
		return nil
	}
	var best *html.Node
	bestRunes := 0
	for _, b := range s.bodies {
		if s.furnitureKind(b) != "" {
			continue
		}
		if n := utf8.RuneCountInString(nodeText(b)) - linkRunes(b); n > bestRunes {
			best, bestRunes = b, n
		}
	}
	if best == nil || s.proseShare(best) < minBodyProse {
		return nil
	}
	return best
}

// indonesian reports whether a page comes from an Indonesian outlet: it
// declares Indonesian, its host is under .id or is a listed outlet's, or it
// prints its date in WIB, WITA or WIT.
func (s *pageScan) indonesian(lang, host string) bool {
	if lang == "id" || strings.HasSuffix(host, ".id") {
		return true
	}
	if labels := strings.Split(host, "."); len(labels) >= 2 && isOutlet(strings.Join(labels[len(labels)-2:], ".")) {
		return true
	}
	switch s.printed.zone {
	case wib, wita, wit:
		return true
	}
	return false
}

// normalize cleans a piece of page text as the text path cleans a body:
// control and zero-width characters out, odd spaces to ' ', NFC, mojibake
// repaired; then runs of spaces collapsed.
func normalize(s string) string {
	return strings.TrimSpace(collapseSpace(strings.ReplaceAll(text.Normalize(s), "\n", " ")))
}

// extractMain returns the main text of doc as go-readability finds it, or
// nil. The extractor works on a copy of doc. A panic in it is turned into
// an error: a page must not stop a batch.
func extractMain(doc *html.Node, pageURL string) (node *html.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			node, err = nil, fmt.Errorf("main-text extractor failed: %v", r)
		}
	}()
	u, perr := url.Parse(pageURL)
	if perr != nil || u.Host == "" {
		u = nil
	}
	art, err := readability.FromDocument(doc, u)
	if err != nil {
		// No content found: isArticle reports the page.
		return nil, nil
	}
	return art.Node, nil
}

// pageScan is what one walk over a parsed page learns.
type pageScan struct {
	meta       pageMeta
	order      map[*html.Node]int    // pre-order number of each element
	furniture  []furniture           // outermost elements the hints select, in page order
	furnAt     map[*html.Node]int    // index into furniture
	bodies     []*html.Node          // elements the body hints select
	blocks     []block               // running text of the page before pruning
	places     map[string]*html.Node // block text -> element of its first occurrence
	headline   *html.Node            // the element printing the headline, or nil
	printed    printedDate           // the printed publication date, if hasPrinted
	hasPrinted bool
	textRunes  int // runes of running text outside links
}

type furniture struct {
	n    *html.Node
	kind Kind
	at   int
	keep bool // holds too much running text to be furniture
}

type block struct {
	text string
	at   *html.Node
}

// Classes and ids that mark bylines, breadcrumbs and printed dates.
var (
	bylineClass = regexp.MustCompile(`(?i)(^|[-_\s])(author|authors|byline|penulis|reporter|writer|namerep|wartawan|redaksi|jurnalis|journalist|contributor)([-_\s]|$)`)
	crumbClass  = regexp.MustCompile(`(?i)breadcrumb`)
	dateClass   = regexp.MustCompile(`(?i)date|time|tanggal|tgl|publish|posted|waktu`)
)

// maxBylineRunes bounds the text of a byline element: a longer one is an
// author box with a bio.
const maxBylineRunes = 120

func scanPage(doc *html.Node) *pageScan {
	s := &pageScan{
		order:  make(map[*html.Node]int, 1024),
		furnAt: map[*html.Node]int{},
		places: map[string]*html.Node{},
	}
	s.meta.metas = map[string]string{}
	var walk func(n *html.Node, inFurniture bool)
	walk = func(n *html.Node, inFurniture bool) {
		if n.Type == html.ElementNode {
			s.order[n] = len(s.order)
			if !s.readElement(n) {
				return
			}
			if _, ok := s.furnAt[n]; ok {
				inFurniture = true // a list taken along with its label
			}
			if !inFurniture && n.DataAtom != atom.Html && n.DataAtom != atom.Body && n.DataAtom != atom.Head && n.DataAtom != atom.Main {
				kind, labelOnly := Kind(""), false
				if i := matchHint(n); i != noRule {
					kind = hintRules()[i].kind
				} else {
					kind, labelOnly = labelKind(n)
				}
				if kind == "" && linkItems(n) {
					kind = RelatedLinks
					if prev := prevElement(n); prev != nil && isListHeading(prev) {
						if _, taken := s.furnAt[prev]; !taken {
							s.addFurniture(prev, kind, s.order[prev])
						}
					}
				}
				switch kind {
				case "":
				case Body:
					s.bodies = append(s.bodies, n)
				default:
					s.addFurniture(n, kind, s.order[n])
					inFurniture = true
					if next := nextElement(n); labelOnly && linkList(next) {
						s.addFurniture(next, kind, s.order[n]) // it stands right after its label
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inFurniture)
		}
	}
	walk(doc, false)

	walkParagraphs(doc, func(p string, at *html.Node) {
		s.blocks = append(s.blocks, block{p, at})
		key := placeKey(normalize(p))
		if _, ok := s.places[key]; !ok {
			s.places[key] = at
		}
	})
	s.textRunes = utf8.RuneCountInString(nodeText(doc)) - linkRunes(doc)
	for i := range s.furniture {
		f := &s.furniture[i]
		own := utf8.RuneCountInString(nodeText(f.n)) - linkRunes(f.n)
		f.keep = own > maxFurnitureRunes && own*10 > s.textRunes*3
	}
	return s
}

func (s *pageScan) addFurniture(n *html.Node, kind Kind, at int) {
	s.furnAt[n] = len(s.furniture)
	s.furniture = append(s.furniture, furniture{n: n, kind: kind, at: at})
}

// maxFurnitureRunes is the running text (outside links) above which an
// element is kept whatever its class says, when it also holds 30% of the
// page's running text: it wraps the article.
const maxFurnitureRunes = 600

// readElement records what an element says about the article. It returns
// false for elements whose content is not page text (scripts).
func (s *pageScan) readElement(n *html.Node) bool {
	m := &s.meta
	switch n.DataAtom {
	case atom.Html:
		m.lang = cmpOr(attr(n, "lang"), attr(n, "xml:lang"))
	case atom.Title:
		if n.Namespace == "" && m.docTitle == "" {
			m.docTitle = childText(n)
		}
		return false
	case atom.Meta:
		content := attr(n, "content")
		for _, key := range []string{"name", "property", "itemprop", "http-equiv"} {
			if k := strings.ToLower(strings.TrimSpace(attr(n, key))); k != "" && content != "" {
				if _, seen := m.metas[k]; !seen {
					m.metas[k] = strings.TrimSpace(content)
				}
			}
		}
	case atom.Link:
		if m.canonical == "" && slices.Contains(strings.Fields(strings.ToLower(attr(n, "rel"))), "canonical") {
			m.canonical = attr(n, "href")
		}
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") {
			m.readLD(childText(n))
		}
		return false
	case atom.H1:
		if t := nodeText(n); t != "" {
			m.h1s = append(m.h1s, heading{t, n})
		}
	case atom.H2:
		if len(m.h2s) < maxH2Headlines {
			if t, ok := boundedText(n, maxTitleRunes); ok && t != "" {
				m.h2s = append(m.h2s, heading{t, n})
			}
		}
	case atom.Time:
		if d := attr(n, "datetime"); d != "" {
			m.times = append(m.times, stamped{d, n})
		}
	case atom.Blockquote:
		if hasClass(n, "twitter-tweet") {
			keepPostText(n)
		}
	}
	switch strings.ToLower(attr(n, "itemprop")) {
	case "datepublished":
		if d := cmpOr(attr(n, "content"), attr(n, "datetime")); d != "" {
			m.times = append([]stamped{{d, n}}, m.times...)
		}
	case "author":
		if t, ok := boundedText(n, maxBylineRunes); ok && t != "" {
			m.bylines = append(m.bylines, t)
		}
	}
	names := attr(n, "class") + " " + attr(n, "id")
	switch {
	case strings.Contains(strings.ToLower(attr(n, "rel")), "author"), bylineClass.MatchString(names):
		if t, ok := boundedText(n, maxBylineRunes); ok && t != "" {
			m.bylines = append(m.bylines, t)
		}
	case m.crumbs == nil && crumbClass.MatchString(names):
		m.crumbs = crumbTexts(n)
	}
	return true
}

// maxH2Headlines bounds the h2 elements kept as headline candidates.
const maxH2Headlines = 20

// hasClass reports whether n has the class name c.
func hasClass(n *html.Node, c string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), c)
}

// keepPostText trims an embedded post to its text: the paragraphs of a
// quoted tweet stay in the article, its "— Name (@handle) date" line goes.
func keepPostText(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type != html.ElementNode || c.DataAtom != atom.P {
			n.RemoveChild(c)
		}
		c = next
	}
}

// childText returns the text of n's direct text children.
func childText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.TrimSpace(collapseSpace(strings.ReplaceAll(b.String(), "\n", " ")))
}

// crumbTexts returns the link texts of a breadcrumb, or its item texts.
func crumbTexts(n *html.Node) []string {
	var links, items []string
	var walk func(*html.Node)
	walk = func(c *html.Node) {
		if c.Type == html.ElementNode {
			switch c.DataAtom {
			case atom.A:
				if t := nodeText(c); t != "" {
					links = append(links, t)
				}
				return
			case atom.Li:
				if t := nodeText(c); t != "" {
					items = append(items, t)
				}
			}
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			walk(k)
		}
	}
	walk(n)
	if len(links) > 0 {
		return links
	}
	if items == nil {
		items = []string{}
	}
	return items
}

// placeKey is the key under which a paragraph's place is looked up: its
// opening words, which survive extractors that drop a trailing link or
// join a line break.
func placeKey(p string) string {
	if len(p) > 60 {
		p = p[:60]
	}
	return p
}

// prune takes the furniture out of the page.
func (s *pageScan) prune() {
	for _, f := range s.furniture {
		if !f.keep && f.n.Parent != nil {
			f.n.Parent.RemoveChild(f.n)
		}
	}
}

// furnitureKind returns the kind of the furniture n sits in, or "".
func (s *pageScan) furnitureKind(n *html.Node) Kind {
	for ; n != nil; n = n.Parent {
		if i, ok := s.furnAt[n]; ok && !s.furniture[i].keep {
			return s.furniture[i].kind
		}
	}
	return ""
}

// title returns the printed headline and the element that prints it (nil
// when it is taken from metadata). The headline is the heading (h1, else
// h2) that says what the page's metadata calls its title (og:title, the
// JSON-LD headline, <title>), as pages also use h1 for logos and section
// names and some set the headline in an h2; else the metadata's title
// without the site's name. The site's name is learnt from the page
// itself: what a metadata title adds to a heading ("Judul | KONTAN") is
// the site's affix, stripped from every metadata title; an h1 that prints
// the whole <title> with that affix is the logo's.
func (s *pageScan) title(site, host string) (string, *html.Node) {
	m := &s.meta
	var raws []string
	for _, r := range []string{m.meta("og:title"), m.ld.headline, m.meta("twitter:title"), m.docTitle} {
		if r = normalize(r); r != "" {
			raws = append(raws, r)
		}
	}
	heads := append(slices.Clip(m.h1s), m.h2s...)
	affixes := titleAffixes(raws, heads, site, host)
	var refs []string
	for _, r := range raws {
		if r = cleanRefTitle(stripAffixes(r, affixes), site, host); r != "" {
			refs = append(refs, r)
		}
	}
	logo := func(t string) bool {
		if isOutlet(t) || strings.EqualFold(t, site) {
			return true
		}
		for _, r := range raws {
			if t == r && stripAffixes(r, affixes) != r {
				return true
			}
		}
		return false
	}
	for _, h := range heads { // the same words as the metadata's title
		if t := normalize(h.text); !logo(t) && slices.ContainsFunc(refs, func(r string) bool { return strings.EqualFold(t, r) }) {
			return t, h.n
		}
	}
	for level, hs := range [][]heading{m.h1s, m.h2s} { // mostly the same words
		for _, h := range hs {
			t := normalize(h.text)
			if logo(t) || level > 0 && len(strings.Fields(t)) < 3 {
				continue
			}
			for _, r := range refs {
				if sameTitle(t, r) {
					return t, h.n
				}
			}
		}
	}
	// One h1 of a few words is the printed headline even when the metadata
	// words it otherwise; several are logos and section names.
	if len(m.h1s) == 1 {
		if t := normalize(m.h1s[0].text); len(strings.Fields(t)) >= 3 && !logo(t) {
			return t, m.h1s[0].n
		}
	}
	if len(refs) == 0 {
		for _, h := range m.h1s {
			if t := normalize(h.text); len(strings.Fields(t)) >= 2 && !logo(t) {
				return t, h.n
			}
		}
		return "", nil
	}
	return refs[0], nil
}

// titleSeparators stand between a headline and a site's name in a title.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · ", " : ", " // ", " » "}

// titleAffixes returns what the metadata titles add to one of the page's
// headings: " | KONTAN" after it, "KOMPAS.com - " before it. What is added
// must read as a site's name: a few words that name the site or its host,
// or stand behind a separator that sets off a name (" | ", " · "); a
// clause after a dash ("Banjir Jakarta - Warga Mengungsi") is the
// headline's own.
func titleAffixes(raws []string, heads []heading, site, host string) []string {
	var out []string
	for _, r := range raws {
		for _, h := range heads {
			t := normalize(h.text)
			if len(t) < 10 || len(r) <= len(t) {
				continue
			}
			affix, name := "", ""
			if rest, ok := strings.CutPrefix(r, t); ok {
				affix = rest
			} else if rest, ok := strings.CutSuffix(r, t); ok {
				affix = rest
			}
			for _, sep := range titleSeparators {
				if rest, ok := strings.CutPrefix(affix, sep); ok {
					name = rest
				} else if rest, ok := strings.CutSuffix(affix, sep); ok {
					name = rest
				} else {
					continue
				}
				if len(strings.Fields(name)) > maxSiteTailWords ||
					!namesOwner(name, site, host) && !isOutlet(name) && !nameSeparators[sep] {
					name = ""
				}
				break
			}
			if name != "" && !slices.Contains(out, affix) {
				out = append(out, affix)
			}
		}
	}
	return out
}

// nameSeparators set a site's name off a headline; a dash or a colon may
// also join two parts of one headline.
var nameSeparators = map[string]bool{" | ": true, " :: ": true, " · ": true, " // ": true, " » ": true}

// stripAffixes removes a site's affixes from a title.
func stripAffixes(t string, affixes []string) string {
	for _, a := range affixes {
		if rest, ok := strings.CutSuffix(t, a); ok && rest != "" {
			return rest
		}
		if rest, ok := strings.CutPrefix(t, a); ok && rest != "" {
			return rest
		}
	}
	return t
}

// titleSuffix matches the page numbers and "Halaman all" that sites append
// to a <title>.
var titleSuffix = regexp.MustCompile(`(?i)\s*[-|:]?\s*\(?(halaman|hal\.?|page)\s+(all|\d+)\)?$`)

// cleanRefTitle removes the site name from a title taken from metadata:
// "Judul - Kompas.com", "Judul | Tempo.co", "KOMPAS.com - Judul", and a
// tail that names the site or its host ("Judul | Portal Berita Terkini
// iNews" on inews.id).
func cleanRefTitle(t, site, host string) string {
	t = stripSiteSuffix(t)
	if site != "" {
		for _, sep := range titleSeparators {
			if rest, ok := strings.CutSuffix(t, sep+site); ok && rest != "" {
				t = rest
			}
			if rest, ok := strings.CutPrefix(t, site+sep); ok && rest != "" {
				t = rest
			}
		}
	}
	for _, sep := range []string{" | ", " - "} {
		if i := strings.Index(t, sep); i > 0 && isOutlet(strings.TrimSpace(t[:i])) {
			t = t[i+len(sep):]
		}
	}
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(t, sep); i > 0 && namesOwner(t[i+len(sep):], site, host) {
			t = t[:i]
			break
		}
	}
	return strings.TrimSpace(titleSuffix.ReplaceAllString(t, ""))
}

// maxSiteTailWords bounds the words of a site's name after a headline.
const maxSiteTailWords = 6

// namesOwner reports whether a title's tail names the site or its host.
func namesOwner(tail, site, host string) bool {
	if len(strings.Fields(tail)) > maxSiteTailWords {
		return false
	}
	letters := lettersOf(tail)
	for _, owner := range []string{siteCore(site), hostCore(host)} {
		if utf8.RuneCountInString(owner) >= 4 && strings.Contains(letters, owner) {
			return true
		}
	}
	return false
}

// sameTitle reports whether an h1 says what a metadata title says: the same
// words for the most part, in either direction.
func sameTitle(h1, ref string) bool {
	a, b := titleWords(h1), titleWords(ref)
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	set := make(map[string]bool, len(b))
	for _, w := range b {
		set[w] = true
	}
	common := 0
	for _, w := range a {
		if set[w] {
			common++
		}
	}
	return common*10 >= max(len(a), len(b))*6
}

func titleWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// dateMetas are the meta tags that hold a publication date, best first.
var dateMetas = []string{
	"article:published_time", "datepublished", "og:published_time", "publishdate",
	"pubdate", "publish-date", "publish_date", "dtk:publishdate", "content_publisheddate",
	"published_time", "article.published", "parsely-pub-date", "sailthru.date",
	"dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date", "date",
	"cxenseparse:recs:publishtime",
}

// published returns the page's publication date in the record's form. The
// metadata's date wins; without one, the printed date ("Kamis, 5 November
// 2015 14:56 WIB") nearest after the headline. A date-time keeps the zone
// the page prints (WIB, WITA, WIT); a UTC time on an Indonesian page is
// given in that zone, WIB unless the page prints another, so that its
// calendar date is the one the page shows.
func (s *pageScan) published(lang, host string) string {
	printed, hasPrinted := s.printed, s.hasPrinted
	var local *time.Location
	switch {
	case hasPrinted && printed.zone != nil && printed.zone != time.UTC:
		local = printed.zone
	case lang == "id" || lang == "" && (strings.HasSuffix(host, ".id") || hasPrinted && printed.hasZone):
		local = wib
	}
	m := &s.meta
	candidates := []string{m.ld.published}
	for _, k := range dateMetas {
		candidates = append(candidates, m.metas[k])
	}
	for _, t := range m.times {
		if s.furnitureKind(t.n) == "" && !s.inTeaser(t.n) {
			candidates = append(candidates, t.date)
		}
	}
	for _, c := range candidates {
		st, ok := parseMachineDate(c)
		if !ok {
			continue
		}
		if !st.hasTime && hasPrinted && printed.hasTime && st.t.Format(time.DateOnly) == printed.t.Format(time.DateOnly) {
			return printed.format(local)
		}
		if st.hasZone {
			if _, off := st.t.Zone(); off == 0 && local != nil {
				return st.format(local)
			}
			return st.format(nil)
		}
		return st.format(local)
	}
	if hasPrinted {
		return printed.format(local)
	}
	return ""
}

// maxDateBlockBytes bounds the text around a printed publication date: a
// date inside running prose is an event's, not the page's.
const maxDateBlockBytes = 200

// printedDate returns the page's printed publication date: of the dates
// printed in short blocks outside related lists, menus and teasers, the
// one with the most signs of being the article's (a time, a zone, a
// date-like class, standing next to the headline, above or below it), the
// nearest the headline on a tie.
func (s *pageScan) printedDate() (printedDate, bool) {
	best, bestScore, bestDist := printedDate{}, -1, 0
	titleAt := -1
	if s.headline != nil {
		titleAt = s.order[s.headline]
	}
	for _, b := range s.blocks {
		if len(b.text) > maxDateBlockBytes {
			continue
		}
		p, ok := findPrintedDate(b.text)
		if !ok {
			continue
		}
		switch s.furnitureKind(b.at) {
		case RelatedLinks, Ad, Share, Other:
			continue
		}
		if s.inTeaser(b.at) {
			continue
		}
		at := s.order[b.at]
		score := 0
		if p.hasTime {
			score += 2
		}
		if p.hasZone {
			score++
		}
		if dateLike(b.at) {
			score += 3
		}
		dist := 0
		if titleAt >= 0 {
			dist = at - titleAt
			if dist < 0 {
				dist = -dist
			}
			if dist <= nearHeadline {
				score += 2
			}
			if at > titleAt {
				score++
			}
		}
		if score > bestScore || score == bestScore && titleAt >= 0 && dist < bestDist {
			best, bestScore, bestDist = p, score, dist
		}
	}
	return best, bestScore >= 0
}

// nearHeadline is how many elements away from the headline a printed
// date may stand and still count as the one printed with it.
const nearHeadline = 12

// maxTeaserRunes bounds the text of a teaser: a headline, a date, a line.
const maxTeaserRunes = 300

// minTeaserLinkWords is the fewest words of a link that is a headline.
const minTeaserLinkWords = 3

// inTeaser reports whether n stands in a teaser of another article: a
// small element around it, not holding this page's headline, holds a link
// of a few words (the teaser's headline).
func (s *pageScan) inTeaser(n *html.Node) bool {
	c := n
	for i := 0; i < 2 && c != nil && c.Parent != nil; i++ {
		c = c.Parent
		if s.headline != nil && within(s.headline, c) {
			return false
		}
		if _, small := boundedText(c, maxTeaserRunes); !small {
			return false
		}
		if hasHeadlineLink(c) {
			return true
		}
	}
	return false
}

// hasHeadlineLink reports whether n holds a link of minTeaserLinkWords or
// more.
func hasHeadlineLink(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		t, _ := boundedText(n, maxTitleRunes)
		return len(strings.Fields(t)) >= minTeaserLinkWords
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if _, small := boundedText(c, maxTeaserRunes); !small {
			return false
		}
		if hasHeadlineLink(c) {
			return true
		}
	}
	return false
}

// dateLike reports whether n, an ancestor near it or a child says by its
// class, id or itemprop that it holds a date.
func dateLike(n *html.Node) bool {
	marked := func(n *html.Node) bool {
		return n.Type == html.ElementNode && (n.DataAtom == atom.Time ||
			dateClass.MatchString(attr(n, "class")+" "+attr(n, "id")+" "+attr(n, "itemprop")))
	}
	for c, i := n, 0; c != nil && i < 3; c, i = c.Parent, i+1 {
		if marked(c) {
			return true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if marked(c) {
			return true
		}
	}
	return false
}

// isArticle reports whether the kept paragraphs make an article: enough
// words in sentences. Index pages keep headlines (no full stop) and teasers
// cut with an ellipsis; galleries keep only captions, which are furniture.
// A page that declares itself a collection, a gallery or a website front
// needs more.
func (s *pageScan) isArticle(paras []string) bool {
	need := minArticleWords
	if s.declaresIndex() {
		need = minIndexArticleWords
	}
	return proseWords(paras) >= need
}

// proseWords counts the words of the paragraphs that are sentences: of
// minSentenceWords or more, ending as a sentence does.
func proseWords(paras []string) int {
	words := 0
	for _, p := range paras {
		if n := textWords(p); n >= minSentenceWords && endsSentence(p) {
			words += n
		}
	}
	return words
}

// Thresholds of isArticle: a paragraph counts when it has minSentenceWords
// and ends a sentence; an article has minArticleWords of such (a two-line
// flash is an article), minIndexArticleWords on a page declared a
// collection.
const (
	minSentenceWords     = 8
	minArticleWords      = 15
	minIndexArticleWords = 150
)

// endsSentence reports whether p ends as a sentence does, and not with the
// ellipsis of a cut teaser: with a full stop, a question or exclamation
// mark or a closing quote, in Latin or CJK punctuation, or with a letter of
// a script that marks no sentence end (Thai, Lao, Khmer, Burmese).
func endsSentence(p string) bool {
	p = strings.TrimRight(p, " )]")
	if strings.HasSuffix(p, "...") || strings.HasSuffix(p, "…") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune(".!?\"”’'。！？｡」』", r) ||
		r >= utf8.RuneSelf && unicode.In(r, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// textWords counts the words of p: its fields, except that text in a
// script written without spaces between words (Chinese, Japanese, Thai,
// Lao, Khmer, Burmese) counts a word for every two characters.
func textWords(p string) int {
	words, run := 0, 0
	inField := false
	for _, r := range p {
		switch {
		case r >= utf8.RuneSelf && spaceless(r):
			run++
			inField = false
			continue
		case r == ' ' || r == '\t' || r == '\n':
			inField = false
		case !inField:
			words++
			inField = true
		}
		words += run / 2
		run = 0
	}
	return words + (run+1)/2
}

// spaceless reports whether r belongs to a script written without spaces
// between words.
func spaceless(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// indexTypes are the schema.org types of pages that list articles or
// media rather than hold one.
var indexTypes = []string{"collectionpage", "itemlist", "imagegallery", "mediagallery", "searchresultspage", "videogallery"}

func (s *pageScan) declaresIndex() bool {
	m := &s.meta
	for t := range m.ld.types {
		if articleTypes[t] {
			return false
		}
	}
	if strings.EqualFold(m.meta("og:type"), "article") {
		return false
	}
	for _, t := range indexTypes {
		if m.ld.types[t] {
			return true
		}
	}
	return strings.EqualFold(m.meta("og:type"), "website")
}

// boilerplate merges, in page order, the furniture taken out from between
// the first and the last kept paragraph with what the cleaner removed.
func (s *pageScan) boilerplate(c cleaner, ps paragraphs) []Boilerplate {
	lo, hi := -1, -1
	for i, k := range c.kinds {
		if at := ps.at[i]; k == "" && at >= 0 {
			if lo < 0 || at < lo {
				lo = at
			}
			hi = max(hi, at)
		}
	}
	var pieces []piece
	for _, f := range s.furniture {
		if f.keep || f.at < lo || f.at > hi {
			continue
		}
		if t := normalize(nodeText(f.n)); t != "" {
			pieces = append(pieces, piece{f.at, Boilerplate{f.kind, t}})
		}
	}
	for _, l := range ps.links {
		if l.at >= lo && l.at <= hi {
			pieces = append(pieces, l)
		}
	}
	// A paragraph that was not found in the page stands where the one
	// before it stood.
	pos := make([]int, len(ps.at))
	for i, p := range ps.at {
		switch {
		case p >= 0:
			pos[i] = p
		case i > 0:
			pos[i] = pos[i-1]
		default:
			pos[i] = lo
		}
	}
	for _, r := range c.removals() {
		pieces = append(pieces, piece{pos[r.at], r.b})
	}
	slices.SortStableFunc(pieces, func(a, b piece) int { return a.at - b.at })
	out := make([]Boilerplate, len(pieces))
	for i, p := range pieces {
		out[i] = p.b
	}
	return out
}
