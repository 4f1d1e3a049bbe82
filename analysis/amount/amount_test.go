package amount

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

// document builds a Document as the pipeline does, from one paragraph.
func document(s string) *text.Document {
	d := &text.Document{Text: text.Normalize(s)}
	text.Tokenize(d)
	text.SplitSentences(d)
	return d
}

// show prints an amount compactly: text = value unit kind, then ~ for an
// approximate amount and ..max when there is a max.
func show(a Amount) string {
	s := fmt.Sprintf("%s = %s %s %s", a.Text, strconv.FormatFloat(a.Value, 'f', -1, 64), a.Unit, a.Kind)
	if a.Approximate {
		s += " ~"
	}
	if a.Max != 0 {
		s += " .." + strconv.FormatFloat(a.Max, 'f', -1, 64)
	}
	return s
}

// Each row is a sentence in the style of Indonesian news and every amount
// it holds; sentences with none check what is not an amount.
var findTests = []struct {
	in   string
	want []string
}{
	// money in rupiah
	{"Kerugian negara ditaksir Rp1,5 triliun.", []string{"Rp1,5 triliun = 1500000000000 IDR money"}},
	{"Bantuan tunai sebesar Rp 500 ribu per bulan.", []string{"Rp 500 ribu = 500000 IDR money"}},
	{"Harga emas naik menjadi Rp1.250.000 per gram.", []string{"Rp1.250.000 = 1250000 IDR money"}},
	{"Harga naik ke Rp1.500.000,50 per gram.", []string{"Rp1.500.000,50 = 1500000.5 IDR money"}},
	{"Anggaran Rp 2,65 miliar dicairkan.", []string{"Rp 2,65 miliar = 2650000000 IDR money"}},
	{"Dana Rp. 750.000 diserahkan.", []string{"Rp. 750.000 = 750000 IDR money"}},
	{"KPK menyita Rp 90 M dari tersangka.", []string{"Rp 90 M = 90000000000 IDR money"}},
	{"Pemda menyimpan Rp 3,1 T di bank.", []string{"Rp 3,1 T = 3100000000000 IDR money"}},
	{"Nilai transaksi Rp 12,8 T. Investor asing masuk.", []string{"Rp 12,8 T = 12800000000000 IDR money"}},
	{"Gajinya RP 5 juta sebulan.", []string{"RP 5 juta = 5000000 IDR money"}},
	{"Tarifnya IDR 150.000 per malam.", []string{"IDR 150.000 = 150000 IDR money"}},
	{"Nilai kontrak Rp 1,2 triliun dan Rp 800 miliar.", []string{"Rp 1,2 triliun = 1200000000000 IDR money", "Rp 800 miliar = 800000000000 IDR money"}},
	{"Pedagang menjual cabai Rp 65 ribu per kilogram.", []string{"Rp 65 ribu = 65000 IDR money"}},
	{"Biaya sekitar Rp 10-20 juta per orang.", []string{"Rp 10-20 juta = 10000000 IDR money ..20000000"}},
	{"Uang yang diberikan senilai jutaan rupiah.", []string{"jutaan rupiah = 1000000 IDR money ~ ..9999999"}},
	{"Kredit senilai ratusan miliar rupiah dikucurkan.", []string{"ratusan miliar rupiah = 100000000000 IDR money ~ ..999999999999"}},
	{"Hadiahnya 500 ribu rupiah.", []string{"500 ribu rupiah = 500000 IDR money"}},
	{"Rupiah dibuka di level Rp 16.300-an per dolar AS.", []string{"Rp 16.300-an = 16300 IDR money ~"}},
	{"Kurs ditutup di Rp 16.335/US$.", []string{"Rp 16.335 = 16335 IDR money"}},
	{"Dana Rp ratusan juta raib.", []string{"Rp ratusan juta = 100000000 IDR money ~ ..999999999"}},
	{"Pajaknya Rp 5 juta hingga Rp 10 juta.", []string{"Rp 5 juta = 5000000 IDR money", "Rp 10 juta = 10000000 IDR money"}},
	{"Ia membayar Rp2.000 untuk parkir.", []string{"Rp2.000 = 2000 IDR money"}},
	{"Tiket dijual Rp2025.", []string{"Rp2025 = 2025 IDR money"}},
	// foreign currencies
	{"Pipa senilai $ 11 miliar itu dibangun.", []string{"$ 11 miliar = 11000000000 USD money"}},
	{"Investasi US$3 juta masuk.", []string{"US$3 juta = 3000000 USD money"}},
	{"Harga minyak US$ 67,82 per barel.", []string{"US$ 67,82 = 67.82 USD money"}},
	{"Ekspor 50 juta dolar AS tahun ini.", []string{"50 juta dolar AS = 50000000 USD money"}},
	{"Utang mencapai 1,2 miliar dolar Amerika Serikat.", []string{"1,2 miliar dolar Amerika Serikat = 1200000000 USD money"}},
	{"Proyek €2 miliar disepakati.", []string{"€2 miliar = 2000000000 EUR money"}},
	{"Tiket S$10 per orang.", []string{"S$10 = 10 SGD money"}},
	{"Ia membawa 20 ribu dolar Singapura.", []string{"20 ribu dolar Singapura = 20000 SGD money"}},
	{"Ekonomi digital mencapai USD 90 M tahun ini.", []string{"USD 90 M = 90000000000 USD money"}},
	{"Cadangan devisa USD152 miliar.", []string{"USD152 miliar = 152000000000 USD money"}},
	{"Harga saham HK$5,5 per lembar.", []string{"HK$5,5 = 5.5 HKD money"}},
	{"Dana hibah 3 juta euro diterima.", []string{"3 juta euro = 3000000 EUR money"}},
	{"Bantuan 100 juta yen dari Jepang.", []string{"100 juta yen = 100000000 JPY money"}},
	{"Investasi 2 miliar yuan digelontorkan.", []string{"2 miliar yuan = 2000000000 CNY money"}},
	{"Gaji 5.000 ringgit sebulan.", []string{"5.000 ringgit = 5000 MYR money"}},
	{"Jamaah membawa 1.500 riyal.", []string{"1.500 riyal = 1500 SAR money"}},
	{"Denda £1,5 juta dijatuhkan.", []string{"£1,5 juta = 1500000 GBP money"}},
	{"Investasi US$ 643,8 miliar dibutuhkan.", []string{"US$ 643,8 miliar = 643800000000 USD money"}},
	{"Harga naik 13 sen.", nil},
	// percentages
	{"Inflasi tahunan 20 persen.", []string{"20 persen = 20 % percent"}},
	{"Suku bunga naik 20%.", []string{"20% = 20 % percent"}},
	{"Ekonomi tumbuh 0,5 persen.", []string{"0,5 persen = 0.5 % percent"}},
	{"Inflasi di angka 2,65%.", []string{"2,65% = 2.65 % percent"}},
	{"Pertumbuhan 5,12% tahun ini.", []string{"5,12% = 5.12 % percent"}},
	{"Proyeksi 5-6 persen.", []string{"5-6 persen = 5 % percent ..6"}},
	{"Kenaikan lima persen.", []string{"lima persen = 5 % percent"}},
	{"Naik dua puluh persen.", []string{"dua puluh persen = 20 % percent"}},
	{"Turun 1.25 persen.", nil}, // a clock-time token without a scale: left alone
	{"Suara partai 14,455 persen.", []string{"14,455 persen = 14.455 % percent"}},
	{"Yield turun 11 basis poin.", []string{"11 basis poin = 11 bps quantity"}},
	{"IHSG menguat 23 poin (0,14%).", []string{"23 poin = 23 poin quantity", "0,14% = 0.14 % percent"}},
	{"Partisipasi puluhan persen.", []string{"puluhan persen = 10 % percent ~ ..99"}},
	// counts
	{"Sebanyak 1.200 orang mengungsi.", []string{"1.200 orang = 1200 orang count"}},
	{"Polisi menyita tiga unit mobil.", []string{"tiga unit = 3 unit count"}},
	{"Ratusan warga berunjuk rasa.", []string{"Ratusan warga = 100 warga count ~ ..999"}},
	{"Banjir merendam puluhan rumah.", []string{"puluhan rumah = 10 rumah count ~ ..99"}},
	{"Satpol PP menyita ribuan botol miras.", []string{"ribuan botol = 1000 botol count ~ ..9999"}},
	{"Padel dimainkan puluhan juta orang.", []string{"puluhan juta orang = 10000000 orang count ~ ..99999999"}},
	{"Puluhan ribu botol dimusnahkan.", []string{"Puluhan ribu botol = 10000 botol count ~ ..99999"}},
	{"Belasan warung dibongkar.", []string{"Belasan warung = 11 warung count ~ ..19"}},
	{"Sebanyak 182 orang keracunan.", []string{"182 orang = 182 orang count"}},
	{"Dua orang tewas.", []string{"Dua orang = 2 orang count"}},
	{"Lima tersangka ditahan.", []string{"Lima tersangka = 5 tersangka count"}},
	{"Ada 37 provinsi yang mengalami inflasi.", []string{"37 provinsi = 37 provinsi count"}},
	{"Sebanyak 36 kendaraan dan dua bidang tanah disita.", []string{"36 kendaraan = 36 kendaraan count", "dua bidang = 2 bidang count"}},
	{"Korban dirawat di 3 rumah sakit.", []string{"3 rumah sakit = 3 rumah sakit count"}},
	{"Sekitar 10 sampai 20 warung terdampak.", []string{"10 sampai 20 warung = 10 warung count ..20"}},
	{"Sebanyak 22 KPM menerima bantuan.", []string{"22 KPM = 22 KPM count"}},
	{"Dua puluh lima siswa dirawat.", []string{"Dua puluh lima siswa = 25 siswa count"}},
	{"Seratus dua puluh personel dikerahkan.", []string{"Seratus dua puluh personel = 120 personel count"}},
	{"Sebanyak 1,2 juta jiwa terdampak.", []string{"1,2 juta jiwa = 1200000 jiwa count"}},
	{"Penanaman 1.2 juta bibit mangrove.", []string{"1.2 juta bibit = 1200000 bibit count"}},
	{"Sebanyak 1,250,000 warga terdaftar.", []string{"1,250,000 warga = 1250000 warga count"}},
	{"Operasi pasar digelar di lima titik.", []string{"lima titik = 5 titik count"}},
	{"Ia menjadi salah satu tersangka.", nil},
	{"Salah satu orang saksi hadir.", nil},
	{"Kedua negara sepakat.", nil},
	{"Ia datang dua kali.", nil},
	{"Ada tiga hal yang dibahas.", nil},
	// quantities
	{"Bantuan beras 5 ton tiba.", []string{"5 ton = 5 t quantity"}},
	{"Jaraknya 12 km dari pusat kota.", []string{"12 km = 12 km quantity"}},
	{"Tahap pertama 11 Ton sudah tiba.", []string{"11 Ton = 11 t quantity"}},
	{"Lahan 21 hektare terbakar.", []string{"21 hektare = 21 ha quantity"}},
	{"Tersedia 800 kg cabai merah.", []string{"800 kg = 800 kg quantity"}},
	{"Volume ekspor 1,7 juta liter.", []string{"1,7 juta liter = 1700000 l quantity"}},
	{"Sarang walet 35,386 kg disita.", []string{"35,386 kg = 35.386 kg quantity"}},
	{"Curah hujan 50 mm per hari.", []string{"50 mm = 50 mm quantity"}},
	{"Tinggi gelombang 2,5 m.", []string{"2,5 m = 2.5 m quantity"}},
	{"Pembangkit 35 MW diresmikan.", []string{"35 MW = 35 MW quantity"}},
	{"Luasnya 500 meter persegi.", []string{"500 meter persegi = 500 m² quantity"}},
	{"Suhu mencapai 38 derajat Celsius.", []string{"38 derajat Celsius = 38 °C quantity"}},
	{"Produksi 1 juta barel per hari.", []string{"1 juta barel = 1000000 barel quantity"}},
	{"Kendaraan melaju 100 km/jam.", []string{"100 km/jam = 100 km/jam quantity"}},
	{"Suhu turun hingga minus 3 derajat.", []string{"minus 3 derajat = -3 ° quantity"}},
	{"Suhu mencapai 35-38 derajat Celcius.", []string{"35-38 derajat Celcius = 35 °C quantity ..38"}},
	{"Kabupaten Sleman Rp 2,4 triliun4. Kota Tegal Rp 1,7 triliun.", []string{"Rp 2,4 triliun = 2400000000000 IDR money", "Rp 1,7 triliun = 1700000000000 IDR money"}},
	{"Harga cabai Rp 65.000/kg di pasar.", []string{"Rp 65.000 = 65000 IDR money"}},
	{"Setengah ton beras dibagikan.", []string{"Setengah ton = 0.5 t quantity"}},
	{"Satu setengah kilogram daging.", []string{"Satu setengah kilogram = 1.5 kg quantity"}},
	{"Tiga perempat ton gabah.", []string{"Tiga perempat ton = 0.75 t quantity"}},
	{"Seperempat hektare lahan.", []string{"Seperempat hektare = 0.25 ha quantity"}},
	{"Motor 150 cc itu dicuri.", []string{"150 cc = 150 cc quantity"}},
	// not amounts
	{"Ia dijerat Pasal 28 ayat 2 UU ITE.", nil},
	{"Sesuai Pasal 2 ayat 1 tentang 5 orang.", []string{"5 orang = 5 orang count"}},
	{"Pada tahun 2025 warga desa menanam padi.", nil},
	{"Kejadian pada 20/10 itu viral.", nil},
	{"Hubungi 08123456789 atau 0812-3456-7890.", nil},
	{"Pipa Nord Stream 2 dibangun.", nil},
	{"Ia meraih juara ke-2.", nil},
	{"Rapat dimulai pukul 14.30 WIB.", nil},
	{"UU Nomor 1 Tahun 2023 tentang KUHP.", nil},
	{"Ia ditahan selama tiga hari.", nil},
	{"Proyek berlangsung 5 tahun.", nil},
	{"Periode 2020-2024 berakhir.", nil},
	{"Skor akhir 2-1 untuk tuan rumah.", nil},
	{"Petugas haji 1446 H/2025 M di Makkah.", nil},
	{"Nilai tukar Rp terhadap dolar melemah.", nil},
	{"Harga $ naik.", nil},
	{"Versi 1.2.3 dirilis.", nil},
}

