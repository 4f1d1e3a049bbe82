package postgres

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

// Put implements store.Store.
func (s *Store) Put(ctx context.Context, record []byte) (store.PutResult, error) {
	res, err := s.PutBatch(ctx, [][]byte{record})
	if err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

// maxAttempts bounds the tries of a batch that meets a deadlock, a
// serialisation failure or a unique key another writer took at the same
// time, which a retry resolves.
const maxAttempts = 5

var retryCodes = map[string]bool{
	"40P01": true, // deadlock_detected
	"40001": true, // serialization_failure
	"23505": true, // unique_violation
}

// PutBatch implements store.Store: one transaction for the batch.
func (s *Store) PutBatch(ctx context.Context, records [][]byte) ([]store.PutResult, error) {
	return s.PutBatchTx(ctx, records, nil)
}

// PutBatchTx implements store.TxWriter: each runs after the batch's
// records are put (lineageTx: what a failed call wrote is undone). A
// deadlock or a serialisation failure, in the puts or in each, retries the
// whole batch, each included.
func (s *Store) PutBatchTx(ctx context.Context, records [][]byte, each func(context.Context, store.LineageTx, int, store.PutResult) error) ([]store.PutResult, error) {
	docs := make([]*store.Doc, len(records))
	compact := make([]string, len(records))
	for i, record := range records {
		d, err := store.Decode(record)
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		var b bytes.Buffer
		if err := json.Compact(&b, record); err != nil {
			return nil, fmt.Errorf("record %d: %w: %v", i+1, store.ErrInvalidRecord, err)
		}
		// PostgreSQL's text and json refuse NUL, which JSON may escape.
		if bytes.Contains(b.Bytes(), []byte(`\u0000`)) {
			return nil, fmt.Errorf("record %d: %w: a NUL character", i+1, store.ErrInvalidRecord)
		}
		docs[i], compact[i] = d, b.String()
	}
	if len(docs) == 0 {
		return []store.PutResult{}, nil
	}
	for attempt := 1; ; attempt++ {
		results, err := s.putBatch(ctx, docs, compact, each)
		if err == nil {
			return results, nil
		}
		if attempt < maxAttempts && retryable(err) {
			s.log.Debug("retrying a batch", "attempt", attempt, "err", err)
			if err := pause(ctx, attempt); err != nil {
				return nil, err
			}
			continue
		}
		return nil, err
	}
}

// changed is an article a batch gives a new current version.
type changed struct {
	articleID, versionID int64
	doc                  *store.Doc
}

func (s *Store) putBatch(ctx context.Context, docs []*store.Doc, records []string, each func(context.Context, store.LineageTx, int, store.PutResult) error) ([]store.PutResult, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	defer tx.Rollback(ctx)

	// Articles in the order of their keys: every writer locks them in one
	// order. A key's records keep their order in the batch. One statement
	// per record, all sent at once.
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return strings.Compare(docs[a].Key(), docs[b].Key()) })
	// First every article's row, claimed by an upsert, which locks it (a
	// writer of the same article waits for this one); then, with the rows
	// held, the versions, whose statements then see every version another
	// writer committed.
	claims := &pgx.Batch{}
	for _, i := range order {
		d := docs[i]
		claims.Queue(claimArticle, d.Key(), nullString(d.Source.URL), d.Source.URL == "", d.ID)
	}
	br := tx.SendBatch(ctx, claims)
	articleIDs := make([]*int64, len(docs))
	for _, i := range order {
		err := br.QueryRow().Scan(&articleIDs[i])
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			br.Close()
			return nil, fmt.Errorf("postgres: put %s: %w", docs[i].Key(), err)
		}
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	puts := &pgx.Batch{}
	for _, i := range order {
		d := docs[i]
		puts.Queue(putVersion, articleIDs[i], d.ID, d.Title, d.Lead, nullString(d.Source.Site), d.Section, d.Published,
			nullString(d.Day()), records[i])
	}
	br = tx.SendBatch(ctx, puts)
	results := make([]store.PutResult, len(docs))
	var news []changed
	for _, i := range order {
		var versionID *int64
		res := &results[i]
		if err := br.QueryRow().Scan(&res.ID, &res.Version, &versionID); err != nil {
			br.Close()
			return nil, fmt.Errorf("postgres: put %s: %w", docs[i].Key(), err)
		}
		switch {
		case versionID == nil:
			res.Status = store.Unchanged
			continue
		case res.Version == 1:
			res.Status = store.Created
		default:
			res.Status = store.NewVersion
		}
		// Only the last new version of an article in a batch stays current.
		c := changed{res.ID, *versionID, docs[i]}
		if n := len(news); n > 0 && news[n-1].articleID == res.ID {
			news[n-1] = c
		} else {
			news = append(news, c)
		}
	}
	if err := br.Close(); err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	if len(news) == 0 {
		return results, nil
	}
	if err := s.putCurrent(ctx, tx, news); err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	if each != nil {
		ltx := newLineageTx(tx)
		for i, res := range results {
			if res.Status == store.Unchanged {
				continue
			}
			if err := ltx.end(ctx, each(ctx, ltx, i, res)); err != nil {
				return nil, fmt.Errorf("postgres: put %s: %w", docs[i].Key(), err)
			}
		}
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	if s.batches.Add(1)%s.daysSummedEvery == 0 {
		// The batch is stored; a failed sum only leaves more deltas.
		if err := s.sumDays(ctx); err != nil {
			s.log.Warn("postgres: sum article days", "err", err)
		}
	}
	return results, nil
}

