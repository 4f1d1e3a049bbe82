package quote

import (
	"fmt"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/text"
)

// want is one expected quotation: its words, kind, how the speaker was
// found, the speaker's name and role.
type want struct {
	text string
	kind Kind
	via  Via
	name string
	role string
}

func (w want) String() string {
	return fmt.Sprintf("%s %s %q (%s) %q", w.kind, w.via, w.name, w.role, w.text)
}

// got turns a found quotation into the shape of want.
func got(doc *text.Document, q Quote) want {
	return want{text: doc.Text[q.Text.Start:q.Text.End], kind: q.Kind, via: q.Via, name: q.Name, role: q.Role}
}

// The rows are written for this test: the people, quotations and figures
// are invented, the institutions and places real. Each input is a headline
// line, then one paragraph a line; every quotation found must be listed.
var findRows = []struct {
	name string
	in   string
	want []want
}{
	{"kata after the quotation, name with role before",
		"Banjir Rendam Denpasar\n“Arus lalu lintas di Jalan Gatot Subroto masih tersendat,” kata Kepala Polresta Denpasar Bambang Pramono.",
		[]want{{"Arus lalu lintas di Jalan Gatot Subroto masih tersendat,", Direct, ViaName, "Bambang Pramono", "Kepala Polresta Denpasar"}}},
	{"rank between role and name",
		"Razia Knalpot\n“Tidak ada toleransi bagi pelanggar,” ujar Kapolda Metro Jaya Irjen Rudi Santoso di Jakarta, Senin (20/10/2025).",
		[]want{{"Tidak ada toleransi bagi pelanggar,", Direct, ViaName, "Rudi Santoso", "Kapolda Metro Jaya"}}},
	{"an office name the role reader stops in, then a comma and the name",
		"Iuran BPJS\n“Anggaran masih cukup,” kata Kepala Badan Pengelola Pajak dan Retribusi Daerah (BPPRD) Provinsi Jambi, Rina Wulandari, kepada wartawan.",
		[]want{{"Anggaran masih cukup,", Direct, ViaName, "Rina Wulandari", "Kepala Badan Pengelola Pajak"}}},
	{"a numbered region and a marine rank end the role",
		"Tambang\n“Data tidak sama,” kata Kepala Satuan Tugas Pencegahan dan Penindakan KPK Wilayah IV Dewi Lestari di Jakarta.\n“Kami hormati putusan itu,” kata Kapuspen TNI Brigjen Marinir Yudha Pratama.",
		[]want{{"Data tidak sama,", Direct, ViaName, "Dewi Lestari", "Kepala Satuan Tugas Pencegahan dan Penindakan KPK Wilayah IV"},
			{"Kami hormati putusan itu,", Direct, ViaName, "Yudha Pratama", "Kapuspen TNI Brigjen Marinir"}}},
	{"a team after the role, then a comma and the name",
		"Derbi London\n“Kami harus lebih baik di bola mati,” kata pelatih West Hame, Nuno Santos.",
		[]want{{"Kami harus lebih baik di bola mati,", Direct, ViaName, "Nuno Santos", "pelatih West Hame"}}},
	{"a role with a demonstrative points back to the person just named",
		"Nyamuk di Utara\nTemuan itu dilaporkan seorang ahli serangga di institut itu, Matthias Berg.\n“Semuanya terkumpul dari tali anggur,” kata peneliti tersebut dalam surel.",
		[]want{{"Semuanya terkumpul dari tali anggur,", Direct, ViaRole, "Matthias Berg", "peneliti"}}},
	{"speaker before the cue and the quotation",
		"Stok Vaksin\nMenteri Kesehatan Budi Santoso mengatakan, “Stok vaksin cukup sampai akhir tahun.”",
		[]want{{"Stok vaksin cukup sampai akhir tahun.", Direct, ViaName, "Budi Santoso", "Menteri Kesehatan"}}},
	{"short name resolves to the full name and its role",
		"Pompa Banjir\nWali Kota Surabaya Eri Wibowo meninjau banjir di Kecamatan Rungkut, Minggu.\n“Kami tambah tiga pompa air,” kata Eri.",
		[]want{{"Kami tambah tiga pompa air,", Direct, ViaName, "Eri Wibowo", "Wali Kota Surabaya"}}},
	{"-nya cue takes the person last named",
		"Pompa Banjir\nWali Kota Surabaya Eri Wibowo meninjau banjir di Kecamatan Rungkut, Minggu. “Kami tambah tiga pompa air,” ujarnya.",
		[]want{{"Kami tambah tiga pompa air,", Direct, ViaNya, "Eri Wibowo", "Wali Kota Surabaya"}}},
	{"pronoun after the cue",
		"Audit Dana Desa\nInspektur Daerah Kabupaten Bogor Rini Astuti memeriksa laporan dana desa.\n“Kami menunggu hasil audit sebelum menetapkan sanksi,” kata dia.",
		[]want{{"Kami menunggu hasil audit sebelum menetapkan sanksi,", Direct, ViaPronoun, "Rini Astuti", ""}}},
	{"beliau is the subject before, not a person only mentioned",
		"Pesantren\nPengasuh pondok, KH Abdul Mukti, menerima rombongan Bupati Jombang Warsito.\n“Santri harus melek teknologi,” tutur beliau.",
		[]want{{"Santri harus melek teknologi,", Direct, ViaPronoun, "Abdul Mukti", "Pengasuh pondok"}}},
	{"name then role in apposition",
		"Harga Cabai\n”Harga cabai naik dua kali lipat,” kata Siti Aminah, pedagang di Pasar Beringharjo.",
		[]want{{"Harga cabai naik dua kali lipat,", Direct, ViaName, "Siti Aminah", "pedagang"}}},
	{"role, comma, then the name; straight quotation marks",
		"Kasus Impor Gula\n\"Kami belum menerima berkas perkara itu,\" ujar juru bicara Kejaksaan Agung, Made Wirawan.",
		[]want{{"Kami belum menerima berkas perkara itu,", Direct, ViaName, "Made Wirawan", "juru bicara Kejaksaan Agung"}}},
	{"-nya is not a person named inside what a verb of saying reports",
		"Anggaran Jalan\nHal itu diungkapkan oleh Kepala Dinas PU Rudi Santoso.\nDia mengatakan, Bupati Made Wirawan sudah menyetujui anggaran itu.\n“Kami mulai bulan depan,” ujarnya.",
		[]want{{"Bupati Made Wirawan sudah menyetujui anggaran itu", Indirect, ViaPronoun, "Rudi Santoso", "Kepala Dinas PU"},
			{"Kami mulai bulan depan,", Direct, ViaNya, "Rudi Santoso", "Kepala Dinas PU"}}},
	{"a relation to a person named before is not that person's title",
		"Kontrak Pembalap\nPembalap Jorge Martin absen di seri Qatar.\nAlbert Varela selaku manajer personal Martin menyatakan bahwa pembalapnya tidak terikat kontrak tahun depan.\nPemilik tim Sahara Putri menolak klaim itu. Kuasa hukum Sahara Putri, Moh Zakki, mengatakan tim sudah siap ke pengadilan.",
		[]want{{"pembalapnya tidak terikat kontrak tahun depan", Indirect, ViaName, "Albert Varela", "manajer personal Martin"},
			{"tim sudah siap ke pengadilan", Indirect, ViaName, "Moh Zakki", "Kuasa hukum Sahara Putri"}}},
	{"a passive cue opening the sentence, the speaker, then bahwa",
		"Cuaca Panas\nDijelaskan oleh peneliti cuaca Badan Riset dan Inovasi Nasional (BRIN), Prof Lina Marlina bahwa suhu bisa mencapai 38 derajat.",
		[]want{{"suhu bisa mencapai 38 derajat", Indirect, ViaName, "Lina Marlina", "peneliti cuaca Badan Riset dan Inovasi Nasional"}}},
	{"a capitalised common word opening the sentence is no speaker",
		"Harga Beras\nJangan menyimpulkan harga beras akan turun bulan depan.",
		[]want{{"harga beras akan turun bulan depan", Indirect, ViaName, "", ""}}},
	{"partial quotation governed by a reporting verb",
		"Subsidi Pupuk\nEkonom Universitas Indonesia Rina Kartika menyebut kebijakan itu “terlambat dan setengah hati”.",
		[]want{{"terlambat dan setengah hati", Partial, ViaName, "Rina Kartika", "Ekonom Universitas Indonesia"}}},
	{"a quotation then tetapi is partial",
		"Subsidi Pupuk\nMenteri Pertanian Andi Sulaiman mengatakan, “Pupuk sudah tersedia,” tetapi distribusi di daerah masih lambat.",
		[]want{
			{"Pupuk sudah tersedia,", Partial, ViaName, "Andi Sulaiman", "Menteri Pertanian"},
		}},
	{"scare quotes and nicknames without a speaker are not quotations",
		"Wisata\nWisatawan kembali memadati “Kota Kembang” pada akhir pekan.\nHarga “emas hijau” itu anjlok sejak pekan lalu.",
		nil},
	{"names of programmes, events, books and laws are not quotations",
		"Peluncuran\nKementerian Pariwisata meluncurkan program “Bangga Berwisata di Indonesia” di Jakarta.\nDiskusi itu digelar dalam webinar bertajuk “Masa Depan Ekonomi Digital” pada Rabu.\nBuku “Jejak Langkah di Tanah Rantau” karya Yusuf Hamdani diluncurkan kemarin.\nPasal 28 UU ITE berbunyi, “Setiap orang yang dengan sengaja menyebarkan berita bohong dipidana.”",
		nil},
	{"a seminar title next to a real quotation",
		"UMKM\n“Kami ingin UMKM naik kelas,” kata Rudi Hartono dalam seminar “Ekonomi Kreatif Pascapandemi” di Bandung.",
		[]want{{"Kami ingin UMKM naik kelas,", Direct, ViaName, "Rudi Hartono", ""}}},
	{"scare quotes in a headline are not quotations",
		"Pemerintah Akui “Kebocoran” Data Kependudukan\nData itu bocor sejak Maret.",
		nil},
	{"a paragraph that is only a quotation continues the last speaker",
		"Longsor Garut\n“Kami sudah mengirim tim ke lokasi,” kata Kepala BPBD Kabupaten Garut Asep Sudrajat.\n“Warga yang rumahnya rusak berat kami ungsikan ke balai desa.”",
		[]want{
			{"Kami sudah mengirim tim ke lokasi,", Direct, ViaName, "Asep Sudrajat", "Kepala BPBD Kabupaten Garut"},
			{"Warga yang rumahnya rusak berat kami ungsikan ke balai desa.", Direct, ViaContinuation, "Asep Sudrajat", "Kepala BPBD Kabupaten Garut"},
		}},
	{"a quotation over two paragraphs, opened on each, closed at the end",
		"Pemilu\nKetua KPU Jawa Timur Hadi Santoso menjelaskan tahapan pemilu.\n“Pendaftaran dimulai pekan depan. Petugas sudah siap di setiap kecamatan.\n“Pemilih yang pindah domisili harus melapor sebulan sebelum pemungutan suara,” kata Hadi.",
		[]want{
			{"Pendaftaran dimulai pekan depan. Petugas sudah siap di setiap kecamatan.", Direct, ViaContinuation, "Hadi Santoso", "Ketua KPU Jawa Timur"},
			{"Pemilih yang pindah domisili harus melapor sebulan sebelum pemungutan suara,", Direct, ViaName, "Hadi Santoso", "Ketua KPU Jawa Timur"},
		}},
	{"a split quotation shares its speaker",
		"Anggaran\n“Kami siap,” kata Andi Firmansyah, “tetapi anggaran belum turun.”",
		[]want{
			{"Kami siap,", Direct, ViaName, "Andi Firmansyah", ""},
			{"tetapi anggaran belum turun.", Direct, ViaName, "Andi Firmansyah", ""},
		}},
	{"menurut before the quotation",
		"Demam Berdarah\nMenurut Kepala Dinas Kesehatan DKI Jakarta Ani Rahayu, “Kasus demam berdarah meningkat sejak Oktober.”",
		[]want{{"Kasus demam berdarah meningkat sejak Oktober.", Direct, ViaName, "Ani Rahayu", "Kepala Dinas Kesehatan DKI Jakarta"}}},
	{"a role alone resolves to the person given that role",
		"Tol Baru\nGubernur Jawa Barat Dedi Kurniawan meresmikan jalan tol, Selasa.\n“Jalan ini memangkas waktu tempuh dua jam,” kata Gubernur.",
		[]want{{"Jalan ini memangkas waktu tempuh dua jam,", Direct, ViaRole, "Dedi Kurniawan", "Gubernur"}}},
	{"demikian kata; a territory after the office is not the name",
		"Mudik\n“Semua berjalan lancar,” demikian kata Camat Cibinong Yudi Prasetyo.",
		[]want{{"Semua berjalan lancar,", Direct, ViaName, "Yudi Prasetyo", "Camat Cibinong"}}},
	{"the speaker ends before yang",
		"Bakso\n“Pembeli mulai ramai lagi sejak sekolah dibuka,” ungkap Suparno yang sehari-hari berjualan bakso.",
		[]want{{"Pembeli mulai ramai lagi sejak sekolah dibuka,", Direct, ViaName, "Suparno", ""}}},
	{"a quotation with its cue in the next sentence",
		"Gempa\nBadan Meteorologi mencatat gempa bermagnitudo 5,2. “Tidak berpotensi tsunami.” Kata Kepala Stasiun Geofisika Mataram Nurhadi.",
		[]want{{"Tidak berpotensi tsunami.", Direct, ViaName, "Nurhadi", "Kepala Stasiun Geofisika Mataram"}}},
	{"speaker and verb after the quotation",
		"Pajak\n“Target penerimaan tercapai,” Direktur Jenderal Pajak Suryo Hadinoto menambahkan.",
		[]want{{"Target penerimaan tercapai,", Direct, ViaName, "Suryo Hadinoto", "Direktur Jenderal Pajak"}}},
	{"indirect speech: mengatakan bahwa, menurut, kata at the end, a pronoun",
		"Ekonomi\nDirektur Eksekutif Lembaga Kajian Ekonomi Nusantara (LKEN) Fajar Nugroho mengatakan bahwa pertumbuhan ekonomi akan melambat tahun depan.\nMenurut Yusuf Hamdani, harga beras akan turun setelah panen raya.\nLonjakan penumpang diperkirakan terjadi pada akhir pekan, kata Budi Setiawan.\nIa menilai kebijakan itu belum menyentuh petani kecil.",
		[]want{
			{"pertumbuhan ekonomi akan melambat tahun depan", Indirect, ViaName, "Fajar Nugroho", "Direktur Eksekutif Lembaga Kajian Ekonomi Nusantara"},
			{"harga beras akan turun setelah panen raya", Indirect, ViaName, "Yusuf Hamdani", ""},
			{"Lonjakan penumpang diperkirakan terjadi pada akhir pekan", Indirect, ViaName, "Budi Setiawan", ""},
			{"kebijakan itu belum menyentuh petani kecil", Indirect, ViaPronoun, "Budi Setiawan", ""},
		}},
	{"a denied report and a verb with a noun object are not speech",
		"Kecelakaan\nJuru bicara itu tidak menyebutkan jumlah korban.\nMenteri Perhubungan Dudi Purnama mengungkapkan optimisme dalam rapat itu.",
		nil},
	{"a bio of fragments in quotation marks is not speech",
		"Teknologi\n“Kami meluncurkan fitur baru,” kata Rina Wulandari.\n“Penggemar kopi. Pecinta kucing. Penulis lepas. Pemburu senja.”",
		[]want{{"Kami meluncurkan fitur baru,", Direct, ViaName, "Rina Wulandari", ""}}},
	{"a kinship word is not part of a name, a subheading names nobody",
		"Isolasi Mandiri\nRina Lestari merawat ayahnya yang positif Covid-19.\nAyah Rina dirawat di rumah sakit sejak pekan lalu.\nJaminan Kesehatan\n“Kami belum menerima bantuan apa pun,” ujarnya.",
		[]want{{"Kami belum menerima bantuan apa pun,", Direct, ViaNya, "Rina Lestari", ""}}},
	{"the proper name of an institution belongs to the role",
		"Pemilu\n“Partisipasi pemilih muda naik,” kata dosen Universitas Gadjah Mada Nur Hidayati.",
		[]want{{"Partisipasi pemilih muda naik,", Direct, ViaName, "Nur Hidayati", "dosen Universitas Gadjah Mada"}}},
	{"dan inside the name of an office",
		"Riset\nMenteri Riset dan Teknologi Bambang Wirawan mengatakan, “Anggaran riset naik tahun depan.”",
		[]want{{"Anggaran riset naik tahun depan.", Direct, ViaName, "Bambang Wirawan", "Menteri Riset dan Teknologi"}}},
	{"a colon after the speaker",
		"Banjir Bekasi\nKetua RT 05 Suparman: “Air belum surut sejak Senin.”",
		[]want{{"Air belum surut sejak Senin.", Direct, ViaName, "Suparman", "Ketua RT 05"}}},
	{"a verb that takes a noun object reports a clause its words show",
		"Harga Beras\nEkonom Agus Salim menyebut harga beras medium bisa naik lagi bulan depan. Agus juga menyebut isi laporan itu keliru. Ia memastikan tidak ada kenaikan tarif listrik.\nAgus menyampaikan apresiasi kepada petani yang terus menanam. Agus menekankan pentingnya menjaga stok. Agus menyampaikan usulan bertajuk Jalan Tengah.",
		[]want{{"harga beras medium bisa naik lagi bulan depan", Indirect, ViaName, "Agus Salim", "Ekonom"},
			{"isi laporan itu keliru", Indirect, ViaName, "Agus Salim", "Ekonom"},
			{"tidak ada kenaikan tarif listrik", Indirect, ViaPronoun, "Agus Salim", "Ekonom"}}},
	{"a cited outlet opening the sentence is the speaker of its report",
		"Tren Lari\nDikutip dari Times of India, tren itu bertujuan mencapai 3.000 langkah sebelum siang. Mengutip data Bloomberg, rupiah melemah 0,2 persen pagi ini.\nDilansir detikSport Rabu (22/10/2025), pelatih Alex Budiman menegaskan bahwa target itu sulit dicapai.",
		[]want{{"tren itu bertujuan mencapai 3.000 langkah sebelum siang", Indirect, ViaName, "Times of India", ""},
			{"rupiah melemah 0,2 persen pagi ini", Indirect, ViaName, "Bloomberg", ""},
			{"target itu sulit dicapai", Indirect, ViaName, "Alex Budiman", "pelatih"}}},
	{"menurut, a role the reader stops in, then the name between commas",
		"Gizi\nMenurut ahli gizi di Kota Surabaya, Robin Carter, pola makan ini layak dicoba.",
		[]want{{"pola makan ini layak dicoba", Indirect, ViaName, "Robin Carter", "ahli gizi"}}},
	{"a role with a demonstrative as the subject points back",
		"Kantor Komunikasi\n“Posisi ini butuh orang yang peka,” kata Andreas Budiman kepada wartawan.\nPolitikus PDIP ini menyatakan sudah pernah mengingatkan Hasan Wibisono.",
		[]want{{"Posisi ini butuh orang yang peka,", Direct, ViaName, "Andreas Budiman", ""},
			{"sudah pernah mengingatkan Hasan Wibisono", Indirect, ViaRole, "Andreas Budiman", "Politikus PDIP"}}},
	{"-nya is not a bystander the quoted words speak of as dia",
		"Kasus Lisa\n“Dia siap menghadapi semua ini,” kata pengacara Lisa, Jhony Santoso.\nLisa hari ini tidak memenuhi panggilan polisi. Lisa beralasan sakit dan meminta jadwal ulang.\n“Kemarin dia memang sedang demam,” ungkapnya.",
		[]want{{"Dia siap menghadapi semua ini,", Direct, ViaName, "Jhony Santoso", "pengacara Lisa"},
			{"Kemarin dia memang sedang demam,", Direct, ViaNya, "Jhony Santoso", "pengacara Lisa"}}},
	{"-nya after a report takes its speaker",
		"Gratifikasi\n“KPK akan menganalisis temuan itu,” ujar Budi Prasetyo.\nMenteri Pekerjaan Umum Dody Hartono mengatakan telah menerima laporan itu. Ia menyerahkan kasus ini kepada Irjen.\n“Kalau terbukti ada pidana, tentu dia serahkan ke KPK,” katanya.",
		[]want{{"KPK akan menganalisis temuan itu,", Direct, ViaName, "Budi Prasetyo", ""},
			{"telah menerima laporan itu", Indirect, ViaName, "Dody Hartono", "Menteri Pekerjaan Umum"},
			{"Kalau terbukti ada pidana, tentu dia serahkan ke KPK,", Direct, ViaNya, "Dody Hartono", "Menteri Pekerjaan Umum"}}},
	{"an office alone that nobody holds is the running speaker's, a common noun is not",
		"Gerai Ojol\nKombes Susanto menjelaskan bahwa gerai ini hadir untuk mitra ojol.\n“Kami ingin ojol sejahtera,” kata Kapolres, Selasa.\n“Dakwaan sudah lengkap,” ujar jaksa.",
		[]want{{"gerai ini hadir untuk mitra ojol", Indirect, ViaName, "Susanto", ""},
			{"Kami ingin ojol sejahtera,", Direct, ViaRole, "Susanto", "Kapolres"},
			{"Dakwaan sudah lengkap,", Direct, ViaRole, "", "jaksa"}}},
	{"a role the lexicon lacks before the comma and the name",
		"Tambang\n“Kami kirim data,” ujar Bayu Saputra, VP Sales & Marketing Sinar Jaya Group.\n“Saya juga kaget,” ungkap Kontributor CNN, Risal kepada wartawan.",
		[]want{{"Kami kirim data,", Direct, ViaName, "Bayu Saputra", ""},
			{"Saya juga kaget,", Direct, ViaName, "Risal", "Kontributor CNN"}}},
	{"an office title alone is the person the article gave the office it abbreviates",
		"Kredit Macet\nKasi Intel Kejari Ende, Okta Pramudya Aji, menjelaskan kasus itu.\n“Kami tetapkan delapan tersangka,” kata Kasintel.\nKepala Kejari Bekasi Sinta Rosalia hadir.\nKajari menyebut tersangka akan dibina.",
		[]want{{"Kami tetapkan delapan tersangka,", Direct, ViaRole, "Okta Pramudya Aji", "Kasintel"},
			{"tersangka akan dibina", Indirect, ViaRole, "Sinta Rosalia", "Kajari"}}},
	{"a title and its unit, then the name set off, before a verb of saying",
		"Banjir\nPetugas P2BK Cibadak, Wawan Hermawan, menyebut tidak ada rumah yang rusak.",
		[]want{{"tidak ada rumah yang rusak", Indirect, ViaName, "Wawan Hermawan", "Petugas P2BK Cibadak"}}},
	{"a paragraph that closes a quotation it never opened, before a cue, is the quotation",
		"Somasi\nPengacara Jhony Boy menemui wartawan.\nekarang untuk mengikuti proses yang berjalan,” terang dia.",
		[]want{{"ekarang untuk mengikuti proses yang berjalan,", Direct, ViaPronoun, "Jhony Boy", "Pengacara"}}},
	{"kara, the misprint of kata, and a cue glued to the name",
		"Plat Palsu\nKapolres Garut AKBP Moch Fauzan Rizki menjelaskan kasus itu.\n“Sedang kami dalami,” kataFauzan.\n“Pola ini layak dicoba,” kara Robin Carter.",
		[]want{{"Sedang kami dalami,", Direct, ViaName, "Moch Fauzan Rizki", "Kapolres Garut"},
			{"Pola ini layak dicoba,", Direct, ViaName, "Robin Carter", ""}}},
	{"reported clauses past a relative clause, a place after di and a name in apposition",
		"Cuaca Panas\nRudi Santoso menjelaskan lokasi yang terkena banjir rob berada di dekat pelabuhan.\nDwi Sari memprediksi cuaca terik di Sulteng masih terjadi hingga Desember.\nAris Munandar menyebut Kota Makassar, Sulawesi Selatan sudah memasuki musim hujan.\nDewi Lestari mengungkap cerita sang adik yang membuatnya makin sedih.",
		[]want{{"lokasi yang terkena banjir rob berada di dekat pelabuhan", Indirect, ViaName, "Rudi Santoso", ""},
			{"cuaca terik di Sulteng masih terjadi hingga Desember", Indirect, ViaName, "Dwi Sari", ""},
			{"Kota Makassar, Sulawesi Selatan sudah memasuki musim hujan", Indirect, ViaName, "Aris Munandar", ""}}},
	{"a copula, terdapat or a -nya adverb opens a clause; two words after bahwa",
		"Anggaran\nOkky Pratama menyebut kendala lain yang muncul adalah honor yang belum dibayar.\nRina Hapsari mencatat terdapat tiga lembaga dengan serapan rendah.\nAsep Rahayu menyebutkan awalnya mesin pengolah itu rusak.\nMuslim Hasibuan meyakini bahwa Polri profesional.",
		[]want{{"kendala lain yang muncul adalah honor yang belum dibayar", Indirect, ViaName, "Okky Pratama", ""},
			{"terdapat tiga lembaga dengan serapan rendah", Indirect, ViaName, "Rina Hapsari", ""},
			{"awalnya mesin pengolah itu rusak", Indirect, ViaName, "Asep Rahayu", ""},
			{"Polri profesional", Indirect, ViaName, "Muslim Hasibuan", ""}}},
	{"a description pointing back is the person named before it, not one named inside it",
		"Sidang Artis\nVenna Lestari hadir di pengadilan.\nLebih lanjut, mantan istri Ivan Santoso itu menilai, wajar jika putranya kaget.\nIbu dua anak itu juga mengaku heran dengan dakwaan jaksa.",
		[]want{{"wajar jika putranya kaget", Indirect, ViaPronoun, "Venna Lestari", ""},
			{"heran dengan dakwaan jaksa", Indirect, ViaPronoun, "Venna Lestari", ""}}},
	{"menurutnya without a comma, and a passive -nya, report their sentence",
		"Iklim\nMenteri Diaz Hendra membuka forum iklim.\nMenurutnya saat ini pemulihan ekonomi masih berjalan.\nSoal tenaga guru ini menurutnya menjadi mendesak.\nDari kebutuhan itu, daerah itu disebutnya baru mampu menanggung 30 persen.\nNegara yang disebutnya sebagai mitra belum hadir.",
		[]want{{"saat ini pemulihan ekonomi masih berjalan", Indirect, ViaNya, "Diaz Hendra", "Menteri"},
			{"Soal tenaga guru ini menurutnya menjadi mendesak", Indirect, ViaNya, "Diaz Hendra", "Menteri"},
			{"Dari kebutuhan itu, daerah itu disebutnya baru mampu menanggung 30 persen", Indirect, ViaNya, "Diaz Hendra", "Menteri"}}},
	{"a name, a comma, then a role at a body before the verb: the name speaks",
		"Harga Emas\nNadia Putri, analis senior di Orion Capital mengatakan bahwa bunga rendah mendorong permintaan emas.",
		[]want{{"bunga rendah mendorong permintaan emas", Indirect, ViaName, "Nadia Putri", "analis senior di Orion Capital"}}},
	{"an office named after the cue speaks, and -nya follows it",
		"Jembatan Ditutup\n“Penutupan dimulai 19 Oktober,” ujar Dinas PU Kota medan.\nWarga diminta memaklumi hal ini.\n“Kami mohon pengertian warga,” sebutnya.",
		[]want{{"Penutupan dimulai 19 Oktober,", Direct, ViaName, "Dinas PU Kota", ""},
			{"Kami mohon pengertian warga,", Direct, ViaNya, "Dinas PU Kota", ""}}},
	{"a fronted word is no part of the role; a long office list; an unread title; a role, the name and an aside",
		"Sampah\nHujan turun. Senada, Direktur Jenderal Pengelolaan Sampah KLHK, Bambang Susilo, mengatakan urusan sampah tidak boleh dibebankan ke satu pihak.\nSementara itu, Kepala Dinas Kebudayaan, Pariwisata, dan Olahraga (Disbudparpora) Provinsi Bengkulu, Hendra Gunawan, mengatakan lomba tahun ini dibagi dalam empat kelas.\nPetugas Penanggulangan Bencana Kecamatan (P2BK) Cikidang, Asep Mulyana, mengatakan keluarga itu sempat mengungsi ke rumah tetangga.\nPenggiat media sosial asal Polandia, Marek Nowak (35) alias Mr. Santai, mengaku menjadi korban penipuan.",
		[]want{{"urusan sampah tidak boleh dibebankan ke satu pihak", Indirect, ViaName, "Bambang Susilo", "Direktur Jenderal Pengelolaan Sampah KLHK"},
			{"lomba tahun ini dibagi dalam empat kelas", Indirect, ViaName, "Hendra Gunawan", "Kepala Dinas Kebudayaan, Pariwisata, dan Olahraga (Disbudparpora) Provinsi Bengkulu"},
			{"keluarga itu sempat mengungsi ke rumah tetangga", Indirect, ViaName, "Asep Mulyana", "Petugas Penanggulangan Bencana Kecamatan (P2BK) Cikidang"},
			{"menjadi korban penipuan", Indirect, ViaName, "Marek Nowak", "Penggiat media sosial asal Polandia"}}},
	{"the one named before bersama speaks for the company",
		"Vonis\nSetelah mendengar putusan, Rina Maharani bersama penasihat hukumnya menyatakan akan mengajukan banding.\nDi sidang lain, Budi Hartono dan kuasa hukumnya menyatakan tidak akan banding.",
		[]want{{"akan mengajukan banding", Indirect, ViaName, "Rina Maharani", ""},
			{"tidak akan banding", Indirect, ViaName, "Budi Hartono", ""}}},
	{"an after-cue set off inside the sentence: after a sentence adverb, the words after it; else the sentence",
		"Kereta Cepat\nMenteri Agus Santoso meninjau stasiun baru.\nPasalnya, kata Agus, proyek ini butuh dana yang sangat besar.\nKondisi ini, kata dia, sangat merugikan warga sekitar.",
		[]want{{"proyek ini butuh dana yang sangat besar", Indirect, ViaName, "Agus Santoso", "Menteri"},
			{"Kondisi ini, kata dia, sangat merugikan warga sekitar", Indirect, ViaPronoun, "Agus Santoso", "Menteri"}}},
	{"seraya shares the speaker of the words before it",
		"Sekolah Darurat\n“Kami siap membuka kelas,” kata Adnan Putra, seraya menambahkan bahwa jumlah guru akan bertambah.",
		[]want{{"Kami siap membuka kelas,", Direct, ViaName, "Adnan Putra", ""},
			{"jumlah guru akan bertambah", Indirect, ViaPronoun, "Adnan Putra", ""}}},
	{"beliefs and warnings with a clause, a word before bahwa; menunjukkan needs bahwa or a comma",
		"Candi\nRina Lestari menyadari bahwa perawatan candi perlu biaya.\nDia menyatakan pula bahwa pemerintah akan membantu.\nIa yakin warga ikut menjaga candi.\nIa mengingatkan pengunjung juga harus ikut menjaga.\nData itu menunjukkan jumlah pengunjung yang naik.",
		[]want{{"perawatan candi perlu biaya", Indirect, ViaName, "Rina Lestari", ""},
			{"pemerintah akan membantu", Indirect, ViaPronoun, "Rina Lestari", ""},
			{"warga ikut menjaga candi", Indirect, ViaPronoun, "Rina Lestari", ""},
			{"pengunjung juga harus ikut menjaga", Indirect, ViaPronoun, "Rina Lestari", ""}}},
	{"a social-media handle after the cue speaks",
		"Gol Cepat\n“Timnya jago sekali,” kata @rina.lestari99 di X.\n“Musim ini juara,” tulis @Budi_Santoso.",
		[]want{{"Timnya jago sekali,", Direct, ViaName, "@rina.lestari99", ""},
			{"Musim ini juara,", Direct, ViaName, "@Budi_Santoso", ""}}},
	{"Kombes Pol. before a name ends no sentence",
		"Miras\nKapolresta Bogor Kota Kombes Pol. Eko Susanto memimpin pemusnahan barang bukti.\nKapolresta menambahkan, sebagian besar botol itu dibuat di rumah warga.",
		[]want{{"sebagian besar botol itu dibuat di rumah warga", Indirect, ViaRole, "Eko Susanto", "Kapolresta"}}},
	{"a description after the cue, then the name set off by a comma",
		"Polusi\n“Udara makin buruk,” kata salah satu siswa, Nadia Rahma.\n“Mata kami perih,” ujar seorang warga, Rudi Hartono (40), kepada wartawan.\n“Kami tunggu,” kata warga, Senin.",
		[]want{{"Udara makin buruk,", Direct, ViaName, "Nadia Rahma", "salah satu siswa"},
			{"Mata kami perih,", Direct, ViaName, "Rudi Hartono", "seorang warga"},
			{"Kami tunggu,", Direct, ViaRole, "", "warga"}}},
	{"a headline that opens with a name and a cue gives the body's -nya its speaker",
		"Rina Sari Sebut Panen Padi Naik\nProduksi padi tahun ini melampaui target yang dipatok Gubernur Budi Hartono.\nIa juga menyoroti irigasi baru di kawasan utara.\n“Kami terus bangun bendungan,” jelasnya.",
		[]want{{"Kami terus bangun bendungan,", Direct, ViaNya, "Rina Sari", ""}}},
	{"menurut and a name opening the sentence, then a clause with no comma",
		"Tanggul\nMenurut Rina Sari tanggul itu dapat melindungi dua desa.\nMenurut rencana pembangunan dimulai tahun depan.",
		[]want{{"tanggul itu dapat melindungi dua desa", Indirect, ViaName, "Rina Sari", ""}}},
	{"cited authors: a year in brackets, dkk, a second author; the report is the first author's",
		"Terumbu Karang\nMenurut Siregar dkk (2021), karang di teluk itu pulih dalam lima tahun.\nTangkapan nelayan menurut Wijaya (2015) dan Hasan dkk (2019), turun sepertiga saat angin barat.\nMenurut Lubis (2020) dan Tanjung, perahu kecil paling terdampak.",
		[]want{{"karang di teluk itu pulih dalam lima tahun", Indirect, ViaName, "Siregar", ""},
			{"Tangkapan nelayan menurut Wijaya (2015) dan Hasan dkk (2019), turun sepertiga saat angin barat", Indirect, ViaName, "Wijaya", ""},
			{"perahu kecil paling terdampak", Indirect, ViaName, "Lubis", ""}}},
	{"a fronted clause opening with a verb, then the role and the name set off by commas",
		"Tambang Liar\nMenanggapi laporan itu, Kepala Dinas Lingkungan Hidup Kabupaten Bogor, Rina Sari, menegaskan bahwa tambang itu akan ditutup pekan depan.\nMenurutnya, warga dapat melapor lewat pos pengaduan.",
		[]want{{"tambang itu akan ditutup pekan depan", Indirect, ViaName, "Rina Sari", "Kepala Dinas Lingkungan Hidup Kabupaten Bogor"},
			{"warga dapat melapor lewat pos pengaduan", Indirect, ViaNya, "Rina Sari", "Kepala Dinas Lingkungan Hidup Kabupaten Bogor"}}},
	{"a place after di, ke or dari closes the subject of a clause, an active verb after it is its predicate",
		"Wisata Desa\nBudi Santoso mengakui rombongan pelajar dari Bandung bertambah tiap libur panjang.\nRina Sari mengungkap jaringan pencuri motor di Depok pekan lalu.",
		[]want{{"rombongan pelajar dari Bandung bertambah tiap libur panjang", Indirect, ViaName, "Budi Santoso", ""}}},
	{"what is stressed or pledged is a noun object, not a report; a verb coordinated after it still reports",
		"Hutan Lindung\nRina Sari menegaskan pentingnya menjaga hutan lindung di hulu sungai.\nIa menegaskan komitmennya untuk menanam seribu pohon.\nIa menegaskan pentingnya data dan menyatakan akan membuka posko pengaduan.",
		[]want{{"akan membuka posko pengaduan", Indirect, ViaPronoun, "Rina Sari", ""}}},
	{"Kata and a name opening the sentence, then a comma and the report",
		"Pasar Baru\nKata Dewi, pasar itu akan dibuka kembali bulan depan.\nKata \"pasar\" berasal dari bahasa Persia.",
		[]want{{"pasar itu akan dibuka kembali bulan depan", Indirect, ViaName, "Dewi", ""}}},
	{"tutupnya closes a quotation",
		"Pesantren\nKetua alumni Zaenal Arifin menolak tudingan itu.\n“Kami siap mencari dana sendiri,” tutupnya.",
		[]want{{"Kami siap mencari dana sendiri,", Direct, ViaNya, "Zaenal Arifin", "Ketua alumni"}}},
}

