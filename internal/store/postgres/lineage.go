package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/store"
)

var _ store.Lineage = (*Store)(nil)

// PutFingerprint implements store.Lineage. The triggers of the
// lineage_counts migration keep the counts; two writers replacing keys of
// the same names at once may deadlock on them, and are retried. The band
// and name keys have no foreign key (migration 17): the fingerprinted
// row's, in the same transaction, fails it for a deleted article.
func (s *Store) PutFingerprint(ctx context.Context, article int64, bands []int64, names []string, day string, fields []byte) error {
	b := &pgx.Batch{}
	queueFingerprint(b, article, bands, names, day, fields)
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error { return tx.SendBatch(ctx, b).Close() })
		if err != nil && attempt < maxAttempts && retryable(err) {
			if err := pause(ctx, attempt); err != nil {
				return err
			}
			continue
		}
		if err != nil {
			return fmt.Errorf("postgres: put fingerprint: %w", err)
		}
		return nil
	}
}

// queueFingerprint queues the statements that replace an article's keys.
func queueFingerprint(b *pgx.Batch, article int64, bands []int64, names []string, day string, fields []byte) {
	names = slices.Compact(slices.Sorted(slices.Values(names)))
	b.Queue(`DELETE FROM fingerprint_bands WHERE article_id = $1`, article)
	b.Queue(`DELETE FROM fingerprint_names WHERE article_id = $1`, article)
	b.Queue(`INSERT INTO fingerprint_bands (band, article_id) SELECT DISTINCT unnest($1::bigint[]), $2::bigint
		ON CONFLICT DO NOTHING`, bands, article)
	b.Queue(`INSERT INTO fingerprint_names (name, day, article_id) SELECT unnest($1::text[]), $2::text, $3::bigint
		ON CONFLICT DO NOTHING`, names, day, article)
	b.Queue(`INSERT INTO fingerprinted (article_id) VALUES ($1) ON CONFLICT DO NOTHING`, article)
	b.Queue(`INSERT INTO fingerprint_fields (article_id, fields) VALUES ($1, $2)
		ON CONFLICT (article_id) DO UPDATE SET fields = excluded.fields`, article, fields)
}

// BandCandidates implements store.Lineage.
func (s *Store) BandCandidates(ctx context.Context, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	return bandCandidates(ctx, s.pool, article, bands, perBand, limit)
}

// bandCandidates reads one index range per band, each at most perBand
// keys in the primary key's order.
func bandCandidates(ctx context.Context, q querier, article int64, bands []int64, perBand, limit int) ([]int64, error) {
	if len(bands) == 0 {
		return nil, nil
	}
	return ids(ctx, q, "band candidates", `SELECT x.article_id FROM unnest($1::bigint[]) AS k(band)
		CROSS JOIN LATERAL (SELECT f.article_id FROM fingerprint_bands f WHERE f.band = k.band AND f.article_id <> $2
			ORDER BY f.article_id DESC LIMIT $3) x
		GROUP BY x.article_id ORDER BY count(*) DESC, x.article_id DESC LIMIT $4`, bands, article, perBand, limit)
}

// NameCandidates implements store.Lineage.
func (s *Store) NameCandidates(ctx context.Context, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	return nameCandidates(ctx, s.pool, article, names, from, to, perName, minShared, limit)
}

// nameCandidates reads one index range per name, each at most perName
// keys of the window.
func nameCandidates(ctx context.Context, q querier, article int64, names []string, from, to string, perName, minShared, limit int) ([]int64, error) {
	if len(names) == 0 {
		return nil, nil
	}
	if to == "" {
		to = "\uffff"
	}
	return ids(ctx, q, "name candidates", `SELECT x.article_id FROM unnest($1::text[]) AS k(name)
		CROSS JOIN LATERAL (SELECT f.article_id FROM fingerprint_names f
			WHERE f.name = k.name AND f.day BETWEEN $2 AND $3 AND f.article_id <> $4
			ORDER BY f.day DESC, f.article_id DESC LIMIT $5) x
		GROUP BY x.article_id HAVING count(*) >= $6 ORDER BY count(*) DESC, x.article_id DESC LIMIT $7`, names, from, to, article, perName, minShared, limit)
}

