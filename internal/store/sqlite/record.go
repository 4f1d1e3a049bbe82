package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/klauspost/compress/dict"
	"github.com/klauspost/compress/zstd"
	"github.com/ncruces/go-sqlite3"
)

// Records are kept whole for every version, compressed with zstd: they
// were seven tenths of the database as JSON text. A row from before
// (migration 7) holds the JSON as TEXT and reads as it is.
//
// Every query reads a record through the SQL function record_json(record),
// which gives the JSON text either way: the view the search index reads
// its text from, and the article look-ups.
//
// Once a store holds dictSamples records, a zstd dictionary is trained
// from its first ones and kept in record_dicts; every record after is
// compressed with it. A frame names its dictionary by id, so the rows
// before (none) and after read alike, and a dictionary once stored is
// never changed or dropped. Most of a record's JSON is its field names and
// the shapes of its layers, which a lone 15 KB record cannot refer back to:
// with a dictionary from the first 64 of the 700 detik-news records, the
// last 400 came out 15% smaller (3.55 → 4.20 times smaller than the JSON).

// zstdMagic opens every zstd frame; JSON text never starts with it.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

// dictSamples is how many of a store's first records its dictionary is
// trained from (1-3 s of CPU, once); dictSize bounds the dictionary.
const (
	dictSamples = 64
	dictSize    = 64 << 10
)

// recordCodec compresses and reads one database's records: every
// connection of a Store shares one. Its encoder and decoder are safe for
// concurrent EncodeAll and DecodeAll, and are replaced whole when a
// dictionary comes.
type recordCodec struct {
	enc atomic.Pointer[zstd.Encoder]
	dec atomic.Pointer[zstd.Decoder]

	mu    sync.Mutex // held while dictionaries change
	dicts [][]byte   // in the order stored; the encoder uses the last
	tried bool       // this process tried to train one (trainRecordDict)
}

func newRecordCodec() (*recordCodec, error) {
	c := &recordCodec{}
	if err := c.use(nil); err != nil {
		return nil, err
	}
	return c, nil
}

// use makes the codec read every one of dicts and compress with the last
// (none: without a dictionary).
func (c *recordCodec) use(dicts [][]byte) error {
	// The 700 detik-news records (15.5 KB each) come out 3.50× smaller at
	// SpeedFastest, 3.65× at SpeedDefault: not worth the time. A batch's
	// records are compressed on every core (put.go).
	opts := []zstd.EOption{zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0))}
	if len(dicts) > 0 {
		opts = append(opts, zstd.WithEncoderDict(dicts[len(dicts)-1]))
	}
	enc, err := zstd.NewWriter(nil, opts...)
	if err != nil {
		return fmt.Errorf("record codec: %w", err)
	}
	dec, err := zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20), zstd.WithDecoderDicts(dicts...))
	if err != nil {
		return fmt.Errorf("record codec: %w", err)
	}
	c.dicts = dicts
	c.enc.Store(enc)
	c.dec.Store(dec)
	return nil
}

// hasDict reports whether records are compressed with a dictionary.
func (c *recordCodec) hasDict() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.dicts) > 0
}

// compress is the stored form of a record's JSON.
func (c *recordCodec) compress(record []byte) []byte {
	return c.enc.Load().EncodeAll(record, make([]byte, 0, len(record)/4))
}

// decompress gives a stored record's JSON: decompressed, or as it was
// stored when it is JSON text already. A frame whose dictionary this
// process has not seen (another process trained it after this one opened
// the store) makes it read the dictionaries again, through load.
func (c *recordCodec) decompress(stored []byte, load func() ([][]byte, error)) ([]byte, error) {
	return c.decompressTo(nil, stored, load)
}

