package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/warta-news/warta/internal/store"
)

// The store-wide identity (store.Identities): article_entities.ref and
// quotes.speaker_ref hold the entities row each entity of an article is,
// entity_aliases and office_terms what the Linker learnt (keyed by ref
// keys, so that they outlive ids). See migration 7.

var _ store.Identities = (*Store)(nil)

// learnt is store.Learnt over a transaction; aliases, when set, is the
// batch's learnt aliases.
type learnt struct {
	tx      *sql.Tx
	aliases *aliasBatch
}

func (l learnt) Aliases(ctx context.Context, typ, norm string) ([]store.RefCount, error) {
	key := [2]string{typ, norm}
	if l.aliases != nil {
		if votes, ok := l.aliases.read[key]; ok {
			return slices.Clone(votes), nil
		}
	}
	rows, err := l.tx.QueryContext(ctx, `SELECT ref, articles FROM entity_aliases WHERE type = ? AND norm = ?`, typ, norm)
	if err != nil {
		return nil, err
	}
	votes, err := collect(rows, func(r *sql.Rows, v *store.RefCount) error { return r.Scan(&v.Ref, &v.Articles) })
	if err == nil && l.aliases != nil {
		for ref, a := range l.aliases.added[key] {
			votes = countVote(votes, ref, a.articles)
		}
		l.aliases.read[key] = slices.Clone(votes)
	}
	return votes, err
}

// aliasBatch is what a write batch knows of the learnt aliases: those it
// has read, by type and norm, in the table's order (by ref), with its own
// articles' counted in (a batch's articles share most of their names,
// which were read once per article and name, 17 statements an article);
// and the counts its articles add, written once per alias at the end of
// the batch (flush) instead of an upsert per article that teaches it: 22
// an article over 3,000, 5,216 aliases in all.
type aliasBatch struct {
	read  map[[2]string][]store.RefCount
	added map[[2]string]map[string]*addedAlias // type and norm → ref →
}

// addedAlias is what a batch's articles teach of one alias: the name as
// first written and how many articles.
type addedAlias struct {
	name     string
	articles int
}

func newAliasBatch() *aliasBatch {
	return &aliasBatch{read: map[[2]string][]store.RefCount{}, added: map[[2]string]map[string]*addedAlias{}}
}

// learn counts one more article for an alias written as name.
func (b *aliasBatch) learn(a store.Alias, name string) {
	key := [2]string{a.Type, a.Norm}
	refs := b.added[key]
	if refs == nil {
		refs = map[string]*addedAlias{}
		b.added[key] = refs
	}
	if n, ok := refs[a.Ref]; ok {
		n.articles++
	} else {
		refs[a.Ref] = &addedAlias{name: name, articles: 1}
	}
	if votes, ok := b.read[key]; ok {
		b.read[key] = countVote(votes, a.Ref, 1)
	}
}

// countVote adds n articles to ref's count in votes (by ref), inserting
// it where it is new.
func countVote(votes []store.RefCount, ref string, n int) []store.RefCount {
	i, found := slices.BinarySearchFunc(votes, ref, func(v store.RefCount, ref string) int { return strings.Compare(v.Ref, ref) })
	if found {
		votes[i].Articles += n
		return votes
	}
	return slices.Insert(votes, i, store.RefCount{Ref: ref, Articles: n})
}

// flush writes the counts the batch's articles added, in the table's
// order, a few rows a statement (insertRows).
func (b *aliasBatch) flush(ctx context.Context, tx *sql.Tx) error {
	keys := slices.SortedFunc(maps.Keys(b.added), func(x, y [2]string) int {
		return cmp.Or(strings.Compare(x[0], y[0]), strings.Compare(x[1], y[1]))
	})
	var rows []any
	for _, key := range keys {
		refs := b.added[key]
		for _, ref := range slices.Sorted(maps.Keys(refs)) {
			rows = append(rows, key[0], key[1], ref, refs[ref].name, refs[ref].articles)
		}
	}
	if err := insertRows(ctx, tx, `INSERT INTO entity_aliases (type, norm, ref, name, articles) VALUES `,
		` ON CONFLICT (type, norm, ref) DO UPDATE SET articles = articles + excluded.articles`, 5, rows); err != nil {
		return fmt.Errorf("aliases: %w", err)
	}
	return nil
}

