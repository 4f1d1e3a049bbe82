package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
)

type analyzeCmd struct {
	JSON       bool     `name:"json" xor:"format" help:"Print each record as indented JSON (meant for one article)."`
	JSONL      bool     `name:"jsonl" xor:"format" help:"Print one record per line, in input order."`
	Text       bool     `name:"text" xor:"format" help:"Print a readable summary of each record."`
	Published  string   `placeholder:"DATE" help:"Publication date (YYYY-MM-DD or RFC 3339) for inputs that carry none; relative dates resolve against it."`
	URL        string   `name:"url" help:"Source URL for inputs that carry none."`
	Workers    int      `help:"Articles analysed in parallel (default: one per CPU)."`
	Quiet      bool     `short:"q" help:"No closing summary on stderr."`
	CPUProfile string   `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile (go tool pprof) of the run to FILE."`
	Files      []string `arg:"" name:"FILE" help:"Plain-text, JSON Lines or JSON files; - reads standard input."`
}

// Help adds the input formats to "warta analyze --help".
func (analyzeCmd) Help() string {
	return `Inputs are told apart by content and extension:
  plain text   the first non-empty line is the headline, then one paragraph a
               line or paragraphs separated by blank lines;
  JSON Lines   one article a line with title, body, url, published;
  JSON         one such object, or an array of them.
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

// job is one article on its way through the workers; done receives its
// result, and jobs are written out in the order they were read.
type job struct {
	item ingest.Item
	rec  *analysis.Record
	err  error
	done chan struct{}
}

func (c *analyzeCmd) Run(ctx context.Context, env *Env) error {
	if c.Published != "" {
		if _, err := analysis.NormalizeDate(c.Published); err != nil {
			return &exitError{code: 2, err: fmt.Errorf("--published: %w", err)}
		}
	}
	if c.CPUProfile != "" {
		stop, err := startCPUProfile(c.CPUProfile)
		if err != nil {
			return err
		}
		defer stop()
	}
	workers := c.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // unblocks the reader and the workers if writing fails
	start := time.Now()
	pipeline := analysis.DefaultPipeline()
	work := make(chan *job, 2*workers)
	order := make(chan *job, 2*workers)
	for range workers {
		go func() {
			for j := range work {
				j.rec, j.err = pipeline.Analyze(ctx, j.item.Input)
				close(j.done)
			}
		}()
	}
	readErrs := make(chan error, 1)
	go func() {
		defer close(order)
		defer close(work)
		readErrs <- c.read(ctx, env, order, work)
	}()

	var bar *progressbar.ProgressBar
	if env.StderrTerminal && !c.Quiet {
		bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription("analysing"), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish())
	}
	out := bufio.NewWriterSize(env.Stdout, 256<<10)
	w := newRecordWriter(out, c.mode())
	var ok, failed int
	var bytesIn int64
	for j := range order {
		<-j.done
		if bar != nil {
			bar.Add(1)
		}
		if j.item.Err == nil && j.err == nil {
			if err := w.write(j.rec); err != nil {
				return fmt.Errorf("write output: %w", err)
			}
			ok++
			bytesIn += int64(len(j.item.Input.Body) + len(j.item.Input.Title))
			for _, warning := range j.rec.Warnings {
				env.Log.Warn(warning, "input", where(j.item.Input))
			}
			continue
		}
		failed++
		err := j.item.Err
		if err == nil {
			err = fmt.Errorf("%s: %w", where(j.item.Input), j.err)
		}
		env.Log.Error(err.Error())
	}
	if bar != nil {
		bar.Finish()
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	readErr := <-readErrs
	if !c.Quiet {
		secs := time.Since(start).Seconds()
		env.Log.Info("done", "articles", ok, "failed", failed, "seconds", fmt.Sprintf("%.2f", secs),
			"articles_per_s", fmt.Sprintf("%.0f", float64(ok)/secs), "MB_per_s", fmt.Sprintf("%.2f", float64(bytesIn)/1e6/secs))
	}
	if readErr != nil {
		return &exitError{code: 1, err: readErr}
	}
	if failed > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// read sends every article of every input to the workers and, in the same
// order, to the writer. An input that cannot be read is reported and
// skipped; the others are still read.
func (c *analyzeCmd) read(ctx context.Context, env *Env, order, work chan<- *job) error {
	var failedInputs []string
	for _, path := range c.Files {
		err := ingest.ReadFile(ctx, path, env.Stdin, func(item ingest.Item) error {
			if item.Err == nil {
				if item.Input.Published == "" {
					item.Input.Published = c.Published
				}
				if item.Input.URL == "" {
					item.Input.URL = c.URL
				}
			}
			j := &job{item: item, done: make(chan struct{})}
			select {
			case order <- j:
			case <-ctx.Done():
				return ctx.Err()
			}
			if item.Err != nil {
				close(j.done)
				return nil
			}
			select {
			case work <- j:
			case <-ctx.Done():
				close(j.done)
				return ctx.Err()
			}
			return nil
		})
		if errors.Is(err, context.Canceled) {
			return err
		}
		if err != nil {
			env.Log.Error(fmt.Sprintf("%s: %v", path, err))
			failedInputs = append(failedInputs, path)
		}
	}
	if len(failedInputs) > 0 {
		return fmt.Errorf("%d of %d inputs could not be read", len(failedInputs), len(c.Files))
	}
	return nil
}

// where names an input for messages: its path, and line where it has one.
func where(in analysis.Input) string {
	if in.Line > 0 {
		return fmt.Sprintf("%s:%d", in.Path, in.Line)
	}
	return in.Path
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
	for _, warning := range rec.Warnings {
		field("warning", warning)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
