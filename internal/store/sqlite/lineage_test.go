package sqlite

import (
	"database/sql"
	"fmt"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
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
INSERT INTO fn17 SELECT name, day, article_id FROM fingerprint_names;
DROP TABLE fingerprint_names;
ALTER TABLE fn17 RENAME TO fingerprint_names;
CREATE INDEX fingerprint_names_article ON fingerprint_names (article_id);
DROP TABLE fingerprint_keys;
PRAGMA user_version = 17;
`

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
