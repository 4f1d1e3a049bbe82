package cli

import (
	"context"
	"fmt"

	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/queue"
)

// publish puts the articles of files on the queue for warta worker. The
// same article published again within the queue's duplicate window is
// dropped by the stream; later, the store keeps it once.
func (c *ingestCmd) publish(ctx context.Context, env *Env, files []string) error {
	q, err := queue.Connect(ctx, c.Queue, queue.Options{Name: "warta ingest", Log: env.Log})
	if err != nil {
		return err
	}
	defer q.Close()
	var queued, duplicates, failed int
	src := ingest.Defaults(ingest.Files(files, env.Stdin), c.Published, c.URL)
	err = src(ctx, func(it ingest.Item) error {
		if it.Err != nil {
			failed++
			env.Log.Error("not queued", "input", pipeline.Where(it.Input), "err", it.Err)
			return nil
		}
		dup, err := q.PublishArticle(ctx, it.Input)
		if err != nil {
			return fmt.Errorf("%s: %w", pipeline.Where(it.Input), err)
		}
		if dup {
			duplicates++
		} else {
			queued++
		}
		return nil
	})
	if !c.Quiet {
		env.Log.Info("queued", "articles", queued, "duplicates", duplicates, "failed", failed)
	}
	if err != nil || failed > 0 {
		return &exitError{code: 1, err: err}
	}
	return nil
}
