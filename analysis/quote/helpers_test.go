package quote

import (
	"strings"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
)

// docOf lays out a cleaned article as the analysis pipeline does (title,
// blank line, paragraphs joined by blank lines) and runs the text layer.
func docOf(a *article.Article) *text.Document {
	var b strings.Builder
	doc := &text.Document{}
	b.WriteString(a.Title)
	doc.Title = text.Span{Start: 0, End: b.Len()}
	for i, p := range a.Paragraphs {
		if i > 0 || a.Title != "" {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		doc.Paragraphs = append(doc.Paragraphs, text.Span{Start: start, End: b.Len()})
	}
	doc.Text = b.String()
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

// docOfText analyses plain text: the first line is the headline, then one
// paragraph a line.
func docOfText(s string) *text.Document {
	return docOf(article.FromText(text.Normalize(s)))
}
