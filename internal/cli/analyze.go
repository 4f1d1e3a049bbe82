package cli

import (
	"bufio"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
)

type analyzeCmd struct {
	JSON       bool     `name:"json" xor:"format" help:"Print each record as indented JSON (meant for one article)."`
	JSONL      bool     `name:"jsonl" xor:"format" help:"Print one record per line, in input order."`
	Text       bool     `name:"text" xor:"format" help:"Print a readable summary of each record."`
	Published  string   `placeholder:"DATE" help:"Publication date (YYYY-MM-DD or RFC 3339) for inputs that carry none (a page's own date wins); relative dates resolve against it."`
	URL        string   `name:"url" help:"Source URL for inputs that carry none (a page's canonical URL wins)."`
	Workers    int      `help:"Articles analysed in parallel (default: one per CPU)."`
	Quiet      bool     `short:"q" help:"No closing summary on stderr."`
	CPUProfile string   `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile (go tool pprof) of the run to FILE."`
	Files      []string `arg:"" name:"FILE" help:"Plain-text, JSON Lines, JSON or HTML files; - reads standard input."`
}

// Help adds the input formats to "warta analyze --help".
func (analyzeCmd) Help() string {
	return `Inputs are told apart by content and extension:
  plain text   the first non-empty line is the headline, then one paragraph a
               line or paragraphs separated by blank lines;
  JSON Lines   one article a line with title, body, url, published;
  JSON         one such object, or an array of them;
  HTML         a web page in any charset: the article, headline, byline,
               date, section and canonical URL are read from it; a page
               without an article gives a record with a warning.
stdout carries only records; warnings, errors and the summary go to stderr.
The exit status is 0 when every input gave a record and 1 otherwise.`
}

// outputMode is how records are printed.
type outputMode int

const (
	modeJSON outputMode = iota
	modeJSONL
	modeText
)

func (c *analyzeCmd) mode() outputMode {
	switch {
	case c.JSON:
		return modeJSON
	case c.JSONL:
		return modeJSONL
	case c.Text:
		return modeText
	}
	// One plain file reads best indented; many articles one to a line.
	if len(c.Files) == 1 {
		switch strings.ToLower(filepath.Ext(c.Files[0])) {
		case ".jsonl", ".ndjson", ".json":
			return modeJSONL
		}
		if c.Files[0] != "-" {
			return modeJSON
		}
	}
	return modeJSONL
}

// Validate checks the flags once they are read (kong calls it).
func (c *analyzeCmd) Validate() error { return validateBatch(c.Published, c.Workers) }

func (c *analyzeCmd) Run(ctx context.Context, env *Env) error {
	if c.CPUProfile != "" {
		stop, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	out := bufio.NewWriterSize(env.Stdout, 256<<10)
	w := newRecordWriter(out, c.mode())
	prog := newProgress(env, "analysing", c.Quiet)
	p := analysis.DefaultPipeline()
	// The tables and models are nearly all of the heap the loading builds,
	// and all of it stays: a collection while they load only marks them
	// again, so none runs until they are in.
	gc := debug.SetGCPercent(-1)
	err := p.Load(ctx)
	debug.SetGCPercent(gc)
	if err != nil {
		return fmt.Errorf("load the analysis: %w", err)
	}
	r := pipeline.Runner{Analyzer: p, Workers: c.Workers}
	src := ingest.Defaults(ingest.Files(c.Files, env.Stdin), c.Published, c.URL)
	err = r.Run(ctx, src, func(res pipeline.Result) error {
		if res.Err == nil {
			if err := w.write(res.Record); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
		}
		prog.add(res)
		return nil
	})
	if err != nil {
		err = &exitError{code: 1, err: err}
	} else {
		err = prog.finish()
	}
	if ferr := out.Flush(); ferr != nil && err == nil {
		err = fmt.Errorf("write output: %w", ferr)
	}
	return err
}

// recordWriter prints records in one output mode.
type recordWriter struct {
	w    io.Writer
	mode outputMode
	enc  *json.Encoder
}

func newRecordWriter(w io.Writer, mode outputMode) *recordWriter {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if mode == modeJSON {
		enc.SetIndent("", "  ")
	}
	return &recordWriter{w: w, mode: mode, enc: enc}
}

func (rw *recordWriter) write(rec *analysis.Record) error {
	if rw.mode != modeText {
		return rw.enc.Encode(rec)
	}
	return writeSummary(rw.w, rec)
}

// writeSummary prints a record for a person to read.
func writeSummary(w io.Writer, rec *analysis.Record) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", rec.Title)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "%-12s %s\n", name+":", value)
		}
	}
	field("source", strings.TrimSpace(rec.Source.Path+" "+rec.Source.URL))
	field("section", deref(rec.Section))
	field("byline", deref(rec.Byline))
	field("published", deref(rec.Published))
	if rec.Dateline != nil {
		field("dateline", rec.Dateline.Text)
	}
	field("language", fmt.Sprintf("%s (%.2f)", rec.Language.Code, rec.Language.Confidence))
	field("size", fmt.Sprintf("%d paragraphs, %d sentences, %d boilerplate pieces removed",
		len(rec.Paragraphs), len(rec.Sentences), len(rec.Boilerplate)))
	field("lead", rec.Lead)
	for _, bp := range rec.Boilerplate {
		field("removed", fmt.Sprintf("[%s] %s", bp.Kind, bp.Text))
	}
	for _, e := range topEntities(rec.Entities, 8) {
		kind := e.Type
		if e.Country != "" {
			kind += ", " + e.Country
		}
		field("entity", fmt.Sprintf("%s (%s)", e.Name, kind))
	}
	for _, q := range rec.Quotes {
		field("quote", fmt.Sprintf("%s: “%s”", or(deref(q.SpeakerName), "?"), clip(q.Text, 100)))
	}
	for _, e := range rec.Events {
		field("event", describeEvent(e))
	}
	for _, warning := range rec.Warnings {
		field("warning", warning)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// topEntities returns the n most salient entities, most salient first.
func topEntities(ents []entity.Entity, n int) []entity.Entity {
	top := slices.Clone(ents)
	slices.SortStableFunc(top, func(a, b entity.Entity) int { return cmp.Compare(b.Salience, a.Salience) })
	return top[:min(n, len(top))]
}

// describeEvent writes an event on one line: CONSULT Anthony Blinken (US)
// → Sergey Lavrov (RU) in Reykjavik on 2021-05-19 «pertemuan».
func describeEvent(e event.Event) string {
	actor := func(a *event.Actor) string {
		if a == nil {
			return "?"
		}
		if a.Country == "" {
			return a.Name
		}
		return a.Name + " (" + a.Country + ")"
	}
	s := e.Type + " " + actor(e.Source) + " → " + actor(e.Target)
	if e.Location != nil {
		s += " in " + e.Location.Name
	}
	if e.Date != "" {
		s += " on " + e.Date
	}
	if e.Negated {
		s += ", negated"
	}
	if e.Modality != event.Asserted {
		s += ", " + e.Modality
	}
	return s + " «" + e.Trigger + "»"
}

func or(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}

// clip shortens s to at most n runes, marking the cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
