package queue

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/nats-io/nats.go/jetstream"
)

// Stage names one step of the work: its stream and the durable consumer
// all workers share.
type Stage struct {
	stream, consumer, subject string
}

// The stages.
var (
	Fetch   = Stage{StreamFetch, "warta-fetch", SubjectFetch}
	Analyse = Stage{StreamAnalyse, "warta-analyse", SubjectAnalyse}
	Store   = Stage{StreamStore, "warta-store", SubjectStore}
	stages  = []Stage{Fetch, Analyse, Store}
)

func (s Stage) String() string { return s.stream }

// Msg is one message of a stage, delivered to one worker. The handler
// settles each with exactly one of Done, Retry and Fail.
type Msg struct {
	m         jetstream.Msg
	q         *Queue
	stage     Stage
	delivered uint64
	seq       uint64
	settled   atomic.Bool
	// Received is when the worker pulled it.
	Received time.Time
	// Published is when the stream stored it: Received minus Published is
	// the time it waited.
	Published time.Time
}

// Data is the message's payload.
func (m *Msg) Data() []byte { return m.m.Data() }

// Delivered counts the deliveries of this message, this one included.
func (m *Msg) Delivered() uint64 { return m.delivered }

// Done acknowledges the message once its result is safe, and waits until
// the server has the acknowledgement (a double ack): after Done returns
// nil, the message is not delivered again. A failed Done means it may be:
// the handler's idempotence makes that harmless.
func (m *Msg) Done(ctx context.Context) error {
	m.settled.Store(true)
	// The server does not answer the acknowledgement of a delivery it has
	// given up on (after AckWait, to another worker): wait only so long.
	ctx, cancel := context.WithTimeout(ctx, ackTimeout)
	defer cancel()
	if err := m.m.DoubleAck(ctx); err != nil {
		return fmt.Errorf("queue: ack %s #%d: %w", m.stage, m.seq, err)
	}
	return nil
}

// Retry gives the message back after a failure that may pass (the store
// is away), to be delivered again after a delay that grows with each
// delivery; at the last delivery it goes to the dead-letter stream with
// err instead.
func (m *Msg) Retry(ctx context.Context, err error) error {
	m.settled.Store(true)
	if int(m.delivered) >= m.q.opts.MaxDeliver {
		return m.Fail(ctx, fmt.Errorf("after %d deliveries: %w", m.delivered, err))
	}
	delay := min(time.Second<<min(m.delivered-1, 10), m.q.opts.AckWait)
	if nerr := m.m.NakWithDelay(delay); nerr != nil {
		return fmt.Errorf("queue: nak %s #%d: %w", m.stage, m.seq, nerr)
	}
	return nil
}

// Fail moves the message to the dead-letter stream with err, for a
// failure that cannot pass (a page with no article, a record the store
// refuses), and removes it from its stage.
func (m *Msg) Fail(ctx context.Context, err error) error {
	m.settled.Store(true)
	if perr := m.q.deadLetter(ctx, m.stage, m.seq, m.m.Subject(), m.m.Data(), err); perr != nil {
		// Not dead-lettered: let it come back rather than lose it.
		m.m.NakWithDelay(m.q.opts.AckWait)
		return perr
	}
	m.q.opts.Log.Warn("queue: message dead-lettered", "stage", m.stage.stream, "seq", m.seq, "err", err)
	if terr := m.m.TermWithReason(err.Error()); terr != nil {
		return fmt.Errorf("queue: term %s #%d: %w", m.stage, m.seq, terr)
	}
	return nil
}

// consumer creates or updates the stage's durable consumer.
func (q *Queue) consumer(ctx context.Context, st Stage) (jetstream.Consumer, error) {
	// Redeliveries after a missed acknowledgement (a worker that died) wait
	// AckWait, then longer each time.
	backoff := make([]time.Duration, q.opts.MaxDeliver)
	for i := range backoff {
		backoff[i] = min(q.opts.AckWait<<i, 10*time.Minute)
	}
	c, err := q.js.CreateOrUpdateConsumer(ctx, st.stream, jetstream.ConsumerConfig{
		Durable:       st.consumer,
		Description:   "warta workers of " + st.subject,
		FilterSubject: st.subject,
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       q.opts.AckWait,
		BackOff:       backoff,
		MaxDeliver:    q.opts.MaxDeliver,
		MaxAckPending: q.opts.MaxAckPending,
	})
	if err != nil {
		return nil, fmt.Errorf("queue: consumer %s: %w", st.consumer, err)
	}
	return c, nil
}

// Consume pulls the stage's messages in batches of up to batch and calls
// handle with each batch, until ctx is cancelled. handle settles every
// message before it returns; it is called with a context that outlives
// ctx (up to handleTimeout), so that a worker told to stop finishes and
// acknowledges the batch it holds. A server that goes away is waited for.
func (q *Queue) Consume(ctx context.Context, st Stage, batch int, handle func(context.Context, []*Msg)) error {
	var c jetstream.Consumer
	for {
		var err error
		if c, err = q.consumer(ctx, st); err == nil {
			break
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
		q.opts.Log.Warn("queue: waiting for the server", "stage", st.stream, "err", err)
		sleep(ctx, time.Second)
	}
	// A pull waits for its batch to fill for at most wait: long enough to
	// gather a batch, short against AckWait, which runs from delivery.
	wait := min(time.Second, q.opts.AckWait/3)
	for ctx.Err() == nil {
		b, err := c.Fetch(batch, jetstream.FetchMaxWait(wait))
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			if errors.Is(err, jetstream.ErrConsumerNotFound) || errors.Is(err, jetstream.ErrConsumerDeleted) {
				// The server lost its state (a new server): make it again.
				if nc, cerr := q.consumer(ctx, st); cerr == nil {
					c = nc
				}
			}
			q.opts.Log.Debug("queue: fetch", "stage", st.stream, "err", err)
			sleep(ctx, 250*time.Millisecond)
			continue
		}
		var msgs []*Msg
		for m := range b.Messages() {
			meta, err := m.Metadata()
			if err != nil {
				q.opts.Log.Warn("queue: a message without metadata", "stage", st.stream, "err", err)
				m.Term()
				continue
			}
			msgs = append(msgs, &Msg{m: m, q: q, stage: st, delivered: meta.NumDelivered, seq: meta.Sequence.Stream,
				Received: time.Now(), Published: meta.Timestamp})
		}
		if len(msgs) == 0 {
			continue
		}
		hctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), handleTimeout)
		stop := q.keepAlive(msgs)
		handle(hctx, msgs)
		stop()
		cancel()
	}
	return ctx.Err()
}

// handleTimeout bounds the handling of one batch, stop or no stop;
// ackTimeout bounds the wait for the server's answer to an
// acknowledgement.
const (
	handleTimeout = 5 * time.Minute
	ackTimeout    = 5 * time.Second
)

// keepAlive tells the server, every third of AckWait, that the messages
// not settled yet are still being worked on, so that a slow batch (a busy
// database) is not delivered to another worker meanwhile; only a worker
// that stopped answering loses its messages. It returns a function that
// stops it.
func (q *Queue) keepAlive(msgs []*Msg) (stop func()) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(q.opts.AckWait / 3)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				for _, m := range msgs {
					if !m.settled.Load() {
						m.m.InProgress()
					}
				}
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
