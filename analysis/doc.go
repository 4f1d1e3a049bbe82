// Package analysis turns one raw Indonesian news article into its record:
// the clean article, its sentences and language, who is mentioned, who
// said what, what happened between whom, and the dates and amounts it
// gives (the record contract, docs/record.md).
//
//	rec, err := analysis.Analyze(ctx, analysis.Input{Body: raw, Published: "2025-10-20"})
//
// # The flow
//
// Analyze runs the default Pipeline. A Pipeline first checks its stages'
// order, then:
//
//  1. the cleaner (package article) reads the Input — plain text, a title
//     and a body, or a web page — into title, section, byline, dateline,
//     publication date, paragraphs and the page furniture it cut;
//  2. the paragraphs become a Document: the text every stage shares (a
//     text.Document: the title, a blank line, the paragraphs joined by
//     blank lines) with what the cleaner read around it;
//  3. each stage, in order, reads the layers it needs from the Document
//     and adds its own; stages never re-tokenise, and every offset in a
//     Document counts bytes of its Text;
//  4. the Document's layers are copied into the Record, their offsets
//     converted to code points in this one place, after the last stage.
//
// # Stages and their layers
//
// A Stage declares the layers it needs and the layers it provides; a
// Layer names Document fields. Check, which Analyze calls first, refuses
// with ErrPipeline a pipeline in which a stage needs a layer that no stage
// before it provides, or two stages provide the same layer, so that a
// misordered or incomplete custom pipeline is an error, never a quietly
// poorer record. The default stages:
//
//	stage        package      needs                          provides     Document field → Record field
//	tokens       text         -                              tokens       Tokens
//	sentences    text         tokens                         sentences    Sentences → sentences
//	language     langid       tokens                         language     Language → language
//	syntax       syntax       sentences                      syntax       Syntax (trees parsed on demand; not in the record)
//	entities     entity       sentences                      entities     Entities → entities
//	quotes       quote        sentences, entities            quotes       Quotes → quotes
//	timex        timex        sentences                      dates        Dates, Durations → dates, durations
//	amounts      amount       sentences                      amounts      Amounts → amounts
//	events       event        sentences, entities, quotes,   events       Events → events
//	                          dates
//	fingerprint  fingerprint  sentences, language, entities, fingerprint  Fingerprint → fingerprint
//	                          dates, amounts
//	quality      quality      sentences, language, entities, quality      Quality → quality
//	                          dates
//
// A pipeline may leave stages out as long as every need is met: the
// record's fields of the layers no stage provides are null.
//
// # Adding a stage
//
// A new stage (tone, topics, summary) is a package under analysis/ with a
// function over a *text.Document and the layers it reads, and four lines
// here:
//
//  1. a Layer constant naming what it adds (LayerTone Layer = "tone");
//  2. a field of Document holding it, in bytes (Tone *tone.Tone), and
//     the Record field the contract gives it;
//  3. the Stage in DefaultPipeline, after the stages it needs:
//     {Name: "tone", Needs: []Layer{LayerSentences, LayerEntities},
//     Provides: []Layer{LayerTone}, Run: ...};
//  4. in Pipeline.fill, the copy of the field into the record, through
//     runeSpans when the layer has offsets.
//
// # Embedded tables
//
// Word lists, gazetteers, lexicons and models are files embedded in the
// stage packages (data/), each with a header that names its source
// (TestDataProvenance). They load by one rule, that of text.Tables: each
// is parsed on first use, once, so that a command pays only for the
// tables it uses; a malformed row is a *text.TableError naming file and
// line; each package's Load (entity.New, langid.Default) returns that
// error, and functions without an error result panic with it. Each stage
// here names its package's Load (Stage.Load) and Analyze calls it before
// the stage runs, so Analyze returns the error instead; Pipeline.Load
// loads them all at once, on every core, before a batch.
//
// The models are rebuilt by the .../train packages (analysis/entity/train,
// analysis/langid/train, analysis/stem/train; warta train), which are not
// part of the stages' API.
package analysis
