package sqlite

import (
	"context"
	"fmt"
	"math"
	"strings"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"github.com/warta-news/warta/internal/store"
)

// rankFunction is the ranking of search hits: FTS5's bm25() with the
// index's column weights (a title word worth four body words; tags
// nothing), computed as bm25() computes it, except for where each
// phrase's document count comes from. bm25() counts them for every query
// by reading each phrase's whole posting list (xQueryPhrase): 41% of the
// CPU of five searches profiled at 100k articles (common words, an entity
// and a word, words in a week), every entity and day tag read too,
// though it weighs nothing. Here the counts are
// arguments, one per phrase in the query's order, read from phraseCounts.
const rankFunction = "warta_bm25"

// columnWeights are the BM25 weights of title, body and tags.
var columnWeights = [...]float64{4.0, 1.0, 0.0}

// bm25 is rankFunction: warta_bm25(search_index, rows, avgdl, sz, hits0,
// hits1, ...) is the hit's score, higher is better (bm25() with the sign
// turned): rows and avgdl are the index's rows and their mean length in
// terms, sz the hit's column sizes (its search_index_docsize row), hits
// the documents of each phrase. The sizes come as arguments, not through xColumnSize, whose
// look-up from a Go function corrupts the module's memory when it grows
// (ncruces/go-sqlite3 v0.37.0).
func bm25(fts fts5.Context, ctx sqlite3.Context, arg ...sqlite3.Value) {
	const k1, b = 1.2, 0.75
	if len(arg) < 3 {
		ctx.ResultError(fmt.Errorf("%s: want the rows, their mean length and the column sizes", rankFunction))
		return
	}
	rows, avgdl := arg[0].Int64(), arg[1].Float()
	var size int64
	for sz := arg[2].RawBlob(); len(sz) > 0; {
		n, k := varint(sz)
		if k == 0 {
			ctx.ResultError(fmt.Errorf("%s: bad column sizes", rankFunction))
			return
		}
		size, sz = size+int64(n), sz[k:]
	}
	d := float64(size)
	hits := arg[3:]
	freq := make([]float64, len(hits))
	n, err := fts.InstCount()
	if err != nil {
		ctx.ResultError(err)
		return
	}
	for i := range n {
		phrase, col, _, err := fts.Inst(i)
		if err != nil {
			ctx.ResultError(err)
			return
		}
		if phrase < len(freq) && col < len(columnWeights) {
			freq[phrase] += columnWeights[col]
		}
	}
	score := 0.0
	for i, f := range freq {
		h := float64(hits[i].Int64())
		idf := math.Log((float64(rows) - h + 0.5) / (h + 0.5))
		if idf <= 0 {
			idf = 1e-6
		}
		score += idf * ((f * (k1 + 1.0)) / (f + k1*(1-b+b*d/avgdl)))
	}
	ctx.ResultFloat(score)
}

// registerRank adds rankFunction to a connection's FTS5.
func registerRank(api *fts5.API) error { return api.CreateFunction(rankFunction, bm25) }

// phraseCounts keeps the number of documents of each phrase searched,
// while the index stays as it was: its averages record (the row count
// and token totals, which every write changes) is the same. A phrase is
// counted once per state of the index, not once per search.
type phraseCounts = store.Stamped[int64]

// maxPhraseCounts bounds the phrases kept; past it they are all dropped.
const maxPhraseCounts = 1 << 14

// rankCall is rankFunction's call for a hit of a query whose phrases that
// weigh in the ranking come first, in its order (excluded words and tags,
// which come after, weigh nothing), and its arguments.
func (s *Store) rankCall(ctx context.Context, phrases []string) (string, []any, error) {
	var stamp []byte
	// FTS5 keeps its averages at rowid 1 of the data table: the rows,
	// then the terms of each column, as varints.
	if err := s.queryRow(ctx, `SELECT block FROM search_index_data WHERE id = 1`).Scan(&stamp); err != nil {
		return "", nil, fmt.Errorf("index averages: %w", err)
	}
	rows, k := varint(stamp)
	var tokens uint64
	for rest := stamp[k:]; len(rest) > 0 && k > 0; rest = rest[k:] {
		var n uint64
		n, k = varint(rest)
		tokens += n
	}
	if k == 0 || rows == 0 {
		return "", nil, fmt.Errorf("index averages: %x", stamp)
	}
	call := rankFunction + `(search_index, ?, ?, (SELECT sz FROM search_index_docsize WHERE id = search_index.rowid)` +
		strings.Repeat(", ?", len(phrases)) + `)`
	out := make([]any, 2, 2+len(phrases))
	out[0], out[1] = int64(rows), float64(int64(tokens))/float64(int64(rows))
	for _, phrase := range phrases {
		n, ok := s.phrases.Get(string(stamp), phrase)
		if !ok {
			if err := s.queryRow(ctx, `SELECT count(*) FROM search_index WHERE search_index MATCH ?`, phrase).Scan(&n); err != nil {
				return "", nil, fmt.Errorf("documents of %s: %w", phrase, err)
			}
			s.phrases.Put(string(stamp), phrase, n, maxPhraseCounts)
		}
		out = append(out, n)
	}
	return call, out, nil
}

// varint reads one of SQLite's varints (big-endian, seven bits a byte,
// the ninth byte whole), and how many bytes it took; 0 when b is cut.
func varint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i]&0x80 == 0 {
			return v, i + 1
		}
	}
	return 0, 0
}
