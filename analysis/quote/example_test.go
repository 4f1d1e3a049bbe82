package quote_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/quote"
	"github.com/warta-news/warta/analysis/text"
)

func ExampleFind() {
	// A Document as the analysis pipeline lays it out: paragraphs joined
	// by blank lines, then tokens and sentences from the text layer.
	doc := &text.Document{}
	for i, p := range []string{
		"Menteri Luar Negeri Rusia Sergey Lavrov bertemu mitranya di Reykjavik.",
		"“Pembicaraan itu tampak konstruktif bagi saya,” kata Lavrov.",
		"Ia menyebut hubungan kedua negara “sangat sederhana”.",
	} {
		if i > 0 {
			doc.Text += "\n\n"
		}
		doc.Paragraphs = append(doc.Paragraphs, text.Span{Start: len(doc.Text), End: len(doc.Text) + len(p)})
		doc.Text += p
	}
	text.Tokenize(doc)
	text.SplitSentences(doc)
	for _, q := range quote.Find(doc, nil) {
		fmt.Printf("%s %q\n  cue %q, speaker %s (%s) via %s\n", q.Kind, doc.Text[q.Text.Start:q.Text.End],
			doc.Text[q.Cue.Start:q.Cue.End], q.Name, q.Role, q.Via)
	}
	// Output:
	// direct "Pembicaraan itu tampak konstruktif bagi saya,"
	//   cue "kata", speaker Sergey Lavrov (Menteri Luar Negeri Rusia) via name
	// partial "sangat sederhana"
	//   cue "menyebut", speaker Sergey Lavrov (Menteri Luar Negeri Rusia) via pronoun
}
