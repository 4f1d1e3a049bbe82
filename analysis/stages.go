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
	"github.com/warta-news/warta/analysis/summary"
	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/analysis/topic"
)

// DefaultPipeline returns the stages warta runs, in order, each with the
// layers it needs and provides (see the package documentation).
func DefaultPipeline() Pipeline {
	return Pipeline{
		{Name: "tokens", Provides: []Layer{LayerTokens}, Load: text.Load, Run: func(_ context.Context, d *Document) error {
			text.Tokenize(d.Document)
			return nil
		}},
		{Name: "sentences", Needs: []Layer{LayerTokens}, Provides: []Layer{LayerSentences}, Run: func(_ context.Context, d *Document) error {
			text.SplitSentences(d.Document)
			return nil
		}},
		{Name: "language", Needs: []Layer{LayerTokens}, Provides: []Layer{LayerLanguage}, Load: loaded(langid.Default), Run: func(_ context.Context, d *Document) error {
			m, err := langid.Default()
			if err != nil {
				return err
			}
			code, conf := m.Detect(d.Document)
			d.Language = Language{Code: code, Confidence: conf}
			switch code {
			case "id":
			case "und":
				d.Warnings = append(d.Warnings, "language could not be identified")
			default:
				d.Warnings = append(d.Warnings, fmt.Sprintf("language is not Indonesian (%s, confidence %.2f)", code, conf))
			}
			return nil
		}},
		// The events stage parses a sentence in most articles: the
		// model is loaded with the others.
		{Name: "syntax", Needs: []Layer{LayerSentences}, Provides: []Layer{LayerSyntax}, Load: loaded(syntax.Default), Run: func(_ context.Context, d *Document) error {
			d.Syntax = syntax.NewTrees(d.Document, nil)
			return nil
		}},
		{Name: "entities", Needs: []Layer{LayerSentences}, Provides: []Layer{LayerEntities}, Load: loaded(defaultRecognizer), Run: func(_ context.Context, d *Document) error {
			r, err := defaultRecognizer()
			if err != nil {
				return err
			}
			d.Entities = r.Find(d.Document)
			return nil
		}},
		{Name: "quotes", Needs: []Layer{LayerSentences, LayerEntities}, Provides: []Layer{LayerQuotes}, Load: quote.Load, Run: func(_ context.Context, d *Document) error {
			d.Quotes = quote.Find(d.Document, quoteEntities(d.Entities))
			return nil
		}},
		{Name: "timex", Needs: []Layer{LayerSentences}, Provides: []Layer{LayerDates}, Load: timex.Load, Run: func(_ context.Context, d *Document) error {
			dates, durations := timex.Find(d.Document, d.Published)
			d.Dates, d.Durations = nonNil(dates), nonNil(durations)
			return nil
		}},
		{Name: "amounts", Needs: []Layer{LayerSentences}, Provides: []Layer{LayerAmounts}, Load: amount.Load, Run: func(_ context.Context, d *Document) error {
			d.Amounts = nonNil(amount.Find(d.Document))
			return nil
		}},
		{Name: "events", Needs: []Layer{LayerSentences, LayerEntities, LayerQuotes, LayerDates, LayerSyntax}, Provides: []Layer{LayerEvents}, Load: func() error { return errors.Join(event.Load(), stem.Load()) }, Run: func(_ context.Context, d *Document) error {
			d.Events, d.PartialEvents = event.Split(event.Find(d.Document, d.EventInput()))
			return nil
		}},
		{Name: "fingerprint", Needs: []Layer{LayerSentences, LayerLanguage, LayerEntities, LayerDates, LayerAmounts}, Provides: []Layer{LayerFingerprint},
			Run: func(_ context.Context, d *Document) error {
				fp := fingerprint.Compute(d.Document, fingerprintInput(d))
				d.Fingerprint = &fp
				return nil
			}},
		{Name: "quality", Needs: []Layer{LayerSentences, LayerLanguage, LayerEntities, LayerDates}, Provides: []Layer{LayerQuality},
			Run: func(_ context.Context, d *Document) error {
				in := quality.Input{Language: d.Language.Code, Boilerplate: d.Boilerplate, SectionInTitle: d.SectionInTitle,
					Entities: d.entities()}
				for _, date := range d.Dates {
					in.Dates = append(in.Dates, text.Span{Start: date.Start, End: date.End})
				}
				q := quality.Assess(d.Document, in)
				d.Quality = &q
				return nil
			}},
		{Name: "topics", Needs: []Layer{LayerTokens}, Provides: []Layer{LayerTopics}, Load: loaded(topic.New), Run: func(_ context.Context, d *Document) error {
			t, err := topic.New()
			if err != nil {
				return err
			}
			d.Topics = t.Tag(d.Document)
			return nil
		}},
		{Name: "tone", Needs: []Layer{LayerSentences, LayerEntities, LayerQuotes}, Provides: []Layer{LayerTone}, Load: loaded(defaultTone), Run: func(_ context.Context, d *Document) error {
			a, err := defaultTone()
			if err != nil {
				return err
			}
			in := tone.Input{Entities: d.Entities}
			for _, q := range d.Quotes {
				in.Quotes = append(in.Quotes, tone.Quote{Start: q.Text.Start, End: q.Text.End, Speaker: q.Entity})
			}
			res := a.Analyze(d.Document, in)
			d.Tone = &res
			return nil
		}},
		{Name: "summary", Needs: []Layer{LayerSentences, LayerQuotes}, Provides: []Layer{LayerSummary}, Run: func(_ context.Context, d *Document) error {
			var marked []text.Span // quotes in quotation marks
			for _, q := range d.Quotes {
				if q.Kind == quote.Direct || q.Kind == quote.Partial {
					marked = append(marked, q.Text)
				}
			}
			slices.SortFunc(marked, func(a, b text.Span) int { return a.Start - b.Start })
			d.Summary = summary.Summarize(d.Document, marked)
			return nil
		}},
	}
}

