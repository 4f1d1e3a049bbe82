// Package postgres is the Store for a shared PostgreSQL server: several
// warta processes (servers, ingesters, queue workers on other machines)
// read and write one database at once. It keeps the same tables as the
// SQLite store and passes the same conformance suite (storetest).
//
// Concurrent writers never check and then insert: articles, versions and
// entities have unique keys, rows are claimed by INSERT ... ON CONFLICT,
// and the rows a batch locks are locked in one order (articles by key,
// then entities by key), so that two writers of overlapping batches wait
// for each other instead of deadlocking. A batch that still meets a
// deadlock or a serialisation failure is retried whole.
//
// Full-text search runs over the terms of warta's own search.Analyzer
// (stemmed, without stopwords), stored as a tsvector and indexed with GIN;
// queries are written as a tsquery of the same terms, so that SQLite and
// PostgreSQL find the same articles for the same query.
package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Options configure a Store.
type Options struct {
	// Analyzer gives the index terms of titles, bodies and queries;
	// required.
	Analyzer *search.Analyzer
	// Resolver tells which entities of different articles are the same;
	// nil means store.NameType.
	Resolver store.Resolver
	// Linker gives each entity of an article its store-wide ref when the
	// article is stored (internal/identity); nil: each is its own.
	Linker store.Linker
	// MaxConns bounds the connections to the server; 0 means pgxpool's
	// default (four, or the number of CPUs if more).
	MaxConns int32
	// RankWindow is how many of a search's matches, the most recently
	// stored, are ranked by relevance; the older ones follow, newest first.
	// 0 means 500, as on SQLite.
	RankWindow int
	// CountBound is how many hits a search counts exactly; past it, the
	// total is an estimate, flagged. 0 means 1,000, as on SQLite.
	CountBound int
	// BuildIndexes has this process build the indexes made after the
	// migrations (the phrase index, pairs.go) when they are missing:
	// for a long-running process (warta serve, warta worker). A build
	// takes minutes on a large store and Close stops it, so a process
	// that opens the store only for a command would start it and stop
	// it each time, never finishing; such a process uses them once
	// another has built them.
	BuildIndexes bool
	Log          *slog.Logger // nil: slog.Default()
}

// Store is the PostgreSQL Store.
type Store struct {
	pool       *pgxpool.Pool
	analyzer   *search.Analyzer
	resolver   store.Resolver
	linker     store.Linker
	rankWindow int
	countBound int
	build      bool // Options.BuildIndexes
	log        *slog.Logger

	// Every daysSummedEvery-th batch a writer commits sums the days'
	// article deltas (sumDays), so that a long-running worker or server,
	// which never calls Optimize, keeps the rows ArticleDays reads bounded.
	daysSummedEvery int64
	batches         atomic.Int64

	pairs     atomic.Bool        // the phrase index is valid: searches use it (pairs.go)
	stopPairs context.CancelFunc // stops its build, if one runs
	pairsDone sync.WaitGroup
}

var _ store.Store = (*Store)(nil)