func TestFind(t *testing.T) {
	for _, tc := range findTests {
		var got []string
		for _, a := range Find(document(tc.in)) {
			got = append(got, show(a))
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s\n got %q\nwant %q", tc.in, got, tc.want)
		}
	}
}

func TestReadNumber(t *testing.T) {
	tests := []struct {
		in    string
		value float64
		max   float64
		last  int // tokens read
	}{
		{"1.250.000", 1250000, 0, 1},
		{"1,5", 1.5, 0, 1},
		{"0,5", 0.5, 0, 1},
		{"1.2", 1.2, 0, 1},
		{"1.500", 1500, 0, 1},
		{"1,234.56", 1234.56, 0, 1},
		{"1,250,000", 1250000, 0, 1},
		{"1.500.000,50", 1500000.5, 0, 1},
		{"2,65 miliar", 2650000000, 0, 2},
		{"5 ribu triliun", 5e15, 0, 3},
		{"satu", 1, 0, 1},
		{"dua puluh", 20, 0, 2},
		{"dua puluh lima", 25, 0, 3},
		{"seratus", 100, 0, 1},
		{"seratus dua puluh tiga", 123, 0, 4},
		{"dua belas", 12, 0, 2},
		{"sebelas", 11, 0, 1},
		{"seribu lima ratus", 1500, 0, 3},
		{"dua ratus lima puluh ribu", 250000, 0, 5},
		{"satu juta dua ratus ribu", 1200000, 0, 5},
		{"tiga puluh dua ribu lima ratus", 32500, 0, 6},
		{"setengah", 0.5, 0, 1},
		{"seperempat", 0.25, 0, 1},
		{"satu setengah", 1.5, 0, 2},
		{"dua setengah juta", 2500000, 0, 3},
		{"setengah juta", 500000, 0, 2},
		{"tiga perempat", 0.75, 0, 2},
		{"ratusan", 100, 999, 1},
		{"puluhan ribu", 10000, 99999, 2},
		{"ratusan ribu", 100000, 999999, 2},
		{"belasan", 11, 19, 1},
		{"satu dua", 1, 0, 1},
		{"lima ribu juta", 5000, 0, 2},
	}
	for _, tc := range tests {
		d := document(tc.in)
		n, ok := ReadNumber(d, 0, len(d.Tokens))
		if !ok || n.Value != tc.value || n.Max != tc.max || n.Last != tc.last {
			t.Errorf("ReadNumber(%q) = %+v, %v; want value %v max %v last %d", tc.in, n, ok, tc.value, tc.max, tc.last)
		}
	}
	for _, in := range []string{"1.2.3", "dan", "belas", "puluh", "ribu", "20/10", "14.30", "%"} {
		d := document(in)
		if n, ok := ReadNumber(d, 0, len(d.Tokens)); ok {
			t.Errorf("ReadNumber(%q) = %+v, want no numeral", in, n)
		}
	}
}
