package postgres

import (
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
)

// TestBatchLinksAsOneByOne: a batch's articles are linked as if they were
// stored one at a time, each seeing what the ones before it taught: the
// same refs, offices, quote speakers' refs and learnt aliases and
// office-holders either way.
func TestBatchLinksAsOneByOne(t *testing.T) {
	recs := records(t)[:400]
	batched, single := open(t, pgtest.URL(t), search.Indonesian()), open(t, pgtest.URL(t), search.Indonesian())
	for part := range slices.Chunk(recs, 128) {
		if _, err := batched.PutBatch(ctx, part); err != nil {
			t.Fatal(err)
		}
	}
	// A batch links its articles in the order of their keys, as it
	// stores them.
	for part := range slices.Chunk(recs, 128) {
		part = slices.Clone(part)
		slices.SortStableFunc(part, func(a, b []byte) int { return strings.Compare(key(t, a), key(t, b)) })
		for _, r := range part {
			if _, err := single.Put(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{
		`SELECT a.key || ' ' || ae.local_id, r.key || ' ' || coalesce(ae.office, '') FROM article_entities ae
			JOIN articles a ON a.id = ae.article_id JOIN entities r ON r.id = ae.ref`,
		`SELECT a.key || ' ' || q.start, coalesce(r.key, '') FROM quotes q JOIN articles a ON a.id = q.article_id
			LEFT JOIN entities r ON r.id = q.speaker_ref`,
		`SELECT type || ' ' || norm || ' ' || ref, articles::text FROM entity_aliases`,
		`SELECT office || ' ' || month || ' ' || ref, articles::text FROM office_terms`,
	} {
		want, got := pairs(t, single, q), pairs(t, batched, q)
		if len(want) == 0 {
			t.Fatalf("%s: no rows", q)
		}
		diff := 0
		for k, v := range want {
			if got[k] != v {
				if diff++; diff <= 5 {
					t.Errorf("%s\n%s: batched %q, one by one %q", q, k, got[k], v)
				}
			}
		}
		if diff > 0 || len(got) != len(want) {
			t.Errorf("%d of %d differ; %d rows batched, %d one by one", diff, len(want), len(got), len(want))
		}
	}
	// The linker did merge: entities whose ref is another entity's row.
	var merged int
	if err := batched.pool.QueryRow(ctx, `SELECT count(*) FROM article_entities WHERE ref <> entity_id`).Scan(&merged); err != nil {
		t.Fatal(err)
	}
	if merged == 0 {
		t.Error("no entity took another's ref: the test compares nothing")
	}
	t.Logf("%d of the entities linked to another's ref", merged)
}

func key(t *testing.T, record []byte) string {
	d, err := store.Decode(record)
	if err != nil {
		t.Fatal(err)
	}
	return d.Key()
}

// pairs reads a two-column text query as a map.
func pairs(t *testing.T, s *Store, q string) map[string]string {
	t.Helper()
	rows, err := s.pool.Query(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	type kv struct{ k, v string }
	list, err := collect(rows, func(r pgx.Rows, p *kv) error { return r.Scan(&p.k, &p.v) })
	if err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(list))
	for _, p := range list {
		out[p.k] = p.v
	}
	return out
}
