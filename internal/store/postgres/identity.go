package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
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

// linkItem is an article to link: its id, record and the entities row of
// each of its entities (the record's entity id → entities.id).
type linkItem struct {
	articleID int64
	doc       *store.Doc
	ids       map[string]int64
}

// entityRef is the store-wide identity of one entity of an article: the
// entities row of its ref and, for an office title, the office.
type entityRef struct {
	ref    int64
	office string
}

// linkBatch decides the refs of the entities of a batch's articles, in
// order, each article seeing what the ones before it taught (when learn
// is set), as if they were linked one at a time; it returns each
// article's refs, entity by entity, and stores what the batch taught.
// What the linker asks is read in two statements for the whole batch
// (the questions found by a first pass with nothing learnt, which asks
// every question an answer could stop), the rest one at a time; the refs'
// rows in one more, and the lessons in one statement per table.
func (s *Store) linkBatch(ctx context.Context, tx pgx.Tx, items []linkItem, learn bool) ([][]entityRef, error) {
	out := make([][]entityRef, len(items))
	if s.linker == nil {
		for i, it := range items {
			out[i] = make([]entityRef, len(it.doc.Entities))
			for j, e := range it.doc.Entities {
				out[i][j].ref = it.ids[e.ID]
			}
		}
		return out, nil
	}
	lk := &batchLearnt{tx: tx, aliases: map[aliasKey][]store.RefCount{}, holders: map[string][]store.OfficeTerm{}}
	ask := &questions{aliases: map[aliasKey]bool{}, offices: map[string]bool{}}
	for _, it := range items {
		if _, _, err := s.linker.Link(ctx, ask, it.doc); err != nil {
			return nil, err
		}
	}
	if err := lk.prefetch(ctx, ask); err != nil {
		return nil, err
	}
	links := make([][]store.EntityLink, len(items))
	for i, it := range items {
		l, lessons, err := s.linker.Link(ctx, lk, it.doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", it.doc.Key(), err)
		}
		links[i] = l
		if learn {
			lk.learn(lessons)
		}
	}
	rows, err := refRows(ctx, tx, items, links)
	if err != nil {
		return nil, err
	}
	for i, it := range items {
		out[i] = make([]entityRef, len(it.doc.Entities))
		for j, l := range links[i] {
			out[i][j] = entityRef{ref: rows[i][j], office: l.Office}
		}
	}
	if learn {
		if err := lk.keep(ctx); err != nil {
			return nil, err
		}
	}
	return out, nil
}

type aliasKey struct{ typ, norm string }

// questions is a store.Learnt that has learnt nothing and notes what it
// is asked.
type questions struct {
	aliases map[aliasKey]bool
	offices map[string]bool
}

func (q *questions) Aliases(_ context.Context, typ, norm string) ([]store.RefCount, error) {
	q.aliases[aliasKey{typ, norm}] = true
	return nil, nil
}

func (q *questions) Holders(_ context.Context, office, _ string) ([]store.OfficeTerm, error) {
	q.offices[office] = true
	return nil, nil
}

// batchLearnt is store.Learnt over a transaction for a batch of articles:
// what the store had learnt, read once per name or office, with what the
// batch's articles taught so far added.
type batchLearnt struct {
	tx      pgx.Tx
	aliases map[aliasKey][]store.RefCount // read from the store
	holders map[string][]store.OfficeTerm // read from the store, by office
	// What the batch taught, counted by article, by name and by office in
	// the order first taught.
	taught     map[store.Alias]int
	names      map[store.Alias]string
	taughtRefs map[aliasKey][]string
	terms      map[store.OfficeTerm]int
	termsOf    map[string][]store.OfficeTerm
}