// claimArticle upserts an article's row and returns its id; for an
// article without a URL ($3) whose text is stored already, under any URL,
// it returns nothing. $1 key, $2 url, $4 record id.
const claimArticle = `INSERT INTO articles (key, url)
	SELECT $1, $2 WHERE NOT ($3 AND EXISTS (SELECT FROM versions WHERE record_id = $4))
	ON CONFLICT (key) DO UPDATE SET url = excluded.url
	RETURNING id`

// putVersion stores one record's version unless the article has it, and
// returns the article's id, the version's number and, for a new version,
// its id. $1 the article's id (NULL: the same text is stored under another
// article, which is returned), $2 record id, $3 title, $4 lead, $5 site,
// $6 section, $7 published, $8 day, $9 record.
const putVersion = `WITH same AS (
	SELECT article_id, version FROM versions WHERE $1::bigint IS NULL AND record_id = $2 ORDER BY id LIMIT 1
), have AS (
	SELECT version FROM versions WHERE article_id = $1 AND record_id = $2
), ins AS (
	INSERT INTO versions (article_id, version, record_id, title, lead, site, section, published, day, record)
	SELECT $1, (SELECT coalesce(max(version), 0) + 1 FROM versions WHERE article_id = $1), $2, $3, $4, $5, $6, $7, $8, $9
	WHERE $1 IS NOT NULL AND NOT EXISTS (SELECT FROM have)
	RETURNING id, version
)
SELECT coalesce($1, (SELECT article_id FROM same)),
	coalesce((SELECT version FROM same), (SELECT version FROM have), (SELECT version FROM ins)),
	(SELECT id FROM ins)`

// entityRow is an entity as a batch files it.
type entityRow struct {
	key, typ, name, norm, country string
}

