package analysis

import (
	"context"
	"fmt"

	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/analysis/text"
)

// Stage adds one layer to an article under analysis: it reads the shared
// Document and writes its fields of the Record. Stages run in order and
// never re-tokenise.
type Stage struct {
	Name string
	Run  func(ctx context.Context, doc *text.Document, rec *Record) error
}

// Pipeline is an ordered list of stages.
type Pipeline []Stage

// DefaultPipeline returns the stages warta runs: tokens, sentences and
// language.
func DefaultPipeline() Pipeline {
	return Pipeline{
		{Name: "tokens", Run: func(_ context.Context, doc *text.Document, _ *Record) error {
			text.Tokenize(doc)
			return nil
		}},
		{Name: "sentences", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			text.SplitSentences(doc)
			rec.Sentences = sentenceSpans(doc)
			return nil
		}},
		{Name: "language", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			code, conf := langid.Detect(doc)
			rec.Language = Language{Code: code, Confidence: conf}
			switch code {
			case "id":
			case "und":
				rec.Warnings = append(rec.Warnings, "language could not be identified")
			default:
				rec.Warnings = append(rec.Warnings, fmt.Sprintf("language is not Indonesian (%s, confidence %.2f)", code, conf))
			}
			return nil
		}},
	}
}

// sentenceSpans converts the document's sentences to code-point spans.
func sentenceSpans(doc *text.Document) []Span {
	offs := make([]int, 0, 2*len(doc.Sentences))
	for _, s := range doc.Sentences {
		offs = append(offs, s.Start, s.End)
	}
	doc.RuneOffsets(offs)
	spans := make([]Span, len(doc.Sentences))
	for i := range spans {
		spans[i] = Span{offs[2*i], offs[2*i+1]}
	}
	return spans
}
