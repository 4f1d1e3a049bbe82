package sqlite

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

func TestRecordsCompressed(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	a := storetest.Article{URL: "https://contoh.test/banjir", Title: "Banjir Rendam Kota Lama",
		Body: "Banjir merendam ratusan rumah di Kota Lama pada Senin. Warga mengungsi ke masjid."}
	rec := storetest.Record(t, a)
	res := put(t, s, a)

	var stored []byte
	if err := s.db.QueryRowContext(ctx, `SELECT record FROM versions WHERE article_id = ?`, res.ID).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(stored, zstdMagic) {
		t.Fatalf("record stored as %q..., not compressed", stored[:min(20, len(stored))])
	}
	var want bytes.Buffer
	json.Compact(&want, rec)
	if len(stored) >= want.Len() {
		t.Errorf("stored %d bytes for a %d-byte record", len(stored), want.Len())
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Record, want.Bytes()) {
		t.Fatalf("record read back differs:\n%s\nwant\n%s", got.Record, want.Bytes())
	}
	if hits := storetest.Find(t, s, "mengungsi").Hits; len(hits) != 1 || hits[0].Snippet == "" {
		t.Fatalf("search over the compressed record: %+v", hits)
	}
}

// A store written before records were compressed holds them as JSON text:
// they read, search and take a new version as before.
func TestRecordsStoredAsText(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	a := storetest.Article{URL: "https://contoh.test/pasar", Title: "Harga Cabai Naik",
		Body: "Harga cabai rawit di Pasar Minggu naik menjadi Rp 80.000 per kilogram."}
	res := put(t, s, a)
	if _, err := s.wdb.ExecContext(ctx, `UPDATE versions SET record = CAST(record_json(record) AS TEXT)`); err != nil {
		t.Fatal(err)
	}
	var kind string
	if err := s.db.QueryRowContext(ctx, `SELECT typeof(record) FROM versions`).Scan(&kind); err != nil || kind != "text" {
		t.Fatalf("record is %s (%v), want text", kind, err)
	}
	got, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	var rec struct{ Title string }
	if err := json.Unmarshal(got.Record, &rec); err != nil || rec.Title != a.Title {
		t.Fatalf("old record read as %q (%v)", got.Record, err)
	}
	if n := len(storetest.Find(t, s, "cabai").Hits); n != 1 {
		t.Fatalf("%d hits for an old record", n)
	}
	// The new version takes the old text out of the index through the view.
	a.Body = "Harga bawang merah di Pasar Minggu turun."
	if r := put(t, s, a); r.Version != 2 {
		t.Fatalf("new version %+v", r)
	}
	if n := len(storetest.Find(t, s, "rawit").Hits); n != 0 {
		t.Fatalf("the old version's words still found (%d hits)", n)
	}
	if n := len(storetest.Find(t, s, "bawang").Hits); n != 1 {
		t.Fatalf("%d hits for the new version", n)
	}
	if err := s.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRecordJSONErrors(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	broken := append(append([]byte{}, zstdMagic...), "not a frame"...)
	var out string
	if err := s.db.QueryRowContext(ctx, `SELECT record_json(?)`, broken).Scan(&out); err == nil {
		t.Fatalf("a broken frame read as %q", out)
	}
}

func FuzzRecordJSON(f *testing.F) {
	f.Add([]byte(`{"title":"Banjir"}`))
	c, _ := compressRecord([]byte(`{"title":"Banjir","text":"Banjir merendam rumah."}`))
	f.Add(c)
	f.Add(zstdMagic)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := compressRecord(data)
		if err != nil {
			t.Fatal(err)
		}
		back, err := recordJSON(c)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("round trip: %v", err)
		}
		recordJSON(data) // any stored bytes: an error at worst
	})
}
