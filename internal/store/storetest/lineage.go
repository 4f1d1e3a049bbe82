package storetest

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/store"
)

// LineageStore is a store that keeps lineage.
type LineageStore interface {
	store.Store
	store.ArticleDeleter
	store.Lineage
}

// RunLineage runs the suite of store.Lineage; open returns a new, empty
// store for each test (the suite closes it).
func RunLineage(t *testing.T, open func(t *testing.T) LineageStore) {
	tests := []struct {
		name string
		fn   func(*testing.T, LineageStore)
	}{
		{"Candidates", testCandidates},
		{"Counts", testCounts},
		{"Relations", testRelations},
		{"Stories", testStories},
		{"Collapse", testCollapse},
		{"PutBatchTx", testPutBatchTx},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("Close: %v", err)
				}
			})
			tt.fn(t, s)
		})
	}
}

// articles stores n articles with distinct URLs and returns their ids.
func articles(t *testing.T, s store.Store, n int) []int64 {
	t.Helper()
	var ids []int64
	for i := range n {
		res := put(t, s, Article{Title: fmt.Sprintf("Berita nomor %d", i+1), Body: fmt.Sprintf("Isi berita nomor %d tentang kota %d.", i+1, i+1),
			URL: fmt.Sprintf("https://contoh.example/berita/%d", i+1), Published: fmt.Sprintf("2025-10-%02d", 10+i)})
		ids = append(ids, res.ID)
	}
	return ids
}

