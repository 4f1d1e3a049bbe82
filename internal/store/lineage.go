package store

import (
	"context"
	"encoding/json"
)

// Lineage keeps what the linker needs to find an article's copies and
// stories as it arrives, and the relations it found. Candidate look-ups go
// through indexed keys, so that their cost stays flat as the store grows:
// the LSH band keys of each article's MinHash signature (text reuse) and
// the name keys of its fingerprint with its day (stories and translations
// told in other words).
type Lineage interface {
	LineageKeys
	// FingerprintCount returns how many articles have their keys stored.
	FingerprintCount(ctx context.Context) (int, error)
	// Relations returns the relations of an article.
	Relations(ctx context.Context, article int64) ([]Relation, error)
	// Stories lists the stories, those with the most articles first.
	Stories(ctx context.Context, p Page) ([]Story, error)
	// Story returns the story of an article; nil when no relation joins
	// it to another.
	Story(ctx context.Context, article int64) (*Story, error)
}

// LineageKeys is what linking an article reads and writes: its keys, its
// candidates and its relations, in a Lineage or a LineageTx.
type LineageKeys interface {
	// PutFingerprint stores an article's band keys and name keys, with its
	// publication day (YYYY-MM-DD, "" when unknown), and its compare
	// fields (what the linker compares of it, in its own encoding); again
	// for the same article, it replaces them.
	PutFingerprint(ctx context.Context, article int64, bands []int64, names []string, day string, fields []byte) error
	// CompareFields returns the compare fields stored with the articles'
	// keys, by article; an article stored without them is not in the map.
	CompareFields(ctx context.Context, articles []int64) (map[int64][]byte, error)
	// BandCandidates returns up to limit articles, other than article,
	// sharing one of the band keys: each key gives at most its perBand
	// newest articles, so that a key in many articles (a template, an
	// empty body) costs no more than a rare one; those sharing the most
	// keys come first, then the newest.
	BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error)
	// NameCandidates returns up to limit articles, other than article,
	// giving at least minShared of the names and published from from to
	// to (days, inclusive; "" leaves that end open): each name gives at
	// most its perName newest articles in the window; those sharing the
	// most names come first, then the newest.
	NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error)
	// NameCounts returns how many articles give each name.
	NameCounts(ctx context.Context, names []string) (map[string]int, error)
	// PutRelation stores a relation between two articles, replacing the
	// one stored for the pair.
	PutRelation(ctx context.Context, r Relation) error
}

// LineageTx is a store's lineage inside the transaction that stores a
// batch of records (TxWriter): its look-ups see what the transaction wrote
// before them, and its writes commit with the records, or not at all.
type LineageTx interface {
	LineageKeys
	// Record returns the record (JSON) of an article's current version.
	Record(ctx context.Context, article int64) ([]byte, error)
}

// TxWriter is an ArticleWriter that can link records as it stores them:
// PutBatchTx is PutBatch, calling each, in order, for every record of the
// batch stored anew (created or a new version), inside the batch's
// transaction, once every record of the batch is put. An
// error from each undoes what that call wrote, and the batch commits
// without it: the caller reports it.
type TxWriter interface {
	PutBatchTx(ctx context.Context, records [][]byte, each func(ctx context.Context, tx LineageTx, i int, res PutResult) error) ([]PutResult, error)
}

// Relation is a relation between two stored articles, A < B.
type Relation struct {
	A, B int64
	Kind string // copy, same_story, translation
	// Original is the article the other copies or translates, 0 for the
	// same story told separately.
	Original int64
	// Evidence is the linker's evidence, JSON.
	Evidence json.RawMessage
}

// Story is one news story: the articles copy, translation and
// same_story relations join, directly or through one another
// (GroupStories). Original is its first publisher, and Title that
// article's headline.
type Story struct {
	Original  int64  `json:"original"`
	Title     string `json:"title"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
	// Copies counts the articles that copy or translate another article
	// of the story; Reports the others, the first publisher among them:
	// the story's independent tellings.
	Copies  int `json:"copies"`
	Reports int `json:"reports"`
	// Articles are the story's other articles, in publication order.
	Articles []int64 `json:"articles"`
	// Members are all the story's articles, the first publisher first, in
	// publication order: what a page names each by.
	Members []StoryArticle `json:"-"`
}

// Rows is what the stores' result sets share: enough to read them.
type Rows interface {
	Next() bool
	Scan(dest ...any) error
	Err() error
}

// ScanNameCounts reads (name, count) rows into the result of NameCounts:
// every name asked for, 0 where the rows count none.
func ScanNameCounts(names []string, rows Rows) (map[string]int, error) {
	out := make(map[string]int, len(names))
	for _, n := range names {
		out[n] = 0
	}
	for rows.Next() {
		var n string
		var c int
		if err := rows.Scan(&n, &c); err != nil {
			return nil, err
		}
		out[n] = c
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return out, nil
}