func (l learnt) Holders(ctx context.Context, office, month string) ([]store.OfficeTerm, error) {
	rows, err := l.tx.QueryContext(ctx, `SELECT office, month, ref, articles FROM office_terms WHERE office = ?`, office)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r *sql.Rows, t *store.OfficeTerm) error {
		return r.Scan(&t.Office, &t.Month, &t.Ref, &t.Articles)
	})
}

// link decides the refs of an article's entities (ids: the record's entity
// id → entities.id), writes them to its stored rows and keeps what the
// article teaches: Reindex's way, for rows already stored. Put decides
// them first (refs) and inserts the rows with them.
func (s *Store) link(ctx context.Context, tx *sql.Tx, articleID int64, d *store.Doc, ids map[string]int64, learn bool) error {
	if s.linker == nil {
		if _, err := tx.ExecContext(ctx, `UPDATE article_entities SET ref = entity_id WHERE article_id = ?`, articleID); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE quotes SET speaker_ref = speaker_id WHERE article_id = ?`, articleID)
		return err
	}
	refs, err := s.refs(ctx, tx, d, ids, learn, nil)
	if err != nil {
		return err
	}
	for i, e := range d.Entities {
		if _, err := tx.ExecContext(ctx, `UPDATE article_entities SET ref = ?, office = ? WHERE article_id = ? AND local_id = ?`,
			refs[i].id, nullString(refs[i].office), articleID, e.ID); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE quotes SET speaker_ref = (SELECT ae.ref FROM article_entities ae
		WHERE ae.article_id = quotes.article_id AND ae.entity_id = quotes.speaker_id)
		WHERE article_id = ? AND speaker_id IS NOT NULL`, articleID)
	return err
}

// entityRef is the entities row an entity of an article is, and the
// office it holds there.
type entityRef struct {
	id     int64
	office string
}

// refs decides the refs of d's entities, in their order (ids: the
// record's entity id → entities.id), and keeps what the article teaches
// when learn is set: its aliases in batch, the write batch's (nil: in the
// table at once). Without a Linker each entity is its own ref.
func (s *Store) refs(ctx context.Context, tx *sql.Tx, d *store.Doc, ids map[string]int64, learn bool, batch *aliasBatch) ([]entityRef, error) {
	refs := make([]entityRef, len(d.Entities))
	if s.linker == nil {
		for i, e := range d.Entities {
			refs[i].id = ids[e.ID]
		}
		return refs, nil
	}
	links, lessons, err := s.linker.Link(ctx, learnt{tx, batch}, d)
	if err != nil {
		return nil, err
	}
	keys := make([]string, len(links))
	for i, l := range links {
		keys[i] = l.Ref
	}
	known, err := entityIDs(ctx, tx, keys)
	if err != nil {
		return nil, err
	}
	for i, e := range d.Entities {
		ref, err := refID(ctx, tx, links[i], ids[e.ID], known)
		if err != nil {
			return nil, fmt.Errorf("ref of %s: %w", e.ID, err)
		}
		refs[i] = entityRef{id: ref, office: links[i].Office}
	}
	if !learn {
		return refs, nil
	}
	return refs, keepLessons(ctx, tx, lessons, batch)
}

// entityIDs reads the entities rows of keys, in one statement.
func entityIDs(ctx context.Context, tx *sql.Tx, keys []string) (map[string]int64, error) {
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT key, id FROM entities WHERE key IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(keys))
	return out, scanKeyIDs(rows, out)
}

// scanKeyIDs reads (text, id) rows into m, and closes them.
func scanKeyIDs(rows *sql.Rows, m map[string]int64) error {
	defer rows.Close()
	for rows.Next() {
		var key string
		var id int64
		if err := rows.Scan(&key, &id); err != nil {
			return err
		}
		m[key] = id
	}
	return errors.Join(rows.Err(), rows.Close())
}

