package quote

import (
	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/text"
)

// docOf lays out a cleaned article as the analysis pipeline does (title,
// blank line, paragraphs joined by blank lines) and runs the text layer.
func docOf(a *article.Article) *text.Document {
	doc := text.NewDocument(a.Title, a.Paragraphs)
	text.Tokenize(doc)
	text.SplitSentences(doc)
	return doc
}

// docOfText analyses plain text: the first line is the headline, then one
// paragraph a line.
func docOfText(s string) *text.Document {
	return docOf(article.FromText(text.Normalize(s)))
}
