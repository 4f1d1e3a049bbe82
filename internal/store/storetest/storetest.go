// Package storetest is the test suite every store.Store implementation
// must pass: SQLite now, PostgreSQL later, with the same tests.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// The suites, one per group of store interfaces: a store passes those of
// the features it has. Each open returns a new, empty store for each test;
// the suite closes it when it is an io.Closer.

// Articles is what the articles suite uses: writing, reading back, counts.
type Articles interface {
	store.ArticleWriter
	store.ArticleReader
	store.StatsReader
}

// Searching is what the search suite uses.
type Searching interface {
	store.ArticleWriter
	store.Searcher
	store.Optimizer
}

// Entities is what the entities suite uses: entities and their quotes.
type Entities interface {
	store.ArticleWriter
	store.EntityReader
	store.QuoteReader
	store.StatsReader
}

// Events is what the events suite uses.
type Events interface {
	store.ArticleWriter
	store.EventReader
}

// Run runs every suite.
func Run(t *testing.T, open func(t *testing.T) store.Store) {
	t.Run("Articles", func(t *testing.T) { RunArticles(t, func(t *testing.T) Articles { return open(t) }) })
	t.Run("Search", func(t *testing.T) { RunSearch(t, func(t *testing.T) Searching { return open(t) }) })
	t.Run("Entities", func(t *testing.T) { RunEntities(t, func(t *testing.T) Entities { return open(t) }) })
	t.Run("Events", func(t *testing.T) { RunEvents(t, func(t *testing.T) Events { return open(t) }) })
	// The features a store may not have yet.
	probe := open(t)
	_, deletes := probe.(store.ArticleDeleter)
	_, logs := probe.(store.InputLog)
	if err := probe.Close(); err != nil {
		t.Fatal(err)
	}
	if deletes {
		t.Run("Delete", func(t *testing.T) { RunDelete(t, func(t *testing.T) Deleting { return open(t).(Deleting) }) })
	}
	if logs {
		t.Run("InputLog", func(t *testing.T) { RunInputLog(t, func(t *testing.T) Logging { return open(t).(Logging) }) })
	}
}

// Deleting is what the delete suite uses.
type Deleting interface {
	Articles
	store.Searcher
	store.ArticleDeleter
}

// RunDelete checks ArticleDeleter.
func RunDelete(t *testing.T, open func(t *testing.T) Deleting) {
	suite(t, open, []test[Deleting]{{"Delete", testDelete}})
}

func testDelete(t *testing.T, s Deleting) {
	keep := put(t, s, narkoba)
	gone := put(t, s, banjir)
	put(t, s, changedBanjir())
	if err := s.Delete(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Article(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a deleted article: %v, want ErrNotFound", err)
	}
	if err := s.Delete(ctx, gone.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleting it again: %v, want ErrNotFound", err)
	}
	if titles := searchTitles(t, s, "perahu"); len(titles) != 0 {
		t.Errorf("the index still finds it: %v", titles)
	}
	if titles := searchTitles(t, s, "sabu"); len(titles) != 1 {
		t.Errorf("the other article: %v", titles)
	}
	if st, _ := s.Stats(ctx); st.Articles != 1 || st.Versions != 1 {
		t.Errorf("Stats = %+v, want article %d alone", st, keep.ID)
	}
	if res := put(t, s, banjir); res.Status != store.Created {
		t.Errorf("storing it again: %+v, want created", res)
	}
}

// Logging is what the input log suite uses.
type Logging interface {
	store.ArticleWriter
	store.ArticleDeleter
	store.InputLog
}

// RunInputLog checks InputLog.
func RunInputLog(t *testing.T, open func(t *testing.T) Logging) {
	suite(t, open, []test[Logging]{{"InputLog", testInputLog}})
}

func testInputLog(t *testing.T, s Logging) {
	res := put(t, s, banjir)
	if _, ok, err := s.InputStored(ctx, "k1"); ok || err != nil {
		t.Errorf("an unknown key: %v, %v", ok, err)
	}
	if err := s.LogInputs(ctx, []string{"k1"}, []store.PutResult{res}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.InputStored(ctx, "k1")
	if !ok || err != nil || got.ID != res.ID || got.Version != res.Version || got.Status != store.Unchanged {
		t.Errorf("InputStored = %+v, %v, %v; want article %d unchanged", got, ok, err, res.ID)
	}
	if err := s.Delete(ctx, res.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.InputStored(ctx, "k1"); ok {
		t.Error("the input of a deleted article is still known: a re-run would skip it")
	}
}

// RunArticles checks ArticleWriter and ArticleReader.
func RunArticles(t *testing.T, open func(t *testing.T) Articles) {
	suite(t, open, []test[Articles]{
		{"PutAndGet", testPutAndGet},
		{"SameArticleTwice", testSameArticleTwice},
		{"NewVersion", testNewVersion},
		{"PutBatch", testPutBatch},
		{"NotFound", testNotFound},
		{"InvalidRecord", testInvalidRecord},
		{"Articles", testArticles},
		{"ConcurrentPuts", testConcurrentPuts},
		{"BadFilters", testBadArticleFilters},
	})
}

// RunSearch checks Searcher (and Optimizer).
func RunSearch(t *testing.T, open func(t *testing.T) Searching) {
	suite(t, open, []test[Searching]{
		{"Search", testSearch},
		{"SearchRanking", testSearchRanking},
		{"SearchPages", testSearchPages},
		{"NewestVersion", testSearchNewestVersion},
		{"ArticlesWithTwoEntities", testArticlesWithTwoEntities},
		{"BadQuery", testBadQuery},
	})
}

// RunEntities checks EntityReader and QuoteReader.
func RunEntities(t *testing.T, open func(t *testing.T) Entities) {
	suite(t, open, []test[Entities]{
		{"Entities", testEntities},
		{"QuotesOverTime", testQuotesOverTime},
		{"AnnotationsFollowNewestVersion", testAnnotationsFollowNewestVersion},
		{"NotFound", testEntityNotFound},
		{"BadFilters", testBadQuoteFilters},
	})
}

// RunEvents checks EventReader.
func RunEvents(t *testing.T, open func(t *testing.T) Events) {
	suite(t, open, []test[Events]{
		{"EventsBetweenCountries", testEventsBetweenCountries},
		{"EventsOfAnEntity", testEventsOfAnEntity},
		{"BadFilters", testBadEventFilters},
	})
}

type test[S any] struct {
	name string
	fn   func(*testing.T, S)
}

func suite[S any](t *testing.T, open func(t *testing.T) S, tests []test[S]) {
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			if c, ok := any(s).(io.Closer); ok {
				t.Cleanup(func() {
					if err := c.Close(); err != nil {
						t.Errorf("Close: %v", err)
					}
				})
			}
			tt.fn(t, s)
		})
	}
}

