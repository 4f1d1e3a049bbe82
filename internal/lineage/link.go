package lineage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

// Records reads stored records; store.Store is one.
type Records interface {
	Article(ctx context.Context, id int64) (*store.Article, error)
}

// Linker links each stored article with those stored before it, as a
// pipeline observer: it looks its candidates up by band and by name,
// compares it with each, stores the relations found, then its own keys.
type Linker struct {
	Records Records
	Lineage store.Lineage

	// recent keeps the candidates ObserveTx read last, by their record's
	// ID: an article is a candidate of many that come after it, and its
	// record's decoding was a sixth of ingest CPU.
	mu     sync.Mutex
	recent *recentArticles
}

// Observe implements pipeline.Observer.
func (l *Linker) Observe(ctx context.Context, s pipeline.Stored) error {
	return l.observe(ctx, l.Lineage, l.candidate, s)
}

// ObserveTx implements pipeline.TxObserver: the article is linked inside
// the transaction that stores it, so that its keys and relations commit
// with it, and a candidate's record is read alone. The Linker's own
// Records and Lineage are not used.
func (l *Linker) ObserveTx(ctx context.Context, tx store.LineageTx, s pipeline.Stored) error {
	return l.observe(ctx, tx, func(ctx context.Context, id int64) (*Article, error) {
		key, err := tx.RecordID(ctx, id)
		if err != nil {
			return nil, err
		}
		l.mu.Lock()
		if l.recent == nil {
			l.recent = newRecentArticles(recentCandidates)
		}
		a, ok := l.recent.get(id, key)
		l.mu.Unlock()
		if ok {
			return a, nil
		}
		record, err := tx.Record(ctx, id)
		if err != nil {
			return nil, err
		}
		if a, err = FromRecord(id, record); err != nil {
			a = nil // a record from before fingerprints
		}
		l.mu.Lock()
		l.recent.put(id, key, a)
		l.mu.Unlock()
		return a, nil
	}, s)
}

// candidate reads a stored article for comparing: nil for a record from
// before fingerprints.
type candidate func(ctx context.Context, id int64) (*Article, error)

func (l *Linker) candidate(ctx context.Context, id int64) (*Article, error) {
	stored, err := l.Records.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	a, err := FromRecord(id, stored.Record)
	if err != nil {
		return nil, nil // a record from before fingerprints
	}
	return a, nil
}

func (l *Linker) observe(ctx context.Context, lin store.LineageKeys, read candidate, s pipeline.Stored) error {
	if s.Result.Status == store.Unchanged {
		return nil
	}
	a, err := FromRecord(s.Result.ID, s.JSON)
	if errors.Is(err, ErrNoFingerprint) {
		return nil
	}
	if err != nil {
		return err
	}
	return link(ctx, lin, read, a)
}

// Link finds and stores the relations of a, then stores its keys.
func (l *Linker) Link(ctx context.Context, a *Article) error {
	return link(ctx, l.Lineage, l.candidate, a)
}

func link(ctx context.Context, lin store.LineageKeys, read candidate, a *Article) error {
	ids, err := Lookup(ctx, lin, a)
	if err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	for _, id := range ids {
		b, err := read(ctx, id)
		if err != nil {
			return fmt.Errorf("lineage: link %d: candidate %d: %w", a.ID, id, err)
		}
		if b == nil {
			continue
		}
		r, ok := Compare(a, b)
		if !ok {
			continue
		}
		ev, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := lin.PutRelation(ctx, store.Relation{A: min(a.ID, id), B: max(a.ID, id), Kind: string(r.Kind), Original: r.Original, Evidence: ev}); err != nil {
			return fmt.Errorf("lineage: link %d: %w", a.ID, err)
		}
	}
	day := ""
	if !a.Published.IsZero() {
		day = a.Published.Format(time.DateOnly)
	}
	if err := lin.PutFingerprint(ctx, a.ID, fingerprint.BandKeys(a.signature), a.Fingerprint.Names, day); err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	return nil
}

// recentCandidates bounds the articles a Linker keeps decoded: about 10
// KB each.
const recentCandidates = 2048

// recentArticles keeps the last n articles put, each under its record's
// ID, so that a new version is never taken for the old.
type recentArticles struct {
	byID map[int64]recentArticle
	ring []int64 // the IDs in the order put; next is the oldest
	next int
}

type recentArticle struct {
	record string
	a      *Article
}

func newRecentArticles(n int) *recentArticles {
	return &recentArticles{byID: make(map[int64]recentArticle, n), ring: make([]int64, 0, n)}
}

func (r *recentArticles) get(id int64, record string) (*Article, bool) {
	e, ok := r.byID[id]
	if !ok || e.record != record {
		return nil, false
	}
	return e.a, true
}

func (r *recentArticles) put(id int64, record string, a *Article) {
	if _, ok := r.byID[id]; !ok {
		if len(r.ring) < cap(r.ring) {
			r.ring = append(r.ring, id)
		} else {
			delete(r.byID, r.ring[r.next])
			r.ring[r.next] = id
			r.next = (r.next + 1) % len(r.ring)
		}
	}
	r.byID[id] = recentArticle{record, a}
}

// Copies is an article's lineage as the API gives it: the original of its
// copy cluster (itself when others copy it; nil when it has no copy
// relation), and each related article with the relation's evidence.
type Copies struct {
	Original  *int64         `json:"original"`
	Relations []CopyRelation `json:"relations"`
}

// CopyRelation is one related article with the evidence.
type CopyRelation struct {
	Article int64 `json:"article"`
	Relation
}

// Lineage reads an article's copies from the store, following copy
// relations to the original of the cluster.
func ReadCopies(ctx context.Context, lin store.Lineage, id int64) (*Copies, error) {
	rels, err := lin.Relations(ctx, id)
	if err != nil {
		return nil, err
	}
	c := &Copies{Relations: []CopyRelation{}}
	for _, r := range rels {
		var rel Relation
		if err := json.Unmarshal(r.Evidence, &rel); err != nil {
			return nil, fmt.Errorf("lineage: relation %d-%d: %w", r.A, r.B, err)
		}
		other := r.A
		if other == id {
			other = r.B
		}
		c.Relations = append(c.Relations, CopyRelation{Article: other, Relation: rel})
	}
	orig, err := clusterOriginal(ctx, lin, id, rels)
	if err != nil {
		return nil, err
	}
	c.Original = orig
	return c, nil
}

// clusterOriginal walks copy and translation relations up to the article
// nothing copies from: at most a few steps, since each copy names its
// original.
func clusterOriginal(ctx context.Context, lin store.Lineage, id int64, rels []store.Relation) (*int64, error) {
	cur, seen := id, map[int64]bool{id: true}
	found := false
	for range 16 {
		next := int64(0)
		for _, r := range rels {
			if r.Kind == string(SameStory) {
				continue
			}
			found = true
			if r.Original != cur && (r.A == cur || r.B == cur) {
				next = r.Original
				break
			}
		}
		if next == 0 || seen[next] {
			break
		}
		seen[next], cur = true, next
		var err error
		if rels, err = lin.Relations(ctx, cur); err != nil {
			return nil, err
		}
	}
	if !found {
		return nil, nil
	}
	return &cur, nil
}
