package queue

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/nats-io/nats-server/v2/server"
	"github.com/nats-io/nats.go"
)

// MaxPayload is the largest message the embedded server takes: an
// article of up to 8 MiB (ingest.MaxArticleBytes) and its record. An
// external server should allow as much (max_payload), or large articles
// are refused at publishing with an error.
const MaxPayload = 32 << 20

// EmbeddedOptions configure an embedded NATS server.
type EmbeddedOptions struct {
	// Dir holds JetStream's files; required.
	Dir string
	// Addr is where it listens for other processes (host:port, port 0: any
	// free port); empty: in-process connections only.
	Addr string
}

// Embedded is a NATS server with JetStream running inside the process:
// for tests, and for a queue on one machine that workers in other
// processes reach at its URL.
type Embedded struct {
	srv *server.Server
}

// StartEmbedded starts an embedded server and waits until it is ready.
func StartEmbedded(opts EmbeddedOptions) (*Embedded, error) {
	if opts.Dir == "" {
		return nil, errors.New("queue: EmbeddedOptions.Dir is required")
	}
	so := &server.Options{
		ServerName: "warta",
		JetStream:  true,
		StoreDir:   opts.Dir,
		MaxPayload: MaxPayload,
		NoSigs:     true,
		NoLog:      true,
	}
	if opts.Addr == "" {
		so.DontListen = true
	} else {
		host, port, err := net.SplitHostPort(opts.Addr)
		if err != nil {
			return nil, fmt.Errorf("queue: embedded server address %q: %w", opts.Addr, err)
		}
		so.Host = host
		if so.Port, err = strconv.Atoi(port); err != nil {
			return nil, fmt.Errorf("queue: embedded server address %q: %w", opts.Addr, err)
		}
		if so.Port == 0 {
			so.Port = server.RANDOM_PORT
		}
	}
	srv, err := server.NewServer(so)
	if err != nil {
		return nil, fmt.Errorf("queue: embedded server: %w", err)
	}
	go srv.Start()
	if !srv.ReadyForConnections(10 * time.Second) {
		srv.Shutdown()
		return nil, errors.New("queue: embedded server did not start within 10 s")
	}
	return &Embedded{srv: srv}, nil
}

// URL is where other processes reach the server ("" when it does not
// listen).
func (e *Embedded) URL() string {
	if e.srv.Addr() == nil {
		return ""
	}
	return e.srv.ClientURL()
}

// Connect connects to the embedded server in-process.
func (e *Embedded) Connect(ctx context.Context, opts Options) (*Queue, error) {
	return connect(ctx, "", opts, nats.InProcessServer(e.srv))
}

// Shutdown stops the server after its clients.
func (e *Embedded) Shutdown() {
	e.srv.Shutdown()
	e.srv.WaitForShutdown()
}
