// Package pipelinetest stores records through a pipeline.Writer for the
// tests of the packages that observe it (lineage, the stores).
package pipelinetest

import (
	"context"
	"testing"

	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

// WriteAll stores the records through a writer on st with opts, in order,
// and returns once the writer has committed them all; an error for any
// record fails t.
func WriteAll(ctx context.Context, t testing.TB, st store.ArticleWriter, opts pipeline.WriterOptions, records [][]byte) {
	t.Helper()
	w := pipeline.NewWriter(st, opts)
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	for _, raw := range records {
		if err := w.Write(ctx, nil, raw, func(_ store.PutResult, err error) {
			if err != nil {
				t.Error(err)
			}
		}); err != nil {
			t.Fatal(err)
		}
	}
	w.Close()
	if err := <-ran; err != nil {
		t.Fatal(err)
	}
}
