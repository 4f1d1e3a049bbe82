package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

// The store-wide identity (store.Identities), as in the SQLite store:
// article_entities.ref and quotes.speaker_ref hold the entities row each
// entity of an article is, entity_aliases and office_terms what the Linker
// learnt, by ref key. See migration 7.

var _ store.Identities = (*Store)(nil)

// learnt is store.Learnt over a transaction.
type learnt struct{ tx pgx.Tx }

func (l learnt) Aliases(ctx context.Context, typ, norm string) ([]store.RefCount, error) {
	rows, err := l.tx.Query(ctx, `SELECT ref, articles FROM entity_aliases WHERE type = $1 AND norm = $2`, typ, norm)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r pgx.Rows, v *store.RefCount) error { return r.Scan(&v.Ref, &v.Articles) })
}

func (l learnt) Holders(ctx context.Context, office, month string) ([]store.OfficeTerm, error) {
	rows, err := l.tx.Query(ctx, `SELECT office, month, ref, articles FROM office_terms WHERE office = $1`, office)
	if err != nil {
		return nil, err
	}
	return collect(rows, func(r pgx.Rows, t *store.OfficeTerm) error {
		return r.Scan(&t.Office, &t.Month, &t.Ref, &t.Articles)
	})
}

// link decides the refs of an article's entities (ids: the record's entity
// id → entities.id) and keeps what the article teaches, when learn is
// set. Without a Linker each entity is its own ref.
func (s *Store) link(ctx context.Context, tx pgx.Tx, articleID int64, d *store.Doc, ids map[string]int64, learn bool) error {
	if s.linker == nil {
		_, err := tx.Exec(ctx, `UPDATE article_entities SET ref = entity_id WHERE article_id = $1`, articleID)
		if err == nil {
			_, err = tx.Exec(ctx, `UPDATE quotes SET speaker_ref = speaker_id WHERE article_id = $1`, articleID)
		}
		return err
	}
	links, lessons, err := s.linker.Link(ctx, learnt{tx}, d)
	if err != nil {
		return err
	}
	b := &pgx.Batch{}
	for i, e := range d.Entities {
		ref, err := refID(ctx, tx, links[i], ids[e.ID])
		if err != nil {
			return fmt.Errorf("ref of %s: %w", e.ID, err)
		}
		b.Queue(`UPDATE article_entities SET ref = $1, office = $2 WHERE article_id = $3 AND local_id = $4`,
			ref, nullString(links[i].Office), articleID, e.ID)
	}
	b.Queue(`UPDATE quotes q SET speaker_ref = ae.ref FROM article_entities ae
		WHERE q.article_id = $1 AND ae.article_id = q.article_id AND ae.entity_id = q.speaker_id`, articleID)
	if learn {
		keepLessons(b, lessons)
	}
	return tx.SendBatch(ctx, b).Close()
}