// decompressTo is decompress into dst's memory (dst[:0]), when it is
// large enough: a reader that decodes many records in turn reuses one
// buffer instead of a new one a record (a search's 20 snippets). The JSON
// given may be dst, or stored itself when that is JSON text already.
func (c *recordCodec) decompressTo(dst, stored []byte, load func() ([][]byte, error)) ([]byte, error) {
	if !bytes.HasPrefix(stored, zstdMagic) {
		return stored, nil
	}
	out, err := c.dec.Load().DecodeAll(stored, dst[:0])
	if errors.Is(err, zstd.ErrUnknownDictionary) && load != nil {
		// stored may be SQLite's memory, which the statements load
		// runs may move.
		stored = bytes.Clone(stored)
		if err := c.reload(load); err != nil {
			return nil, err
		}
		out, err = c.dec.Load().DecodeAll(stored, dst[:0])
	}
	if err != nil {
		return nil, fmt.Errorf("stored record: %w", err)
	}
	return out, nil
}

func (c *recordCodec) reload(load func() ([][]byte, error)) error {
	dicts, err := load()
	if err != nil {
		return fmt.Errorf("record dictionaries: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(dicts) == len(c.dicts) {
		return nil // none new: the frame is damaged
	}
	return c.use(dicts)
}

// readDicts reads a database's record dictionaries in the order stored.
func readDicts(ctx context.Context, q querier) ([][]byte, error) {
	rows, err := q.QueryContext(ctx, `SELECT dict FROM record_dicts ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r *sql.Rows, d *[]byte) error { return r.Scan(d) })
}

// recordJSON reads a stored record in a statement run through q.
func (s *Store) recordJSON(ctx context.Context, q querier, stored []byte) ([]byte, error) {
	return s.codec.decompress(stored, func() ([][]byte, error) { return readDicts(ctx, q) })
}

// trainRecordDict trains the store's record dictionary once it holds
// dictSamples records and has none, and compresses with it from then on;
// a dictionary another process stored first is taken instead. It is
// tried once per process: a failure leaves records compressed without.
func (s *Store) trainRecordDict(ctx context.Context) error {
	c := s.codec
	c.mu.Lock()
	skip := c.tried || len(c.dicts) > 0
	c.mu.Unlock()
	if skip {
		return nil
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM versions LIMIT ?)`, dictSamples).Scan(&n); err != nil {
		return fmt.Errorf("sqlite: record dictionary: %w", err)
	}
	if n < dictSamples {
		return nil
	}
	c.mu.Lock()
	c.tried = true
	c.mu.Unlock()
	var dicts [][]byte
	err := s.retry(ctx, func() error {
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if dicts, err = readDicts(ctx, tx); err != nil || len(dicts) > 0 {
			return err
		}
		rows, err := tx.QueryContext(ctx, `SELECT record_json(record) FROM versions ORDER BY id LIMIT ?`, dictSamples)
		if err != nil {
			return err
		}
		samples, err := collect(rows, func(r *sql.Rows, b *[]byte) error { return r.Scan(b) })
		if err != nil {
			return err
		}
		d, err := dict.BuildZstdDict(samples, dict.Options{MaxDictSize: dictSize, HashBytes: 6, ZstdLevel: zstd.SpeedFastest})
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO record_dicts (dict) VALUES (?)`, d); err != nil {
			return err
		}
		dicts = [][]byte{d}
		return tx.Commit()
	})
	if err != nil {
		return fmt.Errorf("sqlite: record dictionary: %w", err)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.use(dicts)
}

// registerRecordJSON adds record_json(x) to a connection, reading with c.
func registerRecordJSON(conn *sqlite3.Conn, c *recordCodec) error {
	return conn.CreateFunction("record_json", 1, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, func(ctx sqlite3.Context, arg ...sqlite3.Value) {
		switch arg[0].Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
		case sqlite3.BLOB:
			// The dictionaries are read, when needed, through the
			// connection that runs the statement.
			out, err := c.decompress(arg[0].RawBlob(), func() ([][]byte, error) { return connDicts(ctx.Conn()) })
			if err != nil {
				ctx.ResultError(err)
				return
			}
			ctx.ResultRawText(out)
		default:
			ctx.ResultRawText(arg[0].RawText())
		}
	})
}

// connDicts reads the record dictionaries on a raw connection.
func connDicts(conn *sqlite3.Conn) ([][]byte, error) {
	stmt, _, err := conn.Prepare(`SELECT dict FROM record_dicts ORDER BY seq`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var dicts [][]byte
	for stmt.Step() {
		dicts = append(dicts, stmt.ColumnBlob(0, nil))
	}
	return dicts, stmt.Err()
}
