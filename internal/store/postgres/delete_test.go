package postgres

import (
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

// Deleting an article leaves none of its rows in any table that has an
// article_id, the annotation tables included, which since migration 17
// are cleared by the trigger on articles instead of by foreign keys; the
// other article keeps all of its rows.
func TestDeleteLeavesNoRows(t *testing.T) {
	s := open(t, pgtest.URL(t), search.Indonesian())
	var ids []int64
	for _, a := range []storetest.Article{
		{Title: "Polisi Tangkap Pengedar Sabu di Medan", URL: "https://contoh.example/sabu-medan", Published: "2025-10-21",
			Body: "Polda Sumatera Utara menangkap dua pengedar sabu di Medan pada Selasa malam.\n\n" +
				"\"Kami menyita 2 kilogram sabu dari rumah tersangka,\" kata Kapolda Sumatera Utara Irjen Budi Santoso kepada wartawan.\n\n" +
				"Presiden Joko Widodo meminta polisi menindak tegas jaringan narkoba di Indonesia."},
		{Title: "Gubernur Resmikan Jembatan Baru di Surabaya", URL: "https://contoh.example/jembatan-surabaya", Published: "2025-10-22",
			Body: "Gubernur Jawa Timur Khofifah Indar Parawansa meresmikan jembatan baru di Surabaya pada Rabu.\n\n" +
				"\"Jembatan ini memangkas waktu tempuh warga hingga 30 menit,\" kata Khofifah di Surabaya."},
	} {
		res, err := s.Put(ctx, storetest.Record(t, a))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.PutFingerprint(ctx, res.ID, []int64{int64(len(ids)) + 7, 99}, []string{"surabaya", "medan"}, "2025-10-21", []byte(`{}`)); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, res.ID)
	}
	var tables []string
	rows, err := s.pool.Query(ctx, `SELECT table_name FROM information_schema.columns
		WHERE table_schema = current_schema() AND column_name = 'article_id' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	if tables, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
		t.Fatal(err)
	}
	count := func(table string, id int64) int {
		t.Helper()
		var n int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM `+pgx.Identifier{table}.Sanitize()+` WHERE article_id = $1`, id).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := map[string]int{}
	for _, table := range tables {
		before[table] = count(table, ids[1])
	}
	// The tables whose foreign keys migration 17 dropped must hold rows of
	// the article, or the test would not see the trigger at work.
	for _, table := range []string{"mentions", "article_entities", "quotes", "events", "entity_tones", "article_topics", "fingerprint_bands", "fingerprint_names"} {
		if count(table, ids[0]) == 0 {
			t.Errorf("%s holds no row of the article to delete", table)
		}
	}
	if err := s.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	for _, table := range tables {
		if n := count(table, ids[0]); n != 0 {
			t.Errorf("%s: %d rows of the deleted article", table, n)
		}
		if n := count(table, ids[1]); n != before[table] {
			t.Errorf("%s: %d rows of the other article, %d before", table, n, before[table])
		}
	}
	// PutFingerprint outside a batch, for the article deleted: the key on
	// fingerprinted fails it, and no band or name key of it is left
	// (migration 17 dropped theirs).
	if err := s.PutFingerprint(ctx, ids[0], []int64{7}, []string{"medan"}, "2025-10-21", []byte(`{}`)); err == nil {
		t.Error("PutFingerprint of a deleted article succeeded")
	}
	for _, table := range []string{"fingerprint_bands", "fingerprint_names"} {
		if n := count(table, ids[0]); n != 0 {
			t.Errorf("%s: %d rows of the deleted article after PutFingerprint", table, n)
		}
	}
}