// putCurrent files the search terms, entities, mentions, quotes and events
// of the articles' new current versions, in place of the old ones.
func (s *Store) putCurrent(ctx context.Context, tx pgx.Tx, news []changed) error {
	ids, versions := make([]int64, len(news)), make([]int64, len(news))
	for i, c := range news {
		ids[i], versions[i] = c.articleID, c.versionID
	}
	terms := &pgx.Batch{}
	terms.Queue(`UPDATE articles a SET current = u.version FROM unnest($1::bigint[], $2::bigint[]) u (id, version)
		WHERE a.id = u.id`, ids, versions)
	for _, table := range []string{"article_entities", "mentions", "quotes", "events"} {
		terms.Queue(`DELETE FROM `+table+` WHERE article_id = ANY($1)`, ids)
	}
	vectors, days, published := make([]string, len(news)), make([]*string, len(news)), make([]*string, len(news))
	for i, c := range news {
		vectors[i] = s.tsvector(c.doc.Title, body(c.doc.Title, c.doc.Text))
		days[i], published[i] = nullString(c.doc.Day()), c.doc.Published
	}
	// The version's day and publication time as putVersion stores them.
	terms.Queue(`INSERT INTO search_terms (article_id, version_id, day, published, terms)
		SELECT id, version, day, published, terms::tsvector
		FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[]) u (id, version, day, published, terms)
		ON CONFLICT (article_id) DO UPDATE SET version_id = excluded.version_id, day = excluded.day,
			published = excluded.published, terms = excluded.terms`, ids, versions, days, published, vectors)
	if err := tx.SendBatch(ctx, terms).Close(); err != nil {
		return fmt.Errorf("current versions: %w", err)
	}

	// The batch's entities, one row per key, the fullest name of each.
	byKey := map[string]*entityRow{}
	for _, c := range news {
		for _, e := range c.doc.Entities {
			name := strings.Join(strings.Fields(e.Name), " ")
			row := entityRow{key: s.resolver.Key(e), typ: e.Type, name: name, norm: store.NormalizeName(name), country: e.Country}
			if have := byKey[row.key]; have == nil {
				byKey[row.key] = &row
			} else {
				if len(row.norm) > len(have.norm) {
					have.name, have.norm = row.name, row.norm
				}
				have.country = cmp.Or(have.country, row.country)
			}
		}
	}
	entityIDs, err := s.putEntities(ctx, tx, byKey)
	if err != nil {
		return err
	}

	items := make([]linkItem, len(news))
	for i, c := range news {
		local := make(map[string]int64, len(c.doc.Entities)) // the record's entity id → entities.id
		for _, e := range c.doc.Entities {
			local[e.ID] = entityIDs[s.resolver.Key(e)]
		}
		items[i] = linkItem{articleID: c.articleID, doc: c.doc, ids: local}
	}
	refs, err := s.linkBatch(ctx, tx, items, true)
	if err != nil {
		return fmt.Errorf("identity: %w", err)
	}

	var aeRows, mentionRows, quoteRows, eventRows [][]any
	for i, c := range news {
		d := c.doc
		day := nullString(d.Day())
		local := items[i].ids
		names := make(map[string]string, len(d.Entities))
		refOf := make(map[string]int64, len(d.Entities))
		for j, e := range d.Entities {
			id := local[e.ID]
			name := strings.Join(strings.Fields(e.Name), " ")
			names[e.ID], refOf[e.ID] = name, refs[i][j].ref
			roles, _ := json.Marshal(e.Roles)
			aeRows = append(aeRows, []any{c.articleID, e.ID, id, name, nullJSON(roles, len(e.Roles)),
				nullString(e.Country), e.Salience, len(e.Mentions), day, refs[i][j].ref, nullString(refs[i][j].office)})
			for _, m := range e.Mentions {
				mentionRows = append(mentionRows, []any{c.articleID, id, m.Text, m.Start, m.End})
			}
		}
		for _, q := range d.Quotes {
			var speaker, speakerRef *int64
			name := q.SpeakerName
			if q.Speaker != nil {
				if id, ok := local[*q.Speaker]; ok {
					ref := refOf[*q.Speaker]
					speaker, speakerRef = &id, &ref
					name = cmp.Or(name, names[*q.Speaker])
				}
			}
			quoteRows = append(quoteRows, []any{c.articleID, speaker, speakerRef, nullString(name),
				nullString(store.NormalizeName(name)), nullString(q.SpeakerRole), q.Kind, q.Text, q.Start, q.End,
				nullString(q.Cue), day})
		}
		for _, e := range d.Events {
			row := []any{c.articleID, e.Type, nullString(e.Mode)}
			for _, a := range []*store.DocActor{e.Source, e.Target, e.Location} {
				var id *int64
				var name, country *string
				if a != nil {
					if a.Entity != nil {
						if v, ok := local[*a.Entity]; ok {
							id = &v
						}
					}
					name, country = nullString(a.Name), nullString(a.Country)
				}
				row = append(row, id, name, country)
			}
			row = append(row, e.Date, nullString(d.EventDay(e)), e.Negated, nullString(e.Modality), e.Sentence,
				nullString(e.Trigger))
			eventRows = append(eventRows, row)
		}
	}
	for _, c := range []struct {
		table string
		cols  []string
		rows  [][]any
	}{
		{"article_entities", []string{"article_id", "local_id", "entity_id", "name", "roles", "country", "salience", "mentions", "day",
			"ref", "office"}, aeRows},
		{"mentions", []string{"article_id", "entity_id", "text", "start", "end"}, mentionRows},
		{"quotes", []string{"article_id", "speaker_id", "speaker_ref", "speaker_name", "speaker_norm", "speaker_role", "kind", "text", "start", "end", "cue", "day"}, quoteRows},
		{"events", []string{"article_id", "type", "mode", "source_id", "source_name", "source_country",
			"target_id", "target_name", "target_country", "location_id", "location_name", "location_country",
			"date", "day", "negated", "modality", "sentence", "trigger"}, eventRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.cols, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("%s: %w", c.table, err)
		}
	}
	return s.putTopics(ctx, tx, news)
}

