package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/store"
)

// Pipeline analyses articles and stores their records through a Writer.
type Pipeline struct {
	Analyzer Analyzer
	Writer   *Writer
	// Inputs, when set, makes Ingest skip an input already stored (the
	// same source URL and raw content) before analysing it; the Writer
	// should log into the same InputLog.
	Inputs store.InputLog
	// Workers is how many articles Ingest analyses at once; 0 means one
	// per CPU.
	Workers int
}

// Outcome is what became of one article of a source.
type Outcome struct {
	Result
	Put store.PutResult // when Err is nil
	// Skipped says the input was stored before (Put says as what) and was
	// not analysed again: Record and JSON are nil.
	Skipped bool
}

// InputKey is the key an input is known by in a store.InputLog: its
// source URL and a hash of its raw content and of what else shapes its
// record (title, publication date, format).
func InputKey(in analysis.Input) string {
	h := sha256.New()
	for _, part := range []string{in.URL, in.Title, in.Body, in.Published, string(in.Format), in.ContentType} {
		fmt.Fprintf(h, "%d:%s", len(part), part)
	}
	return in.URL + " " + hex.EncodeToString(h.Sum(nil))
}

// Ingest analyses every article of src and stores each record, and calls
// report with each outcome in src's order, after its commit, on one
// goroutine at a time. A failed article (unreadable, not analysable, not
// storable) is reported with its Err and the others go on. Ingest returns
// once every article is reported, with the error that stopped it early:
// src's, the context's, or the Writer's being closed.
func (p *Pipeline) Ingest(ctx context.Context, src ingest.Source, report func(Outcome)) error {
	var wg sync.WaitGroup // reports still to come from the writer
	r := Runner{Analyzer: p.Analyzer, Workers: p.Workers, Encode: true}
	if p.Inputs != nil {
		r.skip = func(ctx context.Context, in analysis.Input) (store.PutResult, bool, error) {
			return p.Inputs.InputStored(ctx, InputKey(in))
		}
	}
	err := r.Run(ctx, src, func(res Result) error {
		wg.Add(1)
		var werr error
		switch {
		case res.Err != nil || res.skipped != nil:
			werr = p.Writer.mark(ctx, func() {
				defer wg.Done()
				o := Outcome{Result: res}
				if res.skipped != nil {
					o.Put, o.Skipped = *res.skipped, true
				}
				report(o)
			})
		default:
			key := ""
			if p.Inputs != nil {
				key = InputKey(res.Item.Input)
			}
			werr = p.Writer.send(ctx, request{rec: res.Record, json: res.JSON, inputKey: key, done: func(put store.PutResult, err error) {
				defer wg.Done()
				o := Outcome{Result: res, Put: put}
				if err != nil {
					o.Err = fmt.Errorf("%s: store: %w", Where(res.Item.Input), err)
				}
				report(o)
			}})
		}
		if werr != nil {
			wg.Done()
		}
		return werr
	})
	wg.Wait()
	return err
}

// Store analyses one article, stores its record and waits for the
// commit. The record is returned with what the store made of it; a record
// whose analysis succeeded is returned even when storing it failed.
func (p *Pipeline) Store(ctx context.Context, in analysis.Input) (*analysis.Record, store.PutResult, error) {
	rec, err := p.Analyzer.Analyze(ctx, in)
	if err != nil {
		return nil, store.PutResult{}, err
	}
	data, err := json.Marshal(rec)
	if err != nil {
		return rec, store.PutResult{}, fmt.Errorf("encode the record: %w", err)
	}
	res, err := p.Writer.Put(ctx, rec, data)
	return rec, res, err
}
