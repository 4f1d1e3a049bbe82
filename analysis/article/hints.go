package article

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/warta-news/warta/analysis/text"
)

// hintRule is one rule of data/html_hints.tsv.
type hintRule struct {
	kind  Kind
	name  *regexp.Regexp // name~: a class name or the id
	tag   string         // tag=
	role  string         // role=
	prop  string         // itemprop=, lower case
	label string         // label=, lower case
}

// Body is the kind of the hint rules that name an article's body element.
const Body Kind = "body"

// hintTables are the rules of data/html_hints.tsv, parsed on first use:
// the text path never needs them.
var hintTables = text.NewTables(func() ([]hintRule, error) { return readHintRules("data/html_hints.tsv") })

func hintRules() []hintRule { return hintTables.Get() }

func readHintRules(file string) ([]hintRule, error) {
	var rules []hintRule
	err := readTable(file, 2, func(f []string) error {
		r := hintRule{kind: Kind(f[0])}
		sel := strings.TrimSpace(strings.Join(f[1:], "\t"))
		switch {
		case strings.HasPrefix(sel, "name~"):
			re, err := regexp.Compile(`^(?i:` + sel[len("name~"):] + `)$`)
			if err != nil {
				return err
			}
			r.name = re
		case strings.HasPrefix(sel, "tag="):
			r.tag = strings.ToLower(sel[len("tag="):])
		case strings.HasPrefix(sel, "role="):
			r.role = strings.ToLower(sel[len("role="):])
		case strings.HasPrefix(sel, "itemprop="):
			r.prop = strings.ToLower(sel[len("itemprop="):])
		case strings.HasPrefix(sel, "label="):
			r.label = strings.ToLower(sel[len("label="):])
		default:
			return fmt.Errorf("unknown selector %q", sel)
		}
		rules = append(rules, r)
		return nil
	})
	return rules, err
}

// noRule marks a class name that no name~ rule matches.
const noRule = -1

// nameCache remembers which rule each class name or id matched: a page
// repeats a few hundred names over thousands of elements, and pages of one
// site, or one CMS, share most of theirs. It stops growing at
// maxCachedNames (pages with generated class names would fill it).
var nameCache = struct {
	sync.RWMutex
	m map[string]int // name -> index of the first name~ rule, or noRule
}{m: map[string]int{}}

const maxCachedNames = 50_000

// matchHint returns the index of the first rule that selects n by its tag,
// role, itemprop, class names or id, or noRule. Label rules need the text
// and are left to labelKind.
func matchHint(n *html.Node) int {
	best := noRule
	better := func(i int) {
		if i != noRule && (best == noRule || i < best) {
			best = i
		}
	}
	for i, r := range hintRules() {
		if r.tag != "" && r.tag == n.Data || r.role != "" && strings.EqualFold(attr(n, "role"), r.role) ||
			r.prop != "" && strings.EqualFold(attr(n, "itemprop"), r.prop) {
			better(i)
			break
		}
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			for c := range strings.FieldsSeq(a.Val) {
				better(nameRule(c))
			}
		case "id":
			if id := strings.TrimSpace(a.Val); id != "" {
				better(nameRule(id))
			}
		}
	}
	return best
}

// nameRule returns the index of the first name~ rule that matches a class
// name or id, or noRule.
func nameRule(name string) int {
	nameCache.RLock()
	i, ok := nameCache.m[name]
	nameCache.RUnlock()
	if ok {
		return i
	}
	i = noRule
	if len(name) <= 64 {
		for j, r := range hintRules() {
			if r.name != nil && r.name.MatchString(name) {
				i = j
				break
			}
		}
	}
	nameCache.Lock()
	if len(nameCache.m) < maxCachedNames {
		nameCache.m[name] = i
	}
	nameCache.Unlock()
	return i
}

// boxTags are the elements that can hold an inline box of related links.
var boxTags = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Aside: true, atom.Ul: true,
	atom.Ol: true, atom.Table: true, atom.P: true, atom.Blockquote: true,
	atom.Dl: true,
}

// maxBoxRunes bounds the text of a related-links box found by its label.
const maxBoxRunes = 800

