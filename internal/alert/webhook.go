package alert

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/warta-news/warta/internal/fetch"
	"github.com/warta-news/warta/internal/store"
)

// SignatureHeader carries the hex HMAC-SHA256 of a delivery's body, keyed
// with the alert's secret: the receiver recomputes it to know the POST
// came from this warta.
const SignatureHeader = "X-Warta-Signature"

// Sign returns the signature of body under secret.
func Sign(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// Payload is the JSON body of a webhook delivery.
type Payload struct {
	Event   string             `json:"event"` // "new_matches"
	Alert   PayloadAlert       `json:"alert"`
	Matches []store.AlertMatch `json:"matches"`
}

// PayloadAlert is the alert a delivery is for.
type PayloadAlert struct {
	ID    int64  `json:"id"`
	Name  string `json:"name"`
	Query string `json:"query"`
}

// checkWebhook refuses a webhook URL the policy would not dial.
func checkWebhook(p fetch.Policy, raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	return p.CheckURL(u)
}

// Deliverer POSTs webhook deliveries from a bounded queue, retrying
// failures with back-off. Its Run must be running for anything to be sent;
// deliveries still queued when the process stops are lost (the matches
// stay stored, and the alert's Atom feed lists them).
type Deliverer struct {
	client   *http.Client
	policy   fetch.Policy
	queue    chan delivery
	attempts int
	backoff  time.Duration
	log      *slog.Logger
}

type delivery struct {
	alert store.Alert
	body  []byte
}

// DelivererConfig configures a Deliverer.
type DelivererConfig struct {
	Policy   fetch.Policy  // where webhooks may go
	Attempts int           // tries per delivery; 0: 4
	Backoff  time.Duration // wait before the second try, doubled after; 0: 2 s
	Queue    int           // deliveries waiting at most; 0: 1000
	Timeout  time.Duration // per try; 0: 10 s
	Log      *slog.Logger
}

// NewDeliverer returns a Deliverer whose connections obey the policy at
// dial time, as the fetcher's do; it follows no redirects.
func NewDeliverer(cfg DelivererConfig) *Deliverer {
	if cfg.Attempts <= 0 {
		cfg.Attempts = 4
	}
	if cfg.Backoff <= 0 {
		cfg.Backoff = 2 * time.Second
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 1000
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	client := &http.Client{
		Timeout:   cfg.Timeout,
		Transport: &http.Transport{DialContext: cfg.Policy.Dialer(cfg.Timeout).DialContext, MaxIdleConnsPerHost: 2},
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	return &Deliverer{client: client, policy: cfg.Policy, queue: make(chan delivery, cfg.Queue),
		attempts: cfg.Attempts, backoff: cfg.Backoff, log: cfg.Log}
}

// Enqueue queues the matches of an alert for its webhook; when the queue
// is full the delivery is dropped and logged.
func (d *Deliverer) Enqueue(a store.Alert, matches []store.AlertMatch) {
	body, err := json.Marshal(Payload{Event: "new_matches", Alert: PayloadAlert{a.ID, a.Name, a.Query}, Matches: matches})
	if err != nil {
		d.log.Error("webhook payload", "alert", a.ID, "err", err)
		return
	}
	select {
	case d.queue <- delivery{a, body}:
	default:
		d.log.Warn("webhook queue full: delivery dropped", "alert", a.ID)
	}
}

// Run sends deliveries until ctx is done.
func (d *Deliverer) Run(ctx context.Context) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case job := <-d.queue:
			d.send(ctx, job)
		}
	}
}

// Drain sends what is queued, until it is empty or ctx is done: a short
// process (warta ingest) calls it before it exits.
func (d *Deliverer) Drain(ctx context.Context) {
	for {
		select {
		case job := <-d.queue:
			d.send(ctx, job)
		default:
			return
		}
	}
}

// send tries a delivery until it is taken (2xx), refused for good (4xx
// other than 408 and 429), or out of attempts.
func (d *Deliverer) send(ctx context.Context, job delivery) {
	wait := d.backoff
	for attempt := 1; ; attempt++ {
		status, err := d.post(ctx, job)
		if err == nil && status/100 == 2 {
			return
		}
		final := attempt >= d.attempts || ctx.Err() != nil ||
			err == nil && status/100 == 4 && status != http.StatusRequestTimeout && status != http.StatusTooManyRequests
		d.log.Warn("webhook delivery failed", "alert", job.alert.ID, "attempt", attempt, "status", status, "err", err, "final", final)
		if final {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(wait):
		}
		wait *= 2
	}
}

func (d *Deliverer) post(ctx context.Context, job delivery) (int, error) {
	if err := checkWebhook(d.policy, job.alert.Webhook); err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, job.alert.Webhook, bytes.NewReader(job.body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "warta-alerts")
	req.Header.Set(SignatureHeader, Sign(job.alert.Secret, job.body))
	resp, err := d.client.Do(req)
	if err != nil {
		return 0, fmt.Errorf("webhook %s: %w", job.alert.Webhook, err)
	}
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	return resp.StatusCode, nil
}
