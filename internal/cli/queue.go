package cli

import (
	"context"
	"encoding/json"

	"github.com/warta-news/warta/internal/queue"
)

type queueCmd struct {
	Queue string `required:"" placeholder:"URL" env:"WARTA_QUEUE" help:"NATS server with JetStream: nats://host:4222."`
	Dead  int    `default:"10" help:"Dead letters to list, oldest first."`
}

// Run prints the state of the work as JSON: per stage, the messages
// waiting for a worker and those out with one, and the dead letters with
// their errors.
func (c *queueCmd) Run(ctx context.Context, env *Env) error {
	q, err := queue.Connect(ctx, c.Queue, queue.Options{Name: "warta queue", Log: env.Log})
	if err != nil {
		return err
	}
	defer q.Close()
	st, err := q.Status(ctx, c.Dead)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(st)
}
