package stem

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/warta-news/warta/internal/golden"
)

// TestStem checks families of derived words against their roots, with the
// shipped dictionary. Each row is a word as it appears in news text.
func TestStem(t *testing.T) {
	families := []struct {
		name  string
		cases []string // "word root"
	}{
		{"me-", []string{"melihat lihat", "merasa rasa", "mewakili wakil", "meyakini yakin", "meminta minta", "menikah nikah", "menanti nanti"}},
		{"mem-", []string{"membangun bangun", "membaca baca", "memfasilitasi fasilitas", "memvonis vonis", "memakai pakai", "memukul pukul", "memilih pilih", "memakan makan", "memproses proses", "memperkenalkan kenal"}},
		{"men-", []string{"mencari cari", "mendapat dapat", "menjual jual", "menulis tulis", "menanam tanam", "menerima terima", "mentransfer transfer"}},
		{"meng-", []string{"mengambil ambil", "menggunakan guna", "menghadapi hadap", "mengirim kirim", "mengenal kenal", "mengklaim klaim", "mengonfirmasi konfirmasi", "mengetahui tahu"}},
		{"meny-", []string{"menyapu sapu", "menyusun susun", "menyatakan nyata", "menyanyi nyanyi", "menyurvei survei", "menyetujui setuju"}},
		{"menge-", []string{"mengebom bom", "mengecat cat", "mengecek cek", "mengesahkan sah"}},
		{"di-", []string{"dibangun bangun", "dipukul pukul", "diambil ambil", "dikonfirmasi konfirmasi", "diperkirakan kira", "diberlakukan laku", "diketahui tahu"}},
		{"ke-", []string{"kekasih kasih", "ketua ketua", "kedua kedua"}},
		{"ter-", []string{"terbesar besar", "tertinggi tinggi", "terendah rendah", "terbuka buka", "tersebut sebut", "terpengaruh pengaruh", "terdampak dampak"}},
		{"ber-", []string{"bertemu temu", "bermain main", "berambut rambut", "berada ada", "bekerja bekerja", "belajar ajar", "berinvestasi investasi", "berkoalisi koalisi"}},
		{"per-", []string{"perbaiki baik", "perkecil kecil", "perhatikan hati"}},
		{"pe-", []string{"pelaku laku", "petani tani", "pedagang dagang", "pemain main", "perokok rokok"}},
		{"pem-", []string{"pembaca baca", "pemakai pakai", "pemimpin pimpin", "pemuda muda"}},
		{"pen-", []string{"pencuri curi", "pendukung dukung", "penulis tulis", "penonton tonton"}},
		{"peng-", []string{"pengguna guna", "pengirim kirim", "pengusaha usaha", "pengamat pengamat"}},
		{"peny-", []string{"penyanyi nyanyi", "penyakit sakit", "penyebab sebab"}},
		{"se-", []string{"sebuah buah", "seorang orang", "sejumlah jumlah", "sebagai bagai"}},
		{"-kan", []string{"berikan beri", "bacakan baca", "masukkan masuk", "sampaikan sampai"}},
		{"-an", []string{"makanan makan", "tulisan tulis", "bacaan baca", "tahunan tahun", "masakan masak"}},
		{"-i", []string{"tulisi tulis", "datangi datang", "kuasai kuasa", "mengenai kena"}},
		{"particles", []string{"pulanglah pulang", "betulkah betul", "siapatah siapa", "apapun apa", "bacalah baca"}},
		{"possessives", []string{"bukuku buku", "rumahmu rumah", "rumahnya rumah", "rumahmukah rumah", "hartanyalah harta"}},
		{"ke-an", []string{"kesulitan sulit", "kemerdekaan merdeka", "keuangan uang", "kenaikan naik", "kebakaran bakar", "kementerian menteri"}},
		{"pe-an", []string{"pembangunan bangun", "penjualan jual", "pengawasan awas", "pemasukan masuk", "penerimaan terima", "pengeluaran keluar"}},
		{"per-an", []string{"pertemuan temu", "perusahaan usaha", "perekonomian ekonomi", "perasaan rasa", "pertanian tani"}},
		{"ber-an", []string{"berdatangan datang", "bersamaan sama", "berhubungan hubung"}},
		{"se-nya", []string{"secepatnya cepat", "sesungguhnya sungguh", "selengkapnya lengkap", "sebanyak-banyaknya banyak"}},
		{"confix chains", []string{"keberhasilan hasil", "pemberdayaan daya", "mempertahankan tahan", "diperdagangkan dagang", "berkelanjutan lanjut", "mengeluarkan keluar", "pengetahuan tahu"}},
		{"reduplication", []string{"monyet-monyet monyet", "buku-bukunya buku", "bertahun-tahun tahun", "sehari-hari hari", "berbeda-beda beda", "terus-menerus terus", "kira-kira kira"}},
		{"hyphenated", []string{"ceo-nya ceo", "besar-kecil besar-kecil", "non-keuangan non-keuangan", "ke-2 ke-2"}},
		{"case", []string{"Menteri menteri", "MEMBANGUN bangun", "Pembangunan bangun", "Jakarta jakarta"}},
		{"kept whole", []string{"pemerintah pemerintah", "pemerintahan pemerintah", "pemerintahnya pemerintah", "pengacara pengacara", "penduduk penduduk", "kependudukan penduduk", "peserta peserta", "pemilu pemilu", "ketiga ketiga", "seratus seratus", "berita berita", "beras beras", "perang perang", "kemeja kemeja", "beranda beranda"}},
		{"names and loanwords", []string{"Kediri kediri", "Prabowo prabowo", "Bekasi bekasi", "teknisi teknisi", "memori memori", "sedan sedan", "dimana dimana"}},
		{"not words", []string{"2025 2025", "Jum'at jum'at", "Rp1.500 rp1.500", "- -", " ", "dé dé"}},
	}
	for _, f := range families {
		t.Run(f.name, func(t *testing.T) {
			for _, c := range f.cases {
				word, want, _ := strings.Cut(c, " ")
				if got := Stem(word); got != want {
					t.Errorf("Stem(%q) = %q, want %q", word, got, want)
				}
			}
		})
	}
}

