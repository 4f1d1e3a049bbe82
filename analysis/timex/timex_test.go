package timex

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis/text"
)

// document builds a Document as the pipeline does, from one paragraph.
func document(s string) *text.Document {
	d := &text.Document{Text: text.Normalize(s)}
	text.Tokenize(d)
	text.SplitSentences(d)
	return d
}

// day parses a published date as the pipeline gives it: midnight WIB.
func day(s string) *time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, wib)
	if err != nil {
		panic(err)
	}
	return &t
}

// show prints what Find gives compactly: "text = value gran" for a date
// (value ..end_value for a range, null when unresolved) and "text = N s"
// for a duration.
func show(dates []Date, durs []Duration) []string {
	var out []string
	for _, d := range dates {
		v := d.Value
		if v == "" {
			v = "null"
		}
		if d.EndValue != "" {
			v += ".." + d.EndValue
		}
		out = append(out, fmt.Sprintf("%s = %s %s", d.Text, v, d.Granularity))
	}
	for _, d := range durs {
		out = append(out, fmt.Sprintf("%s = %s s", d.Text, strconv.FormatFloat(d.Seconds, 'f', -1, 64)))
	}
	return out
}

// Rows are sentences in the style of Indonesian news with every date and
// duration they hold, against a published date (pub; "" for none). The
// published dates are real weekdays: 2025-10-20 is a Monday, 2021-05-20 a
// Thursday.
var findTests = []struct {
	pub  string
	in   string
	want []string
}{
	// absolute dates
	{"2025-10-20", "Rapat digelar pada 20 Oktober 2025.", []string{"20 Oktober 2025 = 2025-10-20 day"}},
	{"2025-10-20", "Tito berbicara di Jakarta, Senin (20/10/2025).", []string{"Senin (20/10/2025) = 2025-10-20 day"}},
	{"2025-10-22", "Hal itu disampaikan Senin (20/10).", []string{"Senin (20/10) = 2025-10-20 day"}},
	{"2025-10-20", "Sidang dijadwalkan Senin (27/10).", []string{"Senin (27/10) = 2025-10-27 day"}},
	{"2026-01-03", "Banjir terjadi pada Selasa (30/12).", []string{"Selasa (30/12) = 2025-12-30 day"}},
	{"2025-10-20", "Kejadian itu pada tanggal 20/10 lalu.", []string{"20/10 lalu = 2025-10-20 day"}},
	{"2025-10-20", "Ia lahir pada tahun 1951.", []string{"tahun 1951 = 1951 year"}},
	{"2025-10-20", "Inflasi Oktober 2025 terkendali.", []string{"Oktober 2025 = 2025-10 month"}},
	{"2025-10-20", "Data per 1 Okt 2025 menunjukkan kenaikan.", []string{"1 Okt 2025 = 2025-10-01 day"}},
	{"2025-10-20", "Sidang pada 2025-10-14 ditunda.", []string{"2025-10-14 = 2025-10-14 day"}},
	{"2025-10-20", "Kebakaran gudang itu terjadi Sabtu malam, 4 Oktober 2025, menurut warga.", []string{"Sabtu malam, 4 Oktober 2025 = 2025-10-04 day"}},
	{"2025-10-20", "Panitia membuka pendaftaran Rabu, 15 Oktober 2025.", []string{"Rabu, 15 Oktober 2025 = 2025-10-15 day"}},
	{"2025-10-20", "Rapat berlangsung Selasa malam (23/9/2025).", []string{"Selasa malam (23/9/2025) = 2025-09-23 day"}},
	{"2025-10-20", "Paket itu sampai di Pekanbaru, Sabtu (18/10/2025) kemarin.", []string{"Sabtu (18/10/2025) kemarin = 2025-10-18 day"}},
	{"2025-10-20", "Pemilu 2024 sudah usai.", []string{"2024 = 2024 year"}},
	{"2025-10-20", "Anggaran pada 2026 naik.", []string{"2026 = 2026 year"}},
	{"2025-10-20", "Target itu dicapai pada akhir 2025.", []string{"akhir 2025 = 2025 year"}},
	{"2025-10-20", "APBN tahun anggaran 2026 disahkan.", []string{"tahun anggaran 2026 = 2026 year"}},
	{"2025-10-20", "Sejak 17 Agustus 1945 Indonesia merdeka.", []string{"17 Agustus 1945 = 1945-08-17 day"}},
	{"", "Ia ditangkap pada 12 Mei 2010.", []string{"12 Mei 2010 = 2010-05-12 day"}},
	{"", "Rapat Senin (20/10/2025) berjalan alot.", []string{"Senin (20/10/2025) = 2025-10-20 day"}},
	// relative dates
	{"2021-05-20", "Dalam pertemuan pertamanya pada hari Rabu dengan Lavrov.", []string{"hari Rabu = 2021-05-19 day"}},
	{"2021-05-20", "Sejak Biden menjadi presiden pada Januari.", []string{"Januari = 2021-01 month"}},
	{"2021-05-20", "Diplomat akan menyiapkan pertemuan pada awal Juni.", []string{"awal Juni = 2021-06 month"}},
	{"2021-05-20", "Hubungan telah tegang sejak Maret.", []string{"Maret = 2021-03 month"}},
	{"2025-10-20", "Ia datang Rabu lalu.", []string{"Rabu lalu = 2025-10-15 day"}},
	{"2025-10-22", "Ia datang Rabu lalu.", []string{"Rabu lalu = 2025-10-15 day"}},
	{"2025-10-20", "Rapat digelar Rabu depan.", []string{"Rabu depan = 2025-10-22 day"}},
	{"2025-10-20", "Rapat akan digelar Rabu.", []string{"Rabu = 2025-10-22 day"}},
	{"2025-10-20", "Rapat akan digelar hari Senin.", []string{"hari Senin = 2025-10-20 day"}},
	{"2025-10-20", "Rapat digelar Rabu mendatang.", []string{"Rabu mendatang = 2025-10-22 day"}},
	{"2025-10-20", "Ia tiba kemarin.", []string{"kemarin = 2025-10-19 day"}},
	{"2025-10-20", "Sidang dilanjutkan besok.", []string{"besok = 2025-10-21 day"}},
	{"2025-10-20", "Putusan dibacakan lusa.", []string{"lusa = 2025-10-22 day"}},
	{"2025-10-20", "Ia diperiksa kemarin lusa.", []string{"kemarin lusa = 2025-10-18 day"}},
	{"2025-10-20", "Harga naik hari ini.", []string{"hari ini = 2025-10-20 day"}},
	{"2025-10-20", "Ada 11 balita yang sakit tadi pagi.", []string{"tadi pagi = 2025-10-20 day"}},
	{"2025-10-20", "Ia diperiksa pekan lalu.", []string{"pekan lalu = 2025-W42 week"}},
	{"2025-10-20", "Keputusan keluar minggu depan.", []string{"minggu depan = 2025-W44 week"}},
	{"2025-10-20", "Minggu lalu, harga cabai naik.", []string{"Minggu lalu = 2025-W42 week"}},
	{"2025-10-20", "Pasar ramai pada Minggu lalu.", []string{"Minggu lalu = 2025-10-19 day"}},
	{"2025-10-20", "Program berjalan pekan ini.", []string{"pekan ini = 2025-W43 week"}},
	{"2025-10-20", "Ia pergi dua hari lalu.", []string{"dua hari lalu = 2025-10-18 day"}},
	{"2025-10-20", "Ia pergi 3 pekan yang lalu.", []string{"3 pekan yang lalu = 2025-W40 week"}},
	{"2025-10-20", "Kasus itu terjadi sebulan lalu.", []string{"sebulan lalu = 2025-09 month"}},
	{"2025-10-20", "Ia meninggal dua tahun silam.", []string{"dua tahun silam = 2023 year"}},
	{"2025-10-20", "Hasilnya keluar tiga hari lagi.", []string{"tiga hari lagi = 2025-10-23 day"}},
	{"2025-10-20", "Iuran naik bulan depan.", []string{"bulan depan = 2025-11 month"}},
	{"2025-10-20", "Inflasi bulan lalu rendah.", []string{"bulan lalu = 2025-09 month"}},
	{"2025-10-20", "Target tahun ini tercapai.", []string{"tahun ini = 2025 year"}},
	{"2025-10-20", "Pelaporan tahun depan memakai Coretax.", []string{"tahun depan = 2026 year"}},
	{"2025-10-20", "Dibandingkan Juli tahun lalu.", []string{"Juli tahun lalu = 2024-07 month"}},
	{"2025-10-20", "Pemilu digelar pada April tahun depan.", []string{"April tahun depan = 2026-04 month"}},
	{"2025-10-20", "Dari Januari hingga September tahun ini naik.", []string{"Januari hingga September tahun ini = 2025-01..2025-09 month"}},
	{"", "Dibandingkan Juli tahun lalu.", []string{"Juli tahun lalu = null month"}},
	{"2025-10-20", "Kata Menteri Kehutanan Raja Juli Antoni.", nil},
	{"2025-10-20", "Direktur BI Juli Budi Winantya menjelaskan.", nil},
	{"2025-10-20", "Pada Oktober Presiden melantik menteri.", []string{"Oktober = 2025-10 month"}},
	{"2025-10-20", "Harga naik beberapa bulan lalu.", nil},
	{"2025-10-20", "Suku bunga turun dalam beberapa bulan mendatang.", nil},
	{"2025-10-20", "Magang diperkirakan dibuka November.", []string{"November = 2025-11 month"}},
	{"2025-10-20", "BLT diberikan untuk Oktober, November, dan Desember.", []string{"Oktober = 2025-10 month", "November = 2025-11 month", "Desember = 2025-12 month"}},
	{"2025-06-04", "Stimulus diberikan selama Juni dan Juli.", []string{"Juni = 2025-06 month", "Juli = 2025-07 month"}},
	{"2025-10-20", "Pajak ditagih hingga akhir tahun ini.", []string{"akhir tahun ini = 2025 year"}},
	{"2025-10-20", "Evaluasi dilakukan pertengahan tahun.", []string{"pertengahan tahun = 2025 year"}},
	{"2025-10-20", "Gaji naik awal bulan depan.", []string{"awal bulan depan = 2025-11 month"}},
	{"2025-10-20", "Harga turun Juli lalu.", []string{"Juli lalu = 2025-07 month"}},
	{"2025-10-20", "Pemilu digelar Desember.", []string{"Desember = 2024-12 month"}},
	{"2025-10-20", "Pemilu akan digelar Desember.", []string{"Desember = 2025-12 month"}},
	{"2025-10-20", "Pemilu digelar Desember mendatang.", []string{"Desember mendatang = 2025-12 month"}},
	{"2025-10-20", "Anggaran cair bulan Mei.", []string{"bulan Mei = 2025-05 month"}},
	{"2025-10-20", "Proyek selesai pada akhir pekan lalu.", []string{"akhir pekan lalu = 2025-W42 week"}},
	{"2025-10-20", "Rapat 20 Oktober ditunda.", []string{"20 Oktober = 2025-10-20 day"}},
	{"2025-10-20", "Libur pada 25 Desember.", []string{"25 Desember = 2025-12-25 day"}},
	{"2025-02-10", "Banjir melanda pada 28 Desember.", []string{"28 Desember = 2024-12-28 day"}},
	// unresolved without a published date
	{"", "Ia datang hari Rabu.", []string{"hari Rabu = null day"}},
	{"", "Ia tiba kemarin.", []string{"kemarin = null day"}},
	{"", "Sejak Maret harga naik.", []string{"Maret = null month"}},
	{"", "Rapat digelar 20 Oktober.", []string{"20 Oktober = null day"}},
	{"", "Anggaran naik tahun depan.", []string{"tahun depan = null year"}},
	{"", "Sidang dimulai pukul 09.00 WIB.", []string{"pukul 09.00 WIB = null time"}},
	// times
	{"2025-10-20", "Senin (20/10/2025) pukul 14.30 WIB.", []string{"Senin (20/10/2025) pukul 14.30 WIB = 2025-10-20T14:30:00+07:00 time"}},
	{"2025-10-20", "Kapal bersandar Rabu, 15 Oktober 2025, pukul 09.45 Wita di dermaga.", []string{"Rabu, 15 Oktober 2025, pukul 09.45 Wita = 2025-10-15T09:45:00+08:00 time"}},
	{"2025-10-20", "Hujan es turun Jumat (17/10/2025) kira-kira pukul 15.30 WIB.", []string{"Jumat (17/10/2025) = 2025-10-17 day", "pukul 15.30 WIB = 2025-10-17T15:30:00+07:00 time"}},
	{"2025-10-20", "Tim bergerak sekitar pukul 13.30 WIT.", []string{"pukul 13.30 WIT = 2025-10-20T13:30:00+09:00 time"}},
	{"2025-10-20", "Pelaku diamankan pukul 7 malam.", []string{"pukul 7 malam = 2025-10-20T19:00:00+07:00 time"}},
	{"2025-10-20", "Hari ini jam 1 siang saya ke sana.", []string{"Hari ini jam 1 siang = 2025-10-20T13:00:00+07:00 time"}},
	{"2025-10-20", "Warga berjaga pukul 24.00-05.00 Wita.", []string{"pukul 24.00-05.00 Wita = 2025-10-20T00:00:00+08:00..2025-10-20T05:00:00+08:00 time"}},
	{"2025-10-20", "Siaran pukul 15.30-18.00 WIB.", []string{"pukul 15.30-18.00 WIB = 2025-10-20T15:30:00+07:00..2025-10-20T18:00:00+07:00 time"}},
	{"2025-10-20", "Harga minyak naik pada pukul 04.17 GMT.", []string{"pukul 04.17 GMT = 2025-10-20T04:17:00Z time"}},
	{"2025-10-20", "Ledakan terjadi pukul 19.00 waktu setempat.", []string{"pukul 19.00 waktu setempat = 2025-10-20T19:00:00 time"}},
	{"2025-10-20", "Santri datang sekitar 15.25 WIB.", []string{"15.25 WIB = 2025-10-20T15:25:00+07:00 time"}},
	{"2025-10-20", "Pemeriksaan di atas jam 11 malam.", []string{"jam 11 malam = 2025-10-20T23:00:00+07:00 time"}},
	{"2025-10-20", "Korban ditemukan pukul 02.30 dini hari.", []string{"pukul 02.30 dini hari = 2025-10-20T02:30:00+07:00 time"}},
	// ranges
	{"2025-10-20", "Pameran digelar 20-22 Oktober.", []string{"20-22 Oktober = 2025-10-20..2025-10-22 day"}},
	{"2025-10-20", "Pameran digelar 20-22 Oktober 2025.", []string{"20-22 Oktober 2025 = 2025-10-20..2025-10-22 day"}},
	{"2025-10-20", "Layanan buka Senin hingga Rabu.", []string{"Senin hingga Rabu = 2025-10-20..2025-10-22 day"}},
	{"2025-10-20", "Siaran Senin-Jumat.", []string{"Senin-Jumat = 2025-10-20..2025-10-24 day"}},
	{"2025-10-22", "Saksi diperiksa Senin hingga Rabu pekan lalu.", []string{"Senin hingga Rabu pekan lalu = 2025-10-13..2025-10-15 day"}},
	{"2025-10-22", "Ia datang Kamis pekan depan.", []string{"Kamis pekan depan = 2025-10-30 day"}},
	{"2025-10-20", "Ekspor Januari-Agustus 2025 naik.", []string{"Januari-Agustus 2025 = 2025-01..2025-08 month"}},
	{"2025-10-20", "Libur 30 Desember 2025 hingga 2 Januari 2026.", []string{"30 Desember 2025 hingga 2 Januari 2026 = 2025-12-30..2026-01-02 day"}},
	{"2025-10-20", "Libur 30 Desember hingga 2 Januari 2026.", []string{"30 Desember hingga 2 Januari 2026 = 2025-12-30..2026-01-02 day"}},
	{"2025-10-20", "Kasus periode 2020-2024 diusut.", []string{"2020-2024 = 2020..2024 year"}},
	{"2025-10-20", "Data tahun 2023 sampai 2025 dikaji.", []string{"tahun 2023 sampai 2025 = 2023..2025 year"}},
	// durations
	{"2021-05-20", "Diskusi berlangsung 1 jam 45 menit.", []string{"1 jam 45 menit = 6300 s"}},
	{"2021-05-20", "Setengah jam setelah pertemuan hari Rabu.", []string{"hari Rabu = 2021-05-19 day", "Setengah jam = 1800 s"}},
	{"", "Ia ditahan tiga hari.", []string{"tiga hari = 259200 s"}},
	{"", "Pembahasan berlangsung dua pekan.", []string{"dua pekan = 1209600 s"}},
	{"", "Ia divonis enam bulan penjara.", []string{"enam bulan = 15552000 s"}},
	{"", "Proyek molor 1,5 tahun.", []string{"1,5 tahun = 47304000 s"}},
	{"", "Perjalanan 1 jam 12 menit menggunakan mobil.", []string{"1 jam 12 menit = 4320 s"}},
	{"", "Dalam 24 jam terakhir.", []string{"24 jam = 86400 s"}},
	{"", "Tenggat sepekan diberikan.", []string{"sepekan = 604800 s"}},
	{"", "Ia menunggu satu jam setengah.", []string{"satu jam setengah = 5400 s"}},
	{"", "Ia menunggu satu setengah jam.", []string{"satu setengah jam = 5400 s"}},
	{"", "Bocah berusia 5 tahun itu selamat.", []string{"5 tahun = 157680000 s"}},
	{"", "Rekaman berdurasi sekitar 30 detik.", []string{"30 detik = 30 s"}},
	{"", "Pemulihan butuh 2-3 hari.", []string{"2-3 hari = 172800 s"}},
	{"", "Selama 2 jam dan 30 menit ia diperiksa.", []string{"2 jam dan 30 menit = 9000 s"}},
	{"", "Masa jabatan lima tahun mendatang.", []string{"lima tahun = 157680000 s"}},
	{"", "Soeharto bertahan 32 tahun.", []string{"32 tahun = 1009152000 s"}},
	{"", "Perbaikan makan waktu dua dekade.", []string{"dua dekade = 630720000 s"}},
	// not dates or durations
	{"2025-10-20", "UU Nomor 1 Tahun 2023 tentang KUHP berlaku.", nil},
	{"2025-10-20", "Sesuai PP 28 Tahun 2024.", nil},
	{"2025-10-20", "Pasal 28 UUD 1945 menjamin kebebasan.", nil},
	{"2025-10-20", "Aturan itu bertentangan dengan UUD Tahun 1945.", nil},
	{"2025-05-27", "Kemarin (26/5), berkas dilimpahkan.", []string{"Kemarin (26/5) = 2025-05-26 day"}},
	{"2025-10-20", "Petugas haji 1446 H/2025 M di Makkah.", nil},
	{"2025-10-20", "Hubungi 0812 2025 3344.", nil},
	{"2025-10-20", "Skor 3/4 dari total.", nil},
	{"2025-10-20", "Ia sudah beberapa hari lalu pergi.", nil},
	{"2025-10-20", "Pertemuan setiap akhir tahun digelar.", nil},
	{"2025-10-20", "Liburan akhir pekan ramai.", nil},
	{"2025-10-20", "Lebih lama dari jam yang diperkirakan.", nil},
	{"2025-10-20", "Ia datang dua kali.", nil},
	{"2025-10-20", "Puluhan tahun ia mengabdi.", nil},
	{"2025-10-20", "Kini rupiah di level Rp 16.300.", nil},
	{"2025-10-20", "Pipa Nord Stream 2 dibangun.", nil},
	{"2025-10-20", "Biayanya Rp 40 triliun setahun.", []string{"setahun = 31536000 s"}},
	{"2025-10-20", "Devisa US$ 80 miliar tahun ini.", []string{"tahun ini = 2025 year"}},
	{"2025-10-20", "Harga minggu ini turun.", []string{"minggu ini = 2025-W43 week"}},
}

