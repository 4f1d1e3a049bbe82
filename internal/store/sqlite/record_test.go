package sqlite

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

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
	c, err := newRecordCodec()
	if err != nil {
		f.Fatal(err)
	}
	f.Add([]byte(`{"title":"Banjir"}`))
	f.Add(c.compress([]byte(`{"title":"Banjir","text":"Banjir merendam rumah."}`)))
	f.Add(zstdMagic)
	f.Fuzz(func(t *testing.T, data []byte) {
		back, err := c.decompress(c.compress(data), nil)
		if err != nil || !bytes.Equal(back, data) {
			t.Fatalf("round trip: %v", err)
		}
		c.decompress(data, nil) // any stored bytes: an error at worst
	})
}

// Once a store holds dictSamples records, those after are compressed with
// a dictionary trained from them, kept in the store: every record reads
// back as stored, before and after, in this process, in one that opened
// the store before the dictionary was trained, and after a reopen.
func TestRecordDictionary(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	other := open(t, dir, search.Indonesian()) // opened before the dictionary
	var recs [][]byte
	for i := range dictSamples + 8 {
		recs = append(recs, storetest.Record(t, storetest.Article{
			URL:   fmt.Sprintf("https://contoh.test/berita-%d", i),
			Title: fmt.Sprintf("Banjir Rendam %d Rumah di Kota Lama", i+10),
			Body: fmt.Sprintf("Banjir merendam %d rumah di Kota Lama pada Senin. Warga mengungsi ke masjid dan sekolah. "+
				"Kepala BPBD Budi Santoso mengatakan air mulai surut pada pukul %d.00 WIB.", i+10, i%24),
		}))
	}
	first, err := s.PutBatch(ctx, recs[:dictSamples])
	if err != nil {
		t.Fatal(err)
	}
	if s.codec.hasDict() {
		t.Fatal("a dictionary before the store held its samples")
	}
	later, err := s.PutBatch(ctx, recs[dictSamples:])
	if err != nil {
		t.Fatal(err)
	}
	if !s.codec.hasDict() {
		t.Fatal("no dictionary trained")
	}
	dictID := func(id int64) uint32 {
		t.Helper()
		var stored []byte
		if err := s.db.QueryRowContext(ctx, `SELECT v.record FROM articles a JOIN versions v ON v.id = a.current WHERE a.id = ?`, id).Scan(&stored); err != nil {
			t.Fatal(err)
		}
		var h zstd.Header
		if err := h.Decode(stored); err != nil {
			t.Fatal(err)
		}
		return h.DictionaryID
	}
	if id := dictID(first[0].ID); id != 0 {
		t.Errorf("a record stored before the dictionary names dictionary %d", id)
	}
	if id := dictID(later[0].ID); id == 0 {
		t.Error("a record stored after the dictionary names none")
	}
	results := append(first, later...)
	reopened := open(t, dir, search.Indonesian())
	for _, st := range []*Store{s, other, reopened} {
		for i, res := range results {
			got, err := st.Article(ctx, res.ID)
			if err != nil {
				t.Fatal(err)
			}
			var want bytes.Buffer
			json.Compact(&want, recs[i])
			if !bytes.Equal(got.Record, want.Bytes()) {
				t.Fatalf("record %d read back differs", i)
			}
		}
	}
	// The index reads the text through the view: a new version of a
	// record compressed with the dictionary takes its words out.
	if n := storetest.Find(t, other, "mengungsi").Total; n != len(recs) {
		t.Errorf("%d hits, want %d", n, len(recs))
	}
	if r := put(t, s, storetest.Article{URL: "https://contoh.test/berita-70", Title: "Jembatan Putus",
		Body: "Jembatan gantung di Kota Lama putus diterjang arus."}); r.Version != 2 {
		t.Fatalf("new version %+v", r)
	}
	if n := storetest.Find(t, other, "mengungsi").Total; n != len(recs)-1 {
		t.Errorf("%d hits after a new version, want %d", n, len(recs)-1)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM record_dicts`).Scan(&n); err != nil || n != 1 {
		t.Errorf("%d dictionaries stored (%v), want 1", n, err)
	}
	if err := other.Check(ctx); err != nil {
		t.Fatal(err)
	}
}

// TestDecompressTo reads records in turn into one buffer: each comes out
// whole, in the buffer's memory once it is large enough, and JSON text
// stored as it is comes back as it is.
func TestDecompressTo(t *testing.T) {
	c, err := newRecordCodec()
	if err != nil {
		t.Fatal(err)
	}
	long := `{"title":"Pasar Ikan","text":"` + strings.Repeat("Nelayan menjual ikan segar di pasar pagi. ", 40) + `"}`
	var buf []byte
	for i, record := range []string{long, `{"title":"Banjir","text":"Banjir merendam rumah warga."}`, long} {
		out, err := c.decompressTo(buf, c.compress([]byte(record)), nil)
		if err != nil {
			t.Fatal(err)
		}
		if string(out) != record {
			t.Fatalf("record %d: got %q", i, out)
		}
		if i > 0 && &out[:1][0] != &buf[:1][0] {
			t.Errorf("record %d: decoded into new memory, not the buffer of %d bytes", i, cap(buf))
		}
		buf = out
	}
	text := []byte(`{"title":"Lama","text":"Disimpan sebagai teks."}`)
	if out, err := c.decompressTo(buf, text, nil); err != nil || &out[0] != &text[0] {
		t.Errorf("JSON text: got %q, %v; want the stored bytes themselves", out, err)
	}
}
