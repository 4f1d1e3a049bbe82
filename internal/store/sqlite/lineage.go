package sqlite

import (
	"context"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Lineage = (*Store)(nil)

// querier runs statements on the store's connections or in a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// lineageTx is store.LineageTx in the writer's transaction.
type lineageTx struct{ tx *sql.Tx }

func (l lineageTx) PutFingerprint(ctx context.Context, article int64, bands []int64, names []string, day string, fields []byte) error {
	return putFingerprint(ctx, l.tx, article, bands, names, day, fields)
}

func (l lineageTx) CompareFields(ctx context.Context, articles []int64) (map[int64][]byte, error) {
	return compareFields(ctx, l.tx, articles)
}

func (l lineageTx) BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	return bandCandidates(ctx, l.tx, article, bands, perBand, limit)
}

func (l lineageTx) NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	return nameCandidates(ctx, l.tx, article, names, from, to, perName, minShared, limit)
}

func (l lineageTx) NameCounts(ctx context.Context, names []string) (map[string]int, error) {
	return nameCounts(ctx, l.tx, names)
}

func (l lineageTx) PutRelation(ctx context.Context, r store.Relation) error {
	return putRelation(ctx, l.tx, r)
}

// Record reads the current version's record alone: what a copy's diff
// needs, without the article's version list.
func (l lineageTx) Record(ctx context.Context, article int64) ([]byte, error) {
	var record []byte
	err := l.tx.QueryRowContext(ctx, `SELECT record_json(v.record) FROM articles a JOIN versions v ON v.id = a.current
		WHERE a.id = ?`, article).Scan(&record)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %d: %w", article, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: record %d: %w", article, err)
	}
	return record, nil
}

// PutFingerprint implements store.Lineage.
func (s *Store) PutFingerprint(ctx context.Context, article int64, bands []int64, names []string, day string, fields []byte) error {
	return s.retry(ctx, func() error {
		tx, err := s.wdb.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("sqlite: put fingerprint: %w", err)
		}
		defer tx.Rollback()
		if err := putFingerprint(ctx, tx, article, bands, names, day, fields); err != nil {
			return err
		}
		return tx.Commit()
	})
}

// putFingerprint writes an article's keys: its bands and names a few rows
// a statement (insertRows), its names' counts in one statement each way,
// its compare fields and its key list (fingerprint_keys) in one row each.
// The keys it had before are taken out by their primary keys.
func putFingerprint(ctx context.Context, tx querier, article int64, bands []int64, names []string, day string, fields []byte) error {
	dayNo, ok := dayNumber(day)
	if !ok {
		return fmt.Errorf("sqlite: put fingerprint: %w: day %q is not YYYY-MM-DD", store.ErrInvalidRecord, day)
	}
	if err := dropKeys(ctx, tx, article, false); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO fingerprint_fields (article_id, fields) VALUES (?, ?)`, article, fields); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	bands = slices.Compact(slices.Sorted(slices.Values(bands)))
	bandRows := make([]any, 0, 2*len(bands))
	packed := make([]byte, 0, 8*len(bands))
	for _, b := range bands {
		bandRows = append(bandRows, b, article)
		packed = binary.BigEndian.AppendUint64(packed, uint64(b))
	}
	if err := insertRows(ctx, tx, `INSERT OR IGNORE INTO fingerprint_bands (band, article_id) VALUES `, ``, 2, bandRows); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	names = slices.Compact(slices.Sorted(slices.Values(names)))
	nameRows := make([]any, 0, 3*len(names))
	for _, n := range names {
		nameRows = append(nameRows, n, dayNo, article)
	}
	if err := insertRows(ctx, tx, `INSERT OR IGNORE INTO fingerprint_names (name, day, article_id) VALUES `, ``, 3, nameRows); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	if len(bands) == 0 && len(names) == 0 {
		return nil
	}
	list, err := json.Marshal(names)
	if err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO fingerprint_keys (article_id, bands, names, day) VALUES (?, ?, ?, ?)`,
		article, packed, string(list), dayNo); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	if len(names) == 0 {
		return nil
	}
	// WHERE true: an upsert's SELECT must not end in a join's ON.
	if _, err := tx.ExecContext(ctx, `INSERT INTO fingerprint_name_counts (name, articles)
		SELECT value, 1 FROM json_each(?) WHERE true
		ON CONFLICT (name) DO UPDATE SET articles = articles + 1`, string(list)); err != nil {
		return fmt.Errorf("sqlite: put fingerprint: %w", err)
	}
	return nil
}