func ids(ctx context.Context, q querier, what, sql string, args ...any) ([]int64, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	out, err := collect(rows, func(r pgx.Rows, id *int64) error { return r.Scan(id) })
	if err != nil {
		return nil, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return out, nil
}

// NameCounts implements store.Lineage: the counts the triggers of
// the lineage_counts migration keep, one key each.
func (s *Store) NameCounts(ctx context.Context, names []string) (map[string]int, error) {
	return nameCounts(ctx, s.pool, names)
}

func nameCounts(ctx context.Context, q querier, names []string) (map[string]int, error) {
	rows, err := q.Query(ctx, `SELECT name, articles FROM fingerprint_name_counts WHERE name = ANY($1)`, names)
	if err != nil {
		return nil, fmt.Errorf("postgres: name counts: %w", err)
	}
	defer rows.Close()
	out, err := store.ScanNameCounts(names, rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: name counts: %w", err)
	}
	return out, nil
}

// CompareFields implements store.Lineage: one statement for all.
func (s *Store) CompareFields(ctx context.Context, articles []int64) (map[int64][]byte, error) {
	return compareFields(ctx, s.pool, articles)
}

func compareFields(ctx context.Context, q querier, articles []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(articles))
	if len(articles) == 0 {
		return out, nil
	}
	rows, err := q.Query(ctx, `SELECT article_id, fields FROM fingerprint_fields WHERE article_id = ANY($1)`, articles)
	if err != nil {
		return nil, fmt.Errorf("postgres: compare fields: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var fields []byte
		if err := rows.Scan(&id, &fields); err != nil {
			return nil, fmt.Errorf("postgres: compare fields: %w", err)
		}
		out[id] = fields
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: compare fields: %w", err)
	}
	return out, nil
}

// FingerprintCount implements store.Lineage: counted, since only tests
// ask (migration 11 dropped the kept count, which serialised writers).
func (s *Store) FingerprintCount(ctx context.Context) (int, error) {
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM fingerprinted`).Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres: fingerprint count: %w", err)
	}
	return n, nil
}

// PutRelation implements store.Lineage.
func (s *Store) PutRelation(ctx context.Context, r store.Relation) error {
	b := &pgx.Batch{}
	if err := queueRelation(b, r); err != nil {
		return err
	}
	if err := s.pool.SendBatch(ctx, b).Close(); err != nil {
		return fmt.Errorf("postgres: put relation: %w", err)
	}
	return nil
}

// queueRelation queues the upsert of a relation, or says why it is not one.
func queueRelation(b *pgx.Batch, r store.Relation) error {
	if r.A > r.B {
		r.A, r.B = r.B, r.A
	}
	if r.A == r.B {
		return fmt.Errorf("postgres: put relation: %w: an article is not related to itself", store.ErrInvalidRecord)
	}
	var original *int64
	if r.Original != 0 {
		original = &r.Original
	}
	if !json.Valid(r.Evidence) {
		return fmt.Errorf("postgres: put relation: %w: evidence is not JSON", store.ErrInvalidRecord)
	}
	b.Queue(`INSERT INTO relations (a, b, kind, original, evidence) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (a, b) DO UPDATE SET kind = excluded.kind, original = excluded.original, evidence = excluded.evidence`,
		r.A, r.B, r.Kind, original, string(r.Evidence))
	return nil
}

// Relations implements store.Lineage.
func (s *Store) Relations(ctx context.Context, article int64) ([]store.Relation, error) {
	rows, err := s.pool.Query(ctx, `SELECT a, b, kind, original, evidence::text FROM relations WHERE a = $1
		UNION ALL SELECT a, b, kind, original, evidence::text FROM relations WHERE b = $1 ORDER BY 1, 2`, article)
	if err != nil {
		return nil, fmt.Errorf("postgres: relations: %w", err)
	}
	out, err := collect(rows, func(r pgx.Rows, rel *store.Relation) error {
		var original *int64
		var ev string
		err := r.Scan(&rel.A, &rel.B, &rel.Kind, &original, &ev)
		if original != nil {
			rel.Original = *original
		}
		rel.Evidence = json.RawMessage(ev)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: relations: %w", err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
