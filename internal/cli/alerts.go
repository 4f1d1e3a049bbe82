package cli

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// webhookDrain bounds how long a process that stops waits for the
// webhook deliveries still queued.
const webhookDrain = 20 * time.Second

// alerting is a process's alert service with its webhook deliverer
// running; nil when the store keeps no alerts.
type alerting struct {
	svc  *alert.Service
	del  *alert.Deliverer
	stop context.CancelFunc
	wg   sync.WaitGroup
}

// startAlerting starts the webhook deliverer of the store's alerts.
// Webhooks obey the fetcher's private-network guard.
func startAlerting(ctx context.Context, st any, allowPrivate bool, log *slog.Logger) *alerting {
	as, ok := st.(store.Alerts)
	if !ok {
		return nil
	}
	policy := fetch.Policy{AllowPrivate: allowPrivate}
	del := alert.NewDeliverer(alert.DelivererConfig{Policy: policy, Log: log})
	lin, _ := st.(store.Lineage)
	a := &alerting{svc: alert.New(alert.Config{Store: as, Lineage: lin, Analyzer: search.Indonesian(), Policy: policy, Deliverer: del, Log: log}), del: del}
	ctx, a.stop = context.WithCancel(context.WithoutCancel(ctx))
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		del.Run(ctx)
	}()
	return a
}

// close sends what is queued (for at most webhookDrain) and stops the
// deliverer.
func (a *alerting) close() {
	if a == nil {
		return
	}
	a.stop()
	a.wg.Wait()
	drain, cancel := context.WithTimeout(context.Background(), webhookDrain)
	defer cancel()
	a.del.Drain(drain)
}

func (a *alerting) service() *alert.Service {
	if a == nil {
		return nil
	}
	return a.svc
}
