package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/storetest"
)

var ctx = context.Background()

func open(t *testing.T, dir string, a *search.Analyzer) *Store {
	t.Helper()
	s, err := Open(ctx, dir, Options{Analyzer: a, Linker: linker(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestSuite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := Open(ctx, t.TempDir(), Options{Analyzer: search.Indonesian(), Linker: linker(t)})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

func TestIdentitySuite(t *testing.T) {
	storetest.RunIdentity(t, func(t *testing.T) storetest.Identifying {
		return open(t, t.TempDir(), search.Indonesian())
	})
}

// linker is the resolver a store runs with (internal/identity).
func linker(t testing.TB) store.Linker {
	t.Helper()
	l, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func put(t *testing.T, s store.Store, a storetest.Article) store.PutResult {
	t.Helper()
	res, err := s.Put(ctx, storetest.Record(t, a))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

var (
	pertemuan = storetest.Article{
		Title: "Kepala Daerah Hadiri Rapat Koordinasi",
		Body:  "Pertemuan para kepala daerah dengan gubernur berlangsung tertutup di gedung DPRD.",
		URL:   "https://contoh.example/pertemuan",
	}
	bangun = storetest.Article{
		Title: "Warga Gotong Royong Perbaiki Jembatan",
		Body:  "Warga desa membangun kembali jembatan bambu yang hanyut terbawa arus sungai.",
		URL:   "https://contoh.example/jembatan",
	}
)

// The stemmer runs inside the index: a word finds the other forms of its
// root, and the snippet marks the form the article prints.
func TestStemmedSearch(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	put(t, s, pertemuan)
	put(t, s, bangun)
	tests := []struct{ query, title, mark string }{
		{"bertemu", pertemuan.Title, "<mark>Pertemuan</mark>"},
		{"pembangunan", bangun.Title, "<mark>membangun</mark>"},
		{"dibangun jembatan", bangun.Title, "<mark>membangun</mark>"},
	}
	for _, tt := range tests {
		res := storetest.Find(t, s, tt.query)
		if len(res.Hits) != 1 || res.Hits[0].Title != tt.title || !strings.Contains(res.Hits[0].Snippet, tt.mark) {
			t.Errorf("%q: %+v, want %q with %s", tt.query, res.Hits, tt.title, tt.mark)
		}
	}
}

// A data directory indexed with another analyzer is re-indexed on open.
func TestRebuildForNewAnalyzer(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.NewAnalyzer(nil))
	put(t, s, pertemuan)
	if res := storetest.Find(t, s, "bertemu"); len(res.Hits) != 0 {
		t.Fatalf("found without a stemmer: %+v", res.Hits)
	}
	s.Close()
	s = open(t, dir, search.Indonesian())
	if res := storetest.Find(t, s, "bertemu"); len(res.Hits) != 1 {
		t.Errorf("not re-indexed with the stemmer: %+v", res.Hits)
	}
}

// Opening a directory again keeps what it holds and migrates nothing twice.
func TestReopen(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	first := put(t, s, pertemuan)
	s.Close()
	s = open(t, dir, search.Indonesian())
	if res := put(t, s, pertemuan); res.Status != store.Unchanged || res.ID != first.ID {
		t.Errorf("after reopening: %+v", res)
	}
	var version int
	if err := s.db.QueryRow(`PRAGMA user_version`).Scan(&version); err != nil || version != len(migrations) {
		t.Errorf("user_version %d (%v), want %d", version, err, len(migrations))
	}
	var mode string
	if err := s.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode %q (%v), want wal", mode, err)
	}
}

func TestNewerSchemaRefused(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	if _, err := s.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations)+1)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := Open(ctx, dir, Options{Analyzer: search.Indonesian()}); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("Open of a newer schema: %v", err)
	}
}

// Two stores on one directory are two processes (warta ingest writing
// while warta serve reads and writes): each sees the other's articles at
// once, and concurrent writers wait for each other instead of failing.
func TestTwoProcesses(t *testing.T) {
	dir := t.TempDir()
	server, ingest := open(t, dir, search.Indonesian()), open(t, dir, search.Indonesian())
	put(t, ingest, pertemuan)
	if res := storetest.Find(t, server, "bertemu"); len(res.Hits) != 1 {
		t.Fatalf("the reader does not see the writer's article: %+v", res.Hits)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for w, s := range []store.Store{server, ingest} {
		wg.Go(func() {
			for i := range 20 {
				a := storetest.Article{Title: fmt.Sprintf("Kabar Dari Proses %d Nomor %d", w, i),
					Body: fmt.Sprintf("Isi kabar %d dari proses %d.", i, w), URL: fmt.Sprintf("https://contoh.example/%d/%d", w, i)}
				if _, err := s.Put(ctx, storetest.Record(t, a)); err != nil {
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	for _, s := range []store.Store{server, ingest} {
		if st, _ := s.Stats(ctx); st.Articles != 41 {
			t.Errorf("%d articles, want 41", st.Articles)
		}
	}
}

func TestOpenNeedsAnalyzer(t *testing.T) {
	if _, err := Open(ctx, t.TempDir(), Options{}); err == nil {
		t.Error("Open without an analyzer succeeded")
	}
	if _, err := Open(ctx, filepath.Join("/dev/null", "x"), Options{Analyzer: search.Indonesian()}); err == nil {
		t.Error("Open of an impossible directory succeeded")
	}
}

func TestCanceled(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	c, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Put(c, storetest.Record(t, pertemuan)); !errors.Is(err, context.Canceled) {
		t.Errorf("Put with a canceled context: %v", err)
	}
	var n int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil || n != 0 {
		t.Errorf("%d articles (%v)", n, err)
	}
}

// The index holds exactly what the view indexed_text gives, including for
// titles with characters of several bytes and for a record without a
// title, so that replacing a version deletes the right terms.
func TestIndexIntegrity(t *testing.T) {
	s := open(t, t.TempDir(), search.Indonesian())
	for i, title := range []string{"Kafe “Kopi” di Bandung — Ramai Pengunjung", "Café Baru Dibuka", "Judul Biasa"} {
		a := storetest.Article{Title: title, Body: "Pengunjung kafe memadati jalan.", URL: fmt.Sprintf("https://contoh.example/kafe/%d", i)}
		put(t, s, a)
		a.Body += " Antrean mengular sampai malam."
		if res := put(t, s, a); res.Status != store.NewVersion {
			t.Fatalf("%q: %+v", title, res)
		}
	}
	for _, text := range []string{"Isi tanpa judul soal gempa.", "Isi tanpa judul soal banjir bandang."} {
		rec := fmt.Sprintf(`{"id": "%x", "title": "", "text": %q, "source": {"url": "https://contoh.example/tanpa-judul"}}`, len(text), text)
		if _, err := s.Put(ctx, []byte(rec)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.db.Exec(`INSERT INTO search_index (search_index, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("integrity-check: %v", err)
	}
	if res := storetest.Find(t, s, "antrean"); res.Total != 3 {
		t.Errorf("%d hits for a word of the new versions, want 3", res.Total)
	}
	if res := storetest.Find(t, s, "banjir"); res.Total != 1 {
		t.Errorf("the untitled article's new version: %d hits", res.Total)
	}
	if res := storetest.Find(t, s, "gempa"); res.Total != 0 {
		t.Errorf("the untitled article's old version is still indexed: %d hits", res.Total)
	}
}

func TestInsightsAndAlerts(t *testing.T) {
	open := func(t *testing.T) *Store {
		s, err := Open(ctx, t.TempDir(), Options{Analyzer: search.Indonesian()})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	storetest.RunInsights(t, func(t *testing.T) storetest.Insight { return open(t) })
	storetest.RunAlerts(t, func(t *testing.T) storetest.Alerting { return open(t) })
	storetest.RunLineage(t, func(t *testing.T) storetest.LineageStore { return open(t) })
	storetest.RunTopics(t, func(t *testing.T) storetest.Topical { return open(t) })
}

func TestSourcesSuite(t *testing.T) {
	storetest.RunSources(t, func(t *testing.T) store.Sources { return open(t, t.TempDir(), search.Indonesian()) })
}

// A committed batch is copied into the database file by the checkpointer,
// not by the writer: the writer's own checkpoint waits for far more WAL
// pages than a few articles write, so without the checkpointer the file
// stays as the migrations left it, all in the WAL.
func TestBatchCheckpointed(t *testing.T) {
	dir := t.TempDir()
	s := open(t, dir, search.Indonesian())
	size := func() int64 {
		fi, err := os.Stat(filepath.Join(dir, FileName))
		if err != nil {
			t.Fatal(err)
		}
		return fi.Size()
	}
	before := size()
	if _, err := s.PutBatch(ctx, [][]byte{storetest.Record(t, pertemuan), storetest.Record(t, bangun)}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(10 * time.Second); size() <= before; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("database file still %d bytes 10 s after the commit: nothing checkpointed", before)
		}
	}
}