// refID returns the entities row of a ref key (known: those read
// already), made when it is new (a table's name no article has used yet)
// and then known.
func refID(ctx context.Context, tx *sql.Tx, l store.EntityLink, self int64, known map[string]int64) (int64, error) {
	if id, ok := known[l.Ref]; ok {
		return id, nil
	}
	if l.Name == "" {
		return self, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO entities (key, type, name, norm) VALUES (?, ?, ?, ?) RETURNING id`,
		l.Ref, l.Type, l.Name, store.NormalizeName(l.Name)).Scan(&id)
	if err == nil {
		known[l.Ref] = id
	}
	return id, err
}

// keepLessons counts the aliases and office terms an article teaches,
// each once, a few rows a statement (insertRows); the aliases in batch,
// to be written with the batch's, or at once where there is none.
func keepLessons(ctx context.Context, tx *sql.Tx, ls store.Lessons, batch *aliasBatch) error {
	own := batch == nil
	if own {
		batch = newAliasBatch()
	}
	seen := map[store.Alias]bool{}
	for _, a := range ls.Aliases {
		k := store.Alias{Type: a.Type, Norm: a.Norm, Ref: a.Ref}
		if !seen[k] {
			seen[k] = true
			batch.learn(k, a.Name)
		}
	}
	if own {
		if err := batch.flush(ctx, tx); err != nil {
			return err
		}
	}
	var termRows []any
	terms := map[store.OfficeTerm]bool{}
	for _, t := range ls.Terms {
		if !terms[t] {
			terms[t] = true
			termRows = append(termRows, t.Office, t.Month, t.Ref, 1)
		}
	}
	if err := insertRows(ctx, tx, `INSERT INTO office_terms (office, month, ref, articles) VALUES `,
		` ON CONFLICT (office, month, ref) DO UPDATE SET articles = articles + 1`, 4, termRows); err != nil {
		return fmt.Errorf("office terms: %w", err)
	}
	return nil
}

// Identity implements store.Identities. A much mentioned ref's counts
// are estimated from its newest articles (refCounts), and its aliases and
// roles counted over its newest store.AliasWindow articles (Sampled says so):
// reading all of them took seconds at 100k articles.
func (s *Store) Identity(ctx context.Context, id int64) (*store.Identity, error) {
	// An entity merged into another is served as that one.
	ref, err := s.mainRef(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	out := &store.Identity{Ref: ref}
	var country sql.NullString
	err = s.queryRow(ctx, `SELECT id, name, type, country FROM entities WHERE id = ?`, ref).
		Scan(&out.ID, &out.Name, &out.Type, &country)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	out.Country = country.String
	if err := s.refCounts(ctx, &out.Entity); err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	window, more, err := s.refWindow(ctx, ref, store.AliasWindow)
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	if more {
		out.Sampled = store.AliasWindow
	}
	articles := window.articleList()
	// Each name of the window's rows of the ref: the texts its mentions
	// are written as (names, put.go's mentionNames) and the row's own.
	rows, err := s.query(ctx, `SELECT name, count(DISTINCT article_id) n FROM (
			SELECT ae.article_id, j.key AS name FROM article_entities ae, json_each(ae.names) j
			WHERE ae.article_id IN (SELECT value FROM json_each(?1)) AND +ae.ref = ?2 AND ae.names IS NOT NULL AND j.value > 0
			UNION ALL SELECT article_id, name FROM article_entities
			WHERE article_id IN (SELECT value FROM json_each(?1)) AND +ref = ?2)
		GROUP BY name ORDER BY n DESC, name`, articles, ref)
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	if out.Aliases, err = collect(rows, func(r *sql.Rows, a *store.AliasInfo) error { return r.Scan(&a.Name, &a.Articles) }); err != nil {
		return nil, fmt.Errorf("sqlite: identity %d: %w", id, err)
	}
	for _, a := range out.Aliases {
		out.Names = append(out.Names, a.Name)
	}
	rows, err = s.query(ctx, `SELECT r.value, min(ae.day), max(ae.day), count(DISTINCT ae.article_id)
		FROM article_entities ae, json_each(ae.roles) r
		WHERE ae.article_id IN (SELECT value FROM json_each(?)) AND +ae.ref = ? AND ae.roles IS NOT NULL
		GROUP BY r.value ORDER BY min(ae.day), r.value`, articles, ref)
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d roles: %w", id, err)
	}
	out.Roles, err = collect(rows, func(r *sql.Rows, rs *store.RoleSpan) error {
		var from, to sql.NullString
		err := r.Scan(&rs.Role, &from, &to, &rs.Articles)
		rs.From, rs.To = from.String, to.String
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: identity %d roles: %w", id, err)
	}
	return out, nil
}

// Offices implements store.Identities.
func (s *Store) Offices(ctx context.Context) ([]store.Office, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.office, coalesce(e.id, 0), coalesce(e.name, t.ref), min(t.month), max(t.month), sum(t.articles)
		FROM office_terms t LEFT JOIN entities e ON e.key = t.ref
		GROUP BY t.office, t.ref ORDER BY t.office, min(t.month), sum(t.articles) DESC`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: offices: %w", err)
	}
	list, err := collect(rows, func(r *sql.Rows, o *store.OfficeHolding) error {
		return r.Scan(&o.Office, &o.Holder.Ref, &o.Holder.Name, &o.Holder.From, &o.Holder.To, &o.Holder.Articles)
	})
	if err != nil {
		return nil, fmt.Errorf("sqlite: offices: %w", err)
	}
	return store.GroupOffices(list), nil
}