// refID returns the entities row of a ref key, made when it is new (a
// table's name no article has used yet).
func refID(ctx context.Context, tx pgx.Tx, l store.EntityLink, self int64) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM entities WHERE key = $1`, l.Ref).Scan(&id)
	if err == nil || !errors.Is(err, pgx.ErrNoRows) {
		return id, err
	}
	if l.Name == "" {
		return self, nil
	}
	err = tx.QueryRow(ctx, `INSERT INTO entities (key, type, name, norm) VALUES ($1, $2, $3, $4)
		ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING id`,
		l.Ref, l.Type, l.Name, store.NormalizeName(l.Name)).Scan(&id)
	return id, err
}

// keepLessons queues what an article teaches, each row once and in key
// order, so that concurrent writers take the rows' locks in one order.
func keepLessons(b *pgx.Batch, ls store.Lessons) {
	aliases := map[store.Alias]string{}
	for _, a := range ls.Aliases {
		k := store.Alias{Type: a.Type, Norm: a.Norm, Ref: a.Ref}
		aliases[k] = cmp.Or(aliases[k], a.Name)
	}
	keys := make([]store.Alias, 0, len(aliases))
	for k := range aliases {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b store.Alias) int {
		return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Norm, b.Norm), strings.Compare(a.Ref, b.Ref))
	})
	for _, k := range keys {
		b.Queue(`INSERT INTO entity_aliases (type, norm, ref, name, articles) VALUES ($1, $2, $3, $4, 1)
			ON CONFLICT (type, norm, ref) DO UPDATE SET articles = entity_aliases.articles + 1`, k.Type, k.Norm, k.Ref, aliases[k])
	}
	terms := map[store.OfficeTerm]bool{}
	var list []store.OfficeTerm
	for _, t := range ls.Terms {
		if !terms[t] {
			terms[t] = true
			list = append(list, t)
		}
	}
	slices.SortFunc(list, func(a, b store.OfficeTerm) int {
		return cmp.Or(strings.Compare(a.Office, b.Office), strings.Compare(a.Month, b.Month), strings.Compare(a.Ref, b.Ref))
	})
	for _, t := range list {
		b.Queue(`INSERT INTO office_terms (office, month, ref, articles) VALUES ($1, $2, $3, 1)
			ON CONFLICT (office, month, ref) DO UPDATE SET articles = office_terms.articles + 1`, t.Office, t.Month, t.Ref)
	}
}

// refMatch is the condition that the ref column col is one a filter value
// names: the ref itself when it is a number, else the refs of the entities
// of that very name (after normalising) and the refs the name was learnt
// for, leaving out a ref with less than half the articles of the name's
// most used one; never the refs of names that merely contain its words.
func (w *where) refMatch(col, v string) string {
	v = strings.TrimSpace(v)
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return col + " = " + w.arg(id)
	}
	n := w.arg(store.NormalizeName(v))
	return col + ` IN (SELECT ae.ref FROM entities e JOIN article_entities ae ON ae.entity_id = e.id WHERE e.norm = ` + n + `
		UNION SELECT e.id FROM entity_aliases a JOIN entities e ON e.key = a.ref
			WHERE a.norm = ` + n + ` AND a.type <> '` + store.SpellingType + `' AND 2 * a.articles >= (SELECT max(b.articles)
				FROM entity_aliases b WHERE b.type = a.type AND b.norm = a.norm))`
}

// Identity implements store.Identities.
func (s *Store) Identity(ctx context.Context, id int64) (*store.Identity, error) {
	ref := id
	// An entity merged into another is served as that one.
	err := s.pool.QueryRow(ctx, `SELECT ref FROM article_entities WHERE entity_id = $1 AND ref IS NOT NULL
		GROUP BY ref ORDER BY count(*) DESC, ref LIMIT 1`, id).Scan(&ref)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: identity %d: %w", id, err)
	}
	out := &store.Identity{Ref: ref}
	var country *string
	err = s.pool.QueryRow(ctx, `SELECT e.id, e.name, e.type, e.country,
		(SELECT count(DISTINCT article_id) FROM article_entities WHERE ref = e.id),
		(SELECT coalesce(sum(mentions), 0) FROM article_entities WHERE ref = e.id),
		(SELECT count(*) FROM quotes WHERE speaker_ref = e.id)
		FROM entities e WHERE e.id = $1`, ref).Scan(&out.ID, &out.Name, &out.Type, &country, &out.Articles, &out.Mentions, &out.Quotes)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("entity %d: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: identity %d: %w", id, err)
	}
	out.Country = deref(country)
	rows, err := s.pool.Query(ctx, `SELECT name, count(DISTINCT article_id) n FROM (
			SELECT ae.article_id, m.text AS name FROM article_entities ae
			JOIN mentions m ON m.article_id = ae.article_id AND m.entity_id = ae.entity_id
			WHERE ae.ref = $1
			UNION ALL SELECT article_id, name FROM article_entities WHERE ref = $1) x
		GROUP BY name ORDER BY n DESC, name`, ref)
	if err != nil {
		return nil, fmt.Errorf("postgres: identity %d: %w", id, err)
	}
	if out.Aliases, err = collect(rows, func(r pgx.Rows, a *store.AliasInfo) error { return r.Scan(&a.Name, &a.Articles) }); err != nil {
		return nil, fmt.Errorf("postgres: identity %d: %w", id, err)
	}
	for _, a := range out.Aliases {
		out.Names = append(out.Names, a.Name)
	}
	rows, err = s.pool.Query(ctx, `SELECT r.value, min(ae.day), max(ae.day), count(DISTINCT ae.article_id)
		FROM article_entities ae, jsonb_array_elements_text(ae.roles::jsonb) r (value)
		WHERE ae.ref = $1 AND ae.roles IS NOT NULL
		GROUP BY r.value ORDER BY min(ae.day), r.value`, ref)
	if err != nil {
		return nil, fmt.Errorf("postgres: identity %d roles: %w", id, err)
	}
	out.Roles, err = collect(rows, func(r pgx.Rows, rs *store.RoleSpan) error {
		var from, to *string
		err := r.Scan(&rs.Role, &from, &to, &rs.Articles)
		rs.From, rs.To = deref(from), deref(to)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: identity %d roles: %w", id, err)
	}
	return out, nil
}

// Offices implements store.Identities.
func (s *Store) Offices(ctx context.Context) ([]store.Office, error) {
	rows, err := s.pool.Query(ctx, `SELECT t.office, coalesce(e.id, 0), coalesce(e.name, t.ref), min(t.month), max(t.month), sum(t.articles)
		FROM office_terms t LEFT JOIN entities e ON e.key = t.ref
		GROUP BY t.office, t.ref, e.id, e.name ORDER BY t.office, min(t.month), sum(t.articles) DESC`)
	if err != nil {
		return nil, fmt.Errorf("postgres: offices: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, o *store.OfficeHolding) error {
		return r.Scan(&o.Office, &o.Holder.Ref, &o.Holder.Name, &o.Holder.From, &o.Holder.To, &o.Holder.Articles)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: offices: %w", err)
	}
	return store.GroupOffices(list), nil
}

// Reindex implements store.Identities: in one transaction, holding the
// write lock on what was learnt, it forgets the aliases and office-holders
// learnt, learns them again from every article's newest version in
// publication order, then links every article with all of it.
func (s *Store) Reindex(ctx context.Context) (store.ReindexStats, error) {
	var st store.ReindexStats
	if s.linker == nil {
		return st, errors.New("postgres: reindex: no linker")
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `LOCK TABLE entity_aliases, office_terms IN EXCLUSIVE MODE`); err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	before, err := refsByEntity(ctx, tx)
	if err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM entity_aliases`); err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM office_terms`); err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	type art struct {
		id     int64
		record string
	}
	rows, err := tx.Query(ctx, `SELECT a.id, v.record::text FROM articles a JOIN versions v ON v.id = a.current
		ORDER BY v.day NULLS LAST, a.id`)
	if err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, a *art) error { return r.Scan(&a.id, &a.record) })
	if err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	for _, learn := range []bool{true, false} {
		for _, a := range list {
			d, err := store.Decode([]byte(a.record))
			if err != nil {
				return st, fmt.Errorf("postgres: reindex: article %d: %w", a.id, err)
			}
			ids, err := localIDs(ctx, tx, a.id)
			if err != nil {
				return st, fmt.Errorf("postgres: reindex: %w", err)
			}
			if err := s.link(ctx, tx, a.id, d, ids, learn); err != nil {
				return st, fmt.Errorf("postgres: reindex: article %d: %w", a.id, err)
			}
			if !learn {
				st.Articles++
				st.Entities += len(d.Entities)
			}
		}
	}
	after, err := refsByEntity(ctx, tx)
	if err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	for k, v := range after {
		if before[k] != v {
			st.Changed++
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return st, fmt.Errorf("postgres: reindex: %w", err)
	}
	return st, nil
}

func localIDs(ctx context.Context, tx pgx.Tx, articleID int64) (map[string]int64, error) {
	rows, err := tx.Query(ctx, `SELECT local_id, entity_id FROM article_entities WHERE article_id = $1`, articleID)
	if err != nil {
		return nil, err
	}
	type row struct {
		local string
		id    int64
	}
	list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.local, &v.id) })
	ids := make(map[string]int64, len(list))
	for _, v := range list {
		ids[v.local] = v.id
	}
	return ids, err
}

type entityKey struct {
	article int64
	local   string
}

func refsByEntity(ctx context.Context, tx pgx.Tx) (map[entityKey]int64, error) {
	rows, err := tx.Query(ctx, `SELECT article_id, local_id, coalesce(ref, 0) FROM article_entities`)
	if err != nil {
		return nil, err
	}
	type row struct {
		k   entityKey
		ref int64
	}
	list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.k.article, &v.k.local, &v.ref) })
	out := make(map[entityKey]int64, len(list))
	for _, v := range list {
		out[v.k] = v.ref
	}
	return out, err
}
