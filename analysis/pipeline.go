package analysis

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/analysis/quality"
	"github.com/warta-news/warta/analysis/quote"
	"github.com/warta-news/warta/analysis/syntax"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
	"github.com/warta-news/warta/analysis/tone"
	"github.com/warta-news/warta/analysis/topic"
)

// Layer names what a stage adds to the Document: a field, or a few that
// one stage fills together. Stages declare the layers they need and the
// layers they provide, and a Pipeline checks that every need is provided
// by a stage before it.
type Layer string

// The layers of the default pipeline, and where each lives.
const (
	LayerTokens      Layer = "tokens"      // Document.Tokens
	LayerSentences   Layer = "sentences"   // Document.Sentences
	LayerLanguage    Layer = "language"    // Document.Language
	LayerEntities    Layer = "entities"    // Document.Entities
	LayerSyntax      Layer = "syntax"      // Document.Syntax
	LayerQuotes      Layer = "quotes"      // Document.Quotes
	LayerDates       Layer = "dates"       // Document.Dates and Document.Durations
	LayerAmounts     Layer = "amounts"     // Document.Amounts
	LayerEvents      Layer = "events"      // Document.Events
	LayerFingerprint Layer = "fingerprint" // Document.Fingerprint
	LayerQuality     Layer = "quality"     // Document.Quality
	LayerTopics      Layer = "topics"      // Document.Topics
	LayerTone        Layer = "tone"        // Document.Tone
	LayerSummary     Layer = "summary"     // Document.Summary
)

// Document is one article under analysis: the text every stage shares
// (the embedded text.Document: text, title and paragraph spans, tokens,
// sentences), what the cleaner read around it, and the layers the stages
// add. Every offset in a Document counts bytes of Text; the Record that
// Analyze returns counts code points, converted once after the last stage.
type Document struct {
	*text.Document

	// Published is the publication date (a date alone is midnight WIB),
	// nil when it is unknown, so that relative dates stay unresolved.
	Published *time.Time
	// Section, URL, Dateline and Boilerplate are the cleaner's: the
	// section label, where the article was fetched, its dateline and
	// the page furniture it cut. SectionInTitle is a section label it cut
	// from the headline.
	Section        string
	URL            string
	Dateline       *article.Dateline
	Boilerplate    []article.Boilerplate
	SectionInTitle string
	// Warnings are carried into the record: the input's and the
	// cleaner's first, then those the stages add.
	Warnings []string

	// Language is the language of the text (LayerLanguage). Before the
	// language stage runs it holds the language a web page declares,
	// with confidence 0.
	Language Language
	// Entities is the entities stage's result, with its token index
	// (LayerEntities).
	Entities *entity.Result
	// Syntax is the sentences' dependency trees, each parsed when a stage
	// first asks for it (LayerSyntax).
	Syntax *syntax.Trees
	// Quotes are the quotations with their speakers (LayerQuotes).
	Quotes []quote.Quote
	// Dates and Durations are the normalised dates and durations
	// (LayerDates).
	Dates     []timex.Date
	Durations []timex.Duration
	// Amounts are money, percentages, counts and quantities
	// (LayerAmounts).
	Amounts []amount.Amount
	// Events are the PLOVER events with every side their type takes, and
	// PartialEvents those without (event.Split) (LayerEvents).
	Events, PartialEvents []event.Event
	// Fingerprint is the article's fingerprint (LayerFingerprint).
	Fingerprint *fingerprint.Fingerprint
	// Quality holds the quality signals (LayerQuality).
	Quality *quality.Quality
	// Topics are the IPTC subjects, best first (LayerTopics).
	Topics []topic.Topic
	// Tone is the article's tone and each entity's (LayerTone).
	Tone *tone.Result
	// Summary holds the indices of the summary's sentences, best first
	// (LayerSummary).
	Summary []int
}

// entities returns the entities of the entities layer, nil before it.
func (d *Document) entities() []entity.Entity {
	if d.Entities == nil {
		return nil
	}
	return d.Entities.Entities
}

// Stage adds its layers to a Document. Needs lists the layers it reads,
// which stages before it must provide; Provides lists the layers it
// fills. Stages run in order, share one Document and never re-tokenise.
// Load, when set, loads the embedded tables and models Run uses, once
// (later calls return the first call's result); Analyze calls it before
// Run, and Pipeline.Load calls every stage's at once.
type Stage struct {
	Name     string
	Needs    []Layer
	Provides []Layer
	Load     func() error
	Run      func(ctx context.Context, d *Document) error
}

// Pipeline is an ordered list of stages.
type Pipeline []Stage

