package lineage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
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
}

// Observe implements pipeline.Observer.
func (l *Linker) Observe(ctx context.Context, s pipeline.Stored) error {
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
	return l.Link(ctx, a)
}

// Link finds and stores the relations of a, then stores its keys.
func (l *Linker) Link(ctx context.Context, a *Article) error {
	ids, df, err := Lookup(ctx, l.Lineage, a)
	if err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	for _, id := range ids {
		stored, err := l.Records.Article(ctx, id)
		if err != nil {
			return fmt.Errorf("lineage: link %d: candidate %d: %w", a.ID, id, err)
		}
		b, err := FromRecord(id, stored.Record)
		if err != nil {
			continue // a record from before fingerprints
		}
		r, ok := Compare(a, b, df)
		if !ok {
			continue
		}
		ev, err := json.Marshal(r)
		if err != nil {
			return err
		}
		if err := l.Lineage.PutRelation(ctx, store.Relation{A: min(a.ID, id), B: max(a.ID, id), Kind: string(r.Kind), Original: r.Original, Evidence: ev}); err != nil {
			return fmt.Errorf("lineage: link %d: %w", a.ID, err)
		}
	}
	day := ""
	if !a.Published.IsZero() {
		day = a.Published.Format(time.DateOnly)
	}
	if err := l.Lineage.PutFingerprint(ctx, a.ID, fingerprint.BandKeys(a.signature), a.Fingerprint.Names, day); err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	return nil
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