// TestSearchFamilies checks what search needs: the words of one family
// share a stem.
func TestSearchFamilies(t *testing.T) {
	families := [][]string{
		{"bertemu", "pertemuan", "menemui", "ditemukan", "temuan", "menemukannya"},
		{"pembangunan", "membangun", "dibangun", "bangunan", "pembangun", "dibangunkannya"},
		{"pemerintah", "pemerintahan", "pemerintahnya"},
		{"keberhasilan", "berhasil", "menghasilkan", "hasilnya", "penghasil"},
		{"penjualan", "menjual", "dijual", "terjual", "penjual", "jualan"},
		{"pengawasan", "mengawasi", "diawasi", "pengawas", "awas"},
		{"perdagangan", "pedagang", "berdagang", "diperdagangkan", "dagangan"},
	}
	for _, fam := range families {
		want := Stem(fam[0])
		for _, w := range fam[1:] {
			if got := Stem(w); got != want {
				t.Errorf("Stem(%q) = %q, want %q like Stem(%q)", w, got, want, fam[0])
			}
		}
	}
}

// TestRules checks the affix rules alone, on a small dictionary, so that a
// change to the shipped lists cannot hide a broken rule.
func TestRules(t *testing.T) {
	d := newDictionary()
	if err := d.add("test", "main\ntulis\npukul\npakai\nmakan\npakan\nmaka closed\nbeli\nbeli\nikan\nberi\nawas\nkawasan\nkirim\nsapu\nnyanyi\nbom\ntemu\nbangun\nrambut\nambil\nada\ndan closed\napa closed\nhati\nkenal\n"); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ word, want string }{
		{"menulis", "tulis"},           // men- replaced t
		{"memukul", "pukul"},           // mem- replaced p
		{"memakai", "pakai"},           // not me+maka+i: maka is closed
		{"memakan", "makan"},           // me+makan before me+pakan
		{"membeli", "beli"},            // mem+beli
		{"memberikan", "beri"},         // mem+beri+kan, not mem+ber+ikan
		{"berikan", "beri"},            // suffix before prefix
		{"pengawasan", "awas"},         // peng+awas+an, not peng+kawasan
		{"mengirim", "kirim"},          // meng- replaced k
		{"menyapu", "sapu"},            // meny- replaced s
		{"menyanyi", "nyanyi"},         // me+nyanyi
		{"mengebom", "bom"},            // menge+bom
		{"pertemuan", "temu"},          // per-an
		{"dibangunkannya", "bangun"},   // di+bangun+kan+nya
		{"berambut", "rambut"},         // ber+r written once
		{"sedan", "sedan"},             // dan is closed
		{"apakah", "apa"},              // a closed root takes a particle
		{"memperkenalkan", "kenal"},    // mem+per+kenal+kan
		{"diambilkan", "ambil"},        // di-kan
		{"diambilan", "diambilan"},     // di-an is not a word
		{"keambili", "keambili"},       // ke-i is not a word
		{"diada", "ada"},               // prefix on a three-letter root
		{"dia", "dia"},                 // no two-letter roots
		{"memperhatikanlah", "hati"},   // three affixes and a particle
		{"didimenulis", "didimenulis"}, // di- comes first only
		{"berbermain", "berbermain"},   // no prefix twice
	}
	for _, c := range cases {
		if got := d.stem(c.word); got != c.want {
			t.Errorf("stem(%q) = %q, want %q", c.word, got, c.want)
		}
	}
}