// labelKind returns the kind of a short box that opens with a label
// ("Baca juga:") and whose other text is mostly links, or "", and whether
// the box is the label alone.
func labelKind(n *html.Node) (Kind, bool) {
	if !boxTags[n.DataAtom] {
		return "", false
	}
	first := asciiLower(firstText(n))
	var rule *hintRule
	rules := hintRules()
	for i := range rules {
		r := &rules[i]
		if r.label != "" && strings.HasPrefix(first, r.label) {
			// The label ends a word: "Baca juga" but not "Baca jugalah".
			next, _ := utf8.DecodeRuneInString(first[len(r.label):])
			if !unicode.IsLetter(next) && !unicode.IsDigit(next) {
				rule = r
				break
			}
		}
	}
	if rule == nil {
		return "", false
	}
	text, ok := boundedText(n, maxBoxRunes)
	if !ok {
		return "", false
	}
	rest := strings.TrimLeft(text[min(len(text), len(rule.label)):], " :»>-–—|")
	if rest == "" {
		return rule.kind, true
	}
	if mostlyLinks(n, rest) {
		return rule.kind, false
	}
	return "", false
}

// mostlyLinks reports whether at least half of text, the text of n, is
// inside links.
func mostlyLinks(n *html.Node, text string) bool {
	return 2*linkRunes(n) >= utf8.RuneCountInString(text)
}

// linkList reports whether n is a short list or box of links: what follows
// a label alone ("Baca Juga" over a list of headlines).
func linkList(n *html.Node) bool {
	if n == nil || !boxTags[n.DataAtom] {
		return false
	}
	text, ok := boundedText(n, maxBoxRunes)
	return ok && text != "" && mostlyLinks(n, text)
}

// nextElement returns the next sibling of n that is an element, or nil.
func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// firstText returns the first non-blank text under n, trimmed.
func firstText(n *html.Node) string {
	if n.Type == html.TextNode {
		return strings.TrimSpace(n.Data)
	}
	if n.Type == html.ElementNode && skipTags[n.DataAtom] {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := firstText(c); t != "" {
			return t
		}
	}
	return ""
}

// boundedText returns the text under n on one line, and false when it is
// longer than limit runes.
func boundedText(n *html.Node, limit int) (string, bool) {
	var b strings.Builder
	runes := 0
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		switch {
		case n.Type == html.TextNode:
			for f := range strings.FieldsSeq(n.Data) {
				if runes += utf8.RuneCountInString(f) + 1; runes > limit {
					return false
				}
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(f)
			}
		case n.Type == html.ElementNode && skipTags[n.DataAtom]:
		default:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if !walk(c) {
					return false
				}
			}
		}
		return true
	}
	ok := walk(n)
	return b.String(), ok
}

// linkRunes counts the runes of text inside links under n.
func linkRunes(n *html.Node) int {
	count := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, inLink bool) {
		if n.Type == html.TextNode && inLink {
			count += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			inLink = true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	return count
}

// prevElement returns the previous sibling of n that is an element, or nil.
func prevElement(n *html.Node) *html.Node {
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// minLinkItems is the fewest items of a list of headlines.
const minLinkItems = 2

// linkItems reports whether n is a list whose every item is mostly a link
// and none a sentence: related articles set in the body with no class to
// tell them by.
func linkItems(n *html.Node) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	items := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom != atom.Li {
			return false
		}
		text, ok := boundedText(c, maxBoxRunes)
		if !ok || text == "" || endsSentence(text) || !mostlyLinks(c, text) || linkRunes(c)*10 < utf8.RuneCountInString(strings.ReplaceAll(text, " ", ""))*7 {
			return false
		}
		items++
	}
	return items >= minLinkItems
}

// maxListHeadingRunes bounds the heading over a list of related links.
const maxListHeadingRunes = 60

// isListHeading reports whether n reads as the heading over a list: a
// heading element, or a short line that is no sentence.
func isListHeading(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P, atom.Div, atom.Span, atom.Strong, atom.B:
	default:
		return false
	}
	text, ok := boundedText(n, maxListHeadingRunes)
	return ok && text != "" && !endsSentence(text) && linkRunes(n) == 0
}