func TestFind(t *testing.T) {
	for _, row := range findRows {
		t.Run(row.name, func(t *testing.T) {
			doc := docOfText(row.in)
			var gotQ []want
			for _, q := range Find(doc, nil) {
				gotQ = append(gotQ, got(doc, q))
			}
			if fmt.Sprint(gotQ) != fmt.Sprint(row.want) {
				t.Errorf("\n got %s\nwant %s", list(gotQ), list(row.want))
			}
		})
	}
}

func list(ws []want) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString("\n  " + w.String())
	}
	return b.String()
}

// entityRows check the seam to the entity stage. Each row's entity table
// is built from the names written in it: every form listed is a mention
// wherever it occurs as whole words.
var entityRows = []struct {
	name  string
	in    string
	ents  []Entity
	forms [][]string // surface forms of each entity
	want  []struct{ text, entity, name, role string }
}{
	{"an office whose holder is never named is its body's, and -nya follows the body",
		"Sanksi Etik\n“Teradu diberi peringatan keras,” kata Ketua DKPP dalam sidang, Selasa.\n“Putusan berlaku sejak dibacakan,” sambungnya.\nKetua KPU Sari Wulan hadir.\n“Kami hormati,” kata Ketua KPU.",
		[]Entity{{ID: "E1", Name: "Dewan Kehormatan Penyelenggara Pemilu", Type: "ORG"}, {ID: "E2", Name: "Sari Wulan", Type: "PER"}, {ID: "E3", Name: "Komisi Pemilihan Umum", Type: "ORG"}},
		[][]string{{"DKPP"}, {"Sari Wulan"}, {"KPU"}},
		[]struct{ text, entity, name, role string }{{"Teradu diberi peringatan keras,", "E1", "Dewan Kehormatan Penyelenggara Pemilu", "Ketua DKPP"}, {"Putusan berlaku sejak dibacakan,", "E1", "Dewan Kehormatan Penyelenggara Pemilu", ""}, {"Kami hormati,", "E2", "Sari Wulan", "Ketua KPU"}}},
	{"a short name is the entity's mention; the role is the one at the cue",
		"Pompa Banjir\nWali Kota Surabaya Eri Wibowo meninjau banjir.\n“Kami tambah tiga pompa air,” kata Eri.",
		[]Entity{{ID: "E1", Name: "Eri Wibowo", Type: "PER", Roles: []string{"Wali Kota Surabaya"}}, {ID: "E2", Name: "Surabaya", Type: "LOC"}},
		[][]string{{"Eri Wibowo", "Eri"}, {"Surabaya"}},
		[]struct{ text, entity, name, role string }{{"Kami tambah tiga pompa air,", "E1", "Eri Wibowo", "Wali Kota Surabaya"}}},
	{"an organisation is not the antecedent of -nya",
		"Laba Bank\nDirektur Utama Teguh Santosa menghadiri peluncuran produk.\nBank Nusantara Makmur mencatat laba naik 12 persen.\n“Kami optimistis tahun depan lebih baik,” ujarnya.",
		[]Entity{{ID: "E1", Name: "Teguh Santosa", Type: "PER", Roles: []string{"Direktur Utama Bank Nusantara Makmur"}}, {ID: "E2", Name: "Bank Nusantara Makmur", Type: "ORG"}},
		[][]string{{"Teguh Santosa"}, {"Bank Nusantara Makmur"}},
		[]struct{ text, entity, name, role string }{{"Kami optimistis tahun depan lebih baik,", "E1", "Teguh Santosa", "Direktur Utama"}}},
	{"an entity glued to the body of the role gives way to the name as read",
		"Partai Maju Bersama Nonaktifkan Kader\nSekretaris Jenderal (Sekjen) Partai Maju Bersama Rudi Hartono mengumumkan penonaktifan itu.\n“Keputusan ini final,” kata Rudi.",
		[]Entity{{ID: "E1", Name: "Partai Maju Bersama Rudi Hartono", Type: "PER"}, {ID: "E2", Name: "Partai Maju Bersama", Type: "ORG"}},
		[][]string{{"Partai Maju Bersama Rudi Hartono", "Rudi"}, {"Partai Maju Bersama"}},
		[]struct{ text, entity, name, role string }{{"Keputusan ini final,", "", "Rudi Hartono", "Sekretaris Jenderal (Sekjen) Partai Maju Bersama"}}},
	{"an entity that opens with the role as the reader reads it gives way to the name as read",
		"Nyeri Sendi\nMenurut dokter Rina Wicaksana, kaku sendi makin sering dialami orang muda.\n“Banyak pasien saya baru berumur 20-an,” kata Rina.",
		[]Entity{{ID: "E1", Name: "dokter Rina Wicaksana", Type: "PER"}},
		[][]string{{"dokter Rina Wicaksana", "Rina"}},
		[]struct{ text, entity, name, role string }{{"Banyak pasien saya baru berumur 20-an,", "", "Rina Wicaksana", "dokter"}}},
	{"an organisation speaks after the cue and before a verb of saying",
		"Perundungan\n“Perundungan tidak diterima di sekolah,” kata Kementerian Pendidikan di Singapura.\nKementerian Keuangan (Kemenkeu) menegaskan, “Video itu hoaks.”",
		[]Entity{{ID: "E1", Name: "Kementerian Pendidikan", Type: "ORG"}, {ID: "E2", Name: "Kementerian Keuangan", Type: "ORG"}, {ID: "E3", Name: "Singapura", Type: "LOC"}},
		[][]string{{"Kementerian Pendidikan"}, {"Kementerian Keuangan", "Kemenkeu"}, {"Singapura"}},
		[]struct{ text, entity, name, role string }{{"Perundungan tidak diterima di sekolah,", "E1", "Kementerian Pendidikan", ""}, {"Video itu hoaks.", "E2", "Kementerian Keuangan", ""}}},
	{"a capitalised word the entity stage leaves untagged is no antecedent",
		"Sengketa Lahan\nPengacara Budi Hartawan mendatangi kantor kelurahan.\n“Kami ingin damai,” kata Budi.\nLangkah ini dilakukan untuk berkoordinasi dan memastikan warga tenang.\n“Kami tidak ingin ada ketegangan,” pungkasnya.",
		[]Entity{{ID: "E1", Name: "Budi Hartawan", Type: "PER"}},
		[][]string{{"Budi Hartawan", "Budi"}},
		[]struct{ text, entity, name, role string }{{"Kami ingin damai,", "E1", "Budi Hartawan", "Pengacara"}, {"Kami tidak ingin ada ketegangan,", "E1", "Budi Hartawan", "Pengacara"}}},
	{"a person the entity stage calls an organisation for his acronym is the running speaker",
		"Harga Pangan\nMenteri Koordinator Bidang Pangan Budi Santoso Wibowo (BSW) mengatakan harga beras stabil.\n“Kami pantau terus,” kata BSW dalam rapat Pemerintahan Prabowo-Gibran di Jakarta.\n“Stok beras cukup sampai akhir tahun,” katanya.",
		[]Entity{{ID: "E1", Name: "Budi Santoso Wibowo", Type: "ORG"}, {ID: "E2", Name: "Prabowo", Type: "PER"}, {ID: "E3", Name: "Gibran", Type: "PER"}, {ID: "E4", Name: "Jakarta", Type: "LOC"}},
		[][]string{{"Budi Santoso Wibowo", "BSW"}, {"Prabowo"}, {"Gibran"}, {"Jakarta"}},
		[]struct{ text, entity, name, role string }{{"Kami pantau terus,", "E1", "Budi Santoso Wibowo", "Menteri Koordinator Bidang Pangan"}, {"Stok beras cukup sampai akhir tahun,", "E1", "Budi Santoso Wibowo", "Menteri Koordinator Bidang Pangan"}}},
	{"a person's acronym at the cue is that person",
		"Dana Daerah\nGubernur Jawa Barat Dedi Mulyadi meninjau kas daerah.\n“Tidak ada dana yang kami endapkan,” ujar KDM di Bandung.",
		[]Entity{{ID: "E1", Name: "Dedi Mulyadi", Type: "PER", Roles: []string{"Gubernur Jawa Barat"}}, {ID: "E2", Name: "Bandung", Type: "LOC"}},
		[][]string{{"Dedi Mulyadi", "KDM"}, {"Bandung"}},
		[]struct{ text, entity, name, role string }{{"Tidak ada dana yang kami endapkan,", "E1", "Dedi Mulyadi", "Gubernur Jawa Barat"}}},
	{"one acted on in a passive is no antecedent of -nya; the running speaker is",
		"Kapolsek Diperiksa\nPropam memeriksa Kapolsek Tanete AKP Irwansyah setelah videonya beredar.\n“Dimintai keterangan,” ungkap Kasi Humas Polres Pinrang Iptu Sulaiman.\nSelain diperiksa Propam, Irwansyah juga dipanggil menghadap Kapolres. Irwansyah dipanggil terkait rekaman itu.\n“Iya, sudah dipanggil, dimintai klarifikasi,” ujarnya.",
		[]Entity{{ID: "E1", Name: "Sulaiman", Type: "PER"}, {ID: "E2", Name: "Irwansyah", Type: "PER"}, {ID: "E3", Name: "Polres Pinrang", Type: "ORG"}},
		[][]string{{"Sulaiman"}, {"Irwansyah"}, {"Polres Pinrang"}},
		[]struct{ text, entity, name, role string }{{"Dimintai keterangan,", "E1", "Sulaiman", "Kasi Humas Polres Pinrang"}, {"Iya, sudah dipanggil, dimintai klarifikasi,", "E1", "Sulaiman", "Kasi Humas Polres Pinrang"}}},
	{"initials the entity stage tags once are the person who reports; -nya follows them, not the lawyer",
		"Praperadilan Wartawan\nHakim membatalkan status tersangka wartawan berinisial RK pekan lalu.\nSementara itu, kuasa hukum RK, Agus Salim mengatakan, kliennya tidak pernah diperiksa.\nSementara itu, RK mengaku menghargai putusan hakim. Dia mengaku lega statusnya dicabut.\n“Saya tidak dendam pada siapa pun,” katanya.",
		[]Entity{{ID: "E1", Name: "RK", Type: "PER"}, {ID: "E2", Name: "Agus Salim", Type: "PER"}},
		[][]string{{"1:RK"}, {"Agus Salim"}},
		[]struct{ text, entity, name, role string }{{"Saya tidak dendam pada siapa pun,", "E1", "RK", ""}}},
	{"a body quoted before reports again after its member spoke: -nya is the body's, also past one its report names",
		"Izin Praktik Dicabut\n“Izin praktik advokat itu dicabut enam bulan,” kata Ketua MEA di Surabaya, Rabu.\n“Pembelaannya kami tolak seluruhnya,” ujar anggota MEA Rina Sari.\nMEA pun menyatakan Bima Putra tidak terbukti menerima suap.\n“Izin praktik Bima kami pulihkan,” tuturnya.",
		[]Entity{{ID: "E1", Name: "Majelis Etik Advokat", Type: "ORG"}, {ID: "E2", Name: "Rina Sari", Type: "PER"}, {ID: "E3", Name: "Bima Putra", Type: "PER"}},
		[][]string{{"1:MEA"}, {"Rina Sari"}, {"Bima Putra"}},
		[]struct{ text, entity, name, role string }{{"Izin praktik advokat itu dicabut enam bulan,", "E1", "Majelis Etik Advokat", "Ketua MEA"}, {"Pembelaannya kami tolak seluruhnya,", "E2", "Rina Sari", "anggota MEA"}, {"Izin praktik Bima kami pulihkan,", "E1", "Majelis Etik Advokat", ""}}},
	{"a body whose words were not quoted before reports: -nya stays with the official quoted",
		"Panen Raya\n“Panen raya dimulai bulan depan,” kata Kepala Distan Garut Dani Saputra.\nDistan menilai hujan yang merata ikut mendongkrak hasil panen.\n“Harga gabah tetap kami pantau,” ujarnya.",
		[]Entity{{ID: "E1", Name: "Dani Saputra", Type: "PER"}, {ID: "E2", Name: "Dinas Pertanian", Type: "ORG"}},
		[][]string{{"Dani Saputra"}, {"Distan"}},
		[]struct{ text, entity, name, role string }{{"Panen raya dimulai bulan depan,", "E1", "Dani Saputra", "Kepala Distan Garut"}, {"Harga gabah tetap kami pantau,", "E1", "Dani Saputra", "Kepala Distan Garut"}}},
	{"a misspelt mention and the entity's role when the text gives none nearby",
		"Diplomasi\n“Pembicaraan berjalan baik,” kata Blinkin.",
		[]Entity{{ID: "E7", Name: "Anthony Blinken", Type: "PER", Roles: []string{"Menteri Luar Negeri AS"}}},
		[][]string{{"Blinkin"}},
		[]struct{ text, entity, name, role string }{{"Pembicaraan berjalan baik,", "E7", "Anthony Blinken", "Menteri Luar Negeri AS"}}},
}

