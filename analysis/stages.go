package analysis

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/analysis/quality"
	"github.com/warta-news/warta/analysis/quote"
	"github.com/warta-news/warta/analysis/stem"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
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

// DefaultPipeline returns the stages warta runs: tokens, sentences,
// language, entities, quotes, dates and durations, amounts, events, then
// the fingerprint and the quality signals.
func DefaultPipeline() Pipeline {
	return Pipeline{
		{Name: "tokens", Run: func(_ context.Context, doc *text.Document, _ *Record) error {
			if err := text.Load(); err != nil {
				return err
			}
			text.Tokenize(doc)
			return nil
		}},
		{Name: "sentences", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			text.SplitSentences(doc)
			rec.Sentences = sentenceSpans(doc)
			return nil
		}},
		{Name: "language", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			m, err := langid.Default()
			if err != nil {
				return err
			}
			code, conf := m.Detect(doc)
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
		{Name: "entities", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			r, err := defaultRecognizer()
			if err != nil {
				return err
			}
			rec.entities = r.Find(doc)
			rec.Entities = recordEntities(doc, rec.entities.Entities)
			return nil
		}},
		{Name: "quotes", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			if err := quote.Load(); err != nil {
				return err
			}
			qs := quote.Find(doc, quoteEntities(rec.entities))
			rec.quoteSpans = make([]text.Span, len(qs))
			for i, q := range qs {
				rec.quoteSpans[i] = text.Span{Start: q.Text.Start, End: q.Text.End}
			}
			rec.Quotes = quoteRecords(doc, qs)
			return nil
		}},
		{Name: "timex", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			if err := timex.Load(); err != nil {
				return err
			}
			rec.Dates, rec.Durations = timex.Find(doc, publishedTime(rec.Published))
			rec.Dates = nonNil(rec.Dates)
			rec.byteDates = slices.Clone(rec.Dates)
			rec.Durations = nonNil(rec.Durations)
			runeSpans(doc, rec.Dates, func(d *timex.Date) (*int, *int) { return &d.Start, &d.End })
			runeSpans(doc, rec.Durations, func(d *timex.Duration) (*int, *int) { return &d.Start, &d.End })
			return nil
		}},
		{Name: "amounts", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			if err := amount.Load(); err != nil {
				return err
			}
			rec.Amounts = nonNil(amount.Find(doc))
			runeSpans(doc, rec.Amounts, func(a *amount.Amount) (*int, *int) { return &a.Start, &a.End })
			return nil
		}},
		{Name: "events", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			if err := errors.Join(event.Load(), stem.Load()); err != nil {
				return err
			}
			in := event.Input{Entities: rec.entities, Dates: rec.byteDates, Quotes: rec.quoteSpans, URL: rec.Source.URL}
			if rec.Section != nil {
				in.Section = *rec.Section
			}
			if rec.Dateline != nil {
				in.Place = rec.Dateline.Place
			}
			rec.Events = nonNil(event.Find(doc, in))
			return nil
		}},
		{Name: "fingerprint", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			fp := fingerprint.Compute(doc, fingerprintInput(rec))
			rec.Fingerprint = &fp
			return nil
		}},
		{Name: "quality", Run: func(_ context.Context, doc *text.Document, rec *Record) error {
			in := quality.Input{Language: rec.Language.Code, Boilerplate: rec.Boilerplate, SectionInTitle: rec.sectionInTitle}
			if rec.entities != nil {
				in.Entities = rec.entities.Entities
			}
			for _, d := range rec.byteDates {
				in.Dates = append(in.Dates, text.Span{Start: d.Start, End: d.End})
			}
			q := quality.Assess(doc, in)
			runeSpans(doc, q.Slips, func(s *quality.Slip) (*int, *int) { return &s.Start, &s.End })
			rec.Quality = &q
			return nil
		}},
	}
}

// fingerprintInput hands the fingerprint stage what the stages before it
// found: entities and dates in bytes, amounts and durations for their
// values, the dateline and the source credits the cleaner cut.
func fingerprintInput(rec *Record) fingerprint.Input {
	in := fingerprint.Input{
		Language:  rec.Language.Code,
		Published: publishedTime(rec.Published),
		Amounts:   rec.Amounts,
		Dates:     rec.byteDates,
		Durations: rec.Durations,
	}
	if rec.entities != nil {
		in.Entities = rec.entities.Entities
	}
	if rec.Dateline != nil {
		in.Dateline, in.Outlet = rec.Dateline.Text, rec.Dateline.Outlet
	}
	for _, b := range rec.Boilerplate {
		if b.Kind == article.Credit {
			in.Credits = append(in.Credits, b.Text)
		}
	}
	return in
}

