// Package pipeline is warta's one analyse-and-store path: every way an
// article comes in (warta analyze and warta ingest over files, a POST to the
// API, a fetched page, a queue message) goes through it.
//
// It has two parts that work together or apart:
//
//   - [Runner] analyses the articles of an [ingest.Source] on several
//     goroutines and hands each [Result] to a sink in input order, failures
//     included. warta analyze uses it alone.
//   - [Writer] is the one write path of a process to a store: it gathers
//     records into batches (one transaction each, several times faster than
//     one at a time), commits a batch when it is full or has waited
//     [WriterOptions.MaxDelay], and calls its observers after each commit.
//     Requests from many goroutines (ingests, API requests, a fetcher) share
//     one Writer and so one transaction at a time.
//
// [Pipeline] joins them: [Pipeline.Ingest] streams a source through the
// runner into the writer (warta ingest, a fetcher's batch of pages), and
// [Pipeline.Store] analyses and stores one article and waits for the commit
// (POST /api/v1/articles, a queue worker's message).
//
// An [Observer] sees every record after it is committed, with what the
// store made of it (new, new version, unchanged): alerts, story lineage and
// metrics attach there, without knowing where articles come from.
//
// Nothing here starts a goroutine that outlives the call that started it:
// [Runner.Run] and [Pipeline.Ingest] return after their workers, and a
// Writer works only while its [Writer.Run] runs, which the owner calls and
// waits for. Every call takes a context; cancelling it stops the work and
// fails what was not committed.
package pipeline
