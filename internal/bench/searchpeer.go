package bench

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"github.com/ncruces/go-sqlite3/driver"
)

// ftsPeer is the reference the search classes are measured beside: a raw
// FTS5 table over the same documents (the title and body of each
// article's newest version), with warta's tokenizer and its BM25 weights,
// in the same SQLite driver, queried in-process. It answers what an index
// alone costs: the count of matches and the top 20 by BM25, with no joins,
// filters or snippets.
type ftsPeer struct {
	db   *sql.DB
	path string
	stmt struct{ count, top *sql.Stmt }
}

func buildPeer(ctx context.Context, src *storeFile, dir string) (*ftsPeer, error) {
	path := filepath.Join(dir, "peer.db")
	dsn := (&url.URL{Scheme: "file", OmitHost: true, Path: path, RawQuery: "_pragma=journal_mode(wal)&_pragma=synchronous(off)"}).String()
	db, err := driver.Open(dsn, registerTokenizer)
	if err != nil {
		return nil, fmt.Errorf("peer: %w", err)
	}
	p := &ftsPeer{db: db, path: path}
	if err := p.fill(ctx, src); err != nil {
		db.Close()
		return nil, fmt.Errorf("peer: %w", err)
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		db.Close()
		return nil, fmt.Errorf("peer: %w", err)
	}
	if p.stmt.count, err = db.PrepareContext(ctx, `SELECT count(*) FROM peer WHERE peer MATCH ?`); err == nil {
		p.stmt.top, err = db.PrepareContext(ctx, `SELECT rowid, title FROM peer WHERE peer MATCH ? ORDER BY rank LIMIT 20`)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("peer: %w", err)
	}
	return p, nil
}

// fill copies the documents into the peer, in one transaction, and merges
// the index into one segment.
func (p *ftsPeer) fill(ctx context.Context, src *storeFile) error {
	if _, err := p.db.ExecContext(ctx, `CREATE VIRTUAL TABLE peer USING fts5 (title, body, tokenize = 'warta');
		INSERT INTO peer (peer, rank) VALUES ('rank', 'bm25(4.0, 1.0)')`); err != nil {
		return err
	}
	rows, err := src.db.QueryContext(ctx, `SELECT id, title, body FROM indexed_text`)
	if err != nil {
		return err
	}
	defer rows.Close()
	tx, err := p.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO peer (rowid, title, body) VALUES (?, ?, ?)`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var title, body string
		if err := rows.Scan(&id, &title, &body); err != nil {
			return err
		}
		if _, err := ins.ExecContext(ctx, id, title, body); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO peer (peer) VALUES ('optimize')`); err != nil {
		return err
	}
	return tx.Commit()
}

// search runs expr as a search page would: the count and the top hits.
func (p *ftsPeer) search(ctx context.Context, expr string) (sample, error) {
	start := time.Now()
	var s sample
	if err := p.stmt.count.QueryRowContext(ctx, expr).Scan(&s.hits); err != nil {
		return s, err
	}
	rows, err := p.stmt.top.QueryContext(ctx, expr)
	if err != nil {
		return s, err
	}
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			rows.Close()
			return s, err
		}
	}
	rows.Close()
	s.ms = float64(time.Since(start).Microseconds()) / 1000
	return s, rows.Err()
}

func (p *ftsPeer) size() int64 {
	var n int64
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(p.path + suffix); err == nil {
			n += st.Size()
		}
	}
	return n
}

func (p *ftsPeer) Close() error { return p.db.Close() }
