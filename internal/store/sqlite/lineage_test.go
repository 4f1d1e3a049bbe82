package sqlite

import (
	"database/sql"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

// fingerprintsDown takes a store back to the fingerprint tables of
// migration 17: postings with foreign keys and article indexes, no key
// lists.
const fingerprintsDown = `
CREATE TABLE fb17 (
	band       INTEGER NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
INSERT INTO fb17 SELECT band, article_id FROM fingerprint_bands;
DROP TABLE fingerprint_bands;
ALTER TABLE fb17 RENAME TO fingerprint_bands;
CREATE INDEX fingerprint_bands_article ON fingerprint_bands (article_id);
CREATE TABLE fn17 (
	name       TEXT NOT NULL,
	day        TEXT NOT NULL,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (name, day, article_id)
) WITHOUT ROWID;
INSERT INTO fn17 SELECT name, ` + namesDayText + `, article_id FROM fingerprint_names;
DROP TABLE fingerprint_names;
ALTER TABLE fn17 RENAME TO fingerprint_names;
CREATE INDEX fingerprint_names_article ON fingerprint_names (article_id);
DROP TABLE fingerprint_keys;
PRAGMA user_version = 17;
`

// namesDayText is fingerprint_names' day as the text it was before
// migration 24.
const namesDayText = `CASE day WHEN ` + "-2147483648" + ` THEN '' ELSE date(day * 86400, 'unixepoch') END`

// A store fingerprinted before migration 18 gets each article's key list
// from its postings, the same as stored anew; the postings keep every
// row, lose their foreign keys and article indexes, and a new version or
// a deletion takes an article's postings out by the list. Running the
// migration again changes nothing.
func TestFingerprintKeysMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	var ids []int64
	for i := range 4 {
		res := put(t, s, storetest.Article{Title: fmt.Sprintf("Artikel %d", i), Body: "Isi berita yang pendek.", URL: fmt.Sprintf("https://contoh.example/%d", i)})
		ids = append(ids, res.ID)
		// Negative band keys too: they are 64-bit hashes.
		bands := []int64{int64(i), -1 - int64(i), 1 << 40, int64(i) * 7}
		names := []string{"lavrov", fmt.Sprintf("nama %d", i), "blinken"}
		if err := s.PutFingerprint(ctx, res.ID, bands, names, "2025-10-1"+fmt.Sprint(i), []byte("fields")); err != nil {
			t.Fatal(err)
		}
	}
	type snapshot struct{ keys, bands, names, counts []string }
	take := func() snapshot {
		t.Helper()
		var sn snapshot
		for _, q := range []struct {
			dst   *[]string
			query string
		}{
			{&sn.keys, `SELECT article_id || ' ' || hex(bands) || ' ' || names || ' ' || day FROM fingerprint_keys ORDER BY article_id`},
			{&sn.bands, `SELECT band || ' ' || article_id FROM fingerprint_bands ORDER BY 1`},
			{&sn.names, `SELECT name || ' ' || day || ' ' || article_id FROM fingerprint_names ORDER BY 1`},
			{&sn.counts, `SELECT name || ' ' || articles FROM fingerprint_name_counts ORDER BY 1`},
		} {
			rows, err := s.db.QueryContext(ctx, q.query)
			if err != nil {
				t.Fatal(err)
			}
			if *q.dst, err = collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) }); err != nil {
				t.Fatal(err)
			}
		}
		return sn
	}
	want := take()
	if len(want.keys) != 4 || len(want.bands) != 15 || len(want.names) != 12 {
		t.Fatalf("stored %d key lists, %d bands, %d names", len(want.keys), len(want.bands), len(want.names))
	}
	if _, err := s.wdb.ExecContext(ctx, fingerprintsDown); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	got := take()
	if !slices.Equal(got.keys, want.keys) || !slices.Equal(got.bands, want.bands) || !slices.Equal(got.names, want.names) || !slices.Equal(got.counts, want.counts) {
		t.Fatalf("after the migration:\n%q\nwant\n%q", got, want)
	}
	for _, table := range []string{"fingerprint_bands", "fingerprint_names"} {
		var fks, indexes int
		if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM pragma_foreign_key_list(?1)), (SELECT count(*) FROM pragma_index_list(?1))`, table).Scan(&fks, &indexes); err != nil {
			t.Fatal(err)
		}
		if fks != 0 || indexes != 1 {
			t.Errorf("%s: %d foreign keys, %d indexes; want none and its primary key", table, fks, indexes)
		}
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrateFingerprintKeys(ctx, tx); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if again := take(); !slices.Equal(again.keys, want.keys) || !slices.Equal(again.bands, want.bands) || !slices.Equal(again.names, want.names) {
		t.Fatalf("after running it again:\n%q\nwant\n%q", again, want)
	}

	// A new fingerprint replaces the old keys; a deletion takes them out.
	if err := s.PutFingerprint(ctx, ids[1], []int64{99}, []string{"putin"}, "2025-11-01", []byte("fields")); err != nil {
		t.Fatal(err)
	}
	if err := s.Delete(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		query string
		want  int
	}{
		{`SELECT count(*) FROM fingerprint_bands WHERE article_id = ` + fmt.Sprint(ids[1]), 1},
		{`SELECT count(*) FROM fingerprint_names WHERE article_id = ` + fmt.Sprint(ids[1]), 1},
		{`SELECT count(*) FROM fingerprint_bands WHERE article_id = ` + fmt.Sprint(ids[2]), 0},
		{`SELECT count(*) FROM fingerprint_names WHERE article_id = ` + fmt.Sprint(ids[2]), 0},
		{`SELECT count(*) FROM fingerprint_keys`, 3},
		{`SELECT articles FROM fingerprint_name_counts WHERE name = 'lavrov'`, 2},
		{`SELECT count(*) FROM fingerprint_name_counts WHERE name = 'nama 2'`, 0},
	} {
		var n int
		if err := s.db.QueryRowContext(ctx, c.query).Scan(&n); err != nil || n != c.want {
			t.Errorf("%s = %d (%v), want %d", c.query, n, err, c.want)
		}
	}
	if got, err := s.BandCandidates(ctx, ids[0], []int64{1 << 40}, 10, 10); err != nil || !slices.Equal(got, []int64{ids[3]}) {
		t.Errorf("band candidates %v (%v), want the other article left with the band, %d", got, err, ids[3])
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// Migration 24 numbers fingerprint_names' days: a store taken back to
// text days finds the same candidates once migrated, unknown days
// included where the window is open and left out where it is not, and
// opening it again changes nothing.
func TestNameDaysMigration(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	var ids []int64
	for i, day := range []string{"2025-10-01", "2025-10-05", "", "1969-12-30", "2025-10-20"} {
		res := put(t, s, storetest.Article{Title: fmt.Sprintf("Artikel %d", i), Body: "Isi berita yang pendek.", URL: fmt.Sprintf("https://contoh.example/%d", i)})
		ids = append(ids, res.ID)
		if err := s.PutFingerprint(ctx, res.ID, []int64{int64(i)}, []string{"lavrov", "blinken"}, day, []byte("fields")); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.PutFingerprint(ctx, ids[0], nil, []string{"lavrov"}, "10/01/2025", nil); !errors.Is(err, store.ErrInvalidRecord) {
		t.Errorf("a day not YYYY-MM-DD: %v, want ErrInvalidRecord", err)
	}
	read := func() (names []string, found [][]int64) {
		t.Helper()
		rows, err := s.db.QueryContext(ctx, `SELECT name || ' ' || `+namesDayText+` || ' ' || article_id FROM fingerprint_names ORDER BY 1`)
		if err != nil {
			t.Fatal(err)
		}
		if names, err = collect(rows, func(r *sql.Rows, v *string) error { return r.Scan(v) }); err != nil {
			t.Fatal(err)
		}
		for _, w := range [][2]string{{"", ""}, {"2025-10-01", "2025-10-05"}, {"2025-10-02", ""}, {"", "2025-10-04"}, {"1969-01-01", "1970-01-01"}} {
			c, err := s.NameCandidates(ctx, ids[4], []string{"lavrov", "blinken"}, w[0], w[1], 10, 2, 10)
			if err != nil {
				t.Fatal(err)
			}
			found = append(found, c)
		}
		return names, found
	}
	// Bands and no names.
	res := put(t, s, storetest.Article{Title: "Artikel 5", Body: "Isi berita yang pendek.", URL: "https://contoh.example/5"})
	if err := s.PutFingerprint(ctx, res.ID, []int64{5}, nil, "2025-10-05", []byte("fields")); err != nil {
		t.Fatal(err)
	}
	names, found := read()
	want := [][]int64{{ids[3], ids[2], ids[1], ids[0]}, {ids[1], ids[0]}, {ids[1]}, {ids[3], ids[2], ids[0]}, {ids[3]}}
	if len(names) != 10 || !reflect.DeepEqual(found, want) {
		t.Fatalf("names %q, candidates %v; want 10 names and %v", names, found, want)
	}
	if _, err := s.NameCandidates(ctx, ids[4], []string{"lavrov"}, "kemarin", "", 10, 1, 10); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("a window from kemarin: %v, want ErrBadFilter", err)
	}
	// Back to migration 23: text days.
	if _, err := s.wdb.ExecContext(ctx, `