// prefetch reads what the questions ask in one statement per table.
func (l *batchLearnt) prefetch(ctx context.Context, q *questions) error {
	if len(q.aliases) > 0 {
		typs, norms := make([]string, 0, len(q.aliases)), make([]string, 0, len(q.aliases))
		for k := range q.aliases {
			typs, norms = append(typs, k.typ), append(norms, k.norm)
			l.aliases[k] = nil
		}
		rows, err := l.tx.Query(ctx, `SELECT a.type, a.norm, a.ref, a.articles
			FROM unnest($1::text[], $2::text[]) k (type, norm)
			JOIN entity_aliases a ON a.type = k.type AND a.norm = k.norm
			ORDER BY a.type, a.norm, a.ref`, typs, norms)
		if err != nil {
			return fmt.Errorf("aliases: %w", err)
		}
		type row struct {
			k aliasKey
			v store.RefCount
		}
		list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.k.typ, &v.k.norm, &v.v.Ref, &v.v.Articles) })
		if err != nil {
			return fmt.Errorf("aliases: %w", err)
		}
		for _, r := range list {
			l.aliases[r.k] = append(l.aliases[r.k], r.v)
		}
	}
	if len(q.offices) > 0 {
		offices := make([]string, 0, len(q.offices))
		for o := range q.offices {
			offices = append(offices, o)
			l.holders[o] = nil
		}
		rows, err := l.tx.Query(ctx, `SELECT office, month, ref, articles FROM office_terms WHERE office = ANY($1)
			ORDER BY office, month, ref`, offices)
		if err != nil {
			return fmt.Errorf("office terms: %w", err)
		}
		list, err := collect(rows, scanTerm)
		if err != nil {
			return fmt.Errorf("office terms: %w", err)
		}
		for _, t := range list {
			l.holders[t.Office] = append(l.holders[t.Office], t)
		}
	}
	return nil
}

func scanTerm(r pgx.Rows, t *store.OfficeTerm) error {
	return r.Scan(&t.Office, &t.Month, &t.Ref, &t.Articles)
}

func (l *batchLearnt) Aliases(ctx context.Context, typ, norm string) ([]store.RefCount, error) {
	k := aliasKey{typ, norm}
	read, ok := l.aliases[k]
	if !ok {
		rows, err := l.tx.Query(ctx, `SELECT ref, articles FROM entity_aliases WHERE type = $1 AND norm = $2 ORDER BY ref`, typ, norm)
		if err != nil {
			return nil, err
		}
		if read, err = collect(rows, func(r pgx.Rows, v *store.RefCount) error { return r.Scan(&v.Ref, &v.Articles) }); err != nil {
			return nil, err
		}
		l.aliases[k] = read
	}
	out := slices.Clone(read)
	for _, ref := range l.taughtRefs[k] {
		n := l.taught[store.Alias{Type: typ, Norm: norm, Ref: ref}]
		if i := slices.IndexFunc(out, func(v store.RefCount) bool { return v.Ref == ref }); i >= 0 {
			out[i].Articles += n
		} else {
			out = append(out, store.RefCount{Ref: ref, Articles: n})
		}
	}
	return out, nil
}

func (l *batchLearnt) Holders(ctx context.Context, office, _ string) ([]store.OfficeTerm, error) {
	read, ok := l.holders[office]
	if !ok {
		rows, err := l.tx.Query(ctx, `SELECT office, month, ref, articles FROM office_terms WHERE office = $1
			ORDER BY month, ref`, office)
		if err != nil {
			return nil, err
		}
		if read, err = collect(rows, scanTerm); err != nil {
			return nil, err
		}
		l.holders[office] = read
	}
	out := slices.Clone(read)
	for _, t := range l.termsOf[office] {
		if i := slices.IndexFunc(out, func(v store.OfficeTerm) bool { return v.Month == t.Month && v.Ref == t.Ref }); i >= 0 {
			out[i].Articles += l.terms[t]
		} else {
			t.Articles = l.terms[t]
			out = append(out, t)
		}
	}
	return out, nil
}

