package fingerprint_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/fingerprint"
	"github.com/warta-news/warta/internal/shared"
)

func analyze(t *testing.T, body, published string) *analysis.Record {
	t.Helper()
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Body: body, Published: published})
	if err != nil {
		t.Fatal(err)
	}
	if rec.Fingerprint == nil {
		t.Fatal("no fingerprint")
	}
	return rec
}

func signature(t *testing.T, rec *analysis.Record) []uint32 {
	t.Helper()
	sig, err := fingerprint.DecodeMinHash(rec.Fingerprint.MinHash)
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

const story = `Banjir Rendam Ratusan Rumah di Bekasi
BEKASI, KOMPAS.com - Banjir setinggi satu meter merendam ratusan rumah warga di Kecamatan Bekasi Timur setelah hujan deras mengguyur sejak Senin malam.
Kepala Badan Penanggulangan Bencana Daerah Kota Bekasi mengatakan sebanyak 350 kepala keluarga terdampak dan sebagian mengungsi ke masjid terdekat.
"Kami sudah menyiapkan perahu karet dan dapur umum untuk warga," kata dia di lokasi, Selasa (21/10/2025).
Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari. (abc/xyz)`

// The dateline and the editor's initials are furniture: the same body under
// another outlet's dateline has the same signature.
func TestFurnitureLeftOut(t *testing.T) {
	a := analyze(t, story, "2025-10-21")
	b := analyze(t, strings.Replace(strings.Replace(story, "BEKASI, KOMPAS.com -", "Bekasi (ANTARA) -", 1), "(abc/xyz)", "(red/fgh)", 1), "2025-10-21")
	if a.Fingerprint.MinHash != b.Fingerprint.MinHash || a.Fingerprint.SimHash != b.Fingerprint.SimHash {
		t.Errorf("the dateline or credit changed the signature:\n%s\n%s", a.Fingerprint.SimHash, b.Fingerprint.SimHash)
	}
	if !slices.Equal(a.Fingerprint.Sentences, b.Fingerprint.Sentences) {
		t.Errorf("sentence hashes differ: %v %v", a.Fingerprint.Sentences, b.Fingerprint.Sentences)
	}
	if !slices.Contains(b.Fingerprint.Credits, "antara") || !slices.Contains(a.Fingerprint.Credits, "kompascom") {
		t.Errorf("credits %v and %v, want kompascom and antara", a.Fingerprint.Credits, b.Fingerprint.Credits)
	}
	if got := len(a.Fingerprint.Sentences); got != 4 {
		t.Errorf("%d body sentences hashed, want 4 (the title is not body)", got)
	}
}

// A copy with one sentence rewritten stays near; another story does not.
func TestSimilarity(t *testing.T) {
	a := analyze(t, story, "2025-10-21")
	edited := analyze(t, strings.Replace(story, "Petugas masih memantau ketinggian air Kali Bekasi yang terus naik hingga siang hari.", "Hingga berita ini ditulis, air belum surut.", 1), "2025-10-21")
	other := analyze(t, "Harga Cabai Naik\nHarga cabai rawit di Pasar Induk Kramat Jati naik menjadi Rp 80 ribu per kilogram menjelang akhir pekan, kata pedagang.\nPedagang menyebut pasokan dari Jawa Tengah berkurang karena cuaca.", "2025-10-21")
	near := fingerprint.EstimateJaccard(signature(t, a), signature(t, edited))
	far := fingerprint.EstimateJaccard(signature(t, a), signature(t, other))
	if near < 0.5 || far > 0.1 {
		t.Errorf("estimated Jaccard: edited copy %.2f (want ≥ 0.5), other story %.2f (want ≤ 0.1)", near, far)
	}
	if d := fingerprint.SimHashDistance(a.Fingerprint.SimHash, edited.Fingerprint.SimHash); d > 20 {
		t.Errorf("SimHash distance to the edited copy %d bits, want ≤ 20", d)
	}
	if d := fingerprint.SimHashDistance(a.Fingerprint.SimHash, other.Fingerprint.SimHash); d < 16 {
		t.Errorf("SimHash distance to another story %d bits, want ≥ 16", d)
	}
	shared := 0
	ka, ke := fingerprint.BandKeys(signature(t, a)), fingerprint.BandKeys(signature(t, edited))
	for i := range ka {
		if ka[i] == ke[i] {
			shared++
		}
	}
	if shared == 0 {
		t.Error("the edited copy shares no LSH band")
	}
}

// The founding article's language-independent fingerprint holds the names,
// money, durations and dates of the Reykjavik meeting.
func TestSeedAnchors(t *testing.T) {
	var gold map[string]any
	rec := analyze(t, shared.Seed(t, &gold), "2021-05-20")
	fp := rec.Fingerprint
	for _, want := range []string{"blinken", "lavrov", "reikjavik", "navaln", "whelan", "riabkov"} {
		if !slices.Contains(fp.Names, want) {
			t.Errorf("names %v lack %q", fp.Names, want)
		}
	}
	for _, want := range []string{"USD 11000000000", "6300s"} {
		if !slices.Contains(fp.Numbers, want) {
			t.Errorf("numbers %v lack %q", fp.Numbers, want)
		}
	}
	if !slices.Contains(fp.Dates, "2021-05-19") {
		t.Errorf("dates %v lack the meeting's day", fp.Dates)
	}
}

// English wire copy is read in English conventions, so that it meets its
// translation on the same keys.
func TestEnglishAnchors(t *testing.T) {
	rec := analyze(t, `U.S., Russia air differences in Reykjavik talks
REYKJAVIK (Reuters) - U.S. Secretary of State Antony Blinken and Russian Foreign Minister Sergei Lavrov met on Wednesday for 1 hour and 45 minutes, the State Department said.
Washington imposed sanctions on ships building the $11 billion Nord Stream 2 pipeline, which carries gas to Germany, on May 19, 2021. Turnout rose 12.5 percent to 1,500 delegates.
"We are ready to discuss 3 issues," Lavrov said.`, "2021-05-20")
	fp := rec.Fingerprint
	if rec.Language.Code != "en" {
		t.Fatalf("language %s, want en", rec.Language.Code)
	}
	for _, want := range []string{"blinken", "lavrov", "reikjavik", "anton", "serge", "washington"} {
		if !slices.Contains(fp.Names, want) {
			t.Errorf("names %v lack %q", fp.Names, want)
		}
	}
	for _, bad := range []string{"secretari", "minister", "wednesdai", "the"} {
		if slices.Contains(fp.Names, bad) {
			t.Errorf("names %v hold %q", fp.Names, bad)
		}
	}
	for _, want := range []string{"USD 11000000000", "6300s", "12.5%", "1500"} {
		if !slices.Contains(fp.Numbers, want) {
			t.Errorf("numbers %v lack %q", fp.Numbers, want)
		}
	}
	if !slices.Equal(fp.Dates, []string{"2021-05-19"}) {
		t.Errorf("dates %v, want the Wednesday and May 19, 2021: 2021-05-19", fp.Dates)
	}
	if !slices.Equal(fp.QuotedNumbers, []string{"3"}) {
		t.Errorf("quoted numbers %v, want [3]", fp.QuotedNumbers)
	}
	if !slices.Contains(fp.Credits, "reuters") {
		t.Errorf("credits %v lack reuters", fp.Credits)
	}
}

func TestNameKey(t *testing.T) {
	for _, c := range [][2]string{
		{"Anthony", "Antony"}, {"Sergey", "Sergei"}, {"Moskow", "Moscow"}, {"Rusia", "Russia"},
		{"Ukraina", "Ukraine"}, {"Navalny", "Navalni"}, {"Zelenskyy", "Zelensky"}, {"Erdoğan", "Erdogan"},
	} {
		if a, b := fingerprint.NameKey(c[0]), fingerprint.NameKey(c[1]); a != b || a == "" {
			t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want equal", c[0], a, c[1], b)
		}
	}
	for _, c := range [][2]string{{"Blinken", "Lavrov"}, {"Paris", "Peru"}, {"Iran", "Irak"}} {
		if fingerprint.NameKey(c[0]) == fingerprint.NameKey(c[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q)", c[0], c[1])
		}
	}
	if k := fingerprint.NameKey("AS"); k != "" {
		t.Errorf("NameKey(AS) = %q, want empty", k)
	}
}

func TestDecodeMinHash(t *testing.T) {
	for _, bad := range []string{"", "zz", strings.Repeat("g", 8*fingerprint.MinHashes)} {
		if _, err := fingerprint.DecodeMinHash(bad); err == nil {
			t.Errorf("DecodeMinHash(%.10q...) gave no error", bad)
		}
	}
}