// Reindex implements store.Identities: in one transaction, it forgets the
// aliases and office-holders learnt, learns them again from every
// article's newest version in publication order, then links every article
// with all of it.
func (s *Store) Reindex(ctx context.Context) (store.ReindexStats, error) {
	var st store.ReindexStats
	if s.linker == nil {
		return st, errors.New("sqlite: reindex: no linker")
	}
	err := s.retry(ctx, func() error {
		st = store.ReindexStats{}
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		before, err := refsByEntity(ctx, tx)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM entity_aliases; DELETE FROM office_terms`); err != nil {
			return err
		}
		for _, learn := range []bool{true, false} {
			rows, err := tx.QueryContext(ctx, `SELECT a.id, v.record FROM articles a JOIN versions v ON v.id = a.current
				ORDER BY v.day IS NULL, v.day, a.id`)
			if err != nil {
				return err
			}
			type art struct {
				id     int64
				record []byte
			}
			list, err := collect(rows, func(r *sql.Rows, a *art) error { return r.Scan(&a.id, &a.record) })
			if err != nil {
				return err
			}
			for _, a := range list {
				record, err := s.recordJSON(ctx, tx, a.record)
				if err != nil {
					return fmt.Errorf("article %d: %w", a.id, err)
				}
				d, err := store.Decode(record)
				if err != nil {
					return fmt.Errorf("article %d: %w", a.id, err)
				}
				ids, err := localIDs(ctx, tx, a.id)
				if err != nil {
					return err
				}
				if err := s.link(ctx, tx, a.id, d, ids, learn); err != nil {
					return fmt.Errorf("article %d: %w", a.id, err)
				}
				if !learn {
					st.Articles++
					st.Entities += len(d.Entities)
				}
			}
		}
		after, err := refsByEntity(ctx, tx)
		if err != nil {
			return err
		}
		for k, v := range after {
			if before[k] != v {
				st.Changed++
			}
		}
		return tx.Commit()
	})
	if err != nil {
		return st, fmt.Errorf("sqlite: reindex: %w", err)
	}
	return st, nil
}

func localIDs(ctx context.Context, tx *sql.Tx, articleID int64) (map[string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT local_id, entity_id FROM article_entities WHERE article_id = ?`, articleID)
	if err != nil {
		return nil, err
	}
	ids := map[string]int64{}
	return ids, scanKeyIDs(rows, ids)
}

func refsByEntity(ctx context.Context, tx *sql.Tx) (map[[2]string]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT article_id, local_id, coalesce(ref, 0) FROM article_entities`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]string]int64{}
	for rows.Next() {
		var a int64
		var l string
		var r int64
		if err := rows.Scan(&a, &l, &r); err != nil {
			return nil, err
		}
		out[[2]string{strconv.FormatInt(a, 10), l}] = r
	}
	return out, rows.Err()
}