CREATE TABLE fn23 (name TEXT NOT NULL, day TEXT NOT NULL, article_id INTEGER NOT NULL, PRIMARY KEY (name, day, article_id)) WITHOUT ROWID;
INSERT INTO fn23 SELECT name, `+namesDayText+`, article_id FROM fingerprint_names;
DROP TABLE fingerprint_names;
ALTER TABLE fn23 RENAME TO fingerprint_names;
UPDATE fingerprint_keys SET day = CASE day WHEN '-2147483648' THEN '' ELSE date(day * 86400, 'unixepoch') END;
PRAGMA user_version = 23`); err != nil {
		t.Fatal(err)
	}
	for run := range 2 {
		s.Close()
		s = open(t, dir, search.Indonesian())
		gotNames, gotFound := read()
		if !slices.Equal(gotNames, names) || !reflect.DeepEqual(gotFound, found) {
			t.Errorf("run %d: after the migration names %q, candidates %v\nwant %q, %v", run, gotNames, gotFound, names, found)
		}
		var typ string
		if err := s.db.QueryRowContext(ctx, `SELECT typeof(day) FROM fingerprint_names LIMIT 1`).Scan(&typ); err != nil || typ != "integer" {
			t.Errorf("run %d: day is %s (%v), want integer", run, typ, err)
		}
		if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 23`); err != nil {
			t.Fatal(err)
		}
	}
	// The migrated key lists take the old postings out: of the unknown
	// day's article, and of one with bands and no names.
	for _, id := range []int64{ids[2], res.ID} {
		if err := s.PutFingerprint(ctx, id, []int64{8}, []string{"putin"}, "2025-11-01", []byte("fields")); err != nil {
			t.Fatal(err)
		}
	}
	names, _ = read()
	for _, id := range []int64{ids[2], res.ID} {
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM fingerprint_names WHERE article_id = ?1) + (SELECT count(*) FROM fingerprint_bands WHERE article_id = ?1)`, id).Scan(&n); err != nil || n != 2 {
			t.Errorf("article %d: %d postings (%v), want its new name and band; names %q", id, n, err, names)
		}
	}
}
