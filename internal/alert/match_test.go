package alert

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/identity"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
	"github.com/warta-news/warta/internal/store/storetest"
)

// TestMatcherAgreesWithStore runs the same queries through the store's
// search and through the Matcher over the same articles: an alert fires on
// exactly the articles its search finds.
func TestMatcherAgreesWithStore(t *testing.T) {
	ctx := context.Background()
	linker, err := identity.New()
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(ctx, t.TempDir(), sqlite.Options{Analyzer: search.Indonesian(), Linker: linker})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	articles := []storetest.Article{
		{Title: "Banjir Rendam Ratusan Rumah di Bekasi", URL: "https://contoh.example/banjir", Published: "2025-10-20",
			Body: "Banjir setinggi satu meter merendam ratusan rumah warga di Bekasi Timur. Warga mengungsi ke masjid."},
		{Title: "Longsor Tutup Jalan di Bogor", URL: "https://berita.contoh.example/longsor", Published: "2025-10-21",
			Body:  "Longsor menutup jalan provinsi di Bogor. Menteri Keuangan Purbaya Yudhi Sadewa menjanjikan dana perbaikan.",
			Extra: map[string]any{"section": "Daerah"}},
		{Title: "Pertemuan Kepala Daerah", URL: "https://lain.example/rapat", Published: "2025-11-02",
			Body: "Para kepala daerah bertemu gubernur membahas banjir dan longsor di Jawa Barat.\n\n\"Kami siap,\" kata Purbaya."},
	}
	var records [][]byte
	var ids []int64
	for _, a := range articles {
		rec := storetest.Record(t, a)
		res, err := st.Put(ctx, rec)
		if err != nil {
			t.Fatal(err)
		}
		records, ids = append(records, rec), append(ids, res.ID)
	}
	m := Matcher{Analyzer: search.Indonesian()}
	for _, text := range []string{
		"banjir", "bertemu", "pertemuan", `"kepala daerah"`, `"daerah kepala"`, "banjir -longsor", "banjir OR longsor bogor",
		"longsor site:contoh.example", "section:daerah", "banjir from:2025-10-21", "banjir to:2025-10", "entity:Purbaya",
		"speaker:Purbaya", "yang", "rumah warga", "topic:disaster", "banjir topic:bencana", "topic:medtop:04000000",
		`topic:"politics"`, "topic:sport", "banjir topic:environment topic:disaster",
	} {
		q, err := search.Parse(text)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		q.Limit = search.MaxLimit
		res, err := st.Search(ctx, q)
		if err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		var want []int64
		for _, h := range res.Hits {
			want = append(want, h.ID)
		}
		var got []int64
		for i, rec := range records {
			d, err := store.Decode(rec)
			if err != nil {
				t.Fatal(err)
			}
			if m.Match(q, d) {
				got = append(got, ids[i])
			}
		}
		slices.Sort(want)
		if strings.HasPrefix(text, "topic:disaster") && len(want) == 0 {
			t.Errorf("%s: no article, though the floods and the landslide are disasters", text)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s: the matcher takes %v, the store's search %v", text, got, want)
		}
	}
}
