// Package queue spreads warta's work over processes and machines with NATS
// JetStream: no queue of warta's own. Work flows through three streams,
// one per stage, and a fourth keeps what failed:
//
//	WARTA_FETCH    warta.fetch    a page to fetch (a URL)          → fetched, published to analyse
//	WARTA_ANALYSE  warta.analyse  an article or page to analyse    → its record, published to store
//	WARTA_STORE    warta.store    a record to store, resolve, link → stored (pipeline.Writer)
//	WARTA_DEAD     warta.dead.*   a message no stage could handle, with the error
//
// Each stage is one durable pull consumer shared by every worker, so that
// each message goes to one worker at a time. The work is exactly once in
// effect, not in transport:
//
//   - A publisher sets Nats-Msg-Id (the canonical URL and a hash of the
//     content), and the stream drops a second copy within its duplicate
//     window (DuplicateWindow).
//   - A worker acknowledges a message only after its result is safe (the
//     next stage's stream has it, or the store has committed it), with a
//     double ack that the server confirms. A message whose worker dies is
//     delivered again after AckWait; a failure is retried with growing
//     delays (Nak with a back-off) up to MaxDeliver times.
//   - Every handler is idempotent: storing a record twice stores it once
//     (the store's unique keys), so a redelivered page never makes a
//     second article or version.
//   - A message that cannot succeed (an article with no text, a record the
//     store refuses) or that failed MaxDeliver times goes to WARTA_DEAD with
//     its error in the Warta-Error header, and is removed from its stream.
//     So does one delivered MaxDeliver times to workers that died holding
//     it: the server's max-deliveries advisory, kept by the stream
//     WARTA_EXHAUSTED, names it, and a worker moves it
//     (DeadLetterExhausted).
//
// Back-pressure is bounded at every step: a work stream holds at most
// MaxMsgs messages and MaxBytes bytes and refuses more (DiscardNew), so a
// publisher (the fetcher, warta ingest) waits and retries instead of
// outrunning the workers; a consumer has at most MaxAckPending messages
// out with workers at once; a worker holds at most one pull batch.
package queue

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/warta-news/warta/analysis"
)

// Streams and their subjects.
const (
	StreamFetch   = "WARTA_FETCH"
	StreamAnalyse = "WARTA_ANALYSE"
	StreamStore   = "WARTA_STORE"
	StreamDead    = "WARTA_DEAD"

	SubjectFetch   = "warta.fetch"
	SubjectAnalyse = "warta.analyse"
	SubjectStore   = "warta.store"
	subjectDead    = "warta.dead."
)

// Headers a dead message carries.
const (
	HeaderError   = "Warta-Error"
	HeaderStream  = "Warta-Stream"
	HeaderSubject = "Warta-Subject"
)

// Options configure the streams and consumers. A zero field takes its
// default; Connect creates the streams, or updates them to these limits.
type Options struct {
	// DuplicateWindow is how long a stream remembers message ids; 15 min
	// by default.
	DuplicateWindow time.Duration
	// MaxMsgs and MaxBytes bound each work stream: 100,000 messages and
	// 2 GiB by default.
	MaxMsgs  int64
	MaxBytes int64
	// AckWait is how long a worker has to acknowledge a message before it
	// is delivered again: 30 s by default.
	AckWait time.Duration
	// MaxDeliver bounds the deliveries of one message: 8 by default.
	MaxDeliver int
	// MaxAckPending bounds the messages out with workers at once, per
	// stage: 1,024 by default.
	MaxAckPending int
	// Name names the connection (nats server's connz).
	Name string
	Log  *slog.Logger // nil: slog.Default()
}

func (o *Options) defaults() {
	if o.DuplicateWindow <= 0 {
		o.DuplicateWindow = 15 * time.Minute
	}
	if o.MaxMsgs <= 0 {
		o.MaxMsgs = 100_000
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 2 << 30
	}
	if o.AckWait <= 0 {
		o.AckWait = 30 * time.Second
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 8
	}
	if o.MaxAckPending <= 0 {
		o.MaxAckPending = 1024
	}
	if o.Name == "" {
		o.Name = "warta"
	}
	if o.Log == nil {
		o.Log = slog.Default()
	}
}

// Queue is a connection to JetStream with warta's streams.
type Queue struct {
	nc   *nats.Conn
	js   jetstream.JetStream
	opts Options
}

