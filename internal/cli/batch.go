package cli

import (
	"fmt"
	"time"

	"github.com/schollz/progressbar/v3"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/pipeline"
)

// progress is what analyze and ingest tell the person at the terminal: a
// progress bar, each article's warnings and errors, and a closing summary.
type progress struct {
	env        *Env
	bar        *progressbar.ProgressBar
	quiet      bool
	start      time.Time
	ok, failed int
	bytesIn    int64
}

func newProgress(env *Env, verb string, quiet bool) *progress {
	p := &progress{env: env, quiet: quiet, start: time.Now()}
	if env.StderrTerminal && !quiet {
		p.bar = progressbar.NewOptions64(-1, progressbar.OptionSetWriter(env.Stderr),
			progressbar.OptionSetDescription(verb), progressbar.OptionShowCount(),
			progressbar.OptionShowIts(), progressbar.OptionSetItsString("articles"),
			progressbar.OptionClearOnFinish(), progressbar.OptionThrottle(100*time.Millisecond))
	}
	return p
}

// add counts one article's result and logs its warnings or its error.
func (p *progress) add(res pipeline.Result) {
	if p.bar != nil {
		p.bar.Add(1)
	}
	if res.Err != nil {
		p.failed++
		p.env.Log.Error(res.Err.Error())
		return
	}
	p.ok++
	p.bytesIn += int64(len(res.Item.Input.Body) + len(res.Item.Input.Title))
	if res.Record == nil {
		return // skipped: stored before
	}
	for _, warning := range res.Record.Warnings {
		p.env.Log.Warn(warning, "input", pipeline.Where(res.Item.Input))
	}
}

// finish closes the bar, logs the summary and returns the exit status the
// run calls for: 1 when some article failed.
func (p *progress) finish() error {
	if p.bar != nil {
		p.bar.Finish()
	}
	if !p.quiet {
		secs := time.Since(p.start).Seconds()
		p.env.Log.Info("done", "articles", p.ok, "failed", p.failed, "seconds", fmt.Sprintf("%.2f", secs),
			"articles_per_s", fmt.Sprintf("%.0f", float64(p.ok)/secs), "MB_per_s", fmt.Sprintf("%.2f", float64(p.bytesIn)/1e6/secs))
	}
	if p.failed > 0 {
		return &exitError{code: 1}
	}
	return nil
}

// validateBatch checks the flags analyze and ingest share: a bad one is
// a usage error.
func validateBatch(published string, workers int) error {
	if published != "" {
		if _, err := analysis.NormalizeDate(published); err != nil {
			return fmt.Errorf("--published: %w", err)
		}
	}
	if workers < 0 {
		return fmt.Errorf("--workers %d: want 0 (one per CPU) or more", workers)
	}
	return nil
}
