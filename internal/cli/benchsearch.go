package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/warta-news/warta/internal/bench"
)

type benchSearchCmd struct {
	Data     string `required:"" placeholder:"DIR" help:"Data directory of the SQLite store to search (built by warta ingest); with --store, the store of the same corpus the queries are picked from."`
	Store    string `placeholder:"URL" help:"Search this PostgreSQL store (postgres://...) of the same corpus instead, with the queries picked from --data (not with --ingest)."`
	Server   string `placeholder:"BIN" help:"The warta binary that serves the store and ingests during the concurrent run (default: this one); an older build compares."`
	PerClass int    `default:"10" help:"Queries per class, picked from the store."`
	Rounds   int    `default:"5" help:"Times each query runs, after a warm-up round."`
	Clients  int    `default:"8" help:"Clients searching at once in the concurrent run (0 or 1: no such run)."`
	Ingest   string `placeholder:"FILE" help:"A corpus (JSON Lines) that warta ingest writes into a copy of the store while the queries run again."`
	Peer     bool   `default:"true" negatable:"" help:"Measure a raw FTS5 table over the same documents beside warta."`
	Seed     uint64 `default:"1" help:"Seed of the queries picked."`
	JSON     string `placeholder:"FILE" help:"Also write the report as JSON to FILE."`
}

// Help says what the benchmark measures.
func (benchSearchCmd) Help() string {
	return `Picks queries from the store (single words common, mid and rare by document
frequency, phrases, two words, OR and exclusion, entity and speaker filters,
an entity with a word, date ranges), starts warta serve on it, and times each
through the HTTP API, with the entity and speaker pages: first one client,
beside a raw FTS5 table over the same documents in the same rounds, then
several clients at once, then (with --ingest) one client while warta ingest
writes into a copy of the store. Reports p50/p95/p99 per class and the
server's peak RSS. With --store the server searches a PostgreSQL store of the
same corpus, with the same queries (picked from --data), beside the same FTS5
table.`
}

func (c *benchSearchCmd) Run(ctx context.Context, env *Env) error {
	if c.Server == "" {
		exe, err := os.Executable()
		if err != nil {
			return err
		}
		c.Server = exe
	}
	rep, err := bench.RunSearch(ctx, bench.SearchOptions{Data: c.Data, Store: c.Store, Server: c.Server, PerClass: c.PerClass,
		Rounds: c.Rounds, Clients: c.Clients, Ingest: c.Ingest, Peer: c.Peer, Seed: c.Seed, Log: env.Log})
	if rep != nil {
		bench.WriteSearchReport(env.Stdout, rep)
		if c.JSON != "" {
			b, _ := json.MarshalIndent(rep, "", "  ")
			if werr := os.WriteFile(c.JSON, append(b, '\n'), 0o644); werr != nil {
				return fmt.Errorf("write %s: %w", c.JSON, werr)
			}
		}
	}
	return err
}
