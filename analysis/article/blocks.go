package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blockTags end a run of inline text: each block, list item, cell row or
// heading is a paragraph of its own. Tags not listed (a, b, span, em, time,
// and the custom tags some extractors emit) are inline.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true,
	atom.Ol: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tbody: true,
	atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Caption: true,
	atom.Figure: true, atom.Figcaption: true, atom.Section: true,
	atom.Article: true, atom.Aside: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Nav: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Form: true, atom.Fieldset: true, atom.Center: true,
	atom.Hr: true, atom.Br: true, atom.Body: true, atom.Html: true,
}

// skipTags hold no running text: their content is code, styling, widgets or
// fallbacks that a reader never sees as prose.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Video: true, atom.Audio: true, atom.Canvas: true,
	atom.Select: true, atom.Option: true, atom.Textarea: true, atom.Button: true,
	atom.Input: true, atom.Head: true, atom.Title: true,
}

// paragraphWalker turns a tree into paragraphs of running text.
type paragraphWalker struct {
	b     strings.Builder
	start *html.Node // the element whose text opened the current paragraph
	emit  func(text string, at *html.Node)
}

// walkParagraphs calls emit with each paragraph of running text under n,
// white space collapsed, and the element the paragraph's text sits in.
// Table cells are joined with " | " within their row.
func walkParagraphs(n *html.Node, emit func(text string, at *html.Node)) {
	w := paragraphWalker{emit: emit}
	w.walk(n, n)
	w.flush()
}

func (w *paragraphWalker) walk(n, block *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data, block)
		return
	case html.ElementNode:
		a := tagAtom(n)
		if skipTags[a] {
			return
		}
		if a == atom.Td || a == atom.Th {
			if w.b.Len() > 0 {
				w.b.WriteString(" | ")
			}
		}
		if blockTags[a] {
			w.flush()
			block = n
		}
	case html.DocumentNode:
	default:
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, block)
	}
	if n.Type == html.ElementNode && blockTags[tagAtom(n)] {
		w.flush()
	}
}

// tagAtom returns the atom of an element's tag. Nodes built by an
// extractor rather than the parser may carry only the tag's name.
func tagAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 || n.Data == "" {
		return n.DataAtom
	}
	return atom.Lookup([]byte(strings.ToLower(n.Data)))
}

// text appends a text node, collapsing white space across node boundaries.
func (w *paragraphWalker) text(s string, block *html.Node) {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if unicode.IsSpace(r) {
			if w.b.Len() > 0 && !strings.HasSuffix(w.b.String(), " ") {
				w.b.WriteByte(' ')
			}
			continue
		}
		if w.b.Len() == 0 {
			w.start = block
		}
		w.b.WriteRune(r)
	}
}

func (w *paragraphWalker) flush() {
	p := strings.TrimSpace(strings.TrimSuffix(w.b.String(), " | "))
	w.b.Reset()
	if p != "" && p != "|" {
		w.emit(p, w.start)
	}
}

// nodeText returns the running text of n on one line, white space collapsed.
func nodeText(n *html.Node) string {
	var parts []string
	walkParagraphs(n, func(p string, _ *html.Node) { parts = append(parts, p) })
	return strings.Join(parts, " ")
}

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
