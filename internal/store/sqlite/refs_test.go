package sqlite

import (
	"database/sql"
	"reflect"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// SearchDays past its sample reads every k-th hit, scales the counts and
// says they are estimated; within it the counts are exact.
func TestSearchDaysSampled(t *testing.T) {
	defer func(c, d int) { countBound, daysSample = c, d }(countBound, daysSample)
	s, _, purbaya := boundsStore(t)
	for _, tt := range []struct {
		query string
		hits  int
	}{{"banjir", 30}, {"entity:purbaya", len(purbaya)}, {"from:2025-10-17", 40}} {
		q, err := search.Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		countBound, daysSample = 1000, 2000
		exact, err := s.SearchDays(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, d := range exact {
			sum += d.Count
			if d.Estimated {
				t.Errorf("%s: %s estimated within the sample", tt.query, d.Day)
			}
		}
		if sum != tt.hits {
			t.Errorf("%s: %d hits over the days, want %d", tt.query, sum, tt.hits)
		}
		countBound, daysSample = 5, 3
		sampled, err := s.SearchDays(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		sum = 0
		for _, d := range sampled {
			sum += d.Count
			if !d.Estimated || d.Count < 2 {
				t.Errorf("%s past the sample: %+v, want an estimate of at least 2", tt.query, d)
			}
		}
		if len(sampled) == 0 || len(sampled) >= len(exact) || sum < tt.hits/3 || sum > 3*tt.hits {
			t.Errorf("%s past the sample: %d days, %d hits; exact %d days, %d hits", tt.query, len(sampled), sum, len(exact), tt.hits)
		}
	}
}

// An entity's rows newest first (newestArms) are those of one ORDER BY
// over all of them, whatever refs they have, cut at any limit; and
// migration 23, run on a store with the indexes before it, leaves the
// readers that used them (names, co-mentions, counts over dates)
// answering as on a new store, and opening it again changes nothing.
func TestEntityIndexesMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	for i := range 6 {
		put(t, s, mentionsArticle(i))
	}
	// Joko Widodo's rows in articles 2 and 5 resolved to Iriana, and one
	// of Sri Mulyani's to none: the entity has rows of three kinds of ref.
	if _, err := s.wdb.ExecContext(ctx, `
UPDATE article_entities SET ref = (SELECT entity_id FROM article_entities WHERE local_id = 'E4' LIMIT 1)
	WHERE local_id = 'E1' AND article_id IN (2, 5);
UPDATE article_entities SET ref = NULL WHERE local_id = 'E2' AND article_id = 4`); err != nil {
		t.Fatal(err)
	}
	entities := func() []int64 {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT id FROM entities ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		ids, err := collect(rows, func(r *sql.Rows, id *int64) error { return r.Scan(id) })
		if err != nil {
			t.Fatal(err)
		}
		return ids
	}()
	for _, e := range entities {
		rows, err := s.db.QueryContext(ctx, `SELECT article_id || ' ' || rowid FROM article_entities NOT INDEXED
			WHERE entity_id = ? ORDER BY article_id DESC, rowid DESC`, e)
		if err != nil {
			t.Fatal(err)
		}
		want, err := collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) })
		if err != nil {
			t.Fatal(err)
		}
		for limit := 1; limit <= len(want)+1; limit++ {
			q, args, err := s.newestArms(ctx, e, `''`)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.db.QueryContext(ctx, `SELECT article_id || ' ' || rowid FROM (`+q+`)`, append(args, limit)...)
			if err != nil {
				t.Fatal(err)
			}
			got, err := collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) })
			if err != nil {
				t.Fatal(err)
			}
			if w := want[:min(limit, len(want))]; !slices.Equal(got, w) {
				t.Errorf("entity %d, limit %d: rows %q, want %q", e, limit, got, w)
			}
		}
	}

	type answers struct {
		Names    [][]string
		Co       [][]store.EntityCount
		Top      []store.EntityCount
		Trending []store.Trend
	}
	read := func() answers {
		t.Helper()
		var a answers
		for _, e := range entities {
			ent, err := s.Entity(ctx, e)
			if err != nil {
				t.Fatal(err)
			}
			co, err := s.CoMentioned(ctx, e, 10)
			if err != nil {
				t.Fatal(err)
			}
			a.Names, a.Co = append(a.Names, ent.Names), append(a.Co, co)
		}
		var err error
		if a.Top, err = s.TopEntities(ctx, store.TopFilter{From: "2025-10-02", To: "2025-10-05"}); err != nil {
			t.Fatal(err)
		}
		if a.Trending, err = s.Trending(ctx, store.TrendFilter{Day: "2025-10-06", Min: 1}); err != nil {
			t.Fatal(err)
		}
		return a
	}
	want := read()
	if len(want.Top) == 0 || want.Top[0].Count != 8 || len(want.Trending) == 0 || len(want.Co[0]) == 0 {
		t.Fatalf("answers %+v: want Joko Widodo's 8 rows in the range, a trend and co-mentions", want)
	}

	// Back to migration 22's indexes.
	if _, err := s.wdb.ExecContext(ctx, `
DROP INDEX `+entityRefIndex+`;
CREATE INDEX article_entities_day ON article_entities (day);
CREATE INDEX article_entities_entity_article ON article_entities (entity_id, article_id);
CREATE INDEX article_entities_entity_ref ON article_entities (entity_id, ref);
PRAGMA user_version = 22`); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		s.Close()
		s = open(t, dir, search.Indonesian())
		rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'article_entities' ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		indexes, err := collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) })
		if err != nil {
			t.Fatal(err)
		}
		if wantIndexes := []string{"article_entities_entity", entityRefIndex, "article_entities_ref_day", "article_entities_ref_entity",
			"sqlite_autoindex_article_entities_1"}; !slices.Equal(indexes, wantIndexes) {
			t.Errorf("run %d: indexes %q, want %q", run, indexes, wantIndexes)
		}
		if got := read(); !reflect.DeepEqual(got, want) {
			t.Errorf("run %d: after the migration\n%+v\nwant\n%+v", run, got, want)
		}
		if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 22`); err != nil {
			t.Fatal(err)
		}
	}
}
