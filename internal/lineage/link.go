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
// compares it with each, stores the relations found, then its own keys
// and compare fields. A candidate is read from its compare fields
// (EncodeFields); its record is read only to diff a copy, or when the
// candidate was linked before compare fields were kept.
type Linker struct {
	Records Records
	Lineage store.Lineage
}

// Observe implements pipeline.Observer.
func (l *Linker) Observe(ctx context.Context, s pipeline.Stored) error {
	return l.observe(ctx, l.Lineage, l.record, s)
}

// ObserveTx implements pipeline.TxObserver: the article is linked inside
// the transaction that stores it, so that its keys and relations commit
// with it. The Linker's own Records and Lineage are not used.
func (l *Linker) ObserveTx(ctx context.Context, tx store.LineageTx, s pipeline.Stored) error {
	return l.observe(ctx, tx, tx.Record, s)
}

// recordReader reads the record of an article's current version.
type recordReader func(ctx context.Context, id int64) ([]byte, error)

func (l *Linker) record(ctx context.Context, id int64) ([]byte, error) {
	stored, err := l.Records.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	return stored.Record, nil
}

func (l *Linker) observe(ctx context.Context, lin store.LineageKeys, record recordReader, s pipeline.Stored) error {
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
	return link(ctx, lin, record, a)
}

// Link finds and stores the relations of a, then stores its keys.
func (l *Linker) Link(ctx context.Context, a *Article) error {
	return link(ctx, l.Lineage, l.record, a)
}

func link(ctx context.Context, lin store.LineageKeys, record recordReader, a *Article) error {
	ids, err := Lookup(ctx, lin, a)
	if err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	fields, err := lin.CompareFields(ctx, ids)
	if err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	for _, id := range ids {
		b, whole, err := candidate(ctx, record, id, fields[id])
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
		if (r.Kind == Copy || r.Kind == Translation) && !whole {
			// The diff quotes the sentences of both, the alignment
			// their quotes: compare again with the candidate's record.
			if b, err = fromStored(ctx, record, id); err != nil {
				return fmt.Errorf("lineage: link %d: candidate %d: %w", a.ID, id, err)
			}
			if b == nil {
				continue
			}
			if r, ok = Compare(a, b); !ok {
				continue
			}
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
	if err := lin.PutFingerprint(ctx, a.ID, fingerprint.BandKeys(a.signature), a.Fingerprint.Names, day, EncodeFields(a)); err != nil {
		return fmt.Errorf("lineage: link %d: %w", a.ID, err)
	}
	return nil
}

// candidate reads a candidate from its compare fields, or from its record
// (whole) when it has none or they do not parse: nil for a record from
// before fingerprints.
func candidate(ctx context.Context, record recordReader, id int64, fields []byte) (a *Article, whole bool, err error) {
	if fields != nil {
		if a, err := DecodeFields(id, fields); err == nil {
			return a, false, nil
		}
	}
	a, err = fromStored(ctx, record, id)
	return a, true, err
}

// fromStored reads a stored article's record: nil for one from before
// fingerprints.
func fromStored(ctx context.Context, record recordReader, id int64) (*Article, error) {
	rec, err := record(ctx, id)
	if err != nil {
		return nil, err
	}
	a, err := FromRecord(id, rec)
	if err != nil {
		return nil, nil // a record from before fingerprints
	}
	return a, nil
}

// Copies is an article's lineage as the API gives it: the original of its
// copy cluster (itself when others copy it; nil when it has no copy
// relation), each related article with the relation's evidence, and the
// story it belongs to (nil when it has no relation).
type Copies struct {
	Original  *int64         `json:"original"`
	Relations []CopyRelation `json:"relations"`
	Story     *store.Story   `json:"story"`
}

// CopyRelation is one related article, named by its headline, site and
// publication as stored ("" when unknown), with the evidence.
type CopyRelation struct {
	Article   int64  `json:"article"`
	Title     string `json:"title"`
	Site      string `json:"site,omitempty"`
	Published string `json:"published,omitempty"`
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
	if c.Story, err = lin.Story(ctx, id); err != nil {
		return nil, err
	}
	if c.Story == nil {
		return c, nil
	}
	// Every related article is in the story, named there.
	named := make(map[int64]store.StoryArticle, len(c.Story.Members))
	for _, m := range c.Story.Members {
		named[m.ID] = m
	}
	for i := range c.Relations {
		r := &c.Relations[i]
		m := named[r.Article]
		r.Title, r.Site, r.Published = m.Title, m.Site, m.Published
	}
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