// learn adds what one article teaches: each alias and office term once.
func (l *batchLearnt) learn(ls store.Lessons) {
	if l.taught == nil {
		l.taught, l.names, l.taughtRefs = map[store.Alias]int{}, map[store.Alias]string{}, map[aliasKey][]string{}
		l.terms, l.termsOf = map[store.OfficeTerm]int{}, map[string][]store.OfficeTerm{}
	}
	seen := map[store.Alias]bool{}
	for _, a := range ls.Aliases {
		k := store.Alias{Type: a.Type, Norm: a.Norm, Ref: a.Ref}
		l.names[k] = cmp.Or(l.names[k], a.Name)
		if seen[k] {
			continue
		}
		seen[k] = true
		if l.taught[k] == 0 {
			ak := aliasKey{k.Type, k.Norm}
			l.taughtRefs[ak] = append(l.taughtRefs[ak], k.Ref)
		}
		l.taught[k]++
	}
	terms := map[store.OfficeTerm]bool{}
	for _, t := range ls.Terms {
		k := store.OfficeTerm{Office: t.Office, Month: t.Month, Ref: t.Ref}
		if terms[k] {
			continue
		}
		terms[k] = true
		if l.terms[k] == 0 {
			l.termsOf[k.Office] = append(l.termsOf[k.Office], k)
		}
		l.terms[k]++
	}
}

// keep stores what the batch taught, one statement per table, its rows in
// key order, so that concurrent writers take the rows' locks in one order.
func (l *batchLearnt) keep(ctx context.Context) error {
	if len(l.taught) > 0 {
		keys := slices.Collect(maps.Keys(l.taught))
		slices.SortFunc(keys, func(a, b store.Alias) int {
			return cmp.Or(strings.Compare(a.Type, b.Type), strings.Compare(a.Norm, b.Norm), strings.Compare(a.Ref, b.Ref))
		})
		typs, norms, refs, names, counts := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys)),
			make([]string, len(keys)), make([]int, len(keys))
		for i, k := range keys {
			typs[i], norms[i], refs[i], names[i], counts[i] = k.Type, k.Norm, k.Ref, l.names[k], l.taught[k]
		}
		if _, err := l.tx.Exec(ctx, `INSERT INTO entity_aliases (type, norm, ref, name, articles)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[])
			ON CONFLICT (type, norm, ref) DO UPDATE SET articles = entity_aliases.articles + excluded.articles`,
			typs, norms, refs, names, counts); err != nil {
			return fmt.Errorf("aliases: %w", err)
		}
	}
	if len(l.terms) > 0 {
		keys := slices.Collect(maps.Keys(l.terms))
		slices.SortFunc(keys, func(a, b store.OfficeTerm) int {
			return cmp.Or(strings.Compare(a.Office, b.Office), strings.Compare(a.Month, b.Month), strings.Compare(a.Ref, b.Ref))
		})
		offices, months, refs, counts := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys)), make([]int, len(keys))
		for i, k := range keys {
			offices[i], months[i], refs[i], counts[i] = k.Office, k.Month, k.Ref, l.terms[k]
		}
		if _, err := l.tx.Exec(ctx, `INSERT INTO office_terms (office, month, ref, articles)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[])
			ON CONFLICT (office, month, ref) DO UPDATE SET articles = office_terms.articles + excluded.articles`,
			offices, months, refs, counts); err != nil {
			return fmt.Errorf("office terms: %w", err)
		}
	}
	return nil
}