func TestFindWithEntities(t *testing.T) {
	for _, row := range entityRows {
		t.Run(row.name, func(t *testing.T) {
			doc := docOfText(row.in)
			ents := entitiesOf(doc, row.ents, row.forms)
			var gotQ []struct{ text, entity, name, role string }
			for _, q := range Find(doc, ents) {
				if q.Kind != Indirect {
					gotQ = append(gotQ, struct{ text, entity, name, role string }{doc.Text[q.Text.Start:q.Text.End], q.Entity, q.Name, q.Role})
				}
			}
			if fmt.Sprint(gotQ) != fmt.Sprint(row.want) {
				t.Errorf("\n got %+v\nwant %+v", gotQ, row.want)
			}
			// Without the table the text alone decides.
			if qs := Find(doc, nil); len(qs) > 0 && qs[0].Entity != "" {
				t.Errorf("entity %q without entities", qs[0].Entity)
			}
		})
	}
}

// entitiesOf builds an entity table over doc: every form listed is a
// mention of its entity wherever it occurs as whole words, a form written
// 1:form only where it first occurs (initials the entity stage tags once).
func entitiesOf(doc *text.Document, list []Entity, forms [][]string) *Entities {
	ents := &Entities{List: list}
	for i, fs := range forms {
		for _, form := range fs {
			form, once := strings.CutPrefix(form, "1:")
			for at, n := 0, 0; !once || n == 0; n++ {
				k := strings.Index(doc.Text[at:], form)
				if k < 0 {
					break
				}
				if start, end := at+k, at+k+len(form); wordEdge(doc.Text, start, end) {
					ents.Mentions = append(ents.Mentions, Mention{Start: start, End: end, Entity: i})
				}
				at += k + len(form)
			}
		}
	}
	normalizeMentions(ents)
	return ents
}