// dropKeys takes an article's keys out: its postings, by their primary
// keys from its fingerprint_keys row, and its names' counts, down by
// one (and gone at none when forget: the article is being deleted, and a
// name whose articles are gone must not stay common).
func dropKeys(ctx context.Context, tx querier, article int64, forget bool) error {
	var packed []byte
	var names, day string
	err := tx.QueryRowContext(ctx, `SELECT bands, names, day FROM fingerprint_keys WHERE article_id = ?`, article).Scan(&packed, &names, &day)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(packed)%8 != 0 {
		return fmt.Errorf("article %d: band keys of %d bytes", article, len(packed))
	}
	bands := make([]int64, 0, len(packed)/8)
	for b := range slices.Chunk(packed, 8) {
		bands = append(bands, int64(binary.BigEndian.Uint64(b)))
	}
	list, err := json.Marshal(bands)
	if err != nil {
		return err
	}
	// The day as in fingerprint_names (its number as text, since
	// migration 24); "" in a list with no names (migration 18's).
	dayNo := int64(unknownDay)
	if day != "" {
		if dayNo, err = strconv.ParseInt(day, 10, 64); err != nil {
			return fmt.Errorf("article %d: key list day %q", article, day)
		}
	}
	type stmt struct {
		q    string
		args []any
	}
	stmts := []stmt{
		{`UPDATE fingerprint_name_counts SET articles = articles - 1 WHERE name IN (SELECT value FROM json_each(?))`, []any{names}},
		{`DELETE FROM fingerprint_names WHERE name IN (SELECT value FROM json_each(?)) AND day = ? AND article_id = ?`, []any{names, dayNo, article}},
		{`DELETE FROM fingerprint_bands WHERE band IN (SELECT value FROM json_each(?)) AND article_id = ?`, []any{string(list), article}},
		{`DELETE FROM fingerprint_keys WHERE article_id = ?`, []any{article}},
	}
	if forget {
		stmts = append(stmts, stmt{`DELETE FROM fingerprint_name_counts WHERE articles <= 0 AND name IN (SELECT value FROM json_each(?))`, []any{names}})
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return err
		}
	}
	return nil
}

// forgetKeys takes an article about to be deleted out of the keys and
// the name counts.
func forgetKeys(ctx context.Context, tx *sql.Tx, article int64) error {
	if err := dropKeys(ctx, tx, article, true); err != nil {
		return fmt.Errorf("forget fingerprint keys: %w", err)
	}
	return nil
}

// BandCandidates implements store.Lineage: one indexed look-up per band,
// each reading at most perBand keys in the primary key's order.
func (s *Store) BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	return bandCandidates(ctx, s.db, article, bands, perBand, limit)
}

func bandCandidates(ctx context.Context, q querier, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(bands)
	if err != nil {
		return nil, fmt.Errorf("sqlite: band candidates: %w", err)
	}
	return ids(ctx, q, "band candidates", rankedQuery(
		`SELECT article_id FROM fingerprint_bands WHERE band = k.value AND article_id <> ?1 ORDER BY article_id DESC LIMIT ?2`),
		article, perBand, limit, 1, string(list))
}

// NameCandidates implements store.Lineage: one indexed range per name,
// each reading at most perName keys of the window.
func (s *Store) NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	return nameCandidates(ctx, s.db, article, names, from, to, perName, minShared, limit)
}

func nameCandidates(ctx context.Context, q querier, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	if len(names) == 0 {
		return nil, nil
	}
	// From the first day (unknown ones too, as "" was below every date)
	// to the last, where from or to is "".
	lo, hi := int64(unknownDay), int64(math.MaxInt64)
	for _, b := range []struct {
		day string
		n   *int64
	}{{from, &lo}, {to, &hi}} {
		if b.day == "" {
			continue
		}
		var ok bool
		if *b.n, ok = dayNumber(b.day); !ok {
			return nil, fmt.Errorf("sqlite: name candidates: %w: day %q is not YYYY-MM-DD", store.ErrBadFilter, b.day)
		}
	}
	list, err := json.Marshal(names)
	if err != nil {
		return nil, fmt.Errorf("sqlite: name candidates: %w", err)
	}
	return ids(ctx, q, "name candidates", rankedQuery(
		`SELECT article_id FROM fingerprint_names WHERE name = k.value AND day BETWEEN ?6 AND ?7 AND article_id <> ?1
			ORDER BY day DESC, article_id DESC LIMIT ?2`),
		article, perName, limit, minShared, string(list), lo, hi)
}