// refRows returns the entities row of each link's ref key, as linking the
// articles one at a time would: the row of that key, else, for a key a
// table names (Name set) and no article has used yet, a new row, made by
// the first link that names it and seen by the links after it; else the
// entity's own row.
func refRows(ctx context.Context, tx pgx.Tx, items []linkItem, links [][]store.EntityLink) ([][]int64, error) {
	type pos struct{ item, entity int }
	first := map[string]pos{} // the first link naming a key
	var keys []string
	seen := map[string]bool{}
	for i, ls := range links {
		for j, l := range ls {
			if !seen[l.Ref] {
				seen[l.Ref] = true
				keys = append(keys, l.Ref)
			}
			if _, ok := first[l.Ref]; !ok && l.Name != "" {
				first[l.Ref] = pos{i, j}
			}
		}
	}
	ids := map[string]int64{}
	rows, err := tx.Query(ctx, `SELECT key, id FROM entities WHERE key = ANY($1)`, keys)
	if err != nil {
		return nil, fmt.Errorf("refs: %w", err)
	}
	type row struct {
		key string
		id  int64
	}
	list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.key, &v.id) })
	if err != nil {
		return nil, fmt.Errorf("refs: %w", err)
	}
	for _, r := range list {
		ids[r.key] = r.id
	}
	var newKeys, typs, names, norms []string
	for _, k := range keys {
		if _, ok := ids[k]; !ok {
			if p, ok := first[k]; ok {
				l := links[p.item][p.entity]
				newKeys, typs, names, norms = append(newKeys, k), append(typs, l.Type), append(names, l.Name), append(norms, store.NormalizeName(l.Name))
			}
		}
	}
	made := map[string]int64{}
	if len(newKeys) > 0 {
		rows, err := tx.Query(ctx, `INSERT INTO entities (key, type, name, norm)
			SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ORDER BY 1
			ON CONFLICT (key) DO UPDATE SET key = excluded.key RETURNING key, id`, newKeys, typs, names, norms)
		if err != nil {
			return nil, fmt.Errorf("refs: %w", err)
		}
		list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.key, &v.id) })
		if err != nil {
			return nil, fmt.Errorf("refs: %w", err)
		}
		for _, r := range list {
			made[r.key] = r.id
		}
	}
	out := make([][]int64, len(links))
	for i, ls := range links {
		out[i] = make([]int64, len(ls))
		for j, l := range ls {
			id, ok := ids[l.Ref]
			if p, named := first[l.Ref]; !ok && named && (p.item < i || p.item == i && p.entity <= j) {
				id, ok = made[l.Ref], true
			}
			if !ok {
				id = items[i].ids[items[i].doc.Entities[j].ID]
			}
			out[i][j] = id
		}
	}
	return out, nil
}

// putRefs sets the refs of the articles' entities and of their quotes'
// speakers, one statement each.
func putRefs(ctx context.Context, tx pgx.Tx, items []linkItem, refs [][]entityRef) error {
	var articles, refIDs []int64
	var locals []string
	var offices []*string
	for i, it := range items {
		for j, e := range it.doc.Entities {
			articles, locals = append(articles, it.articleID), append(locals, e.ID)
			refIDs, offices = append(refIDs, refs[i][j].ref), append(offices, nullString(refs[i][j].office))
		}
	}
	b := &pgx.Batch{}
	b.Queue(`UPDATE article_entities ae SET ref = u.ref, office = u.office
		FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[]) u (article_id, local_id, ref, office)
		WHERE ae.article_id = u.article_id AND ae.local_id = u.local_id`, articles, locals, refIDs, offices)
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.articleID
	}
	b.Queue(`UPDATE quotes q SET speaker_ref = ae.ref FROM article_entities ae
		WHERE q.article_id = ANY($1) AND ae.article_id = q.article_id AND ae.entity_id = q.speaker_id`, ids)
	return tx.SendBatch(ctx, b).Close()
}

