// Package sqlite is the embedded Store: one SQLite file in a data
// directory, in WAL mode so that one process can write (warta ingest) while
// others read (warta serve), with ordered schema migrations. Full-text
// search is FTS5 with the search.Analyzer running inside the index as a Go
// tokenizer, so that the stemmer and the stopwords apply to the index and
// to queries alike. SQLite runs as WebAssembly (ncruces/go-sqlite3): no cgo.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// FileName is the database's name inside the data directory.
const FileName = "warta.db"

// journalSizeLimit bounds the WAL file left after a checkpoint: without
// it the file stays at its peak while the server runs.
const journalSizeLimit = 64 << 20

// writerCacheKiB is the writer connection's page cache (SQLite's
// default is 2 MiB); readerCacheKiB each reader connection's.
const (
	writerCacheKiB = 32 << 10
	readerCacheKiB = 32 << 10
)

// tokenizerName is the FTS5 tokenizer the index is declared with (in
// migration 1, which must not change).
const tokenizerName = "warta"

// Options configure a Store.
type Options struct {
	// Analyzer tokenises the index and the queries; required.
	Analyzer *search.Analyzer
	// Resolver tells which entities of different articles are the same;
	// nil means store.NameType.
	Resolver store.Resolver
	// Linker gives each entity of an article its store-wide ref when the
	// article is stored (internal/identity); nil: each is its own.
	Linker store.Linker
	// BusyTimeout is how long one attempt to write waits for another
	// process's write lock; 0 means 2 s.
	BusyTimeout time.Duration
	// BusyWait is how long a write keeps trying, with back-off, before it
	// fails with store.ErrBusy; 0 means 30 s.
	BusyWait time.Duration
	Log      *slog.Logger // nil: slog.Default()
}

// Store is the SQLite Store.
type Store struct {
	db       *sql.DB // readers
	wdb      *sql.DB // the one writer
	busyWait time.Duration
	path     string
	analyzer *search.Analyzer
	resolver store.Resolver
	linker   store.Linker
	log      *slog.Logger

	// counts are the statements the connections ran; each connection
	// keeps its statements prepared by text (stmtcache.go), reads and
	// writes alike.
	counts *stmtCounts
	// contended is when a write last waited for another process's
	// write lock (UnixNano; put.go).
	contended atomic.Int64
	// checkpoints copies committed batches into the database file
	// (checkpoint.go).
	checkpoints *checkpointer
	// phrases are the search phrases' document counts (rank.go).
	phrases phraseCounts
	// written counts the articles this Store created or gave a new
	// version, for Optimize.
	written atomic.Int64
	// codec compresses and reads the records (record.go).
	codec *recordCodec
}

var _ store.Store = (*Store)(nil)