// putEntities makes sure every entity of the batch has its row and returns
// their ids by key. New rows are inserted in the order of their keys and
// existing ones are not locked, except the few whose name the batch makes
// fuller or whose country it fills in, which are updated last, also in
// key order: writers of overlapping batches never deadlock on entities
// every article mentions (Indonesia, Jakarta), and do not queue behind
// each other for them either.
func (s *Store) putEntities(ctx context.Context, tx pgx.Tx, byKey map[string]*entityRow) (map[string]int64, error) {
	ids := make(map[string]int64, len(byKey))
	if len(byKey) == 0 {
		return ids, nil
	}
	keys := make([]string, 0, len(byKey))
	for k := range byKey {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	types, names, norms, countries := make([]string, len(keys)), make([]string, len(keys)), make([]string, len(keys)), make([]*string, len(keys))
	for i, k := range keys {
		e := byKey[k]
		types[i], names[i], norms[i], countries[i] = e.typ, e.name, e.norm, nullString(e.country)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO entities (key, type, name, norm, country)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) ORDER BY 1
		ON CONFLICT (key) DO NOTHING`, keys, types, names, norms, countries); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT id, key, norm, country FROM entities WHERE key = ANY($1)`, keys)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	var fuller []string
	for rows.Next() {
		var id int64
		var key, norm string
		var country *string
		if err := rows.Scan(&id, &key, &norm, &country); err != nil {
			rows.Close()
			return nil, fmt.Errorf("entities: %w", err)
		}
		ids[key] = id
		if e := byKey[key]; len(e.norm) > len(norm) || country == nil && e.country != "" {
			fuller = append(fuller, key)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	slices.Sort(fuller)
	for _, key := range fuller {
		e := byKey[key]
		if _, err := tx.Exec(ctx, `UPDATE entities SET
				name = CASE WHEN length($2) > length(norm) THEN $3 ELSE name END,
				norm = CASE WHEN length($2) > length(norm) THEN $2 ELSE norm END,
				country = coalesce(country, $4)
			WHERE key = $1`, key, e.norm, e.name, nullString(e.country)); err != nil {
			return nil, fmt.Errorf("entity %s: %w", key, err)
		}
	}
	for _, k := range keys {
		if ids[k] == 0 {
			return nil, fmt.Errorf("entity %s: no row", k)
		}
	}
	return ids, nil
}

func nullString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// sumDays sums the days' article deltas into one row a day. Only the
// deltas this statement sees go; a writer's new ones stay.
func (s *Store) sumDays(ctx context.Context) error {
	_, err := s.pool.Exec(ctx, `WITH gone AS (DELETE FROM search_day_counts RETURNING day, articles)
		INSERT INTO search_day_counts (day, articles) SELECT day, sum(articles) FROM gone GROUP BY day HAVING sum(articles) <> 0`)
	return err
}

func nullJSON(b []byte, n int) *string {
	if n == 0 {
		return nil
	}
	s := string(b)
	return &s
}

// Optimize implements store.Store: PostgreSQL's autovacuum keeps the GIN
// indexes and the statistics up to date; after a bulk write, the search
// indexes' pending entries are merged, the days' article deltas summed
// into one row a day, and ANALYZE gives the planner the new sizes at
// once.
func (s *Store) Optimize(ctx context.Context) error {
	if err := s.sumDays(ctx); err != nil {
		return fmt.Errorf("postgres: optimize: %w", err)
	}
	clean := `SELECT gin_clean_pending_list('search_terms_match'::regclass)`
	if s.pairs.Load() {
		clean += `, gin_clean_pending_list('search_terms_pairs'::regclass)`
	}
	if _, err := s.pool.Exec(ctx, clean); err != nil {
		return fmt.Errorf("postgres: optimize: %w", err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE search_terms, versions, articles`); err != nil {
		return fmt.Errorf("postgres: optimize: %w", err)
	}
	return nil
}

// Delete implements store.ArticleDeleter: the article's row goes, and
// with it (ON DELETE CASCADE) its versions, search terms, annotations,
// fingerprint keys, relations and logged inputs.
func (s *Store) Delete(ctx context.Context, id int64) error {
	tag, err := s.pool.Exec(ctx, `DELETE FROM articles WHERE id = $1`, id)
	if err != nil {
		return fmt.Errorf("postgres: delete %d: %w", id, err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("article %d: %w", id, store.ErrNotFound)
	}
	return nil
}