// unknownDay is fingerprint_names' day of an article without a
// publication day: below every date's, as "" was below them as text.
const unknownDay = math.MinInt32

// dayNumber is a fingerprint_names day (migration 24): the days from
// 1970-01-01 to day (YYYY-MM-DD), or unknownDay for ""; ok is false, and
// the day unknownDay, when day is neither.
func dayNumber(day string) (n int64, ok bool) {
	if day == "" {
		return unknownDay, true
	}
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return unknownDay, false
	}
	return t.Unix() / 86400, true
}

// migrateNameDays is migration 24: fingerprint_names' day, 'YYYY-MM-DD'
// text in every posting (10 bytes of about 27), becomes the day's number
// (dayNumber: 2 bytes). The postings are copied in their primary key's
// order; the key lists' day (a TEXT column) becomes the number's text,
// as a put writes it. On a store migrated already it does nothing.
func migrateNameDays(ctx context.Context, tx *sql.Tx) error {
	// dayNumber in SQL: a day that is not a date (none was written) as
	// an unknown one.
	textDay := `coalesce(CASE WHEN day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN unixepoch(day) / 86400 END, ` + fmt.Sprint(unknownDay) + `)`
	var done bool
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pragma_table_info('fingerprint_names') WHERE name = 'day' AND type = 'INTEGER')`).Scan(&done); err != nil || done {
		return err
	}
	_, err := tx.ExecContext(ctx, `
CREATE TABLE fingerprint_names_24 (
	name       TEXT NOT NULL,       -- a name key of the fingerprint
	day        INTEGER NOT NULL,    -- publication day, days since 1970-01-01; -2147483648 when unknown
	article_id INTEGER NOT NULL,    -- deleted with its fingerprint_keys row
	PRIMARY KEY (name, day, article_id)
) WITHOUT ROWID;
INSERT INTO fingerprint_names_24 (name, day, article_id)
	SELECT name, `+textDay+`, article_id FROM fingerprint_names WHERE true ORDER BY 1, 2, 3
	ON CONFLICT DO NOTHING;
DROP TABLE fingerprint_names;
ALTER TABLE fingerprint_names_24 RENAME TO fingerprint_names;
UPDATE fingerprint_keys SET day = `+textDay+`;
`)
	return err
}

// rankedQuery runs lookup (a query reading k.value, the key) for each key
// of the JSON list ?5, and ranks the articles that at least ?4 of them
// give by how many give them, then newest first, up to ?3. One text for
// any count of keys; and the key is a column, not a parameter: SQLite
// compiles a statement again whenever a parameter that an indexed
// equality with ORDER BY reads is bound anew (every run): 6.5% of ingest
// CPU when the keys were parameters.
func rankedQuery(lookup string) string {
	return `SELECT c.value FROM json_each(?5) k, json_each((SELECT json_group_array(article_id) FROM (` + lookup + `))) c
		GROUP BY c.value HAVING count(*) >= ?4 ORDER BY count(*) DESC, c.value DESC LIMIT ?3`
}

func ids(ctx context.Context, q querier, what, query string, args ...any) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("sqlite: %s: %w", what, err)
		}
		out = append(out, id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: %s: %w", what, err)
	}
	return out, nil
}

// NameCounts implements store.Lineage: one look-up of the kept counts
// per name, in one statement.
func (s *Store) NameCounts(ctx context.Context, names []string) (map[string]int, error) {
	return nameCounts(ctx, s.db, names)
}

func nameCounts(ctx context.Context, q querier, names []string) (map[string]int, error) {
	list, err := json.Marshal(names)
	if err != nil {
		return nil, fmt.Errorf("sqlite: name counts: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT name, articles FROM fingerprint_name_counts WHERE name IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: name counts: %w", err)
	}
	defer rows.Close()
	out, err := store.ScanNameCounts(names, rows)
	if err != nil {
		return nil, fmt.Errorf("sqlite: name counts: %w", err)
	}
	return out, nil
}

// CompareFields implements store.Lineage: one statement for all.
func (s *Store) CompareFields(ctx context.Context, articles []int64) (map[int64][]byte, error) {
	return compareFields(ctx, s.db, articles)
}

func compareFields(ctx context.Context, q querier, articles []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(articles))
	if len(articles) == 0 {
		return out, nil
	}
	list, err := json.Marshal(articles)
	if err != nil {
		return nil, fmt.Errorf("sqlite: compare fields: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT article_id, fields FROM fingerprint_fields
		WHERE article_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, fmt.Errorf("sqlite: compare fields: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var fields []byte
		if err := rows.Scan(&id, &fields); err != nil {
			return nil, fmt.Errorf("sqlite: compare fields: %w", err)
		}
		out[id] = fields
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: compare fields: %w", err)
	}
	return out, nil
}

// FingerprintCount implements store.Lineage: the articles with a key
// list, counted, since only tests ask (migration 15 dropped the count
// each fingerprinted article updated).
func (s *Store) FingerprintCount(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM fingerprint_keys`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: fingerprint count: %w", err)
	}
	return n, nil
}