// ErrPipeline is the error of a pipeline whose stages are out of order or
// incomplete: a stage needs a layer that no stage before it provides, or
// two stages provide the same layer.
var ErrPipeline = errors.New("analysis: bad pipeline")

// Check reports whether every layer a stage needs is provided by a stage
// before it, and no layer by two stages. Analyze checks its pipeline
// first, so that a misordered or incomplete pipeline is an error rather
// than a poorer record.
func (p Pipeline) Check() error {
	for i, s := range p {
		for _, need := range s.Needs {
			if p[:i].provider(need) >= 0 {
				continue
			}
			if j := p[i:].provider(need); j >= 0 {
				return fmt.Errorf("%w: stage %q needs the %s layer, which stage %q provides only after it", ErrPipeline, s.Name, need, p[i+j].Name)
			}
			return fmt.Errorf("%w: stage %q needs the %s layer, which no stage provides", ErrPipeline, s.Name, need)
		}
		for _, l := range s.Provides {
			if j := p[:i].provider(l); j >= 0 {
				return fmt.Errorf("%w: stages %q and %q both provide the %s layer", ErrPipeline, p[j].Name, s.Name, l)
			}
		}
	}
	return nil
}

// provider returns the index of the stage that provides layer l, or -1.
func (p Pipeline) provider(l Layer) int {
	for i, s := range p {
		for _, pl := range s.Provides {
			if pl == l {
				return i
			}
		}
	}
	return -1
}

// Analyze checks the pipeline, cleans the article, builds its Document,
// runs every stage and returns the record, with offsets in code points. It
// fails only when the pipeline is bad (ErrPipeline), a text input has no
// text (ErrNoText) or a stage fails; problems that leave a usable record
// become warnings. A web page without an article gives a record with a
// warning.
func (p Pipeline) Analyze(ctx context.Context, in Input) (*Record, error) {
	if err := p.Check(); err != nil {
		return nil, err
	}
	rec, d, err := newDocument(in)
	if err != nil {
		return nil, err
	}
	for _, s := range p {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if s.Load != nil {
			if err := s.Load(); err != nil {
				return nil, fmt.Errorf("analyze: %s: %w", s.Name, err)
			}
		}
		if err := s.Run(ctx, d); err != nil {
			return nil, fmt.Errorf("analyze: %s: %w", s.Name, err)
		}
	}
	p.fill(rec, d)
	return rec, nil
}

// Load loads the cleaner's tables and every stage's tables and models
// at once, each on its own goroutine, and returns when all are loaded,
// with their errors joined. Analyze loads what it needs on first use
// anyway; a caller about to analyse many articles calls Load first so
// that the loading, a single article's work otherwise (about 75 ms of CPU,
// most of it the entity model), is spread over the cores.
func (p Pipeline) Load(ctx context.Context) error {
	loads := []func() error{article.Load}
	for _, s := range p {
		if s.Load != nil {
			loads = append(loads, s.Load)
		}
	}
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, load := range loads {
		wg.Go(func() { errs[i] = load() })
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	return errors.Join(errs...)
}

// fill copies the Document's layers into the record, with their byte
// offsets converted to code points; a layer no stage provides stays
// absent (null).
func (p Pipeline) fill(rec *Record, d *Document) {
	doc := d.Document
	rec.Language, rec.Warnings = d.Language, d.Warnings
	has := func(l Layer) bool { return p.provider(l) >= 0 }
	if has(LayerSentences) {
		rec.Sentences = sentenceSpans(doc)
	}
	if has(LayerEntities) {
		rec.Entities = recordEntities(doc, d.entities())
	}
	if has(LayerQuotes) {
		rec.Quotes = quoteRecords(doc, d.Quotes)
	}
	if has(LayerEvents) {
		rec.Events, rec.Partial = d.Events, d.PartialEvents
	}
	if has(LayerDates) {
		rec.Dates = runeSpans(doc, d.Dates, func(d *timex.Date) (*int, *int) { return &d.Start, &d.End })
		rec.Durations = runeSpans(doc, d.Durations, func(d *timex.Duration) (*int, *int) { return &d.Start, &d.End })
	}
	if has(LayerAmounts) {
		rec.Amounts = runeSpans(doc, d.Amounts, func(a *amount.Amount) (*int, *int) { return &a.Start, &a.End })
	}
	rec.Fingerprint = d.Fingerprint
	if d.Quality != nil {
		q := *d.Quality
		q.Slips = runeSpans(doc, q.Slips, func(s *quality.Slip) (*int, *int) { return &s.Start, &s.End })
		rec.Quality = &q
	}
	rec.Topics, rec.Tone, rec.Summary = d.Topics, d.Tone, d.Summary
}