// IsURL reports whether s names a PostgreSQL database rather than a data
// directory: postgres:// or postgresql://.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/db?...;
// a search_path parameter puts the tables in a schema of their own),
// brings its schema up to date and, when the Analyzer differs from the one
// the terms were made with, makes them again.
func Open(ctx context.Context, url string, opts Options) (*Store, error) {
	if opts.Analyzer == nil {
		return nil, errors.New("postgres: Options.Analyzer is required")
	}
	if opts.Resolver == nil {
		opts.Resolver = store.NameType{}
	}
	if opts.Log == nil {
		opts.Log = slog.Default()
	}
	if opts.RankWindow <= 0 {
		opts.RankWindow = 500
	}
	if opts.CountBound <= 0 {
		opts.CountBound = 1000
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	if cfg.ConnConfig.RuntimeParams["application_name"] == "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = "warta"
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres: connect to %s: %w", redact(cfg), err)
	}
	s := &Store{pool: pool, analyzer: opts.Analyzer, resolver: opts.Resolver, linker: opts.Linker, rankWindow: opts.RankWindow,
		countBound: opts.CountBound, build: opts.BuildIndexes, log: opts.Log, daysSummedEvery: 64}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.checkTerms(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	if err := s.startPairs(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// redact names the server without its password.
func redact(cfg *pgxpool.Config) string {
	c := cfg.ConnConfig
	return fmt.Sprintf("%s@%s:%d/%s", c.User, c.Host, c.Port, c.Database)
}

// Close stops a build of the phrase index, which the next Open with
// Options.BuildIndexes starts again, and closes the connections.
func (s *Store) Close() error {
	if s.stopPairs != nil {
		s.stopPairs()
		s.pairsDone.Wait()
	}
	s.pool.Close()
	return nil
}

// Ping checks that the server answers: the readiness of a process that
// needs it.
func (s *Store) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrations are the ordered schema changes, migrations/NNNN_name.sql;
// schema_migrations records those applied. Add new files at the end and
// never change one that has shipped.
func migrations() ([]string, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	for i, name := range names {
		n, err := strconv.Atoi(strings.SplitN(path.Base(name), "_", 2)[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("migration %s: want number %04d", name, i+1)
		}
	}
	return names, nil
}

// migrationLock is the advisory lock key that makes processes starting on
// one new database at once migrate it one after the other.
const migrationLock = 0x77617274 // "wart"

func (s *Store) migrate(ctx context.Context) error {
	names, err := migrations()
	if err != nil {
		return fmt.Errorf("postgres: %w", err)
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	var version int
	if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&version); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("postgres: the database has schema version %d, newer than this warta (%d): upgrade warta", version, len(names))
	}
	for i := version; i < len(names); i++ {
		sql, err := migrationFiles.ReadFile(names[i])
		if err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		// No arguments: the simple protocol, which runs several statements.
		if _, err := tx.Exec(ctx, string(sql), pgx.QueryExecModeSimpleProtocol); err != nil {
			return fmt.Errorf("postgres: migration %s: %w", path.Base(names[i]), err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`,
			i+1, path.Base(names[i])); err != nil {
			return fmt.Errorf("postgres: migrate: %w", err)
		}
	}
	if err := newPairs(ctx, tx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: migrate: %w", err)
	}
	if version < len(names) {
		s.log.Debug("migrated", "from", version, "to", len(names))
	}
	return nil
}

// checkTerms makes the search terms of every article again when the
// Analyzer's fingerprint differs from the one they were made with.
func (s *Store) checkTerms(ctx context.Context) error {
	want := s.analyzer.Fingerprint()
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("postgres: check terms: %w", err)
	}
	defer tx.Rollback(ctx)
	var have string
	err = tx.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'analyzer'`).Scan(&have)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("postgres: read meta: %w", err)
	}
	if have == want {
		return nil
	}
	// One process rebuilds; the others wait for it and then find the new
	// fingerprint.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("postgres: check terms: %w", err)
	}
	err = tx.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'analyzer'`).Scan(&have)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("postgres: read meta: %w", err)
	}
	if have == want {
		return nil
	}
	if have != "" {
		s.log.Info("making the search terms again for a new analyzer")
	}
	rows, err := tx.Query(ctx, `SELECT v.article_id, v.title, v.record->>'text' FROM search_terms st
		JOIN versions v ON v.id = st.version_id`)
	if err != nil {
		return fmt.Errorf("postgres: rebuild terms: %w", err)
	}
	type update struct {
		id    int64
		terms string
	}
	var updates []update
	for rows.Next() {
		var u update
		var title, text string
		if err := rows.Scan(&u.id, &title, &text); err != nil {
			rows.Close()
			return fmt.Errorf("postgres: rebuild terms: %w", err)
		}
		u.terms = s.tsvector(title, body(title, text))
		updates = append(updates, u)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: rebuild terms: %w", err)
	}
	for _, u := range updates {
		if _, err := tx.Exec(ctx, `UPDATE search_terms SET terms = $1::tsvector WHERE article_id = $2`, u.terms, u.id); err != nil {
			return fmt.Errorf("postgres: rebuild terms: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('analyzer', $1)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, want); err != nil {
		return fmt.Errorf("postgres: write meta: %w", err)
	}
	return tx.Commit(ctx)
}

// tsvector limits: a lexeme keeps at most 256 positions, and positions
// stop at 16383 (PostgreSQL's own limits).
const (
	maxPositions = 256
	maxPosition  = 16383
)

// tsvector writes the terms of a title (weight A) and a body (weight D) as
// a tsvector literal. Positions count the terms only, as FTS5 counts the
// tokens its tokenizer gives, so that a phrase matches the same words on
// both stores; the body starts one position after the title's end, so that
// no phrase spans the two.
func (s *Store) tsvector(title, body string) string {
	type lexeme struct {
		positions []string
	}
	lexemes := map[string]*lexeme{}
	var order []string
	pos := 0
	add := func(text, weight string) {
		s.analyzer.Tokens(text, func(term string, _, _ int) error {
			pos = min(pos+1, maxPosition)
			l := lexemes[term]
			if l == nil {
				l = &lexeme{}
				lexemes[term] = l
				order = append(order, term)
			}
			if len(l.positions) < maxPositions {
				l.positions = append(l.positions, strconv.Itoa(pos)+weight)
			}
			return nil
		})
	}
	add(title, "A")
	pos = min(pos+1, maxPosition)
	add(body, "")
	var b strings.Builder
	for _, term := range order {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(quoteLexeme(term))
		b.WriteByte(':')
		b.WriteString(strings.Join(lexemes[term].positions, ","))
	}
	return b.String()
}

// lexemeEscapes doubles the quotes and backslashes of a term. Made once:
// a Replacer builds its tables on first use, which cost more than the
// replacing (28 % of PutBatch's CPU when made per term).
var lexemeEscapes = strings.NewReplacer(`'`, `''`, `\`, `\\`)

// quoteLexeme quotes a term for a tsvector or tsquery literal.
func quoteLexeme(term string) string {
	return "'" + lexemeEscapes.Replace(term) + "'"
}

// body is the text of a record after its title and the blank line that
// follows it: what the search index holds beside the title.
func body(title, text string) string {
	if title == "" {
		return text
	}
	if rest, ok := strings.CutPrefix(text, title); ok {
		return strings.TrimLeft(rest, "\n")
	}
	return text
}