// Connect connects to the NATS server at url (nats://host:port, several
// separated by commas) and makes sure the streams exist. The connection
// reconnects by itself for as long as the process runs.
func Connect(ctx context.Context, url string, opts Options) (*Queue, error) {
	return connect(ctx, url, opts)
}

func connect(ctx context.Context, url string, opts Options, natsOpts ...nats.Option) (*Queue, error) {
	opts.defaults()
	log := opts.Log
	natsOpts = append([]nats.Option{
		nats.Name(opts.Name),
		nats.MaxReconnects(-1),
		nats.ReconnectWait(250 * time.Millisecond),
		nats.RetryOnFailedConnect(false),
		nats.DisconnectErrHandler(func(_ *nats.Conn, err error) {
			if err != nil {
				log.Warn("queue: disconnected", "err", err)
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) { log.Info("queue: reconnected", "server", nc.ConnectedUrlRedacted()) }),
	}, natsOpts...)
	nc, err := nats.Connect(url, natsOpts...)
	if err != nil {
		return nil, fmt.Errorf("queue: connect to %s: %w", redact(url), err)
	}
	js, err := jetstream.New(nc)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("queue: %w", err)
	}
	q := &Queue{nc: nc, js: js, opts: opts}
	if err := q.ensureStreams(ctx); err != nil {
		nc.Close()
		return nil, err
	}
	return q, nil
}

// redact drops a password from a server URL for messages.
func redact(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.User == nil {
		return s
	}
	u.User = url.User(u.User.Username())
	return u.String()
}

// Close closes the connection after sending what is buffered.
func (q *Queue) Close() error {
	q.nc.Drain()
	q.nc.Close()
	return nil
}

// Ping checks that the server answers and JetStream works: the readiness
// of a process that needs the queue.
func (q *Queue) Ping(ctx context.Context) error {
	if _, err := q.js.AccountInfo(ctx); err != nil {
		return fmt.Errorf("queue: %w", err)
	}
	return nil
}

func (q *Queue) ensureStreams(ctx context.Context) error {
	work := func(name, subject string) jetstream.StreamConfig {
		return jetstream.StreamConfig{
			Name:        name,
			Subjects:    []string{subject},
			Retention:   jetstream.WorkQueuePolicy, // a message goes once it is acknowledged
			Storage:     jetstream.FileStorage,
			Discard:     jetstream.DiscardNew, // full: refuse, so that publishers wait
			MaxMsgs:     q.opts.MaxMsgs,
			MaxBytes:    q.opts.MaxBytes,
			Duplicates:  q.opts.DuplicateWindow,
			Description: "warta work: " + subject,
		}
	}
	configs := []jetstream.StreamConfig{
		work(StreamFetch, SubjectFetch),
		work(StreamAnalyse, SubjectAnalyse),
		work(StreamStore, SubjectStore),
		{
			Name:        StreamDead,
			Subjects:    []string{subjectDead + ">"},
			Retention:   jetstream.LimitsPolicy,
			Storage:     jetstream.FileStorage,
			Discard:     jetstream.DiscardOld,
			MaxAge:      30 * 24 * time.Hour,
			MaxBytes:    1 << 30,
			Description: "warta: messages no worker could handle, with the error",
		},
		exhaustedStream(),
	}
	for _, cfg := range configs {
		if _, err := q.js.CreateOrUpdateStream(ctx, cfg); err != nil {
			return fmt.Errorf("queue: stream %s: %w", cfg.Name, err)
		}
	}
	return nil
}

// Article is an article or page to analyse: analysis.Input as JSON.
type Article struct {
	Body        string   `json:"body"`
	Title       string   `json:"title,omitempty"`
	Format      string   `json:"format,omitempty"`
	ContentType string   `json:"content_type,omitempty"`
	URL         string   `json:"url,omitempty"`
	Published   string   `json:"published,omitempty"`
	Path        string   `json:"path,omitempty"`
	Line        int      `json:"line,omitempty"`
	Warnings    []string `json:"warnings,omitempty"`
}

// NewArticle is the message for an analysis input.
func NewArticle(in analysis.Input) Article {
	return Article{Body: in.Body, Title: in.Title, Format: string(in.Format), ContentType: in.ContentType,
		URL: in.URL, Published: in.Published, Path: in.Path, Line: in.Line, Warnings: in.Warnings}
}