// reportRows check reported speech whose speaker needs the entity table.
var reportRows = []struct {
	name  string
	in    string
	ents  []Entity
	forms [][]string
	want  []struct{ text, entity, name string }
}{
	{"a body pointed back to is the organisation named before with that head noun",
		"Danau Surut\nKementerian Perikanan Chad memantau danau itu sejak Maret. Komisi Pemilihan Umum juga hadir.\nKementerian tersebut menyatakan stok ikan nila sudah turun separuh.\nLembaga tersebut menyatakan perahu bantuan belum datang.",
		[]Entity{{ID: "E1", Name: "Kementerian Perikanan Chad", Type: "ORG"}, {ID: "E2", Name: "Komisi Pemilihan Umum", Type: "ORG"}},
		[][]string{{"Kementerian Perikanan Chad"}, {"Komisi Pemilihan Umum"}},
		[]struct{ text, entity, name string }{{"stok ikan nila sudah turun separuh", "E1", "Kementerian Perikanan Chad"}}},
	{"initials the entity stage tags once report, and dia after them is theirs",
		"Praperadilan Wartawan\nHakim membatalkan status tersangka wartawan berinisial RK pekan lalu.\nSementara itu, kuasa hukum RK, Agus Salim mengatakan, kliennya tidak pernah diperiksa.\nSementara itu, RK mengaku menghargai putusan hakim. Dia mengaku lega statusnya dicabut.\n“Saya tidak dendam pada siapa pun,” katanya.",
		[]Entity{{ID: "E1", Name: "RK", Type: "PER"}, {ID: "E2", Name: "Agus Salim", Type: "PER"}},
		[][]string{{"1:RK"}, {"Agus Salim"}},
		[]struct{ text, entity, name string }{{"kliennya tidak pernah diperiksa", "E2", "Agus Salim"}, {"menghargai putusan hakim", "E1", "RK"}, {"lega statusnya dicabut", "E1", "RK"}}},
	{"an acronym the entity stage tags as the organisation elsewhere reports as that organisation",
		"Whistleblower\nIndonesia Corruption Watch (ICW) menggelar diskusi di Jakarta.\nICW pun menilai pelapor korupsi harus mendapat perlindungan hukum.",
		[]Entity{{ID: "E1", Name: "Indonesia Corruption Watch", Type: "ORG"}},
		[][]string{{"Indonesia Corruption Watch", "1:ICW"}},
		[]struct{ text, entity, name string }{{"pelapor korupsi harus mendapat perlindungan hukum", "E1", "Indonesia Corruption Watch"}}},
	{"an organisation or a person's acronym the reader reads as no name, after menurut or kata",
		"Danau Surut\nMenurut Kementerian Perikanan Chad, stok ikan di danau itu menyusut tajam.\nAkibatnya, kata RHS, kapal patroli baru tertunda setahun.",
		[]Entity{{ID: "E1", Name: "Kementerian Perikanan Chad", Type: "ORG"}, {ID: "E2", Name: "Rudi Hartono Siregar", Type: "PER"}},
		[][]string{{"Kementerian Perikanan Chad"}, {"RHS"}},
		[]struct{ text, entity, name string }{{"stok ikan di danau itu menyusut tajam", "E1", "Kementerian Perikanan Chad"}, {"kapal patroli baru tertunda setahun", "E2", "Rudi Hartono Siregar"}}},
	{"Perseroan is the company named before, not the exchange named since",
		"Pabrik Tenun\nSTNM meresmikan pabrik tenun di Kendal dan mencatatkan obligasi di Bursa Efek Indonesia.\nPerseroan menegaskan, pabrik itu akan menyerap dua ribu pekerja.",
		[]Entity{{ID: "E1", Name: "STNM", Type: "ORG"}, {ID: "E2", Name: "Bursa Efek Indonesia", Type: "ORG"}},
		[][]string{{"STNM"}, {"Bursa Efek Indonesia"}},
		[]struct{ text, entity, name string }{{"pabrik itu akan menyerap dua ribu pekerja", "E1", "STNM"}}},
}

func TestReportsWithEntities(t *testing.T) {
	for _, row := range reportRows {
		t.Run(row.name, func(t *testing.T) {
			doc := docOfText(row.in)
			var gotQ []struct{ text, entity, name string }
			for _, q := range Find(doc, entitiesOf(doc, row.ents, row.forms)) {
				if q.Kind == Indirect {
					gotQ = append(gotQ, struct{ text, entity, name string }{doc.Text[q.Text.Start:q.Text.End], q.Entity, q.Name})
				}
			}
			if fmt.Sprint(gotQ) != fmt.Sprint(row.want) {
				t.Errorf("\n got %+v\nwant %+v", gotQ, row.want)
			}
		})
	}
}
