package lineage_test

import (
	"context"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/shared"
	"github.com/warta-news/warta/internal/store"
	"github.com/warta-news/warta/internal/store/sqlite"
)

type linked struct {
	st  *sqlite.Store
	l   *lineage.Linker
	ids map[string]int64
}

func newLinked(t *testing.T) *linked {
	t.Helper()
	st, err := sqlite.Open(context.Background(), t.TempDir(), sqlite.Options{Analyzer: search.Indonesian()})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return &linked{st: st, l: &lineage.Linker{Records: st, Lineage: st}, ids: map[string]int64{}}
}

// analysedJSON is the record of in, as the pipeline stores it.
func analysedJSON(t *testing.T, in analysis.Input) []byte {
	t.Helper()
	rec, err := analysis.Analyze(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(rec)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// add analyses and stores an article and links it, as the pipeline's
// observer does.
func (k *linked) add(t *testing.T, name string, in analysis.Input) {
	t.Helper()
	ctx := context.Background()
	raw := analysedJSON(t, in)
	res, err := k.st.Put(ctx, raw)
	if err != nil {
		t.Fatal(err)
	}
	a, err := lineage.FromRecord(res.ID, raw)
	if err != nil {
		t.Fatal(err)
	}
	if err := k.l.Link(ctx, a); err != nil {
		t.Fatal(err)
	}
	k.ids[name] = res.ID
}

func (k *linked) copies(t *testing.T, name string) *lineage.Copies {
	t.Helper()
	c, err := lineage.ReadCopies(context.Background(), k.st, k.ids[name])
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// relations gives the named article's relations by the related article.
func (k *linked) relations(t *testing.T, name string) map[int64]lineage.CopyRelation {
	t.Helper()
	rels := map[int64]lineage.CopyRelation{}
	for _, r := range k.copies(t, name).Relations {
		rels[r.Article] = r
	}
	return rels
}

func wire(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/wire/" + name + ".txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The founding article, ingested beside English wire copy of the Reykjavik
// meeting and of two other meetings of the same ministers, finds its two
// sources and neither distractor; with the distractors' dates unknown too.
func TestFoundingArticleFindsItsSources(t *testing.T) {
	for _, datedDistractors := range []bool{true, false} {
		k := newLinked(t)
		k.add(t, "reykjavik-1", analysis.Input{Body: wire(t, "reykjavik-1"), Published: "2021-05-19T18:00:00Z"})
		k.add(t, "geneva-2022", analysis.Input{Body: wire(t, "geneva-2022"), Published: map[bool]string{true: "2022-01-21"}[datedDistractors]})
		k.add(t, "reykjavik-2", analysis.Input{Body: wire(t, "reykjavik-2"), Published: "2021-05-19T20:00:00Z"})
		k.add(t, "stockholm-2021", analysis.Input{Body: wire(t, "stockholm-2021"), Published: map[bool]string{true: "2021-12-02"}[datedDistractors]})
		var gold map[string]any
		k.add(t, "seed", analysis.Input{Body: shared.Seed(t, &gold), Published: "2021-05-20"})
		c := k.copies(t, "seed")
		var found []int64
		for _, r := range c.Relations {
			if r.Kind != lineage.Translation {
				t.Errorf("relation %s with %d, want translations only", r.Kind, r.Article)
			}
			if r.Original != r.Article {
				t.Errorf("translation of %d names %d its original", r.Article, r.Original)
			}
			found = append(found, r.Article)
			t.Logf("%d: names %v numbers %v dates %v quotes %+v", r.Article, r.SharedNames, r.SharedNumbers, r.SharedDates, r.AlignedQuotes)
			// The linker reads the source's record for its quotes.
			if r.Article == k.ids["reykjavik-2"] && (len(r.AlignedQuotes) != 1 || r.AlignedQuotes[0].Source != "killer") {
				t.Errorf("translation of Reykjavik 2 aligns %+v, want pembunuh with killer", r.AlignedQuotes)
			}
		}
		want := []int64{k.ids["reykjavik-1"], k.ids["reykjavik-2"]}
		slices.Sort(found)
		if !slices.Equal(found, want) {
			t.Errorf("dated distractors %v: translation of %v, want the two Reykjavik reports %v (geneva %d, stockholm %d)",
				datedDistractors, found, want, k.ids["geneva-2022"], k.ids["stockholm-2021"])
		}
	}
}

const national = `Banjir Rendam Ratusan Rumah di Bekasi
Jakarta - Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur setelah hujan deras mengguyur sejak Senin malam.
Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sebanyak 350 kepala keluarga terdampak dan sebagian mengungsi ke masjid terdekat.
"Kami sudah menyiapkan perahu karet dan dapur umum untuk warga," kata dia di lokasi, Selasa (21/10/2025).
Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.
Warga diminta waspada karena hujan diperkirakan masih turun hingga akhir pekan.`

// A regional edition re-runs a national story under a new headline,
// crediting it; it is published later but the credit alone names the
// original too. The diff shows the headline and the sentence changed.
func TestRegionalCopy(t *testing.T) {
	k := newLinked(t)
	k.add(t, "national", analysis.Input{Body: national, URL: "https://news.detik.com/berita/d-1/banjir", Published: "2025-10-21T10:00:00+07:00"})
	regional := strings.Replace(national, "Banjir Rendam Ratusan Rumah di Bekasi", "Ratusan Rumah di Bekasi Terendam Banjir Satu Meter", 1)
	regional = strings.Replace(regional, "Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.", "Petugas masih terus memantau ketinggian air Kali Bekasi yang naik hingga siang.", 1)
	regional += "\nArtikel ini telah tayang di detikNews."
	k.add(t, "regional", analysis.Input{Body: regional, URL: "https://www.detik.com/jabar/berita/d-2/banjir", Published: "2025-10-21T12:00:00+07:00"})
	k.add(t, "other", analysis.Input{Body: "Harga Cabai Naik\nHarga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp 80 ribu per kilogram menjelang akhir pekan.", Published: "2025-10-21"})

	c := k.copies(t, "regional")
	if c.Original == nil || *c.Original != k.ids["national"] {
		t.Fatalf("original %v, want %d", c.Original, k.ids["national"])
	}
	if len(c.Relations) != 1 || c.Relations[0].Kind != lineage.Copy {
		t.Fatalf("relations %+v, want one copy", c.Relations)
	}
	r := c.Relations[0]
	if !r.Credited || r.SharedSentences < 0.7 || r.Diff == nil {
		t.Fatalf("copy evidence %+v", r)
	}
	if r.Diff.Headline == nil || len(r.Diff.Changed) != 1 || r.Diff.Kept != 5 {
		t.Errorf("diff %+v, want the headline and one sentence changed, five kept", r.Diff)
	}
	if c := k.copies(t, "national"); c.Original == nil || *c.Original != k.ids["national"] {
		t.Errorf("the national story's cluster original %v, want itself", c.Original)
	}
	if c := k.copies(t, "other"); c.Original != nil || len(c.Relations) != 0 {
		t.Errorf("an unrelated article has lineage %+v", c)
	}
	stories, err := k.st.Stories(context.Background(), store.Page{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 1 || stories[0].Original != k.ids["national"] || stories[0].Copies != 1 {
		t.Errorf("stories %+v, want the national story with one copy", stories)
	}
}

// Search can collapse copies: the regional re-run is left out, the
// national story it copies stays.
func TestSearchCollapsesCopies(t *testing.T) {
	k := newLinked(t)
	k.add(t, "national", analysis.Input{Body: national, URL: "https://news.detik.com/berita/d-1/banjir", Published: "2025-10-21T10:00:00+07:00"})
	regional := strings.Replace(national, "Banjir Rendam Ratusan Rumah di Bekasi", "Ratusan Rumah di Bekasi Terendam Banjir", 1)
	k.add(t, "regional", analysis.Input{Body: regional, URL: "https://www.detik.com/jabar/berita/d-2/banjir", Published: "2025-10-21T12:00:00+07:00"})
	for _, c := range []struct {
		q    string
		want []int64
	}{
		{"banjir bekasi", []int64{k.ids["national"], k.ids["regional"]}},
		{"banjir bekasi collapse:copies", []int64{k.ids["national"]}},
	} {
		q, err := search.Parse(c.q)
		if err != nil {
			t.Fatal(err)
		}
		res, err := k.st.Search(context.Background(), q)
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: hits %v, want %v", c.q, got, c.want)
		}
	}
}

// Two tellings of one arrest, in other words, are the same story; the
// regent's call after it, with the same people and figures under another
// headline, is not: names alone do not tell an event from a reaction.
func TestSameStoryNotReaction(t *testing.T) {
	k := newLinked(t)
	k.add(t, "report", analysis.Input{Published: "2025-10-21T10:00:00+07:00", URL: "https://news.detik.com/berita/d-11/atm", Body: "Polisi Tangkap Dua Pelaku Pembobolan ATM di Sleman\n" +
		"Polres Sleman menangkap Andi Saputra dan Budi Hartono, dua pelaku pembobolan mesin ATM Bank Jaya di Kecamatan Depok, Sleman, pada Senin (20/10/2025) malam.\n" +
		"Kapolres Sleman AKBP Edy Prasetyo mengatakan kedua pelaku menggasak uang Rp 250 juta dari tiga mesin ATM.\n" +
		"\"Keduanya kami tangkap di sebuah rumah kos di Mlati,\" kata Edy kepada wartawan, Selasa (21/10/2025)."})
	k.add(t, "retold", analysis.Input{Published: "2025-10-21T13:00:00+07:00", URL: "https://www.detik.com/jogja/berita/d-12/atm", Body: "Dua Pembobol ATM di Sleman Ditangkap Polisi, Uang Rp 250 Juta Raib\n" +
		"Andi Saputra dan Budi Hartono tak berkutik saat polisi menggerebek kamar kos mereka di Mlati, Sleman.\n" +
		"Menurut AKBP Edy Prasetyo, Kapolres Sleman, keduanya membobol tiga mesin ATM Bank Jaya di Depok dan membawa kabur Rp 250 juta.\n" +
		"Edy menyebut penangkapan dilakukan Senin (20/10/2025) malam setelah polisi memeriksa rekaman kamera pengawas."})
	k.add(t, "reaction", analysis.Input{Published: "2025-10-21T16:00:00+07:00", URL: "https://news.detik.com/berita/d-13/bupati", Body: "Bupati Sleman Minta Bank Perketat Keamanan Mesin ATM\n" +
		"Bupati Sleman Kustini meminta Bank Jaya memperketat pengamanan mesin ATM di Depok setelah Andi Saputra dan Budi Hartono ditangkap.\n" +
		"Kustini mengapresiasi AKBP Edy Prasetyo dan jajaran Polres Sleman yang mengungkap pembobolan senilai Rp 250 juta itu.\n" +
		"\"Kami minta bank memasang penjaga di setiap gerai ATM,\" kata Kustini di Sleman, Selasa (21/10/2025)."})
	rels := k.relations(t, "report")
	if r, ok := rels[k.ids["retold"]]; !ok || r.Kind != lineage.SameStory || len(r.SharedHeadlineWords) < 3 {
		t.Errorf("the retold arrest: %+v, want the same story with its shared headline words", r)
	}
	if r, ok := rels[k.ids["reaction"]]; ok {
		t.Errorf("the regent's reaction taken for %s: %+v", r.Kind, r)
	}
}

// Two outlets telling one flood under other headlines agree on its
// figures; a follow-up on the same people repeats one of them.
func TestSameStoryByFacts(t *testing.T) {
	k := newLinked(t)
	k.add(t, "report", analysis.Input{Published: "2025-11-03T09:00:00+07:00", URL: "https://news.detik.com/berita/d-21/banjir", Body: "Banjir Rendam Ribuan Rumah di Kabupaten Bandung\n" +
		"Banjir merendam 1.250 rumah di 14 desa di Kecamatan Baleendah dan Dayeuhkolot, Kabupaten Bandung, sejak Minggu (2/11/2025) malam.\n" +
		"Kepala BPBD Kabupaten Bandung Uka Suska mengatakan 3 warga meninggal dan 2.100 warga mengungsi ke Masjid Al Furqon.\n" +
		"Kerugian sementara ditaksir Rp 4,5 miliar, kata Uka kepada wartawan, Senin (3/11/2025)."})
	k.add(t, "retold", analysis.Input{Published: "2025-11-03T12:00:00+07:00", URL: "https://www.detik.com/jabar/berita/d-22/baleendah", Body: "Tiga Orang Tewas, Warga Baleendah dan Dayeuhkolot Mengungsi\n" +
		"Sebanyak 2.100 warga Baleendah dan Dayeuhkolot bertahan di Masjid Al Furqon setelah air Sungai Citarum meluap.\n" +
		"Uka Suska dari BPBD Kabupaten Bandung menyebut 3 orang meninggal, 1.250 rumah terendam di 14 desa, dan kerugian mencapai Rp 4,5 miliar.\n" +
		"Air mulai naik pada Minggu (2/11/2025) malam."})
	k.add(t, "follow-up", analysis.Input{Published: "2025-11-04T10:00:00+07:00", URL: "https://news.detik.com/berita/d-23/tanggul", Body: "Bupati Bandung Janjikan Tanggul Baru untuk Baleendah\n" +
		"Bupati Bandung Dadang Supriatna berjanji membangun tanggul baru di Baleendah dan Dayeuhkolot tahun depan.\n" +
		"Dadang meninjau Masjid Al Furqon bersama Uka Suska dari BPBD Kabupaten Bandung, tempat 2.100 warga masih mengungsi.\n" +
		"\"Tanggul Citarum harus ditinggikan,\" kata Dadang, Selasa (4/11/2025)."})
	rels := k.relations(t, "report")
	if r, ok := rels[k.ids["retold"]]; !ok || r.Kind != lineage.SameStory || len(r.SharedNumbers)+len(r.SharedQuotedNumbers) < 4 {
		t.Errorf("the retold flood: %+v, want the same story with its shared figures", r)
	}
	if r, ok := rels[k.ids["follow-up"]]; ok {
		t.Errorf("the regent's follow-up taken for %s: %+v", r.Kind, r)
	}
}
