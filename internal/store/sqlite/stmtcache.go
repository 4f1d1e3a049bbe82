package sqlite

import (
	"context"
	sqldriver "database/sql/driver"
	"sync"
	"sync/atomic"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
)

// maxCachedStmts bounds the statements one connection keeps prepared. The
// write path has a few dozen texts, the read path one per combination of
// filters; past the bound a statement is prepared and finalised as
// database/sql does by itself.
const maxCachedStmts = 128

// stmtCounts counts what a store's connections ran, for benchmarks and
// tests: statements executed, and how many of them SQLite had to compile.
type stmtCounts struct {
	executed, prepared atomic.Int64
}

// cachingConnector opens SQLite connections that keep their statements
// prepared, by text. database/sql prepares and finalises a statement for
// every call with arguments; on the write path that compiling was a sixth
// of ingest CPU (SQLite's parser), for the same few dozen statements run
// for every article.
type cachingConnector struct {
	sqldriver.Connector
	init   func(*sqlite3.Conn) error
	counts *stmtCounts
}

func (c *cachingConnector) Connect(ctx context.Context) (sqldriver.Conn, error) {
	dc, err := c.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	conn, ok := dc.(driver.Conn)
	if !ok {
		dc.Close()
		return nil, sqlite3.MISUSE
	}
	if err := c.init(conn.Raw()); err != nil {
		dc.Close()
		return nil, err
	}
	return &cachingConn{Conn: conn, counts: c.counts, stmts: map[string]*cachedStmt{}}, nil
}

// cachingConn is one connection with its prepared statements. database/sql
// uses a connection from one goroutine at a time; mu guards the map against
// a statement closed from another.
type cachingConn struct {
	driver.Conn
	counts *stmtCounts
	mu     sync.Mutex
	stmts  map[string]*cachedStmt
}

var (
	_ sqldriver.ExecerContext     = (*cachingConn)(nil)
	_ sqldriver.NamedValueChecker = (*cachingConn)(nil)
)

// ExecContext runs statements without arguments directly (BEGIN, PRAGMA,
// scripts); with arguments, database/sql prepares them (PrepareContext).
func (c *cachingConn) ExecContext(ctx context.Context, query string, args []sqldriver.NamedValue) (sqldriver.Result, error) {
	ex, ok := c.Conn.(sqldriver.ExecerContext)
	if !ok || len(args) != 0 {
		return nil, sqldriver.ErrSkip
	}
	c.counts.executed.Add(1)
	c.counts.prepared.Add(1)
	return ex.ExecContext(ctx, query, args)
}

func (c *cachingConn) CheckNamedValue(arg *sqldriver.NamedValue) error {
	if ch, ok := c.Conn.(sqldriver.NamedValueChecker); ok {
		return ch.CheckNamedValue(arg)
	}
	return sqldriver.ErrSkip
}

func (c *cachingConn) Prepare(query string) (sqldriver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

// PrepareContext hands out the statement kept for query when it is free,
// else prepares one; a statement in use (a query whose rows are still
// read) is never handed out twice.
func (c *cachingConn) PrepareContext(ctx context.Context, query string) (sqldriver.Stmt, error) {
	c.mu.Lock()
	if s, ok := c.stmts[query]; ok && !s.busy {
		s.busy = true
		c.mu.Unlock()
		return s, nil
	}
	c.mu.Unlock()
	ds, err := c.Conn.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	c.counts.prepared.Add(1)
	s := &cachedStmt{Stmt: ds, conn: c}
	c.mu.Lock()
	if _, ok := c.stmts[query]; !ok && len(c.stmts) < maxCachedStmts {
		s.cached, s.busy = true, true
		c.stmts[query] = s
	}
	c.mu.Unlock()
	return s, nil
}

// Close finalises the kept statements, then closes the connection: SQLite
// refuses to close a connection with statements left.
func (c *cachingConn) Close() error {
	c.mu.Lock()
	for q, s := range c.stmts {
		s.Stmt.Close()
		delete(c.stmts, q)
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

// cachedStmt is a statement that counts its runs and, when kept, is reset
// rather than finalised on Close.
type cachedStmt struct {
	sqldriver.Stmt
	conn   *cachingConn
	cached bool
	busy   bool // handed out and not yet closed; guarded by conn.mu
}

var (
	_ sqldriver.StmtExecContext   = (*cachedStmt)(nil)
	_ sqldriver.StmtQueryContext  = (*cachedStmt)(nil)
	_ sqldriver.NamedValueChecker = (*cachedStmt)(nil)
)

func (s *cachedStmt) Close() error {
	if !s.cached {
		return s.Stmt.Close()
	}
	// The driver resets a statement after each run; again here, so that
	// one closed early (rows not read to the end) holds no read lock.
	if r, ok := s.Stmt.(interface {
		Reset() error
		ClearBindings() error
	}); ok {
		r.Reset()
		r.ClearBindings()
	}
	s.conn.mu.Lock()
	s.busy = false
	s.conn.mu.Unlock()
	return nil
}

func (s *cachedStmt) ExecContext(ctx context.Context, args []sqldriver.NamedValue) (sqldriver.Result, error) {
	s.conn.counts.executed.Add(1)
	return s.Stmt.(sqldriver.StmtExecContext).ExecContext(ctx, args)
}

func (s *cachedStmt) QueryContext(ctx context.Context, args []sqldriver.NamedValue) (sqldriver.Rows, error) {
	s.conn.counts.executed.Add(1)
	return s.Stmt.(sqldriver.StmtQueryContext).QueryContext(ctx, args)
}

func (s *cachedStmt) CheckNamedValue(arg *sqldriver.NamedValue) error {
	if ch, ok := s.Stmt.(sqldriver.NamedValueChecker); ok {
		return ch.CheckNamedValue(arg)
	}
	return sqldriver.ErrSkip
}
