package queue

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"
)

// A message whose workers all died holding it (or ran past AckWait each
// time) is delivered MaxDeliver times and then no more: the server gives
// up on it silently, and on a work-queue stream it would stay, unacked,
// for ever. The server says so in an advisory, which the stream
// WARTA_EXHAUSTED keeps, so that none is lost while no worker runs. Every
// worker takes these notices (DeadLetterExhausted) and moves each
// message named to the dead-letter stream with the error, then removes it
// from its stage.
const (
	StreamExhausted = "WARTA_EXHAUSTED"
	// advisoryMaxDeliveries is the server's subject, followed by the
	// stream and consumer names.
	advisoryMaxDeliveries = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES."
)

// exhausted is the stage of the advisories; its consumer takes every
// subject of the stream.
var exhausted = Stage{StreamExhausted, "warta-exhausted", ""}

func exhaustedStream() jetstream.StreamConfig {
	var subjects []string
	for _, st := range stages {
		subjects = append(subjects, advisoryMaxDeliveries+st.stream+"."+st.consumer)
	}
	return jetstream.StreamConfig{
		Name:        StreamExhausted,
		Subjects:    subjects,
		Retention:   jetstream.WorkQueuePolicy,
		Storage:     jetstream.FileStorage,
		MaxBytes:    64 << 20,
		Description: "warta: the server's notices of messages delivered MaxDeliver times, to be dead-lettered",
	}
}

// maxDeliveries is the advisory the server publishes (its
// JSConsumerDeliveryExceededAdvisory).
type maxDeliveries struct {
	Stream     string `json:"stream"`
	Consumer   string `json:"consumer"`
	StreamSeq  uint64 `json:"stream_seq"`
	Deliveries uint64 `json:"deliveries"`
}

// DeadLetterExhausted moves the messages the server gave up on to the
// dead-letter stream, until ctx is cancelled. Every worker runs it; each
// notice goes to one of them.
func (q *Queue) DeadLetterExhausted(ctx context.Context) error {
	return q.Consume(ctx, exhausted, 16, func(ctx context.Context, msgs []*Msg) {
		for _, m := range msgs {
			if err := q.deadLetterExhausted(ctx, m); err != nil {
				q.opts.Log.Warn("queue: dead-letter an exhausted message", "err", err)
			}
		}
	})
}

func (q *Queue) deadLetterExhausted(ctx context.Context, m *Msg) error {
	var adv maxDeliveries
	if err := json.Unmarshal(m.Data(), &adv); err != nil {
		return m.Fail(ctx, fmt.Errorf("not a max-deliveries advisory: %w", err))
	}
	var st Stage
	for _, s := range stages {
		if s.stream == adv.Stream {
			st = s
		}
	}
	if st.stream == "" {
		return m.Done(ctx) // not warta's
	}
	s, err := q.js.Stream(ctx, st.stream)
	if err != nil {
		return m.Retry(ctx, err)
	}
	raw, err := s.GetMsg(ctx, adv.StreamSeq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		// Acknowledged late after all, or moved by another worker.
		return m.Done(ctx)
	}
	if err != nil {
		return m.Retry(ctx, err)
	}
	cause := fmt.Errorf("delivered %d times (MaxDeliver) without an acknowledgement: the workers that took it died or ran past AckWait", adv.Deliveries)
	if err := q.deadLetter(ctx, st, adv.StreamSeq, raw.Subject, raw.Data, cause); err != nil {
		return m.Retry(ctx, err)
	}
	if err := s.DeleteMsg(ctx, adv.StreamSeq); err != nil && !errors.Is(err, jetstream.ErrMsgNotFound) {
		return m.Retry(ctx, fmt.Errorf("remove %s #%d: %w", st, adv.StreamSeq, err))
	}
	q.opts.Log.Warn("queue: message dead-lettered", "stage", st.stream, "seq", adv.StreamSeq, "err", cause)
	return m.Done(ctx)
}

// deadLetter publishes a message of a stage to the dead-letter stream
// with the error. Its id is the stage and sequence, so that a message
// dead-lettered twice (a worker that died between the two steps, or a
// failure and a notice of the server) is kept once.
func (q *Queue) deadLetter(ctx context.Context, st Stage, seq uint64, subject string, data []byte, cause error) error {
	dead := &nats.Msg{Subject: subjectDead + st.consumer, Data: data, Header: nats.Header{}}
	dead.Header.Set(HeaderError, cause.Error())
	dead.Header.Set(HeaderStream, st.stream)
	dead.Header.Set(HeaderSubject, subject)
	ctx, cancel := context.WithTimeout(ctx, publishTimeout)
	defer cancel()
	if _, err := q.js.PublishMsg(ctx, dead, jetstream.WithMsgID(st.stream+":"+strconv.FormatUint(seq, 10))); err != nil {
		return fmt.Errorf("queue: dead-letter %s #%d: %w", st, seq, err)
	}
	return nil
}
