package sqlite

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

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

// zstdMagic opens every zstd frame; JSON text never starts with it.
var zstdMagic = []byte{0x28, 0xb5, 0x2f, 0xfd}

var (
	codecOnce sync.Once
	encoder   *zstd.Encoder
	decoder   *zstd.Decoder
	codecErr  error
)

// codec makes the one encoder and decoder of the process: both are safe
// for concurrent EncodeAll and DecodeAll, and cost a few MB each.
func codec() (*zstd.Encoder, *zstd.Decoder, error) {
	codecOnce.Do(func() {
		// The 700 detik-news records (15.5 KB each) come out 3.50× smaller
		// at SpeedFastest, 3.65× at SpeedDefault: not worth the time. A
		// batch's records are compressed on every core (put.go).
		encoder, codecErr = zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)))
		if codecErr != nil {
			return
		}
		decoder, codecErr = zstd.NewReader(nil, zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20))
	})
	return encoder, decoder, codecErr
}

// compressRecord is the stored form of a record's JSON.
func compressRecord(record []byte) ([]byte, error) {
	enc, _, err := codec()
	if err != nil {
		return nil, fmt.Errorf("record codec: %w", err)
	}
	return enc.EncodeAll(record, make([]byte, 0, len(record)/3)), nil
}

// recordJSON is a stored record as JSON: decompressed, or as it was
// stored when it is JSON text already.
func recordJSON(stored []byte) ([]byte, error) {
	if !bytes.HasPrefix(stored, zstdMagic) {
		return stored, nil
	}
	_, dec, err := codec()
	if err != nil {
		return nil, fmt.Errorf("record codec: %w", err)
	}
	out, err := dec.DecodeAll(stored, nil)
	if err != nil {
		return nil, fmt.Errorf("stored record: %w", err)
	}
	return out, nil
}

// registerRecordJSON adds record_json(x) to a connection.
func registerRecordJSON(c *sqlite3.Conn) error {
	return c.CreateFunction("record_json", 1, sqlite3.DETERMINISTIC|sqlite3.INNOCUOUS, func(ctx sqlite3.Context, arg ...sqlite3.Value) {
		switch arg[0].Type() {
		case sqlite3.NULL:
			ctx.ResultNull()
		case sqlite3.BLOB:
			out, err := recordJSON(arg[0].RawBlob())
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