// Input is the analysis input of the message.
func (a Article) Input() analysis.Input {
	return analysis.Input{Body: a.Body, Title: a.Title, Format: analysis.Format(a.Format), ContentType: a.ContentType,
		URL: a.URL, Published: a.Published, Path: a.Path, Line: a.Line, Warnings: a.Warnings}
}

// FetchJob is a page to fetch.
type FetchJob struct {
	URL string `json:"url"`
	// Source names the feed or site the URL came from, when known.
	Source string `json:"source,omitempty"`
	// Due is when the job was scheduled (RFC 3339): the same URL due
	// again later is another job.
	Due string `json:"due,omitempty"`
}

// MsgID is the Nats-Msg-Id of a message about an article: its canonical
// URL and a hash of its content, so that the same page published twice
// within the duplicate window is kept once, and a changed page is new.
func MsgID(rawURL string, content ...string) string {
	h := sha256.New()
	for _, c := range content {
		h.Write([]byte(c))
		h.Write([]byte{0})
	}
	sum := hex.EncodeToString(h.Sum(nil)[:12])
	if rawURL == "" {
		return sum
	}
	return Canonical(rawURL) + "#" + sum
}

// Canonical is the form of a URL used to tell pages apart: scheme and host
// in lower case, default port, fragment and a trailing slash dropped.
func Canonical(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if p := u.Port(); p == "80" && u.Scheme == "http" || p == "443" && u.Scheme == "https" {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	return u.String()
}

// ErrFull is wrapped by a publish that the stream refused for want of room
// for longer than the publisher's patience.
var ErrFull = errors.New("queue: stream full")

// PublishArticle queues an article for analysis and waits until the
// stream has it. It reports whether the stream already had it (a
// duplicate within the window).
func (q *Queue) PublishArticle(ctx context.Context, in analysis.Input) (duplicate bool, err error) {
	data, err := json.Marshal(NewArticle(in))
	if err != nil {
		return false, err
	}
	return q.publish(ctx, SubjectAnalyse, MsgID(in.URL, in.Title, in.Body), data)
}

// PublishRecord queues a record (JSON, the record contract) for the store
// stage; id is its Nats-Msg-Id (MsgID of its URL and record id).
func (q *Queue) PublishRecord(ctx context.Context, id string, record []byte) (duplicate bool, err error) {
	return q.publish(ctx, SubjectStore, id, record)
}

// PublishFetch queues a page to fetch.
func (q *Queue) PublishFetch(ctx context.Context, job FetchJob) (duplicate bool, err error) {
	data, err := json.Marshal(job)
	if err != nil {
		return false, err
	}
	return q.publish(ctx, SubjectFetch, MsgID(job.URL, job.Due), data)
}

// publishTimeout bounds one try of a publish.
const publishTimeout = 5 * time.Second

// publish sends one message and waits for the stream's acknowledgement.
// When the stream is full it waits and tries again with growing delays,
// until ctx is done: that is the back-pressure on publishers.
func (q *Queue) publish(ctx context.Context, subject, id string, data []byte) (bool, error) {
	msg := &nats.Msg{Subject: subject, Data: data, Header: nats.Header{}}
	delay := 50 * time.Millisecond
	for {
		// One try waits so long for the stream's answer: an answer lost
		// with a server that restarted is not waited for.
		pctx, cancel := context.WithTimeout(ctx, publishTimeout)
		ack, err := q.js.PublishMsg(pctx, msg, jetstream.WithMsgID(id))
		cancel()
		if err == nil {
			return ack.Duplicate, nil
		}
		if !retryable(ctx, err) {
			return false, fmt.Errorf("queue: publish to %s: %w", subject, err)
		}
		if errors.Is(err, jetstream.ErrNoStreamResponse) {
			q.opts.Log.Debug("queue: no answer from the stream, trying again", "subject", subject, "err", err)
		} else {
			q.opts.Log.Debug("queue: stream full, waiting", "subject", subject, "delay", delay)
		}
		select {
		case <-ctx.Done():
			if isFull(err) {
				return false, fmt.Errorf("%w: %s: %w", ErrFull, subject, ctx.Err())
			}
			return false, fmt.Errorf("queue: publish to %s: %w (last: %v)", subject, ctx.Err(), err)
		case <-time.After(delay):
		}
		delay = min(2*delay, 2*time.Second)
	}
}

// retryable reports whether a publish may succeed later: the stream was
// full, or the server was away (restarting, electing a leader), which the
// connection outlives by reconnecting.
func retryable(ctx context.Context, err error) bool {
	return isFull(err) || errors.Is(err, jetstream.ErrNoStreamResponse) || errors.Is(err, nats.ErrTimeout) ||
		errors.Is(err, nats.ErrNoResponders) || errors.Is(err, nats.ErrDisconnected) ||
		errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil
}

func isFull(err error) bool {
	var apiErr *jetstream.APIError
	if errors.As(err, &apiErr) {
		// 10077: maximum messages exceeded; 10047/10028: storage or bytes
		// limits.
		return apiErr.ErrorCode == 10077 || apiErr.ErrorCode == 10047 || apiErr.ErrorCode == 10028 ||
			strings.Contains(apiErr.Description, "exceeded")
	}
	return strings.Contains(err.Error(), "maximum messages exceeded") || strings.Contains(err.Error(), "maximum bytes exceeded")
}

// Status is the state of the work: each stage's lag and the dead letters.
type Status struct {
	Stages []Lag `json:"stages"`
	// Dead counts the dead letters; DeadLetters are the oldest of them.
	Dead        uint64    `json:"dead"`
	DeadLetters []DeadMsg `json:"dead_letters,omitempty"`
}

// Status returns the state of the work, with up to n dead letters.
func (q *Queue) Status(ctx context.Context, n int) (*Status, error) {
	lags, err := q.Lags(ctx)
	if err != nil {
		return nil, err
	}
	s, err := q.js.Stream(ctx, StreamDead)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	dead, err := q.Dead(ctx, n)
	if err != nil {
		return nil, err
	}
	return &Status{Stages: lags, Dead: info.State.Msgs, DeadLetters: dead}, nil
}

// Lag is how many messages of each stage wait for a worker or for a
// worker's acknowledgement.
type Lag struct {
	Stream     string `json:"stream"`
	Pending    uint64 `json:"pending"`     // not yet delivered
	AckPending int    `json:"ack_pending"` // delivered, not yet acknowledged
}

// Lags returns the lag of every stage that has a consumer.
func (q *Queue) Lags(ctx context.Context) ([]Lag, error) {
	var lags []Lag
	for _, st := range stages {
		c, err := q.js.Consumer(ctx, st.stream, st.consumer)
		if errors.Is(err, jetstream.ErrConsumerNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("queue: consumer %s: %w", st.consumer, err)
		}
		info, err := c.Info(ctx)
		if err != nil {
			return nil, fmt.Errorf("queue: consumer %s: %w", st.consumer, err)
		}
		lags = append(lags, Lag{Stream: st.stream, Pending: info.NumPending, AckPending: info.NumAckPending})
	}
	return lags, nil
}

// Held is how many messages a stage's stream holds: those waiting for a
// worker and those out with one. It never passes Options.MaxMsgs: the
// bound on how far publishers run ahead of the workers.
func (q *Queue) Held(ctx context.Context, st Stage) (uint64, error) {
	s, err := q.js.Stream(ctx, st.stream)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	info, err := s.Info(ctx)
	if err != nil {
		return 0, fmt.Errorf("queue: %w", err)
	}
	return info.State.Msgs, nil
}

// Dead returns up to n messages of the dead-letter stream, oldest first:
// the subject they failed on and the error.
func (q *Queue) Dead(ctx context.Context, n int) ([]DeadMsg, error) {
	s, err := q.js.Stream(ctx, StreamDead)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	var out []DeadMsg
	info, err := s.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	if info.State.Msgs == 0 {
		return nil, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq && len(out) < n; seq++ {
		m, err := s.GetMsg(ctx, seq)
		if errors.Is(err, jetstream.ErrMsgNotFound) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("queue: %w", err)
		}
		out = append(out, DeadMsg{Subject: m.Header.Get(HeaderSubject), Error: m.Header.Get(HeaderError), Data: m.Data})
	}
	return out, nil
}

// DeadMsg is a message no worker could handle.
type DeadMsg struct {
	Subject string `json:"subject"`
	Error   string `json:"error"`
	Data    []byte `json:"-"`
}