// refs are the refs a filter value names: the ref itself when it is a
// number, else the refs of the entities of that very name (after
// normalising) and the refs the name was learnt for, leaving out a ref
// with less than half the articles of the name's most used one; never the
// refs of names that merely contain its words. They are read before the
// search that they filter, so that its planner sees how few they are (a
// subquery's refs it guesses at a hundred, and scans every row).
func (s *Store) refs(ctx context.Context, v string) ([]int64, error) {
	v = strings.TrimSpace(v)
	if id, err := strconv.ParseInt(v, 10, 64); err == nil && id > 0 {
		return []int64{id}, nil
	}
	return list(ctx, s.pool, "refs", `SELECT DISTINCT ae.ref FROM entities e JOIN article_entities ae ON ae.entity_id = e.id
			WHERE e.norm = $1 AND ae.ref IS NOT NULL
		UNION SELECT e.id FROM entity_aliases a JOIN entities e ON e.key = a.ref
			WHERE a.norm = $1 AND a.type <> '`+store.SpellingType+`' AND 2 * a.articles >= (SELECT max(b.articles)
				FROM entity_aliases b WHERE b.type = a.type AND b.norm = a.norm)`,
		[]any{store.NormalizeName(v)}, func(r pgx.Rows, id *int64) error { return r.Scan(id) })
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
	e, newest, err := s.entityRow(ctx, ref)
	if err != nil {
		return nil, err
	}
	out := &store.Identity{Ref: ref, Entity: *e}
	// Aliases and roles over the ref's newest store.AliasWindow articles:
	// those after the next one.
	var cut int64
	if len(newest) > store.AliasWindow {
		cut, out.Sampled = newest[store.AliasWindow], store.AliasWindow
	}
	rows, err := s.pool.Query(ctx, `SELECT name, count(DISTINCT article_id) n FROM (
			SELECT ae.article_id, m.text AS name FROM article_entities ae
			JOIN mentions m ON m.article_id = ae.article_id AND m.entity_id = ae.entity_id
			WHERE ae.ref = $1 AND ae.article_id > $2
			UNION ALL SELECT article_id, name FROM article_entities WHERE ref = $1 AND article_id > $2) x
		GROUP BY name ORDER BY n DESC, name`, ref, cut)
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
		WHERE ae.ref = $1 AND ae.article_id > $2 AND ae.roles IS NOT NULL
		GROUP BY r.value ORDER BY min(ae.day), r.value`, ref, cut)
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
	// Learnt first, from every article in order, then linked with all of
	// it; a chunk of articles at a time.
	const chunk = 256
	for _, learn := range []bool{true, false} {
		for part := range slices.Chunk(list, chunk) {
			items := make([]linkItem, len(part))
			articles := make([]int64, len(part))
			for i, a := range part {
				d, err := store.Decode([]byte(a.record))
				if err != nil {
					return st, fmt.Errorf("postgres: reindex: article %d: %w", a.id, err)
				}
				items[i], articles[i] = linkItem{articleID: a.id, doc: d}, a.id
			}
			ids, err := localIDs(ctx, tx, articles)
			if err != nil {
				return st, fmt.Errorf("postgres: reindex: %w", err)
			}
			for i := range items {
				items[i].ids = ids[items[i].articleID]
			}
			refs, err := s.linkBatch(ctx, tx, items, learn)
			if err != nil {
				return st, fmt.Errorf("postgres: reindex: %w", err)
			}
			if learn {
				continue
			}
			if err := putRefs(ctx, tx, items, refs); err != nil {
				return st, fmt.Errorf("postgres: reindex: %w", err)
			}
			for _, it := range items {
				st.Articles++
				st.Entities += len(it.doc.Entities)
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

// localIDs returns the entities row of each entity of the articles, by
// article and the record's entity id.
func localIDs(ctx context.Context, tx pgx.Tx, articles []int64) (map[int64]map[string]int64, error) {
	rows, err := tx.Query(ctx, `SELECT article_id, local_id, entity_id FROM article_entities WHERE article_id = ANY($1)`, articles)
	if err != nil {
		return nil, err
	}
	type row struct {
		article int64
		local   string
		id      int64
	}
	list, err := collect(rows, func(r pgx.Rows, v *row) error { return r.Scan(&v.article, &v.local, &v.id) })
	ids := make(map[int64]map[string]int64, len(articles))
	for _, v := range list {
		if ids[v.article] == nil {
			ids[v.article] = map[string]int64{}
		}
		ids[v.article][v.local] = v.id
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