// defaultRecognizer loads the embedded NER model and gazetteers once, on
// first use.
var defaultRecognizer = sync.OnceValues(entity.New)

// recordEntities copies entities for the record, with mention offsets in
// code points; the stage's own result stays in bytes for later stages.
func recordEntities(doc *text.Document, ents []entity.Entity) []entity.Entity {
	out := make([]entity.Entity, len(ents))
	var offs []*int
	for i, e := range ents {
		out[i] = e
		out[i].Mentions = append([]entity.Mention(nil), e.Mentions...)
		for j := range out[i].Mentions {
			m := &out[i].Mentions[j]
			offs = append(offs, &m.Start, &m.End)
		}
	}
	// Mentions of different entities interleave: convert in text order.
	slices.SortFunc(offs, func(a, b *int) int { return *a - *b })
	vals := make([]int, len(offs))
	for i, p := range offs {
		vals[i] = *p
	}
	doc.RuneOffsets(vals)
	for i, p := range offs {
		*p = vals[i]
	}
	return out
}

// quoteEntities hands the entities stage's result to the quotes stage:
// entities in order, and their mentions sorted by position, in bytes.
func quoteEntities(r *entity.Result) *quote.Entities {
	if r == nil {
		return nil
	}
	qe := &quote.Entities{List: make([]quote.Entity, len(r.Entities))}
	for i, e := range r.Entities {
		qe.List[i] = quote.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Roles: e.Roles}
		for _, m := range e.Mentions {
			qe.Mentions = append(qe.Mentions, quote.Mention{Start: m.Start, End: m.End, Entity: i})
		}
	}
	slices.SortFunc(qe.Mentions, func(a, b quote.Mention) int { return a.Start - b.Start })
	return qe
}

// quoteRecords turns the quotes stage's finds into the record's quotes,
// with spans in code points.
func quoteRecords(doc *text.Document, qs []quote.Quote) []Quote {
	offs := make([]int, 0, 2*len(qs))
	for _, q := range qs {
		offs = append(offs, q.Text.Start, q.Text.End)
	}
	// An indirect clause can hold a partial quote: sort, then convert once.
	slices.Sort(offs)
	offs = slices.Compact(offs)
	runes := slices.Clone(offs)
	doc.RuneOffsets(runes)
	at := func(b int) int {
		i, _ := slices.BinarySearch(offs, b)
		return runes[i]
	}
	out := make([]Quote, len(qs))
	for i, q := range qs {
		r := Quote{Text: doc.Text[q.Text.Start:q.Text.End], Start: at(q.Text.Start), End: at(q.Text.End), Kind: q.Kind.String()}
		if q.Entity != "" {
			r.Speaker = &q.Entity
		}
		// The name is given even without an entity: it is who the text says.
		if q.Name != "" {
			r.SpeakerName = &q.Name
		}
		if q.Role != "" {
			r.SpeakerRole = &q.Role
		}
		if q.Cue.End > q.Cue.Start {
			c := doc.Text[q.Cue.Start:q.Cue.End]
			r.Cue = &c
		}
		out[i] = r
	}
	return out
}

// publishedTime reads the record's publication date; a date without a time
// is midnight in Western Indonesian Time. It returns nil when there is none,
// so that relative dates stay unresolved rather than guessed.
func publishedTime(published *string) *time.Time {
	if published == nil {
		return nil
	}
	if t, err := time.Parse(time.RFC3339, *published); err == nil {
		return &t
	}
	if t, err := time.ParseInLocation(time.DateOnly, *published, wib); err == nil {
		return &t
	}
	return nil
}

// runeSpans converts the byte spans of a layer's items, sorted by position,
// into code points in one pass over the text; span points at an item's
// start and end.
func runeSpans[T any](doc *text.Document, items []T, span func(*T) (*int, *int)) {
	offs := make([]int, 0, 2*len(items))
	for i := range items {
		s, e := span(&items[i])
		offs = append(offs, *s, *e)
	}
	doc.RuneOffsets(offs)
	for i := range items {
		s, e := span(&items[i])
		*s, *e = offs[2*i], offs[2*i+1]
	}
}

// nonNil makes an empty layer print as [] rather than null: the stage ran
// and found nothing.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
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