// Open opens the store in the data directory dir, creating the directory
// and the database on first use, and brings its schema up to date. When the
// Analyzer differs from the one the index was built with (a new stemmer),
// the index is rebuilt.
func Open(ctx context.Context, dir string, opts Options) (*Store, error) {
	if opts.Analyzer == nil {
		return nil, errors.New("sqlite: Options.Analyzer is required")
	}
	if opts.Resolver == nil {
		opts.Resolver = store.NameType{}
	}
	if opts.BusyTimeout == 0 {
		opts.BusyTimeout = 2 * time.Second
	}
	if opts.BusyWait == 0 {
		opts.BusyWait = 30 * time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("sqlite: data directory: %w", err)
	}
	path, err := filepath.Abs(filepath.Join(dir, FileName))
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	analyzer := opts.Analyzer
	counts := &stmtCounts{}
	codec, err := newRecordCodec()
	if err != nil {
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	open := func(txlock string, pragmas ...string) (*sql.DB, error) {
		// Every connection: WAL so that readers never block the writer,
		// NORMAL sync (durable at checkpoints, never corrupt), foreign keys
		// on, a WAL cut back to journalSizeLimit after each checkpoint.
		pragmas = append(pragmas, "journal_mode(wal)", "synchronous(normal)", "foreign_keys(on)",
			fmt.Sprintf("journal_size_limit(%d)", journalSizeLimit))
		dsn := (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: url.Values{
			"_pragma": pragmas, "_txlock": {txlock},
		}.Encode()}).String()
		connector, err := (&driver.SQLite{}).OpenConnector(dsn)
		if err != nil {
			return nil, err
		}
		return sql.OpenDB(&cachingConnector{Connector: connector, counts: counts, init: func(c *sqlite3.Conn) error {
			if err := registerRecordJSON(c, codec); err != nil {
				return err
			}
			return fts5.RegisterCustom(c, func(api *fts5.API) error {
				if err := registerRank(api); err != nil {
					return err
				}
				return api.CreateTokenizer(tokenizerName, func([]string) (fts5.Tokenizer, error) {
					return tokenizer{analyzer}, nil
				})
			})
		}}), nil
	}
	// One connection writes, and takes the write lock when its transaction
	// begins (BEGIN IMMEDIATE): a transaction never fails half-way because
	// another process wrote first, and waiting for the lock is retried
	// with back-off (put.go). Readers have their own connections, so that
	// searches never wait for a write.
	// The writer maintains a dozen secondary indexes whose pages the
	// default 2 MB cache keeps only for a few thousand articles; and a
	// checkpoint every 1,000 pages copies the same index pages into the
	// database again and again while a bulk ingest runs: the checkpointer
	// copies them on another connection (checkpoint.go).
	// Its statement and savepoint journals stay in memory: a multi-row
	// insert or a linker's savepoint (put.go) otherwise writes every page
	// it changes to a temporary file first, 14% of ingest CPU in pwrite.
	wdb, err := open("immediate", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()), "temp_store(memory)",
		fmt.Sprintf("cache_size(%d)", -writerCacheKiB), fmt.Sprintf("wal_autocheckpoint(%d)", walBackstopPages))
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	wdb.SetMaxOpenConns(1)
	db, err := open("deferred", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()),
		fmt.Sprintf("cache_size(%d)", -readerCacheKiB))
	if err != nil {
		wdb.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	// Each connection is a WebAssembly instance with its own page cache:
	// a few serve many readers.
	db.SetMaxOpenConns(4)
	db.SetMaxIdleConns(4)
	// A checkpoint reads the WAL and writes the database file, not
	// through the page cache: SQLite's default cache is plenty.
	cdb, err := open("deferred", fmt.Sprintf("busy_timeout(%d)", opts.BusyTimeout.Milliseconds()))
	if err != nil {
		wdb.Close()
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	cdb.SetMaxOpenConns(1)
	s := &Store{db: db, wdb: wdb, busyWait: opts.BusyWait, path: path, analyzer: analyzer, resolver: opts.Resolver, linker: opts.Linker, log: opts.Log, counts: counts,
		checkpoints: newCheckpointer(cdb, opts.Log), codec: codec}
	if err := s.migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	if dicts, err := readDicts(ctx, s.db); err != nil || len(dicts) > 0 {
		if err == nil {
			err = codec.use(dicts)
		}
		if err != nil {
			s.Close()
			return nil, fmt.Errorf("sqlite: record dictionaries: %w", err)
		}
	}
	if err := s.checkIndex(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// StatementCounts says how many SQL statements the store's connections have
// run since it was opened, and how many of them SQLite had to compile (the
// rest ran prepared, from a connection's cache).
func (s *Store) StatementCounts() (executed, prepared int64) {
	return s.counts.executed.Load(), s.counts.prepared.Load()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database.
func (s *Store) Close() error {
	return errors.Join(s.checkpoints.close(), s.db.Close(), s.wdb.Close())
}

// query runs a read query; its connection keeps the statement prepared
// (stmtcache.go): a search spends a fifth of its time preparing otherwise.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return s.db.QueryContext(ctx, query, args...)
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return s.db.QueryRowContext(ctx, query, args...)
}

// checkIndex rebuilds the full-text index when the Analyzer's fingerprint
// differs from the one it was built with.
func (s *Store) checkIndex(ctx context.Context) error {
	want := s.analyzer.Fingerprint()
	var have string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'analyzer'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: read meta: %w", err)
	}
	if have == want {
		return nil
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: rebuild index: %w", err)
	}
	defer tx.Rollback()
	// Another process may have rebuilt it while this one waited.
	err = tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'analyzer'`).Scan(&have)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: read meta: %w", err)
	}
	if have == want {
		return nil
	}
	if have != "" {
		s.log.Info("rebuilding the search index for a new analyzer", "db", s.path)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO search_index(search_index) VALUES ('rebuild')`); err != nil {
		return fmt.Errorf("sqlite: rebuild index: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO meta(key, value) VALUES ('analyzer', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, want); err != nil {
		return fmt.Errorf("sqlite: write meta: %w", err)
	}
	return tx.Commit()
}

// Check verifies the database: SQLite's integrity check, and that the
// full-text index agrees with the text it indexes.
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("sqlite: integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("sqlite: integrity check: %s", res)
	}
	if _, err := s.wdb.ExecContext(ctx, `INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`); err != nil {
		return fmt.Errorf("sqlite: search index check: %w", err)
	}
	return nil
}