// TestDictionary checks the embedded lists and the line format.
func TestDictionary(t *testing.T) {
	d := defaultDict()
	if len(d.words) < 3000 {
		t.Errorf("dictionary has %d roots, want over 3000", len(d.words))
	}
	for _, w := range []string{"bangun", "temu", "pemerintah", "menteri"} {
		if _, ok := d.lookup([]byte(w)); !ok {
			t.Errorf("%q missing from the dictionary", w)
		}
	}
	if e := d.words["dan"]; !e.closed {
		t.Error("dan is not closed")
	}
	if e := d.words["tentang"]; e.closed {
		t.Error("tentang is closed: roots.txt should open it (menentang)")
	}
	for _, bad := range []string{"Besar\n", "be sar x\n", "a\n", "ke--2\n", "buku closedx\n"} {
		if err := newDictionary().add("test", bad); err == nil {
			t.Errorf("add(%q) accepted a malformed line", bad)
		}
	}
}

// TestNoAllocs checks that roots and words with a listed root cost no
// allocation, which matters inside a full-text index.
func TestNoAllocs(t *testing.T) {
	words := []string{"bangun", "pembangunan", "menulis", "dibangunkannya", "monyet-monyet", "Menteri", "xyzzy"}
	for _, w := range words {
		if n := testing.AllocsPerRun(100, func() { Stem(w) }); n != 0 {
			t.Errorf("Stem(%q) allocates %.0f times", w, n)
		}
	}
}

// TestConcurrent stems from several goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			for j := range 200 {
				w := fmt.Sprintf("pembangunan%d", (i+j)%3)
				Stem(w)
				if got := Stem("pertemuan"); got != "temu" {
					t.Errorf("Stem(pertemuan) = %q", got)
					return
				}
			}
		})
	}
	wg.Wait()
}

// TestGolden stems the words of testdata/words.txt and compares with
// testdata/words.golden, one "word<TAB>stem" line each.
func TestGolden(t *testing.T) {
	var b strings.Builder
	for line := range strings.Lines(golden.Read(t, "testdata/words.txt")) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			fmt.Fprintf(&b, "%s\t%s\n", w, Stem(w))
		}
	}
	golden.Check(t, "testdata/words.golden", []byte(b.String()))
}

func TestKnown(t *testing.T) {
	for _, row := range []struct {
		word string
		want bool
	}{
		{"Ketua", true}, {"pemerintah", true}, {"Merah", true}, {"dikerjakan", true},
		{"Nord", false}, {"Stream", false}, {"Blinken", false}, {"2025", false}, {"", false},
	} {
		if got := Known(row.word); got != row.want {
			t.Errorf("Known(%q) = %v, want %v", row.word, got, row.want)
		}
	}
}
