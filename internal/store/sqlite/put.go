package sqlite

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/ncruces/go-sqlite3"

	"github.com/warta-news/warta/internal/store"
)

// Put implements store.Store. An article is its URL, or its text when it
// has none; a record whose text is already stored is unchanged.
func (s *Store) Put(ctx context.Context, record []byte) (store.PutResult, error) {
	res, err := s.PutBatch(ctx, [][]byte{record})
	if err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

// PutBatch implements store.Store.
func (s *Store) PutBatch(ctx context.Context, records [][]byte) ([]store.PutResult, error) {
	return s.PutBatchTx(ctx, records, nil)
}

var _ store.TxWriter = (*Store)(nil)

// BatchSize is how many records a writer should commit in one transaction
// (pipeline.BatchSizer). A batch's random-keyed index pages are read and
// written once however many of its articles touch them: 256 articles a
// transaction read and wrote 23% fewer bytes than 128, and took 15-20%
// less CPU, over 1,000 articles after a 20k store (three alternating
// pairs); the writer's peak RSS rose from about 200 to 230 MB.
func (s *Store) BatchSize() int { return 256 }

// PutBatchTx implements store.TxWriter: each runs after the batch's
// records are put, in a savepoint of its own.
func (s *Store) PutBatchTx(ctx context.Context, records [][]byte, each func(context.Context, store.LineageTx, int, store.PutResult) error) ([]store.PutResult, error) {
	if err := s.trainRecordDict(ctx); err != nil && ctx.Err() == nil {
		s.log.Warn("records stay compressed without a dictionary", "err", err)
	}
	docs := make([]*store.Doc, len(records))
	stored := make([][]byte, len(records))
	errs := make([]error, len(records))
	// Reading, compacting and compressing a record is a tenth of the
	// writer's work and needs no connection: a batch's records are
	// prepared on every core while the analysis of the next ones waits.
	var wg sync.WaitGroup
	next := atomic.Int64{}
	for range min(len(records), runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var compact bytes.Buffer
			for i := int(next.Add(1) - 1); i < len(records); i = int(next.Add(1) - 1) {
				docs[i], stored[i], errs[i] = s.prepareRecord(records[i], &compact)
			}
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	var results []store.PutResult
	err := s.retry(ctx, func() error {
		var err error
		results, err = s.putBatch(ctx, docs, stored, each)
		return err
	})
	if err != nil {
		return nil, err
	}
	return results, nil
}

// prepareRecord reads a record and compresses its compact JSON (record.go).
func (s *Store) prepareRecord(record []byte, compact *bytes.Buffer) (*store.Doc, []byte, error) {
	d, err := store.Decode(record)
	if err != nil {
		return nil, nil, err
	}
	compact.Reset()
	if err := json.Compact(compact, record); err != nil {
		return nil, nil, fmt.Errorf("%w: %v", store.ErrInvalidRecord, err)
	}
	return d, s.codec.compress(compact.Bytes()), nil
}

func (s *Store) putBatch(ctx context.Context, docs []*store.Doc, stored [][]byte, each func(context.Context, store.LineageTx, int, store.PutResult) error) ([]store.PutResult, error) {
	begin := time.Now()
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	defer tx.Rollback()
	aliases := newAliasBatch()
	if time.Since(begin) > contendedBegin {
		s.contended.Store(time.Now().UnixNano())
	}
	results := make([]store.PutResult, len(docs))
	changed := false
	index := &pendingIndex{}
	for i, d := range docs {
		if results[i], err = s.put(ctx, tx, d, stored[i], index, aliases); err != nil {
			return nil, fmt.Errorf("sqlite: put %s: %w", d.Key(), err)
		}
		changed = changed || results[i].Status != store.Unchanged
	}
	if !changed {
		return results, nil
	}
	// The batch commits whole or not at all: its aliases go in with it.
	if err := aliases.flush(ctx, tx); err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	if each != nil {
		if err := eachInTx(ctx, tx, results, each); err != nil {
			return nil, err
		}
	}
	// After the savepoints: FTS5 flushes its pending terms to a new
	// segment at every savepoint, and then merges those segments.
	if err := index.write(ctx, tx); err != nil {
		return nil, fmt.Errorf("sqlite: put: search index: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	for _, r := range results {
		if r.Status != store.Unchanged {
			s.written.Add(1)
		}
	}
	s.checkpoints.request()
	s.yieldIfContended(ctx)
	return results, nil
}

// A batch's transaction holds the write lock from its first put to its
// last link, and the writer begins the next at once: another process
// waiting for the lock (SQLite polls every 100 ms at most) would seldom
// find it free. When this process's own BEGIN waited (contendedBegin:
// another process writes), it leaves the lock free for yieldPause after
// each commit, for contendedFor; a lone writer never pauses.
const (
	contendedBegin = 5 * time.Millisecond
	contendedFor   = 10 * time.Second
	yieldPause     = 120 * time.Millisecond
)

func (s *Store) yieldIfContended(ctx context.Context) {
	if time.Since(time.Unix(0, s.contended.Load())) > contendedFor {
		return
	}
	t := time.NewTimer(yieldPause)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// eachInTx calls each for every record stored anew, in a savepoint that
// is rolled back when each fails (each's caller reports its error): only
// the savepoint's own failure fails the batch.
func eachInTx(ctx context.Context, tx *sql.Tx, results []store.PutResult, each func(context.Context, store.LineageTx, int, store.PutResult) error) error {
	ltx := lineageTx{tx}
	for i, res := range results {
		if res.Status == store.Unchanged {
			continue
		}
		ends := []string{`RELEASE each_record`}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT each_record`); err != nil {
			return fmt.Errorf("sqlite: put: %w", err)
		}
		if each(ctx, ltx, i, res) != nil {
			ends = []string{`ROLLBACK TO each_record`, `RELEASE each_record`}
		}
		for _, end := range ends {
			if _, err := tx.ExecContext(ctx, end); err != nil {
				return fmt.Errorf("sqlite: put: %w", err)
			}
		}
	}
	return nil
}

// retry runs a write, and again with growing pauses while another
// process holds the write lock, for up to BusyWait: then it fails with
// store.ErrBusy.
func (s *Store) retry(ctx context.Context, write func() error) error {
	deadline := time.Now().Add(s.busyWait)
	pause := 10 * time.Millisecond
	for {
		err := write()
		if !isBusy(err) {
			return err
		}
		if time.Now().Add(pause).After(deadline) {
			return fmt.Errorf("%w: %v", store.ErrBusy, err)
		}
		t := time.NewTimer(pause + rand.N(pause))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		}
		pause = min(2*pause, time.Second)
	}
}

// isBusy reports whether err is SQLite's "database is locked".
func isBusy(err error) bool {
	return errors.Is(err, sqlite3.BUSY) || errors.Is(err, sqlite3.LOCKED)
}

// Delete implements store.ArticleDeleter.
func (s *Store) Delete(ctx context.Context, id int64) error {
	return s.retry(ctx, func() error {
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("sqlite: delete %d: %w", id, err)
		}
		defer tx.Rollback()
		var current sql.NullInt64
		err = tx.QueryRowContext(ctx, `SELECT current FROM articles WHERE id = ?`, id).Scan(&current)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("article %d: %w", id, store.ErrNotFound)
		}
		if err != nil {
			return fmt.Errorf("sqlite: delete %d: %w", id, err)
		}
		// The index's delete needs the text it indexed, while the version
		// is still there.
		if current.Valid {
			if _, err := tx.ExecContext(ctx, `INSERT INTO search_index (search_index, rowid, title, body, tags)
				SELECT 'delete', id, title, body, tags FROM indexed_text WHERE id = ?`, current.Int64); err != nil {
				return fmt.Errorf("sqlite: delete %d: %w", id, err)
			}
		}
		if err := forgetKeys(ctx, tx, id); err != nil {
			return fmt.Errorf("sqlite: delete %d: %w", id, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, id); err != nil {
			return fmt.Errorf("sqlite: delete %d: %w", id, err)
		}
		return tx.Commit()
	})
}

// pendingIndex holds a batch's rows for the search index until its
// records' savepoints are done (putBatch): one segment a batch instead of
// one an article.
type pendingIndex struct {
	rows  []any          // rowid, title, body, tags of each
	where map[int64]int  // a version's index in rows
	gone  map[int64]bool // versions superseded in the same batch: not indexed
}

func (p *pendingIndex) add(version int64, title, body, tags string) {
	if p.where == nil {
		p.where = map[int64]int{}
	}
	p.where[version] = len(p.rows)
	p.rows = append(p.rows, version, title, body, tags)
}

// drop takes out a version not written yet, and reports whether it was
// pending: a version superseded in its own batch was never indexed, so
// the index must not be told to delete it.
func (p *pendingIndex) drop(version int64) bool {
	if _, ok := p.where[version]; !ok {
		return false
	}
	if p.gone == nil {
		p.gone = map[int64]bool{}
	}
	p.gone[version] = true
	return true
}

func (p *pendingIndex) write(ctx context.Context, tx querier) error {
	rows := p.rows
	if len(p.gone) > 0 {
		rows = make([]any, 0, len(p.rows))
		for i := 0; i < len(p.rows); i += 4 {
			if !p.gone[p.rows[i].(int64)] {
				rows = append(rows, p.rows[i:i+4]...)
			}
		}
	}
	return insertRows(ctx, tx, `INSERT INTO search_index (rowid, title, body, tags) VALUES `, ``, 4, rows)
}

// put stores one record; stored is its compressed JSON (record.go). Its
// row for the search index goes to index, the aliases it teaches to
// aliases.
func (s *Store) put(ctx context.Context, tx *sql.Tx, d *store.Doc, stored []byte, index *pendingIndex, aliases *aliasBatch) (store.PutResult, error) {
	now := time.Now().UTC().Format(time.RFC3339)
	var (
		res     = store.PutResult{Status: store.Created, Version: 1}
		current sql.NullInt64
	)
	err := tx.QueryRowContext(ctx, `SELECT id, current FROM articles WHERE key = ?`, d.Key()).Scan(&res.ID, &current)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		if d.Source.URL == "" {
			// The same text under any URL is the same article.
			err := tx.QueryRowContext(ctx, `SELECT article_id, version FROM versions WHERE record_id = ? LIMIT 1`,
				d.ID).Scan(&res.ID, &res.Version)
			if err == nil {
				res.Status = store.Unchanged
				return res, nil
			}
			if !errors.Is(err, sql.ErrNoRows) {
				return res, err
			}
		}
		err = tx.QueryRowContext(ctx, `INSERT INTO articles (key, url, created) VALUES (?, ?, ?) RETURNING id`,
			d.Key(), nullString(d.Source.URL), now).Scan(&res.ID)
		if err != nil {
			return res, err
		}
	case err != nil:
		return res, err
	default:
		err := tx.QueryRowContext(ctx, `SELECT version FROM versions WHERE article_id = ? AND record_id = ?`,
			res.ID, d.ID).Scan(&res.Version)
		if err == nil {
			res.Status = store.Unchanged
			return res, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return res, err
		}
		if err := tx.QueryRowContext(ctx, `SELECT max(version) + 1 FROM versions WHERE article_id = ?`,
			res.ID).Scan(&res.Version); err != nil {
			return res, err
		}
		res.Status = store.NewVersion
	}

	var versionID int64
	err = tx.QueryRowContext(ctx, `INSERT INTO versions
		(article_id, version, record_id, title, lead, site, section, published, day, stored, record)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		res.ID, res.Version, d.ID, d.Title, d.Lead, nullString(d.Source.Site), d.Section, d.Published,
		nullString(d.Day()), now, stored).Scan(&versionID)
	if err != nil {
		return res, err
	}
	if current.Valid {
		// The index and the tables hold the newest version only: take the
		// old one out while it is still current (the index's delete needs
		// the text it indexed), unless it came in this batch and is not
		// indexed yet.
		if !index.drop(current.Int64) {
			if _, err := tx.ExecContext(ctx, `INSERT INTO search_index (search_index, rowid, title, body, tags)
				SELECT 'delete', id, title, body, tags FROM indexed_text WHERE id = ?`, current.Int64); err != nil {
				return res, err
			}
		}
		for _, table := range []string{"article_entities", "quotes", "events"} {
			if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE article_id = ?`, res.ID); err != nil {
				return res, err
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE articles SET current = ? WHERE id = ?`, versionID, res.ID); err != nil {
		return res, err
	}
	tags, err := s.putAnnotations(ctx, tx, res.ID, d, aliases)
	if err != nil {
		return res, err
	}
	// The values, not INSERT ... SELECT from the view: a statement that
	// reads as it writes makes FTS5 flush its pending terms to a new
	// segment every time, instead of once per transaction.
	index.add(versionID, d.Title, indexedBody(d), versionTags(d.Day(), tags))
	return res, s.putTopics(ctx, tx, res.ID, d, current.Valid)
}

// putAnnotations files the record's entities (with their mentions'
// texts), quotes and events, and gives the entities' ids and the speakers
// quoted, for the tags.
func (s *Store) putAnnotations(ctx context.Context, tx *sql.Tx, articleID int64, d *store.Doc, aliases *aliasBatch) (*tagged, error) {
	day := nullString(d.Day())
	ids := make(map[string]int64, len(d.Entities))    // record's entity id → entities.id
	names := make(map[string]string, len(d.Entities)) // record's entity id → its name, spaces collapsed
	var entityRows, quoteRows, eventRows []any
	keys := make([]string, len(d.Entities))
	upserts := make([]entityRow, len(d.Entities))
	for i, e := range d.Entities {
		e.Name = strings.Join(strings.Fields(e.Name), " ")
		keys[i] = s.resolver.Key(e)
		upserts[i] = entityRow{key: keys[i], typ: e.Type, name: e.Name, norm: store.NormalizeName(e.Name), country: e.Country}
	}
	byKey, err := upsertEntities(ctx, tx, upserts)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	for i, e := range d.Entities {
		id, ok := byKey[keys[i]]
		if !ok {
			return nil, fmt.Errorf("entity %s: no id returned for %q", e.ID, keys[i])
		}
		ids[e.ID], names[e.ID] = id, strings.Join(strings.Fields(e.Name), " ")
	}
	// The refs are decided before the rows are written, so that each row
	// is written once, with its ref.
	refs, err := s.refs(ctx, tx, d, ids, true, aliases)
	if err != nil {
		return nil, err
	}
	// A quote's speaker takes the ref of the record's first entity with
	// the speaker's entities row.
	speakerRefs := make(map[int64]int64, len(d.Entities))
	tones := entityTones(d.Tone)
	for i, e := range d.Entities {
		id := ids[e.ID]
		if _, ok := speakerRefs[id]; !ok {
			speakerRefs[id] = refs[i].id
		}
		roles, _ := json.Marshal(e.Roles)
		written, err := mentionNames(names[e.ID], e.Mentions)
		if err != nil {
			return nil, fmt.Errorf("entity %s: %w", e.ID, err)
		}
		var score, positive, negative any // NULL: no tone
		var sentences sql.NullInt64
		if t, ok := tones[e.ID]; ok {
			score, positive, negative = scaled(t.Score, toneScale), scaled(t.Positive, toneScale), scaled(t.Negative, toneScale)
			sentences = sql.NullInt64{Int64: int64(t.Sentences), Valid: true}
		}
		entityRows = append(entityRows, articleID, e.ID, id, names[e.ID], nullJSON(roles, len(e.Roles)),
			nullString(e.Country), scaled(e.Salience, salienceScale), len(e.Mentions), day, refs[i].id, nullString(refs[i].office), written,
			score, positive, negative, sentences)
	}
	if err := insertRows(ctx, tx, `INSERT INTO article_entities
		(article_id, local_id, entity_id, name, roles, country, salience_1000, mentions, day, ref, office, names,
		 tone_score_100, tone_positive_100, tone_negative_100, tone_sentences) VALUES `, ``, 16, entityRows); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	tags := &tagged{entities: slices.Collect(maps.Values(ids))}
	for _, q := range d.Quotes {
		var speaker, speakerRef sql.NullInt64
		name := q.SpeakerName
		if q.Speaker != nil {
			if id, ok := ids[*q.Speaker]; ok {
				speaker = sql.NullInt64{Int64: id, Valid: true}
				speakerRef = sql.NullInt64{Int64: speakerRefs[id], Valid: true}
				name = cmp.Or(name, names[*q.Speaker])
				tags.speakers = append(tags.speakers, id)
			}
		}
		norm := store.NormalizeName(name)
		if norm != "" {
			tags.names = append(tags.names, norm)
		}
		quoteRows = append(quoteRows, articleID, speaker, nullString(name), nullString(norm),
			nullString(q.SpeakerRole), q.Kind, q.Text, q.Start, q.End, nullString(q.Cue), day, speakerRef)
	}
	if err := insertRows(ctx, tx, `INSERT INTO quotes
		(article_id, speaker_id, speaker_name, speaker_norm, speaker_role, kind, text, start, "end", cue, day, speaker_ref) VALUES `,
		``, 12, quoteRows); err != nil {
		return nil, fmt.Errorf("quotes: %w", err)
	}
	for _, e := range d.Events {
		actor := func(a *store.DocActor) (id sql.NullInt64, name, country sql.NullString) {
			if a == nil {
				return
			}
			if a.Entity != nil {
				if v, ok := ids[*a.Entity]; ok {
					id = sql.NullInt64{Int64: v, Valid: true}
				}
			}
			return id, nullString(a.Name), nullString(a.Country)
		}
		srcID, srcName, srcCountry := actor(e.Source)
		tgtID, tgtName, tgtCountry := actor(e.Target)
		locID, locName, locCountry := actor(e.Location)
		eventRows = append(eventRows, articleID, e.Type, nullString(e.Mode), srcID, srcName, srcCountry, tgtID, tgtName,
			tgtCountry, locID, locName, locCountry, e.Date, nullString(d.EventDay(e)), e.Negated, nullString(e.Modality),
			e.Sentence, nullString(e.Trigger))
	}
	if err := insertRows(ctx, tx, `INSERT INTO events
		(article_id, type, mode, source_id, source_name, source_country, target_id, target_name, target_country,
		 location_id, location_name, location_country, date, day, negated, modality, sentence, trigger) VALUES `,
		``, 18, eventRows); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	return tags, nil
}

// An entity row's salience is kept in thousandths and its tones in
// hundredths (migration 25), as the record gives them; dividing by the
// scale gives back the very double the record's decimal parsed to, and a
// value with more decimals is kept scaled but not rounded. Since
// migration 26 they are in columns without REAL affinity, whole numbers
// as 1–2-byte integers: an INSERT into this table, which has indexes,
// stored a whole REAL as an 8-byte double all the same.
//
// 24 of the ~87 bytes of a row were the four doubles.
const (
	salienceScale = 1000
	toneScale     = 100
)

// scaled is x in units of 1/scale: an int64 when that loses nothing.
func scaled(x, scale float64) any {
	if n := math.Round(x * scale); n/scale == x && math.Abs(n) < 1<<53 {
		return int64(n)
	}
	return x * scale
}

// entityTones gives the tone of each entity of a record the tone stage
// read a sentence of, by the record's entity id (the first, where one is
// given twice).
func entityTones(t *store.DocTone) map[string]store.DocEntityTone {
	if t == nil {
		return nil
	}
	out := make(map[string]store.DocEntityTone, len(t.Entities))
	for _, e := range t.Entities {
		if _, ok := out[e.Entity]; !ok && e.Entity != "" && e.Sentences != 0 {
			out[e.Entity] = e
		}
	}
	return out
}

// mentionNames is an article_entities row's names column: how often the
// entity is written each way, as a JSON object of text to count; NULL
// when every mention is written as its name, as most are. One column instead of a mentions table: 24 rows and 3 B-trees an
// article, which only the entity and identity pages read, by entity.
func mentionNames(name string, ms []store.DocMention) (sql.NullString, error) {
	counts := make(map[string]int, 2)
	for _, m := range ms {
		counts[m.Text]++
	}
	if len(counts) == 0 || len(counts) == 1 && counts[name] == len(ms) {
		return sql.NullString{}, nil
	}
	b, err := json.Marshal(counts)
	if err != nil {
		return sql.NullString{}, err
	}
	return sql.NullString{String: string(b), Valid: true}, nil
}

// entityRow is an entity of an article as the entities table keeps it.
type entityRow struct {
	key, typ, name, norm, country string
	id                            int64
	changed                       bool // an entities row read here, to be written back
}

// merge takes in what another mention of the entity adds: its name when
// longer (in characters, as SQLite's length counts), a country when it
// had none.
func (e *entityRow) merge(o entityRow) {
	if utf8.RuneCountInString(o.norm) > utf8.RuneCountInString(e.norm) {
		e.name, e.norm, e.changed = o.name, o.norm, true
	}
	if e.country == "" && o.country != "" {
		e.country, e.changed = o.country, true
	}
}

// upsertEntities stores an article's entities, each keeping its longest
// name and its first country, and returns their ids by key. Most are
// known already: they are read in one statement, and only the new ones
// (rowsPerInsert a statement, in their order, so that they take the ids
// an upsert of all gave them) and those the article changes are written.
// Upserting every one rewrote each row and its index entries: a fifth of
// the writer's time.
func upsertEntities(ctx context.Context, tx querier, es []entityRow) (map[string]int64, error) {
	keys := make([]string, len(es))
	for i, e := range es {
		keys[i] = e.key
	}
	list, err := json.Marshal(keys)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT key, id, name, norm, coalesce(country, '') FROM entities
		WHERE key IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	byKey := make(map[string]*entityRow, len(es))
	for rows.Next() {
		var e entityRow
		if err := rows.Scan(&e.key, &e.id, &e.name, &e.norm, &e.country); err != nil {
			rows.Close()
			return nil, err
		}
		byKey[e.key] = &e
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return nil, err
	}
	var added []*entityRow
	for _, e := range es {
		if known, ok := byKey[e.key]; ok {
			known.merge(e)
			continue
		}
		e.changed = false
		byKey[e.key] = &e
		added = append(added, &e)
	}
	ids := make(map[string]int64, len(byKey))
	const width = 5
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	for len(added) > 0 {
		n := min(len(added), rowsPerInsert)
		flat := make([]any, 0, width*n)
		for _, e := range added[:n] {
			flat = append(flat, e.key, e.typ, e.name, e.norm, nullString(e.country))
		}
		rows, err := tx.QueryContext(ctx, `INSERT INTO entities (key, type, name, norm, country) VALUES `+
			row+strings.Repeat(", "+row, n-1)+` RETURNING key, id`, flat...)
		if err != nil {
			return nil, err
		}
		if err := scanKeyIDs(rows, ids); err != nil {
			return nil, err
		}
		added = added[n:]
	}
	for key, e := range byKey {
		if e.id == 0 {
			continue // added above
		}
		ids[key] = e.id
		if !e.changed {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entities SET name = ?, norm = ?, country = ? WHERE id = ?`,
			e.name, e.norm, nullString(e.country), e.id); err != nil {
			return nil, err
		}
	}
	return ids, nil
}

// rowsPerInsert is how many rows one INSERT takes: an article's 20-odd
// mentions go in three statements instead of one each, and the texts stay
// few (one per row count), so that the connection keeps them prepared.
const rowsPerInsert = 8

// insertRows inserts rows, given flat (width values per row), with head
// ("INSERT INTO t (a, b) VALUES ") and tail (" ON CONFLICT DO NOTHING", or
// empty) and up to rowsPerInsert rows a statement.
func insertRows(ctx context.Context, tx querier, head, tail string, width int, flat []any) error {
	row := "(?" + strings.Repeat(", ?", width-1) + ")"
	for len(flat) > 0 {
		n := min(len(flat)/width, rowsPerInsert)
		if _, err := tx.ExecContext(ctx, head+row+strings.Repeat(", "+row, n-1)+tail, flat[:n*width]...); err != nil {
			return err
		}
		flat = flat[n*width:]
	}
	return nil
}

// indexedBody is the body the view indexed_text gives for d, computed as
// it does (substr counts characters): the text after the title and the
// blank line. The two must agree, or the index's delete goes wrong.
func indexedBody(d *store.Doc) string { return bodyText(d.Title, d.Text) }

func nullString(s string) sql.NullString { return sql.NullString{String: s, Valid: s != ""} }

func nullJSON(b []byte, n int) sql.NullString {
	return sql.NullString{String: string(b), Valid: n > 0}
}

// Optimize implements store.Store: it merges the segments FTS5 writes per
// transaction, up to about 500 pages (2 MB) of work; when this Store wrote
// a tenth of the store's articles or more (a bulk ingest), all of them
// into one ('optimize': 8.8 s on the 100k benchmark store, which its
// ingest had left in 15 segments). A search then does one look-up per
// term instead of one per segment: 40% less time over the detik-news set,
// and a common word sorted by date 3.3–3.6 ms of CPU instead of 6.1–7.7
// at 100k articles (README, Benchmarks / Search).
//
// It then checkpoints the WAL into the database, so that the WAL file is
// cut back to its limit.
func (s *Store) Optimize(ctx context.Context) error {
	var articles int64
	if err := s.queryRow(ctx, `SELECT count(*) FROM articles`).Scan(&articles); err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	merge := fmt.Sprintf(`INSERT INTO search_index (search_index, rank) VALUES ('merge', -%d)`, mergePages)
	if mergeWhole(s.written.Load(), articles) {
		merge = `INSERT INTO search_index (search_index) VALUES ('optimize')`
	}
	err := s.retry(ctx, func() error {
		_, err := s.wdb.ExecContext(ctx, merge)
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: optimize: %w", err)
	}
	if _, err := s.wdb.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("sqlite: checkpoint: %w", err)
	}
	return nil
}

// mergePages is the work Optimize's bounded merge does, in pages; a
// variable so that tests can make it small.
var mergePages = 500

// mergeWhole says whether Optimize merges the whole full-text index:
// after written articles of a store of articles, a tenth of it or more.
// The merge rewrites the index whatever was written (about 9 s at 100k
// articles), so a few articles added to a large store only merge a
// bounded amount.
func mergeWhole(written, articles int64) bool { return written > 0 && 10*written >= articles }