// loaded turns a loader that returns what it loaded into a Stage's Load.
func loaded[T any](load func() (T, error)) func() error {
	return func() error {
		_, err := load()
		return err
	}
}

// defaultTone loads the embedded tone model once, on first use.
var defaultTone = sync.OnceValues(tone.New)

// fingerprintInput hands the fingerprint stage what the stages before it
// found: entities and dates in bytes, amounts and durations for their
// values, the dateline and the source credits the cleaner cut.
func fingerprintInput(d *Document) fingerprint.Input {
	in := fingerprint.Input{
		Language:  d.Language.Code,
		Published: d.Published,
		Entities:  d.entities(),
		Amounts:   d.Amounts,
		Dates:     d.Dates,
		Durations: d.Durations,
	}
	if d.Dateline != nil {
		in.Dateline, in.Outlet = d.Dateline.Text, d.Dateline.Outlet
	}
	for _, b := range d.Boilerplate {
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
// code points.
func recordEntities(doc *text.Document, ents []entity.Entity) []entity.Entity {
	out := make([]entity.Entity, len(ents))
	n := 0
	for _, e := range ents {
		n += len(e.Mentions)
	}
	// Every entity's mentions are copied into one array, cut so that no
	// entity's slice reaches into the next's.
	all := make([]entity.Mention, 0, n)
	offs := make([]*int, 0, 2*n)
	for i, e := range ents {
		out[i] = e
		if len(e.Mentions) > 0 {
			k := len(all)
			all = append(all, e.Mentions...)
			out[i].Mentions = all[k:len(all):len(all)]
		} else {
			out[i].Mentions = nil
		}
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
	n := 0
	for _, e := range r.Entities {
		n += len(e.Mentions)
	}
	qe := &quote.Entities{List: make([]quote.Entity, len(r.Entities)), Mentions: make([]quote.Mention, 0, n)}
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
	// The speaker fields point into one array of strings, not one
	// allocation each; its capacity is fixed, so no pointer moves.
	strs := make([]string, 0, 4*len(qs))
	str := func(s string) *string {
		strs = append(strs, s)
		return &strs[len(strs)-1]
	}
	for i, q := range qs {
		r := Quote{Text: doc.Text[q.Text.Start:q.Text.End], Start: at(q.Text.Start), End: at(q.Text.End), Kind: q.Kind.String()}
		if q.Entity != "" {
			r.Speaker = str(q.Entity)
		}
		// The name is given even without an entity: it is who the text says.
		if q.Name != "" {
			r.SpeakerName = str(q.Name)
		}
		if q.Role != "" {
			r.SpeakerRole = str(q.Role)
		}
		if q.Cue.End > q.Cue.Start {
			r.Cue = str(doc.Text[q.Cue.Start:q.Cue.End])
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

// runeSpans returns a copy of a layer's items, sorted by position, with
// their byte spans converted into code points in one pass over the text;
// span points at an item's start and end.
func runeSpans[T any](doc *text.Document, items []T, span func(*T) (*int, *int)) []T {
	items = slices.Clone(items)
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
	return items
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

// EventInput is what the events stage reads besides the text: the layers
// before it (entities, dates, quotes and their speakers, the dateline's
// place, the parse) and where the article was published.
func (d *Document) EventInput() event.Input {
	in := event.Input{Entities: d.Entities, Dates: d.Dates, Syntax: d.Syntax, URL: d.URL, Section: d.Section}
	in.Quotes = make([]text.Span, len(d.Quotes))
	in.Speakers = make([]string, len(d.Quotes))
	for i, q := range d.Quotes {
		in.Quotes[i], in.Speakers[i] = q.Text, q.Entity
	}
	if d.Dateline != nil {
		in.Place = d.Dateline.Place
	}
	return in
}