func testCandidates(t *testing.T, s LineageStore) {
	ids := articles(t, s, 4)
	keys := []struct {
		bands []int64
		names []string
		day   string
	}{
		{[]int64{1, 2, 3}, []string{"blinken", "lavrov"}, "2025-10-10"},
		{[]int64{3, 4}, []string{"blinken"}, "2025-10-11"},
		{[]int64{5}, []string{"lavrov"}, "2025-10-20"},
		{[]int64{6}, []string{"putin"}, ""},
	}
	for i, k := range keys {
		if err := s.PutFingerprint(ctx, ids[i], k.bands, k.names, k.day, fmt.Appendf(nil, "fields of %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	// Storing again replaces: the first article no longer has band 2, and
	// its fields are the new ones.
	if err := s.PutFingerprint(ctx, ids[0], []int64{1, 3}, keys[0].names, keys[0].day, []byte("new fields\x00\xff")); err != nil {
		t.Fatal(err)
	}
	fields, err := s.CompareFields(ctx, append(slices.Clone(ids), ids[3]+100))
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64][]byte{ids[0]: []byte("new fields\x00\xff"), ids[1]: []byte("fields of 1"), ids[2]: []byte("fields of 2"), ids[3]: []byte("fields of 3")}
	if !maps.EqualFunc(fields, want, bytes.Equal) {
		t.Errorf("CompareFields = %v, want %v", fields, want)
	}
	if fields, err := s.CompareFields(ctx, nil); err != nil || len(fields) != 0 {
		t.Errorf("CompareFields of none = %v, %v", fields, err)
	}
	got, err := s.BandCandidates(ctx, ids[3], []int64{2, 3, 5, 6}, 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ids[2], ids[1], ids[0]}; !slices.Equal(got, want) {
		t.Errorf("BandCandidates = %v, want %v (newest first, not the article itself)", got, want)
	}
	if got, _ := s.BandCandidates(ctx, ids[3], []int64{1, 3, 4}, 10, 10); !slices.Equal(got, []int64{ids[1], ids[0]}) {
		t.Errorf("BandCandidates sharing two bands each = %v, want the newer first", got)
	}
	if got, _ := s.BandCandidates(ctx, ids[3], []int64{1, 3, 5}, 10, 10); !slices.Equal(got, []int64{ids[0], ids[2], ids[1]}) {
		t.Errorf("BandCandidates = %v, want %v (the most bands shared first)", got, []int64{ids[0], ids[2], ids[1]})
	}
	if got, _ := s.BandCandidates(ctx, ids[3], []int64{3}, 10, 1); len(got) != 1 {
		t.Errorf("BandCandidates with limit 1 = %v", got)
	}
	// One band gives only its newest perBand articles.
	if got, _ := s.BandCandidates(ctx, ids[3], []int64{3}, 1, 10); !slices.Equal(got, []int64{ids[1]}) {
		t.Errorf("BandCandidates with one per band = %v, want the newest, %d", got, ids[1])
	}
	if got, _ := s.BandCandidates(ctx, ids[3], nil, 10, 10); len(got) != 0 {
		t.Errorf("BandCandidates without bands = %v", got)
	}
	got, err = s.NameCandidates(ctx, ids[1], []string{"lavrov"}, "2025-10-08", "2025-10-14", 10, 1, 10)
	if err != nil {
		t.Fatal(err)
	}
	if want := []int64{ids[0]}; !slices.Equal(got, want) {
		t.Errorf("NameCandidates in the window = %v, want %v", got, want)
	}
	if got, _ := s.NameCandidates(ctx, ids[1], []string{"lavrov"}, "", "", 10, 1, 10); len(got) != 2 {
		t.Errorf("NameCandidates without a window = %v, want both", got)
	}
	if got, _ := s.NameCandidates(ctx, ids[1], []string{"lavrov"}, "", "", 1, 1, 10); !slices.Equal(got, []int64{ids[2]}) {
		t.Errorf("NameCandidates with one per name = %v, want the newest, %d", got, ids[2])
	}
	if got, _ := s.NameCandidates(ctx, ids[3], []string{"lavrov", "blinken"}, "", "", 10, 1, 10); !slices.Equal(got, []int64{ids[0], ids[2], ids[1]}) {
		t.Errorf("NameCandidates of two names = %v, want %v (the most names shared first)", got, []int64{ids[0], ids[2], ids[1]})
	}
	if got, _ := s.NameCandidates(ctx, ids[3], []string{"lavrov", "blinken"}, "", "", 10, 2, 10); !slices.Equal(got, []int64{ids[0]}) {
		t.Errorf("NameCandidates giving both names = %v, want %v", got, []int64{ids[0]})
	}
	if got, _ := s.NameCandidates(ctx, ids[3], nil, "", "", 10, 1, 10); len(got) != 0 {
		t.Errorf("NameCandidates without names = %v", got)
	}
	counts, err := s.NameCounts(ctx, []string{"blinken", "lavrov", "putin", "biden"})
	if err != nil {
		t.Fatal(err)
	}
	if counts["blinken"] != 2 || counts["lavrov"] != 2 || counts["putin"] != 1 || counts["biden"] != 0 {
		t.Errorf("NameCounts = %v", counts)
	}
	if n, err := s.FingerprintCount(ctx); err != nil || n != 4 {
		t.Errorf("FingerprintCount = %d, %v; want 4", n, err)
	}
}

// The name counts and the count of fingerprinted articles follow the keys
// as they are stored, replaced, and deleted with their article: a name
// whose articles are gone is no longer common.
func testCounts(t *testing.T, s LineageStore) {
	ids := articles(t, s, 3)
	for i, names := range [][]string{{"lavrov", "blinken"}, {"lavrov"}, {"lavrov", "putin"}} {
		if err := s.PutFingerprint(ctx, ids[i], []int64{int64(i)}, names, "2025-10-10", []byte("fields")); err != nil {
			t.Fatal(err)
		}
	}
	// Stored again with other names: the counts move, the total does not.
	if err := s.PutFingerprint(ctx, ids[2], []int64{2}, []string{"putin", "biden", "putin"}, "2025-10-10", []byte("fields")); err != nil {
		t.Fatal(err)
	}
	check := func(when string, want map[string]int, total int) {
		t.Helper()
		got, err := s.NameCounts(ctx, []string{"lavrov", "blinken", "putin", "biden"})
		if err != nil {
			t.Fatal(err)
		}
		for n, c := range want {
			if got[n] != c {
				t.Errorf("%s: %s in %d articles, want %d", when, n, got[n], c)
			}
		}
		if n, err := s.FingerprintCount(ctx); err != nil || n != total {
			t.Errorf("%s: FingerprintCount = %d, %v; want %d", when, n, err, total)
		}
		if fields, err := s.CompareFields(ctx, ids); err != nil || len(fields) != total {
			t.Errorf("%s: CompareFields gives %d, %v; want %d (deleted with their article)", when, len(fields), err, total)
		}
	}
	check("stored", map[string]int{"lavrov": 2, "blinken": 1, "putin": 1, "biden": 1}, 3)
	if err := s.Delete(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	check("after a deletion", map[string]int{"lavrov": 1, "blinken": 0, "putin": 1, "biden": 1}, 2)
	// An article stored without keys leaves the count alone when deleted.
	if err := s.Delete(ctx, articles(t, s, 1)[0]); err != nil {
		t.Fatal(err)
	}
	check("after deleting an article without keys", map[string]int{"lavrov": 1}, 2)
}

func testRelations(t *testing.T, s LineageStore) {
	ids := articles(t, s, 3)
	ev := json.RawMessage(`{"shared_sentences": 0.9}`)
	if err := s.PutRelation(ctx, store.Relation{A: ids[1], B: ids[0], Kind: "copy", Original: ids[0], Evidence: ev}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutRelation(ctx, store.Relation{A: ids[1], B: ids[2], Kind: "same_story", Evidence: ev}); err != nil {
		t.Fatal(err)
	}
	// Again for the same pair: replaced.
	if err := s.PutRelation(ctx, store.Relation{A: ids[0], B: ids[1], Kind: "copy", Original: ids[0], Evidence: json.RawMessage(`{"shared_sentences": 1}`)}); err != nil {
		t.Fatal(err)
	}
	rels, err := s.Relations(ctx, ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(rels) != 2 || rels[0].A != ids[0] || rels[0].B != ids[1] || rels[0].Kind != "copy" || rels[0].Original != ids[0] ||
		rels[1].Kind != "same_story" || rels[1].Original != 0 {
		t.Fatalf("Relations = %+v", rels)
	}
	var e map[string]float64
	if err := json.Unmarshal(rels[0].Evidence, &e); err != nil || e["shared_sentences"] != 1 {
		t.Errorf("evidence %s, want the one stored last", rels[0].Evidence)
	}
	if rels, _ := s.Relations(ctx, ids[2]); len(rels) != 1 {
		t.Errorf("Relations of the third = %+v", rels)
	}
	if err := s.PutRelation(ctx, store.Relation{A: ids[0], B: ids[0], Kind: "copy", Evidence: ev}); !errors.Is(err, store.ErrInvalidRecord) {
		t.Errorf("a relation of an article with itself: %v, want ErrInvalidRecord", err)
	}
}

// testStories: copy clusters joined by a same_story relation are one
// story, named by its first publisher (the earliest published, not the
// first stored), counting its copies and its independent reports; a
// story that loses the article joining it splits.
func testStories(t *testing.T, s LineageStore) {
	ids := articles(t, s, 6)
	early := put(t, s, Article{Title: "Berita paling awal", Body: "Isi berita paling awal tentang kota lama.",
		URL: "https://lain.example/berita/awal", Published: "2025-10-01"}).ID
	unrelated := put(t, s, Article{Title: "Berita lain", Body: "Isi berita lain tentang desa.", URL: "https://lain.example/berita/lain",
		Published: "2025-10-12"}).ID
	for _, r := range []store.Relation{
		{A: ids[0], B: ids[1], Kind: "copy", Original: ids[0]},
		{A: ids[0], B: ids[2], Kind: "copy", Original: ids[0]},
		{A: ids[1], B: ids[2], Kind: "copy", Original: ids[1]}, // copies of one another: still one story
		{A: ids[3], B: ids[4], Kind: "translation", Original: ids[3]},
		{A: ids[0], B: ids[3], Kind: "same_story"}, // joins the two clusters
		{A: ids[5], B: early, Kind: "same_story"},
	} {
		r.Evidence = json.RawMessage(`{}`)
		if err := s.PutRelation(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	stories, err := s.Stories(ctx, store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	want := []store.Story{
		{Original: ids[0], Title: "Berita nomor 1", Copies: 3, Reports: 2, Articles: ids[1:5]},
		{Original: early, Title: "Berita paling awal", Copies: 0, Reports: 2, Articles: ids[5:6]},
	}
	same := func(got, want store.Story) bool {
		return got.Original == want.Original && got.Title == want.Title && got.Copies == want.Copies &&
			got.Reports == want.Reports && slices.Equal(got.Articles, want.Articles)
	}
	if len(stories) != 2 || !same(stories[0], want[0]) || !same(stories[1], want[1]) {
		t.Fatalf("Stories = %+v\nwant %+v", stories, want)
	}
	if page, _ := s.Stories(ctx, store.Page{Limit: 1, Offset: 1}); len(page) != 1 || page[0].Original != early {
		t.Errorf("second page %+v", page)
	}
	for _, id := range []int64{ids[0], ids[2], ids[4]} {
		if st, err := s.Story(ctx, id); err != nil || st == nil || !same(*st, want[0]) {
			t.Errorf("Story(%d) = %+v, %v; want %+v", id, st, err, want[0])
		}
	}
	if st, err := s.Story(ctx, unrelated); err != nil || st != nil {
		t.Errorf("Story of an unrelated article = %+v, %v; want none", st, err)
	}
	if err := s.Delete(ctx, ids[3]); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Story(ctx, ids[0]); err != nil || st == nil || !same(*st, store.Story{Original: ids[0], Title: "Berita nomor 1", Copies: 2, Reports: 1, Articles: ids[1:3]}) {
		t.Errorf("after deleting the joining article, Story(%d) = %+v, %v", ids[0], st, err)
	}
	if st, err := s.Story(ctx, ids[4]); err != nil || st != nil {
		t.Errorf("after deleting its original, Story(%d) = %+v, %v; want none", ids[4], st, err)
	}
}

// testCollapse: search's collapse:copies leaves out the copies, and
// collapse:stories also the telling of a story published after another,
// whichever was stored first; with words and without.
func testCollapse(t *testing.T, s LineageStore) {
	var ids []int64
	for _, a := range []struct{ title, published string }{
		{"Jembatan Lebak putus", "2025-10-11"},
		{"Salinan jembatan Lebak putus", "2025-10-12"},
		{"Jembatan gantung di Lebak roboh", "2025-10-10"}, // told first, stored after
		{"Jembatan baru di Serang", "2025-10-15"},
	} {
		ids = append(ids, put(t, s, Article{Title: a.title, Body: a.title + ". Warga memutar jauh karena jembatan tidak bisa dilalui.",
			URL: "https://contoh.example/" + a.published, Published: a.published}).ID)
	}
	for _, r := range []store.Relation{
		{A: ids[0], B: ids[1], Kind: "copy", Original: ids[0]},
		{A: ids[0], B: ids[2], Kind: "same_story"},
	} {
		r.Evidence = json.RawMessage(`{}`)
		if err := s.PutRelation(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"jembatan", []string{"Jembatan Lebak putus", "Salinan jembatan Lebak putus", "Jembatan gantung di Lebak roboh", "Jembatan baru di Serang"}},
		{"jembatan collapse:copies", []string{"Jembatan Lebak putus", "Jembatan gantung di Lebak roboh", "Jembatan baru di Serang"}},
		{"jembatan collapse:stories", []string{"Jembatan gantung di Lebak roboh", "Jembatan baru di Serang"}},
		{"from:2025-10-01 collapse:stories", []string{"Jembatan gantung di Lebak roboh", "Jembatan baru di Serang"}},
	} {
		got := searchTitles(t, s, c.query)
		slices.Sort(got)
		slices.Sort(c.want)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.query, got, c.want)
		}
	}
}