// PutRelation implements store.Lineage.
func (s *Store) PutRelation(ctx context.Context, r store.Relation) error {
	return s.retry(ctx, func() error { return putRelation(ctx, s.wdb, r) })
}

func putRelation(ctx context.Context, q querier, r store.Relation) error {
	if r.A > r.B {
		r.A, r.B = r.B, r.A
	}
	if r.A == r.B {
		return fmt.Errorf("sqlite: put relation: %w: an article is not related to itself", store.ErrInvalidRecord)
	}
	var original sql.NullInt64
	if r.Original != 0 {
		original = sql.NullInt64{Int64: r.Original, Valid: true}
	}
	_, err := q.ExecContext(ctx, `INSERT INTO relations (a, b, kind, original, evidence) VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, original = excluded.original, evidence = excluded.evidence`,
		r.A, r.B, r.Kind, original, string(r.Evidence))
	if err != nil {
		return fmt.Errorf("sqlite: put relation: %w", err)
	}
	return nil
}

// Relations implements store.Lineage.
func (s *Store) Relations(ctx context.Context, article int64) ([]store.Relation, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT a, b, kind, original, evidence FROM relations WHERE a = ?1
		UNION ALL SELECT a, b, kind, original, evidence FROM relations WHERE b = ?1 ORDER BY 1, 2`, article)
	if err != nil {
		return nil, fmt.Errorf("sqlite: relations: %w", err)
	}
	defer rows.Close()
	var out []store.Relation
	for rows.Next() {
		var r store.Relation
		var original sql.NullInt64
		var ev string
		if err := rows.Scan(&r.A, &r.B, &r.Kind, &original, &ev); err != nil {
			return nil, fmt.Errorf("sqlite: relations: %w", err)
		}
		r.Original, r.Evidence = original.Int64, []byte(ev)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: relations: %w", err)
	}
	return out, nil
}

// migrateFingerprintKeys is migration 18. The keys are gathered through
// the article indexes before those go; the postings are copied, in their
// primary key's order, into tables without the foreign key.
func migrateFingerprintKeys(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE TABLE IF NOT EXISTS fingerprint_keys (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	bands      BLOB NOT NULL,       -- the band keys, 8 bytes each, big-endian
	names      TEXT NOT NULL,       -- JSON array of the name keys
	day        TEXT NOT NULL        -- as in fingerprint_names
);
INSERT OR REPLACE INTO fingerprint_keys (article_id, bands, names, day)
	SELECT article_id, unhex(group_concat(printf('%016x', band), '')), '[]', '' FROM fingerprint_bands GROUP BY article_id;
INSERT INTO fingerprint_keys (article_id, bands, names, day)
	SELECT article_id, x'', json_group_array(name), min(day) FROM fingerprint_names WHERE true GROUP BY article_id
	ON CONFLICT (article_id) DO UPDATE SET names = excluded.names, day = excluded.day;

CREATE TABLE fingerprint_bands_18 (
	band       INTEGER NOT NULL,    -- an LSH band key of the MinHash signature
	article_id INTEGER NOT NULL,    -- deleted with its fingerprint_keys row
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
INSERT INTO fingerprint_bands_18 (band, article_id) SELECT band, article_id FROM fingerprint_bands ORDER BY band, article_id;
DROP TABLE fingerprint_bands;
ALTER TABLE fingerprint_bands_18 RENAME TO fingerprint_bands;

CREATE TABLE fingerprint_names_18 (
	name       TEXT NOT NULL,       -- a name key of the fingerprint
	day        TEXT NOT NULL,       -- publication day, '' when unknown
	article_id INTEGER NOT NULL,    -- deleted with its fingerprint_keys row
	PRIMARY KEY (name, day, article_id)
) WITHOUT ROWID;
INSERT INTO fingerprint_names_18 (name, day, article_id) SELECT name, day, article_id FROM fingerprint_names ORDER BY name, day, article_id;
DROP TABLE fingerprint_names;
ALTER TABLE fingerprint_names_18 RENAME TO fingerprint_names;
`)
	return err
}