// putOne stores one record through PutBatch.
func putOne(s store.ArticleWriter, record []byte) (store.PutResult, error) {
	res, err := s.PutBatch(ctx, [][]byte{record})
	if err != nil {
		return store.PutResult{}, err
	}
	return res[0], nil
}

// Article is a test article: the fields of analysis.Input, and fields that
// replace or add to the record's (entities, quotes, events, section).
type Article struct {
	Title, Body, URL, Published string
	Extra                       map[string]any
}

// Record analyses a test article with the real pipeline and returns its
// record as JSON, with a.Extra merged in.
func Record(t testing.TB, a Article) []byte {
	t.Helper()
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: a.Title, Body: a.Body, URL: a.URL, Published: a.Published})
	if err != nil {
		t.Fatalf("analyse %q: %v", a.Title, err)
	}
	data, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Extra) == 0 {
		return data
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range a.Extra {
		m[k] = v
	}
	data, err = json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func put(t *testing.T, s store.ArticleWriter, a Article) store.PutResult {
	t.Helper()
	res, err := putOne(s, Record(t, a))
	if err != nil {
		t.Fatalf("Put %q: %v", a.Title, err)
	}
	return res
}

var ctx = context.Background()

// Test articles, written for these tests.
var (
	banjir = Article{
		Title:     "Banjir Rendam Ratusan Rumah di Bekasi",
		Body:      "Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur pada Senin pagi.\n\nWarga mengungsi ke masjid dan balai warga sambil menunggu air surut.",
		URL:       "https://contoh.example/berita/banjir-bekasi",
		Published: "2025-10-20",
	}
	anggaran = Article{
		Title:     "DPR Sepakati Tambahan Subsidi Pupuk",
		Body:      "Badan Anggaran DPR menyepakati tambahan subsidi pupuk dalam rapat kerja di Senayan.\n\nMenteri Keuangan menyebut dana diambil dari sisa anggaran tahun lalu tanpa utang baru.",
		URL:       "https://berita.contoh.example/ekonomi/subsidi-pupuk",
		Published: "2025-10-21T14:30:00+07:00",
		Extra:     map[string]any{"section": "Ekonomi"},
	}
	narkoba = Article{
		Title:     "Polisi Tangkap Pengedar Sabu di Pelabuhan",
		Body:      "Polisi menangkap dua pengedar sabu di pelabuhan Tanjung Priok setelah penyelidikan selama sebulan.\n\nBarang bukti sabu seberat dua kilogram disita dari kapal kargo.",
		URL:       "https://lain.example/hukum/pengedar-sabu",
		Published: "2025-09-30",
		Extra:     map[string]any{"section": "Hukum"},
	}
)

func testPutAndGet(t *testing.T, s Articles) {
	data := Record(t, banjir)
	res, err := putOne(s, data)
	if err != nil {
		t.Fatal(err)
	}
	if res.ID <= 0 || res.Version != 1 || res.Status != store.Created {
		t.Fatalf("Put = %+v, want a new article, version 1", res)
	}
	art, err := s.Article(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, art.Record, data) {
		t.Errorf("the record is not stored whole:\n got %s\nwant %s", art.Record, data)
	}
	if art.ID != res.ID || art.URL != banjir.URL || art.Version != 1 || len(art.Versions) != 1 {
		t.Errorf("Article = %+v", art)
	}
	if v := art.Versions[0]; v.Title != banjir.Title || v.Stored == "" || v.RecordID == "" {
		t.Errorf("version = %+v", v)
	}
}

func testSameArticleTwice(t *testing.T, s Articles) {
	first := put(t, s, banjir)
	again := put(t, s, banjir)
	if again.ID != first.ID || again.Status != store.Unchanged || again.Version != 1 {
		t.Errorf("the same article again: %+v, want unchanged %+v", again, first)
	}
	// Without a URL the text is the article: the same text is the same
	// article, whether or not it was stored with a URL.
	noURL := banjir
	noURL.URL = ""
	if res := put(t, s, noURL); res.ID != first.ID || res.Status != store.Unchanged {
		t.Errorf("the same text without a URL: %+v, want article %d unchanged", res, first.ID)
	}
	other := narkoba
	other.URL = ""
	a, b := put(t, s, other), put(t, s, other)
	if a.Status != store.Created || b.Status != store.Unchanged || a.ID != b.ID {
		t.Errorf("an article without a URL twice: %+v then %+v", a, b)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Versions != 2 {
		t.Errorf("Stats = %+v, want 2 articles, 2 versions", st)
	}
}

func testNewVersion(t *testing.T, s Articles) {
	v1 := put(t, s, banjir)
	changed := changedBanjir()
	v2 := put(t, s, changed)
	if v2.ID != v1.ID || v2.Version != 2 || v2.Status != store.NewVersion {
		t.Fatalf("changed text under the same URL: %+v, want version 2 of article %d", v2, v1.ID)
	}
	if res := put(t, s, banjir); res.Status != store.Unchanged || res.Version != 1 {
		t.Errorf("the first text again: %+v, want version 1 unchanged", res)
	}
	art, err := s.Article(ctx, v1.ID)
	if err != nil {
		t.Fatal(err)
	}
	if art.Version != 2 || len(art.Versions) != 2 || !jsonEqual(t, art.Record, Record(t, changed)) {
		t.Errorf("Article is version %d of %d, want the newest, 2", art.Version, len(art.Versions))
	}
	old, err := s.Version(ctx, v1.ID, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, old.Record, Record(t, banjir)) {
		t.Error("version 1 was not kept")
	}
	if st, _ := s.Stats(ctx); st.Articles != 1 || st.Versions != 2 {
		t.Errorf("Stats = %+v, want 1 article, 2 versions", st)
	}
}

// changedBanjir is banjir's second version.
func changedBanjir() Article {
	changed := banjir
	changed.Body = "Banjir setinggi dua meter merendam ribuan rumah warga di Kecamatan Bekasi Timur pada Senin pagi.\n\nPetugas gabungan mengevakuasi lansia dengan perahu karet."
	return changed
}

func testSearchNewestVersion(t *testing.T, s Searching) {
	put(t, s, banjir)
	if res := put(t, s, changedBanjir()); res.Status != store.NewVersion {
		t.Fatalf("changed text under the same URL: %+v", res)
	}
	if titles := searchTitles(t, s, "perahu"); len(titles) != 1 {
		t.Errorf("a word of the new text: %v", titles)
	}
	if titles := searchTitles(t, s, "masjid"); len(titles) != 0 {
		t.Errorf("a word only the old text has: %v", titles)
	}
}

func testPutBatch(t *testing.T, s Articles) {
	changed := banjir
	changed.Body += "\n\nAir mulai surut pada sore hari."
	records := [][]byte{Record(t, banjir), Record(t, narkoba), Record(t, banjir), Record(t, changed)}
	res, err := s.PutBatch(ctx, records)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.PutStatus{store.Created, store.Created, store.Unchanged, store.NewVersion}
	for i, r := range res {
		if r.Status != want[i] {
			t.Errorf("record %d: %s, want %s", i, r.Status, want[i])
		}
	}
	if res[0].ID != res[2].ID || res[0].ID != res[3].ID || res[3].Version != 2 || res[1].ID == res[0].ID {
		t.Errorf("results %+v", res)
	}
	// An invalid record fails the whole batch.
	_, err = s.PutBatch(ctx, [][]byte{Record(t, anggaran), []byte(`{"id": "x"}`)})
	if !errors.Is(err, store.ErrInvalidRecord) {
		t.Errorf("a batch with an invalid record: %v", err)
	}
	if st, _ := s.Stats(ctx); st.Articles != 2 || st.Versions != 3 {
		t.Errorf("Stats = %+v, want 2 articles, 3 versions", st)
	}
	if res, err := s.PutBatch(ctx, nil); err != nil || len(res) != 0 {
		t.Errorf("an empty batch: %v, %v", res, err)
	}
}

func testNotFound(t *testing.T, s Articles) {
	res := put(t, s, banjir)
	_, err1 := s.Article(ctx, res.ID+100)
	_, err2 := s.Version(ctx, res.ID, 2)
	for i, err := range []error{err1, err2} {
		if !errors.Is(err, store.ErrNotFound) {
			t.Errorf("case %d: err %v, want ErrNotFound", i, err)
		}
	}
}

func testEntityNotFound(t *testing.T, s Entities) {
	put(t, s, banjir)
	if _, err := s.Entity(ctx, 12345); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Entity(12345): err %v, want ErrNotFound", err)
	}
}

func testInvalidRecord(t *testing.T, s Articles) {
	for _, data := range []string{
		`{`,
		`{"id": "abc"}`,
		`{"id": "abc", "text": "Judul\n\nIsi.", "entities": [{"id": "E1", "type": "PER"}]}`,
		`{"id": "abc", "text": "Judul\n\nIsi.", "entities": [{"id": "E1", "name": "A", "type": "PER"}, {"id": "E1", "name": "B", "type": "PER"}]}`,
	} {
		if _, err := putOne(s, []byte(data)); !errors.Is(err, store.ErrInvalidRecord) {
			t.Errorf("Put(%s): err %v, want ErrInvalidRecord", data, err)
		}
	}
	if st, _ := s.Stats(ctx); st.Articles != 0 {
		t.Errorf("an invalid record was stored: %+v", st)
	}
}

func testArticles(t *testing.T, s Articles) {
	for _, a := range []Article{narkoba, banjir, anggaran} {
		put(t, s, a)
	}
	tests := []struct {
		name string
		f    store.ArticleFilter
		want []string
	}{
		{"newest first", store.ArticleFilter{}, []string{anggaran.Title, banjir.Title, narkoba.Title}},
		{"site and its subdomains", store.ArticleFilter{Site: "contoh.example"}, []string{anggaran.Title, banjir.Title}},
		{"subdomain only", store.ArticleFilter{Site: "berita.contoh.example"}, []string{anggaran.Title}},
		{"section, any case", store.ArticleFilter{Section: "hukum"}, []string{narkoba.Title}},
		{"month", store.ArticleFilter{From: "2025-10", To: "2025-10"}, []string{anggaran.Title, banjir.Title}},
		{"to a day, inclusive", store.ArticleFilter{To: "2025-10-20"}, []string{banjir.Title, narkoba.Title}},
		{"page", store.ArticleFilter{Page: store.Page{Limit: 1, Offset: 1}}, []string{banjir.Title}},
		{"past the end", store.ArticleFilter{Page: store.Page{Offset: 5}}, []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Articles(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			got := []string{}
			for _, a := range list {
				got = append(got, a.Title)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	list, _ := s.Articles(ctx, store.ArticleFilter{Section: "Ekonomi"})
	if len(list) != 1 || list[0].URL != anggaran.URL || list[0].Site != "berita.contoh.example" ||
		list[0].Published != "2025-10-21T14:30:00+07:00" || list[0].Versions != 1 || !strings.HasPrefix(list[0].Lead, "Badan Anggaran") {
		t.Errorf("summary = %+v", list)
	}
}

// Find runs a query typed as in a search box and fails the test on an
// error.
func Find(t testing.TB, s store.Searcher, query string) *search.Results {
	t.Helper()
	q, err := search.Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatalf("Search(%q): %v", query, err)
	}
	return res
}

// searchTitles runs a query typed as in a search box and returns the
// titles of its hits in order.
func searchTitles(t *testing.T, s store.Searcher, query string) []string {
	t.Helper()
	q, err := search.Parse(query)
	if err != nil {
		t.Fatalf("Parse(%q): %v", query, err)
	}
	res := Find(t, s, query)
	titles := []string{}
	for _, h := range res.Hits {
		titles = append(titles, h.Title)
	}
	if res.Total != len(titles) && q.Offset == 0 && len(titles) < q.Limit {
		t.Errorf("Search(%q): total %d, %d hits", query, res.Total, len(titles))
	}
	return titles
}

func testSearch(t *testing.T, s Searching) {
	for _, a := range []Article{narkoba, banjir, anggaran, withAnnotations(t)} {
		put(t, s, a)
	}
	tests := []struct {
		query string
		want  []string
	}{
		{"banjir", []string{banjir.Title}},
		{"BEKASI surut", []string{banjir.Title}},
		{"subsidi pupuk senayan", []string{anggaran.Title}},
		{`"subsidi pupuk"`, []string{anggaran.Title}},
		{`"pupuk subsidi"`, []string{}},
		// Phrases of three words, with words, OR'd and left out.
		{`"tambahan subsidi pupuk"`, []string{anggaran.Title}},
		{`"ratusan rumah warga"`, []string{banjir.Title}},
		{`"rumah warga mengungsi"`, []string{}}, // both its pairs, not together
		{`"subsidi pupuk" OR sabu`, []string{anggaran.Title, narkoba.Title}},
		{`"tambahan subsidi pupuk" OR banjir`, []string{anggaran.Title, banjir.Title}},
		{`pupuk -"subsidi pupuk"`, []string{}},
		{`rumah -"pengedar sabu"`, []string{banjir.Title}},
		{`"rumah warga" -"subsidi pupuk"`, []string{banjir.Title}},
		{`"rumah warga" -"ratusan rumah warga"`, []string{}},
		{"sabu OR pupuk", []string{anggaran.Title, narkoba.Title}},
		{"warga -masjid", []string{}},
		{"rumah -pelabuhan", []string{banjir.Title}},
		{"pengedar site:lain.example", []string{narkoba.Title}},
		{"pengedar site:contoh.example", []string{}},
		{"section:ekonomi", []string{anggaran.Title}},
		{"from:2025-10-21", []string{withAnnotations(t).Title, anggaran.Title}},
		{"to:2025-09", []string{narkoba.Title}},
		{`entity:"Bank Indonesia"`, []string{withAnnotations(t).Title}},
		{"entity:purbaya", []string{withAnnotations(t).Title}},
		{"entity:purba", []string{}},
		{"speaker:Purbaya inflasi", []string{withAnnotations(t).Title}},
		{"speaker:Hendra", []string{}},
		{"yang dan di", []string{}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := searchTitles(t, s, tt.query)
			if !sameSet(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}

	q, _ := search.Parse("pupuk")
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	h := res.Hits[0]
	if h.URL != anggaran.URL || h.Site != "berita.contoh.example" || h.Section != "Ekonomi" || h.Published == "" || h.Score <= 0 {
		t.Errorf("hit = %+v", h)
	}
	if !strings.Contains(h.Snippet, "<mark>pupuk</mark>") {
		t.Errorf("snippet %q does not highlight the word", h.Snippet)
	}
	q, _ = search.Parse("yang dan")
	if res, _ := s.Search(ctx, q); len(res.Warnings) == 0 {
		t.Error("a query of stopwords says nothing")
	}
	// Optimize changes how fast, not what.
	if err := s.Optimize(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if got := searchTitles(t, s, tt.query); !sameSet(got, tt.want) {
			t.Errorf("after Optimize, %q: got %q, want %q", tt.query, got, tt.want)
		}
	}
}

func testSearchRanking(t *testing.T, s Searching) {
	inBody := Article{Title: "Harga Cabai Naik Menjelang Akhir Tahun", URL: "https://contoh.example/a",
		Body: "Pedagang di pasar induk menyebut harga cabai naik karena pasokan dari petani berkurang. Harga bawang ikut naik."}
	inTitle := Article{Title: "Bawang Merah Langka di Pasar Induk", URL: "https://contoh.example/b",
		Body: "Pedagang mengeluhkan pasokan yang berkurang sejak pekan lalu karena hujan."}
	many := Article{Title: "Petani Panen Raya", URL: "https://contoh.example/c",
		Body: "Petani bawang panen raya. Bawang dijual ke tengkulak. Harga bawang anjlok karena bawang melimpah."}
	for _, a := range []Article{inBody, inTitle, many} {
		put(t, s, a)
	}
	got := searchTitles(t, s, "bawang")
	if len(got) != 3 || got[2] != inBody.Title {
		t.Errorf("ranking %q: one mention in the body should rank last", got)
	}
}

func testSearchPages(t *testing.T, s Searching) {
	for i := range 7 {
		put(t, s, Article{Title: fmt.Sprintf("Laporan Cuaca Nomor %d", i+1), URL: fmt.Sprintf("https://contoh.example/cuaca/%d", i),
			Body: fmt.Sprintf("Prakiraan cuaca hujan ringan untuk wilayah %d.", i+1)})
	}
	seen := map[int64]bool{}
	for offset := 0; offset < 7; offset += 3 {
		q, _ := search.Parse("cuaca")
		q.Limit, q.Offset = 3, offset
		res, err := s.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 7 {
			t.Errorf("offset %d: total %d, want 7", offset, res.Total)
		}
		if want := min(3, 7-offset); len(res.Hits) != want {
			t.Errorf("offset %d: %d hits, want %d", offset, len(res.Hits), want)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("article %d on two pages", h.ID)
			}
			seen[h.ID] = true
		}
	}
}

// Records with entities, quotes and events, as the later stages will
// write them (docs/record.md).
func withAnnotations(t testing.TB) Article {
	return Article{
		Title:     "Purbaya Bertemu Bank Indonesia Bahas Inflasi",
		Body:      "Menteri Keuangan Purbaya Yudhi Sadewa bertemu pimpinan Bank Indonesia di Jakarta untuk membahas inflasi.\n\n\"Inflasi masih terkendali,\" kata Purbaya.",
		URL:       "https://contoh.example/ekonomi/purbaya-bi",
		Published: "2025-10-22",
		Extra: map[string]any{
			"entities": []any{
				entity("E1", "Purbaya Yudhi Sadewa", "PER", "ID", "Purbaya Yudhi Sadewa", "Purbaya"),
				entity("E2", "Bank Indonesia", "ORG", "ID", "Bank Indonesia"),
				entity("E3", "Jakarta", "LOC", "ID", "Jakarta"),
			},
			"quotes": []any{quote("Inflasi masih terkendali,", "E1", "Purbaya Yudhi Sadewa", "Menteri Keuangan")},
			"events": []any{event("CONSULT", "E1", "Purbaya Yudhi Sadewa", "ID", "E2", "Bank Indonesia", "ID", "2025-10-22")},
		},
	}
}

func entity(id, name, typ, country string, mentions ...string) map[string]any {
	ms := []any{}
	for i, m := range mentions {
		ms = append(ms, map[string]any{"text": m, "start": 10 * i, "end": 10*i + len(m)})
	}
	return map[string]any{"id": id, "name": name, "type": typ, "country": country, "mentions": ms,
		"roles": []string{}, "salience": 0.2}
}

func quote(text, speaker, name, role string) map[string]any {
	var sp any
	if speaker != "" {
		sp = speaker
	}
	return map[string]any{"text": text, "start": 1, "end": 1 + len(text), "kind": "direct",
		"speaker": sp, "speaker_name": name, "speaker_role": role, "cue": "kata"}
}

func event(typ, src, srcName, srcCountry, tgt, tgtName, tgtCountry string, date any) map[string]any {
	return map[string]any{"type": typ, "mode": "",
		"source": map[string]any{"entity": src, "name": srcName, "country": srcCountry},
		"target": map[string]any{"entity": tgt, "name": tgtName, "country": tgtCountry},
		"date":   date, "negated": false, "modality": "asserted", "sentence": 0, "trigger": "bertemu"}
}

// The three articles of the cross-article questions.
func annotated(t testing.TB) (oct1, oct15, nov2 Article) {
	oct1 = Article{
		Title: "Menkeu Purbaya Yakin Inflasi Terkendali", URL: "https://contoh.example/1", Published: "2025-10-01",
		Body: "Menteri Keuangan Purbaya Yudhi Sadewa yakin inflasi terkendali hingga akhir tahun.",
		Extra: map[string]any{
			"entities": []any{entity("E1", "PURBAYA YUDHI SADEWA", "PER", "ID", "Purbaya Yudhi Sadewa", "Purbaya")},
			"quotes":   []any{quote("Inflasi akan terkendali.", "E1", "Purbaya Yudhi Sadewa", "Menteri Keuangan")},
		},
	}
	oct15 = Article{
		Title: "Amerika Serikat Jatuhkan Sanksi Baru kepada Rusia", URL: "https://contoh.example/2", Published: "2025-10-15",
		Body: "Amerika Serikat menjatuhkan sanksi baru kepada Rusia. Purbaya menilai dampaknya kecil bagi Indonesia.",
		Extra: map[string]any{
			"entities": []any{
				// The same person, written differently: one entity.
				entity("E1", "Purbaya Yudhi  Sadewa", "PER", "ID", "Purbaya"),
				entity("E2", "Amerika Serikat", "LOC", "US", "Amerika Serikat"),
				entity("E3", "Rusia", "LOC", "RU", "Rusia"),
			},
			"quotes": []any{
				quote("Dampaknya kecil bagi kita.", "E1", "", "Menteri Keuangan"),
				quote("Sanksi ini tidak adil.", "", "juru bicara Kremlin", ""),
			},
			"events": []any{event("SANCTION", "E2", "Amerika Serikat", "US", "E3", "Rusia", "RU", nil)},
		},
	}
	nov2 = Article{
		Title: "Utusan Amerika Serikat dan Rusia Bertemu di Jenewa", URL: "https://contoh.example/3", Published: "2025-11-02",
		Body: "Utusan Amerika Serikat bertemu utusan Rusia di Jenewa. Sehari kemudian Rusia menuduh Amerika Serikat ingkar janji.",
		Extra: map[string]any{
			"entities": []any{
				entity("E1", "Rusia", "LOC", "RU", "Rusia", "Rusia"),
				entity("E2", "Amerika Serikat", "LOC", "US", "Amerika Serikat", "Amerika Serikat"),
				// Same name, another type: another entity.
				entity("E3", "Purbaya Yudhi Sadewa", "ORG", "ID", "Purbaya Yudhi Sadewa"),
			},
			"events": []any{
				event("CONSULT", "E2", "Amerika Serikat", "US", "E1", "Rusia", "RU", "2025-11-01"),
				event("ACCUSE", "E1", "Rusia", "RU", "E2", "Amerika Serikat", "US", "2025-11"),
				event("ACCUSE", "", "Ukraina", "UA", "E1", "Rusia", "RU", nil),
			},
		},
	}
	return
}

func putAnnotated(t *testing.T, s store.ArticleWriter) (oct1, oct15, nov2 store.PutResult) {
	a, b, c := annotated(t)
	// Stored out of order: the answers are ordered by date, not by arrival.
	nov2 = put(t, s, c)
	oct15 = put(t, s, b)
	oct1 = put(t, s, a)
	return
}

func findEntity(t *testing.T, s store.EntityReader, name, typ string) store.Entity {
	t.Helper()
	list, err := s.Entities(ctx, store.EntityFilter{Name: name, Type: typ})
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 {
		t.Fatalf("Entities(%q, %s) = %+v, want one", name, typ, list)
	}
	return list[0]
}

func testEntities(t *testing.T, s Entities) {
	oct1, oct15, _ := putAnnotated(t, s)
	per := findEntity(t, s, "purbaya", "PER")
	if per.Articles != 2 || per.Mentions != 3 || per.Quotes != 2 || per.Name != "Purbaya Yudhi Sadewa" || per.Country != "ID" {
		t.Errorf("PER Purbaya = %+v, want 2 articles, 3 mentions, 2 quotes", per)
	}
	org := findEntity(t, s, "Purbaya Yudhi Sadewa", "ORG")
	if org.ID == per.ID || org.Articles != 1 {
		t.Errorf("ORG of the same name = %+v, want another entity", org)
	}
	all, err := s.Entities(ctx, store.EntityFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 || all[0].Articles < all[len(all)-1].Articles {
		t.Errorf("Entities() = %+v, want 4, the most written about first", all)
	}
	e, err := s.Entity(ctx, per.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(e.Names, []string{"Purbaya", "Purbaya Yudhi Sadewa"}) {
		t.Errorf("names = %q", e.Names)
	}
	arts, err := s.EntityArticles(ctx, per.ID, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) != 2 || arts[0].ArticleID != oct1.ID || arts[1].ArticleID != oct15.ID ||
		arts[0].Mentions != 2 || arts[0].Published != "2025-10-01" || arts[0].Name != "PURBAYA YUDHI SADEWA" {
		t.Errorf("mentions over time = %+v", arts)
	}
}

func testQuotesOverTime(t *testing.T, s Entities) {
	oct1, oct15, _ := putAnnotated(t, s)
	per := findEntity(t, s, "Purbaya Yudhi Sadewa", "PER")
	for _, f := range []store.QuoteFilter{{SpeakerID: per.ID}, {Speaker: "Purbaya"}} {
		quotes, err := s.Quotes(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if len(quotes) != 2 || quotes[0].ArticleID != oct1.ID || quotes[1].ArticleID != oct15.ID ||
			quotes[0].SpeakerID != per.ID || quotes[1].SpeakerName != "Purbaya Yudhi Sadewa" || quotes[0].SpeakerRole != "Menteri Keuangan" {
			t.Errorf("Quotes(%+v) = %+v, want Purbaya's two, oldest first", f, quotes)
		}
	}
	quotes, err := s.Quotes(ctx, store.QuoteFilter{Text: "TIDAK ADIL"})
	if err != nil {
		t.Fatal(err)
	}
	if len(quotes) != 1 || quotes[0].SpeakerID != 0 || quotes[0].SpeakerName != "juru bicara Kremlin" {
		t.Errorf("quotes by text = %+v", quotes)
	}
	if quotes, _ := s.Quotes(ctx, store.QuoteFilter{From: "2025-10-02"}); len(quotes) != 2 {
		t.Errorf("quotes from 2 October: %d, want 2", len(quotes))
	}
}

func testArticlesWithTwoEntities(t *testing.T, s Searching) {
	_, oct15, nov2 := putAnnotated(t, s)
	q := search.Query{Entities: []string{"Amerika Serikat", "Rusia"}}
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	got := []int64{}
	for _, h := range res.Hits {
		got = append(got, h.ID)
	}
	if !reflect.DeepEqual(got, []int64{nov2.ID, oct15.ID}) {
		t.Errorf("articles with both = %v, want %v newest first", got, []int64{nov2.ID, oct15.ID})
	}
	q = search.Query{Entities: []string{"Rusia", "Purbaya Yudhi Sadewa"}, Clauses: []search.Clause{{Text: "sanksi"}}}
	if res, _ := s.Search(ctx, q); len(res.Hits) != 1 || res.Hits[0].ID != oct15.ID {
		t.Errorf("words and two entities: %+v", res.Hits)
	}
}

func testEventsBetweenCountries(t *testing.T, s Events) {
	putAnnotated(t, s)
	months, err := s.EventMonths(ctx, store.EventFilter{Countries: []string{"us", "RU"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.MonthCount{{Month: "2025-10", Type: "SANCTION", Count: 1}, {Month: "2025-11", Type: "ACCUSE", Count: 1}, {Month: "2025-11", Type: "CONSULT", Count: 1}}
	if !reflect.DeepEqual(months, want) {
		t.Errorf("events between US and RU by month = %+v, want %+v", months, want)
	}
	events, err := s.Events(ctx, store.EventFilter{Countries: []string{"RU"}, Type: "accuse"})
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[0].Source.Country != "RU" || events[0].Date != "2025-11" ||
		events[1].Source.EntityID != 0 || events[1].Source.Name != "Ukraina" || events[1].Date != "2025-11-02" {
		t.Errorf("ACCUSE events with RU = %+v", events)
	}
	events, _ = s.Events(ctx, store.EventFilter{From: "2025-11-02"})
	if len(events) != 1 {
		t.Errorf("events from 2 November: %+v", events)
	}
	if e := events[0]; e.Target == nil || e.Target.Name != "Rusia" || e.Target.EntityID == 0 || e.Location != nil {
		t.Errorf("actors = %+v %+v %+v", e.Source, e.Target, e.Location)
	}
}

// An entity's events are those it is the source or the target of, each
// once, in the order of all events, the same one page at a time.
func testEventsOfAnEntity(t *testing.T, s Events) {
	putAnnotated(t, s)
	all, err := s.Events(ctx, store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var rusia store.Entity
	for _, e := range all {
		if e.Target != nil && e.Target.Name == "Rusia" {
			rusia.ID = e.Target.EntityID
		}
	}
	if rusia.ID == 0 {
		t.Fatalf("no event targets Rusia: %+v", all)
	}
	events, err := s.Events(ctx, store.EventFilter{Entity: rusia.ID})
	if err != nil {
		t.Fatal(err)
	}
	// In the order of all events, those Rusia is an actor of: four.
	var got, want []int64
	for _, e := range events {
		got = append(got, e.ID)
	}
	for _, e := range all {
		if e.Source != nil && e.Source.EntityID == rusia.ID || e.Target != nil && e.Target.EntityID == rusia.ID {
			want = append(want, e.ID)
		}
	}
	if len(want) != 4 || !slices.Equal(got, want) {
		t.Errorf("Rusia's events %v, want %v of all events", got, want)
	}
	for i := range events {
		page, err := s.Events(ctx, store.EventFilter{Entity: rusia.ID, Page: store.Page{Limit: 1, Offset: i}})
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != 1 || page[0].ID != events[i].ID {
			t.Errorf("page %d of one: %+v, want event %d", i, page, events[i].ID)
		}
	}
	accused, err := s.Events(ctx, store.EventFilter{Entity: rusia.ID, Type: "accuse"})
	if err != nil || len(accused) != 2 {
		t.Errorf("Rusia's ACCUSE events: %+v (%v), want 2", accused, err)
	}
	months, err := s.EventMonths(ctx, store.EventFilter{Entity: rusia.ID})
	if err != nil {
		t.Fatal(err)
	}
	wantMonths := []store.MonthCount{{Month: "2025-10", Type: "SANCTION", Count: 1}, {Month: "2025-11", Type: "ACCUSE", Count: 2}, {Month: "2025-11", Type: "CONSULT", Count: 1}}
	if !reflect.DeepEqual(months, wantMonths) {
		t.Errorf("Rusia's events by month = %+v, want %+v", months, wantMonths)
	}
}

func testAnnotationsFollowNewestVersion(t *testing.T, s Entities) {
	oct1, _, _ := putAnnotated(t, s)
	a, _, _ := annotated(t)
	a.Body += " Ia tidak memberi keterangan lain."
	a.Extra = map[string]any{"entities": []any{entity("E1", "Purbaya Yudhi Sadewa", "PER", "ID", "Purbaya")}}
	if res := put(t, s, a); res.ID != oct1.ID || res.Status != store.NewVersion {
		t.Fatalf("new version: %+v", res)
	}
	per := findEntity(t, s, "Purbaya Yudhi Sadewa", "PER")
	if per.Articles != 2 || per.Mentions != 2 || per.Quotes != 1 {
		t.Errorf("after a new version without the quote: %+v, want 2 articles, 2 mentions, 1 quote", per)
	}
	if st, _ := s.Stats(ctx); st.Quotes != 2 || st.Events != 4 {
		t.Errorf("Stats = %+v, want the old version's rows gone", st)
	}
}

func testConcurrentPuts(t *testing.T, s Articles) {
	const writers, each = 4, 5
	var wg sync.WaitGroup
	errs := make(chan error, writers*each)
	for w := range writers {
		wg.Go(func() {
			for i := range each {
				a := Article{Title: fmt.Sprintf("Berita Serentak %d-%d", w, i), URL: fmt.Sprintf("https://contoh.example/serentak/%d/%d", w, i),
					Body: fmt.Sprintf("Isi berita serentak dari penulis %d nomor %d.", w, i)}
				if _, err := putOne(s, Record(t, a)); err != nil {
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
	if st, _ := s.Stats(ctx); st.Articles != writers*each {
		t.Errorf("%d articles, want %d", st.Articles, writers*each)
	}
}

func testBadArticleFilters(t *testing.T, s Articles) {
	if _, err := s.Articles(ctx, store.ArticleFilter{From: "kemarin"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("articles from kemarin: err %v, want ErrBadFilter", err)
	}
}

func testBadQuoteFilters(t *testing.T, s Entities) {
	if _, err := s.Quotes(ctx, store.QuoteFilter{To: "1/10/2025"}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("quotes to 1/10/2025: err %v, want ErrBadFilter", err)
	}
}

func testBadEventFilters(t *testing.T, s Events) {
	if _, err := s.Events(ctx, store.EventFilter{Countries: []string{"US", "RU", "CN"}}); !errors.Is(err, store.ErrBadFilter) {
		t.Errorf("events of three countries: err %v, want ErrBadFilter", err)
	}
}

func testBadQuery(t *testing.T, s Searching) {
	if _, err := s.Search(ctx, search.Query{From: "besok"}); !errors.Is(err, search.ErrBadQuery) {
		t.Errorf("search with a bad date: %v", err)
	}
}

func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	var x, y any
	if err := json.Unmarshal(a, &x); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &y); err != nil {
		t.Fatal(err)
	}
	return reflect.DeepEqual(x, y)
}

func sameSet(a, b []string) bool {
	x, y := append([]string{}, a...), append([]string{}, b...)
	slices.Sort(x)
	slices.Sort(y)
	return reflect.DeepEqual(x, y)
}
