package sqlite

import (
	"fmt"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Migration 22 keys the input log by a hash of the key: a store whose log
// holds the keys' text answers the same for each key once migrated, twice
// over, and its log still goes with a deleted article. Pages of 2 rows
// make the 3 inputs cross a page's end.
func TestInputKeysMigration(t *testing.T) {
	defer func(n int) { inputKeysPage = n }(inputKeysPage)
	inputKeysPage = 2
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	var keys []string
	var results []store.PutResult
	for i := range 3 {
		res := put(t, s, mentionsArticle(i))
		keys = append(keys, fmt.Sprintf("https://contoh.example/pasar-%d %064x", i, i))
		results = append(results, res)
	}
	if err := s.LogInputs(ctx, keys, results); err != nil {
		t.Fatal(err)
	}
	// Back to migration 21: the keys as text.
	if _, err := s.wdb.ExecContext(ctx, `DROP TABLE inputs;
CREATE TABLE inputs (
	key        TEXT PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX inputs_article ON inputs (article_id);
PRAGMA user_version = 21;`); err != nil {
		t.Fatal(err)
	}
	for i, key := range keys {
		if _, err := s.wdb.ExecContext(ctx, `INSERT INTO inputs VALUES (?, ?, ?)`, key, results[i].ID, results[i].Version); err != nil {
			t.Fatal(err)
		}
	}
	for run := range 2 {
		s.Close()
		s = open(t, dir, search.Indonesian())
		for i, key := range keys {
			got, ok, err := s.InputStored(ctx, key)
			if err != nil || !ok || got.ID != results[i].ID || got.Version != results[i].Version {
				t.Errorf("run %d: %s: %+v %v %v, want article %d version %d", run, key, got, ok, err, results[i].ID, results[i].Version)
			}
		}
		if _, ok, err := s.InputStored(ctx, "https://contoh.example/lain "+fmt.Sprintf("%064x", 9)); ok || err != nil {
			t.Errorf("run %d: an input never logged is stored (%v)", run, err)
		}
		var n int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM inputs WHERE length(key) = ?`, inputKeyBytes).Scan(&n); err != nil || n != len(keys) {
			t.Errorf("run %d: %d keys of %d bytes (%v), want %d", run, n, inputKeyBytes, err, len(keys))
		}
		if _, err := s.wdb.ExecContext(ctx, `PRAGMA user_version = 21`); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Delete(ctx, results[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.InputStored(ctx, keys[0]); ok || err != nil {
		t.Errorf("the input of a deleted article is still logged (%v)", err)
	}
}