func TestFind(t *testing.T) {
	for _, tc := range findTests {
		var pub *time.Time
		if tc.pub != "" {
			pub = day(tc.pub)
		}
		got := show(Find(document(tc.in), pub))
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%s (published %s)\n got %q\nwant %q", tc.in, tc.pub, got, tc.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	for _, tc := range []struct {
		d    Date
		want string
	}{
		{Date{Text: "hari Rabu", Start: 3, End: 12, Value: "2021-05-19", Granularity: Day},
			`{"text":"hari Rabu","start":3,"end":12,"value":"2021-05-19","granularity":"day"}`},
		{Date{Text: "kemarin", Start: 0, End: 7, Granularity: Day},
			`{"text":"kemarin","start":0,"end":7,"value":null,"granularity":"day"}`},
		{Date{Text: "20-22 Oktober", End: 13, Value: "2025-10-20", EndValue: "2025-10-22", Granularity: Day},
			`{"text":"20-22 Oktober","start":0,"end":13,"value":"2025-10-20","end_value":"2025-10-22","granularity":"day"}`},
	} {
		got, err := json.Marshal(tc.d)
		if err != nil || string(got) != tc.want {
			t.Errorf("%+v: %s, %v; want %s", tc.d, got, err, tc.want)
		}
	}
}
