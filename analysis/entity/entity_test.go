package entity_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/warta-news/warta/analysis/article"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/internal/golden"
)

func find(t testing.TB, raw string) (*text.Document, *entity.Result) {
	t.Helper()
	r, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	doc := newDocument(article.FromText(text.Normalize(raw)))
	return doc, r.Find(doc)
}

func byName(res *entity.Result, name string) *entity.Entity {
	for i := range res.Entities {
		if res.Entities[i].Name == name {
			return &res.Entities[i]
		}
	}
	return nil
}

// TestFind checks merging, roles, countries and what is not an entity on
// short articles in the style of Indonesian news (headline, then one
// paragraph a line).
func TestFind(t *testing.T) {
	type want struct {
		typ, name, country string
		mentions, roles    []string
	}
	for _, tt := range []struct {
		name    string
		text    string
		want    []want
		notWant []string
	}{
		{
			name: "honorific and rank stripped, surname merged",
			text: "Polisi Tangkap Pengedar\nKepala Bidang Humas Polda Metro Jaya Komisaris Besar Yusri Yunus mengatakan pelaku ditangkap di Bekasi.\n“Pelaku sudah kami tahan,” kata Yusri.",
			want: []want{
				{"PER", "Yusri Yunus", "ID", []string{"Yusri Yunus", "Yusri"}, []string{"Kepala Bidang Humas Polda Metro Jaya"}},
				{"LOC", "Bekasi", "ID", []string{"Bekasi"}, nil},
			},
			notWant: []string{"Komisaris Besar Yusri Yunus"},
		},
		{
			name: "office words and a unit's number the tagger ran into a name go to the role",
			text: "Tambang\n“Angkanya berbeda,” ujar Kepala Satuan Tugas Pencegahan KPK Wilayah IV Sri Wahyuni di Jakarta.\n“Latihan berjalan lancar,” ujar Kapuspen TNI Brigjen Marinir Yudha Pratama seusai apel.",
			want: []want{
				{"PER", "Sri Wahyuni", "ID", []string{"Sri Wahyuni"}, nil},
				{"PER", "Yudha Pratama", "ID", []string{"Yudha Pratama"}, []string{"Kapuspen TNI Brigjen Marinir"}},
			},
			notWant: []string{"Wilayah IV Sri Wahyuni", "Marinir Yudha Pratama"},
		},
		{
			name: "world places of an article set abroad get their country; a small one needs its country named",
			text: "Wisata Pantai\nPelancong dari Jerman dan Prancis memadati pantai di Kroasia dan Yunani musim ini. Kota tua Dubrovnik dan pelabuhan Tyre ramai dikunjungi.\nHotel di Trieste dan Split juga penuh.",
			want: []want{
				{"LOC", "Dubrovnik", "HR", []string{"Dubrovnik"}, nil},
				{"LOC", "Tyre", "LB", []string{"Tyre"}, nil},
				{"LOC", "Trieste", "IT", []string{"Trieste"}, nil},
			},
		},
		{
			name:    "no world place in an article set at home, nor one glued to a name or alone in brackets",
			text:    "Jalan Rusak\nWarga Desa Sukamaju di Demak mengeluhkan jalan rusak menuju Guntur dan Mranggen. Mahasiswa baru (Maba) ikut membantu di Simpang Kulim.\nPerbaikan dimulai pekan depan.",
			notWant: []string{"Maba", "Kulim"},
		},
		{
			name: "foreign outlets are organisations of their country; one that is a common word only after a citing word",
			text: "Riset Tidur\nPenelitian itu dimuat Smithsonian Magazine pekan lalu, seperti dikutip dari Express. Temuan serupa dilaporkan Reuters.\nPara ahli menyebut Express pelayanan kereta sebagai contoh.",
			want: []want{
				{"ORG", "Smithsonian Magazine", "US", []string{"Smithsonian Magazine"}, nil},
				{"ORG", "Express", "GB", []string{"Express"}, nil},
				{"ORG", "Reuters", "GB", []string{"Reuters"}, nil},
			},
		},
		{
			name:    "an outlet that is a common word is no outlet without a citing word",
			text:    "Kereta Baru\nOperator meluncurkan layanan Express menuju bandara pekan ini. Tiket Express dijual mulai hari ini.\nPenumpang menyambut baik.",
			notWant: []string{"Express"},
		},
		{
			name: "a person whose role names an Indonesian body keeps ID in a story set abroad",
			text: "Baja Dunia\nDirektur Utama PT Sinar Baja Tbk Hendra Kusuma menilai produksi baja Jepang dan Korea Selatan terus naik. Jepang memproduksi 90 juta ton, Korea Selatan 70 juta ton.\nHendra berbicara di Tokyo.",
			want: []want{
				{"PER", "Hendra Kusuma", "ID", []string{"Hendra Kusuma", "Hendra"}, []string{"Direktur Utama PT Sinar Baja Tbk"}},
			},
		},
		{
			name: "a city named alone is the kota when the regency of that name is named too",
			text: "Hujan Deras\nBanjir merendam Kota Bogor dan Kabupaten Bogor sejak pagi. Di Bogor, sekolah diliburkan.\nWarga diminta waspada.",
			want: []want{
				{"LOC", "Kota Bogor", "ID", []string{"Kota Bogor", "Bogor"}, nil},
				{"LOC", "Kabupaten Bogor", "ID", []string{"Kabupaten Bogor"}, nil},
			},
		},
		{
			name: "a sub-unit named with its parent is one body, the parent alone another",
			text: "Kecelakaan Beruntun\nSatlantas Polres Ciamis menyelidiki kecelakaan di jalan raya itu. Polres Ciamis juga menurunkan tim.\nKorban dibawa ke rumah sakit.",
			want: []want{
				{"ORG", "Satlantas Polres Ciamis", "ID", []string{"Satlantas Polres Ciamis"}, nil},
				{"ORG", "Polres Ciamis", "ID", []string{"Polres Ciamis"}, nil},
			},
		},
		{
			name: "a listed regency of two words before a name is the place, not the name's first word",
			text: "Banjir\nBupati Kuantan Singingi Herman Saputra meninjau lokasi banjir.\n“Warga sudah dievakuasi,” kata Herman.",
			want: []want{
				{"PER", "Herman Saputra", "ID", []string{"Herman Saputra", "Herman"}, []string{"Bupati Kuantan Singingi"}},
				{"LOC", "Kuantan Singingi", "ID", []string{"Kuantan Singingi"}, nil},
			},
			notWant: []string{"Singingi Herman Saputra", "Kuantan"},
		},
		{
			name: "Balinese and Sasak words that open a name are the name's; degrees after it are not",
			text: "Pameran\nKepala sekolah Ni Wayan Sukerti membuka pameran bersama Lalu Ahmad Fauzi dan dosen Ketut Arsana SH MSi.\nLalu para siswa menari. Wakil Ketua I Made Wirata hadir.",
			want: []want{
				{"PER", "Ni Wayan Sukerti", "", []string{"Ni Wayan Sukerti"}, nil},
				{"PER", "Lalu Ahmad Fauzi", "", []string{"Lalu Ahmad Fauzi"}, nil},
				{"PER", "Ketut Arsana", "", []string{"Ketut Arsana"}, []string{"dosen"}},
				{"PER", "Made Wirata", "", []string{"Made Wirata"}, nil},
			},
			notWant: []string{"Wayan Sukerti", "Ketut Arsana SH MSi", "Ketut Arsana SH", "I Made Wirata", "Ahmad Fauzi"},
		},
		{
			name: "a public figure known by an acronym is a person",
			text: "Proyek Tanggul\nMenko AHY meninjau proyek tanggul laut. AHY mengatakan proyek itu penting bagi warga pesisir.",
			want: []want{
				{"PER", "AHY", "ID", []string{"AHY", "AHY"}, []string{"Menko"}},
			},
		},
		{
			name: "police units named after their command and task forces are organisations",
			text: "Tilang Elektronik\nKorlantas Polri memperluas tilang elektronik yang dijalankan Ditlantas Polda Jatim. Satreskrim Polres Bogor dan Satgas Pencegahan dan Penanganan Kekerasan menerima laporan itu dari Kepolisian Peru.",
			want: []want{
				{"ORG", "Korlantas Polri", "ID", []string{"Korlantas Polri"}, nil},
				{"ORG", "Ditlantas Polda Jatim", "ID", []string{"Ditlantas Polda Jatim"}, nil},
				{"ORG", "Satreskrim Polres Bogor", "ID", []string{"Satreskrim Polres Bogor"}, nil},
				{"ORG", "Satgas Pencegahan dan Penanganan Kekerasan", "ID", nil, nil},
				{"ORG", "Kepolisian Peru", "PE", nil, nil},
			},
			notWant: []string{"Polda Jatim", "Polres Bogor", "Jatim", "Peru"},
		},
		{
			name: "the first words of a name the tagger ran into the body before it, or cut off it, are the name's",
			text: "Survei\nDirektur Eksekutif Poltracking Indonesia Hanta Yuda Rasyid menilai survei itu sahih.\nDirjen Otonomi Daerah Kementerian Dalam Negeri La Ode Rahman Bolombo hadir.",
			want: []want{
				{"PER", "Hanta Yuda Rasyid", "ID", []string{"Hanta Yuda Rasyid"}, []string{"Direktur Eksekutif Poltracking Indonesia"}},
				{"PER", "La Ode Rahman Bolombo", "ID", []string{"La Ode Rahman Bolombo"}, nil},
				{"ORG", "Kementerian Dalam Negeri", "ID", nil, nil},
			},
			notWant: []string{"Eksekutif Poltracking Indonesia Hanta", "Yuda Rasyid", "La Ode", "Rahman Bolombo"},
		},
		{
			name: "a territory word before a place is the place; Kota and Kabupaten of one name stay apart",
			text: "Iuran\nPemerintah Provinsi Banten membayar iuran. Gubernur Provinsi Banten Andi Saputra hadir di Banten.\nKota Bogor dan Kabupaten Bogor ikut membayar.",
			want: []want{
				{"LOC", "Provinsi Banten", "ID", []string{"Provinsi Banten", "Banten"}, nil},
				{"LOC", "Kota Bogor", "ID", []string{"Kota Bogor"}, nil},
				{"LOC", "Kabupaten Bogor", "ID", []string{"Kabupaten Bogor"}, nil},
			},
		},
		{
			name: "schools and health centres named after a place are organisations",
			text: "Keracunan\nSiswa SMA Negeri 1 Kairatu dan SD Inpres Talaga Ratu dirawat di Puskesmas Kairatu, Maluku.",
			want: []want{
				{"ORG", "SMA Negeri 1 Kairatu", "ID", []string{"SMA Negeri 1 Kairatu"}, nil},
				{"ORG", "SD Inpres Talaga Ratu", "ID", []string{"SD Inpres Talaga Ratu"}, nil},
				{"ORG", "Puskesmas Kairatu", "ID", []string{"Puskesmas Kairatu"}, nil},
			},
		},
		{
			name: "a short form in brackets and a nickname after disapa are the person's",
			text: "Tuntutan\nAktivis Rahayu Sekar Utami (Rasu) menyerahkan tuntutan. Wakil Menteri Sosial Bambang Hartono, yang akrab disapa Bento, menerimanya.\nBento berjanji membacanya.",
			want: []want{
				{"PER", "Rahayu Sekar Utami", "ID", []string{"Rahayu Sekar Utami", "Rasu"}, nil},
				{"PER", "Bambang Hartono", "ID", []string{"Bambang Hartono", "Bento", "Bento"}, []string{"Wakil Menteri Sosial"}},
			},
		},
		{
			name: "a foreign story's persons and bodies of unknown country are of the country it is set in",
			text: "Nyamuk di Islandia\nNyamuk ditemukan di Islandia, dekat Reykjavik, oleh Matthias Gunnarsson dari Institut Alam. Warga Islandia terkejut, dan Presiden AS tidak berkomentar.",
			want: []want{
				{"PER", "Matthias Gunnarsson", "IS", []string{"Matthias Gunnarsson"}, nil},
				{"LOC", "Reykjavik", "IS", []string{"Reykjavik"}, nil},
			},
		},
		{
			name: "acronym merged with its long form",
			text: "KPK Periksa Saksi\nKomisi Pemberantasan Korupsi (KPK) memeriksa tiga saksi pada Senin.\nJuru bicara KPK Ali Fikri mengatakan pemeriksaan berlangsung di Jakarta.",
			want: []want{
				{"ORG", "Komisi Pemberantasan Korupsi", "ID", []string{"Komisi Pemberantasan Korupsi", "KPK"}, nil},
				{"PER", "Ali Fikri", "ID", []string{"Ali Fikri"}, []string{"Juru bicara KPK"}},
				{"LOC", "Jakarta", "ID", []string{"Jakarta"}, nil},
			},
		},
		{
			name: "country from role; an unqualified minister is Indonesian",
			text: "Menlu Bertemu\nMenteri Luar Negeri Jepang Yoko Kamikawa bertemu Menteri Luar Negeri Retno Marsudi di Tokyo.\nKamikawa mengatakan Jepang dan RI sepakat memperluas kerja sama.",
			want: []want{
				{"PER", "Yoko Kamikawa", "JP", []string{"Yoko Kamikawa", "Kamikawa"}, []string{"Menteri Luar Negeri Jepang"}},
				{"PER", "Retno Marsudi", "ID", []string{"Retno Marsudi"}, []string{"Menteri Luar Negeri"}},
				{"LOC", "Jepang", "JP", []string{"Jepang"}, nil},
				{"LOC", "Tokyo", "JP", []string{"Tokyo"}, nil},
			},
			notWant: []string{"Luar Negeri Jepang"},
		},
		{
			name: "common acronyms and sentence openers are not entities",
			text: "KTT Ditunda\nNamun KTT itu ditunda.\nSetelah rapat, PHK massal dibahas di DPR.",
			want: []want{
				{"ORG", "DPR", "ID", []string{"DPR"}, nil},
			},
			notWant: []string{"KTT", "PHK", "Namun", "Setelah"},
		},
		{
			name: "the role scan reads over Dalam inside an office name",
			text: "Mendagri Hadir\nMenteri Dalam Negeri Tito Karnavian hadir di Bandung.\nTito mengatakan rapat berjalan lancar.",
			want: []want{
				{"PER", "Tito Karnavian", "ID", []string{"Tito Karnavian", "Tito"}, []string{"Menteri Dalam Negeri"}},
			},
		},
		{
			name: "a title-case headline is a name only as far as the body says",
			text: "Prabowo Puji Jokowi di Depan Menteri\nPresiden Prabowo Subianto memuji Presiden ke-7 RI Joko Widodo.\nMenurut Prabowo, Jokowi berjasa besar.",
			want: []want{
				{"PER", "Prabowo Subianto", "ID", []string{"Prabowo Subianto", "Prabowo"}, nil},
				{"PER", "Joko Widodo", "ID", []string{"Joko Widodo", "Jokowi"}, nil},
			},
			notWant: []string{"Prabowo Puji Jokowi", "Prabowo"},
		},
		{
			name: "people who only share a name part stay apart",
			text: "Rapat di Istana\nPresiden Prabowo Subianto memanggil Kapolri Jenderal Listyo Sigit Prabowo ke Istana.\nPrabowo meminta laporan, kata Listyo.",
			want: []want{
				{"PER", "Prabowo Subianto", "ID", []string{"Prabowo Subianto", "Prabowo"}, nil},
				{"PER", "Listyo Sigit Prabowo", "ID", []string{"Listyo Sigit Prabowo", "Listyo"}, []string{"Kapolri"}},
			},
		},
		{
			name: "a unit named after its place is one organisation",
			text: "Polisi Tangkap Pencuri\nPolresta Denpasar menangkap dua pencuri, sementara Pemkab Sleman menggelar rapat bersama Komisi XI DPR RI.",
			want: []want{
				{"ORG", "Polresta Denpasar", "ID", []string{"Polresta Denpasar"}, nil},
				{"ORG", "Pemkab Sleman", "ID", []string{"Pemkab Sleman"}, nil},
				{"ORG", "Komisi XI DPR RI", "ID", []string{"Komisi XI DPR RI"}, nil},
			},
			notWant: []string{"Denpasar", "Sleman", "DPR RI"},
		},
		{
			name: "a listed leader has his country; initials after Saudara are a person",
			text: "Trump Kecam Rusia\nPresiden Donald Trump mengecam Rusia. KPK menahan Saudara AS pada Senin.\nAS disangkakan melanggar pasal korupsi.",
			want: []want{
				{"PER", "Donald Trump", "US", []string{"Donald Trump"}, nil},
				{"PER", "AS", "", []string{"AS"}, nil},
			},
		},
		{
			name: "nicknames of public figures",
			text: "Rapat Partai\nKetua Umum PKB Muhaimin Iskandar bertemu Saifullah Yusuf di Surabaya.\nCak Imin mengatakan Gus Ipul sepakat.",
			want: []want{
				{"PER", "Muhaimin Iskandar", "ID", []string{"Muhaimin Iskandar", "Cak Imin"}, []string{"Ketua Umum PKB"}},
				{"PER", "Saifullah Yusuf", "ID", []string{"Saifullah Yusuf", "Gus Ipul"}, nil},
			},
		},
		{
			name: "a bare office title is the person the article names in that office",
			text: "Bansos Cair\nMenteri Sosial Saifullah Yusuf meninjau gudang di Bekasi.\n“Bantuan cair pekan ini,” kata Mensos di sana. Kapolri Jenderal Listyo Sigit Prabowo ikut hadir.",
			want: []want{
				{"PER", "Saifullah Yusuf", "ID", []string{"Saifullah Yusuf", "Mensos"}, []string{"Menteri Sosial"}},
				{"PER", "Listyo Sigit Prabowo", "ID", []string{"Listyo Sigit Prabowo"}, []string{"Kapolri"}},
			},
			notWant: []string{"Mensos", "Kapolri"},
		},
		{
			name: "a body inside a role head stays, a unit's place glued to a name is the unit's, a common noun before a body goes",
			text: "Kasus Hibah\nMantan Ketua DPRD Jatim Kusnadi diperiksa di gedung KPK. Ketua DPRD Kota Bogor Adityawarman hadir.\n“Saya kooperatif,” kata Kusnadi.",
			want: []want{
				{"ORG", "DPRD Jatim", "ID", []string{"DPRD Jatim"}, nil},
				{"PER", "Kusnadi", "ID", []string{"Kusnadi", "Kusnadi"}, []string{"Mantan Ketua DPRD Jatim"}},
				{"ORG", "KPK", "ID", []string{"KPK"}, nil},
				{"ORG", "DPRD Kota Bogor", "ID", []string{"DPRD Kota Bogor"}, nil},
			},
			notWant: []string{"Jatim Kusnadi", "gedung KPK", "Kota Bogor"},
		},
		{
			name: "a headline's unit is the body's in any form, and its head word alone refers back to it",
			text: "Pemkot Palembang Sepakati Empat Raperda, Komisi XI DPR Puji Setahun Kinerja\nPemerintah Kota Palembang menyepakati empat raperda bersama Komisi XI DPR RI. Pemkot juga membahas anggaran.",
			want: []want{
				{"ORG", "Pemerintah Kota Palembang", "ID", []string{"Pemkot Palembang", "Pemerintah Kota Palembang", "Pemkot"}, nil},
				{"ORG", "Komisi XI DPR RI", "ID", []string{"Komisi XI DPR", "Komisi XI DPR RI"}, nil},
			},
			notWant: []string{"Pemkot", "Kota Palembang", "Palembang", "DPR"},
		},
		{
			name: "a body a role names by an acronym is an organisation; a figure's initials open its name",
			text: "Baja Impor\nKetua Umum ISSC Budi Harta Winata hadir bersama anggota DKPP Ratna Dewi. Jaksa Agung ST Burhanuddin juga hadir.",
			want: []want{
				{"ORG", "ISSC", "ID", []string{"ISSC"}, nil},
				{"PER", "Budi Harta Winata", "ID", []string{"Budi Harta Winata"}, []string{"Ketua Umum ISSC"}},
				{"ORG", "DKPP", "ID", []string{"DKPP"}, nil},
				{"PER", "ST Burhanuddin", "ID", []string{"ST Burhanuddin"}, []string{"Jaksa Agung"}},
			},
			notWant: []string{"Burhanuddin"},
		},
		{
			name: "a nationality the article states beats a club's country and the domestic default",
			text: "Liga Inggris\nPelatih West Ham, Nuno Espirito Santo, asal Portugal, kecewa di London. Pengusaha asal Mesir, Hasan Sayed Haggah, datang ke Jakarta.",
			want: []want{
				{"PER", "Nuno Espirito Santo", "PT", []string{"Nuno Espirito Santo"}, []string{"Pelatih West Ham"}},
				{"PER", "Hasan Sayed Haggah", "EG", []string{"Hasan Sayed Haggah"}, nil},
			},
		},
		{
			name: "a bare office title whose holder the article does not name is no entity",
			text: "Anggaran Naik\nDPR menyetujui anggaran di Jakarta. Menkeu menyebut defisit tetap terjaga.",
			want: []want{
				{"ORG", "DPR", "ID", []string{"DPR"}, nil},
			},
			notWant: []string{"Menkeu"},
		},
		{
			name: "a bare President in a foreign story is the president it names",
			text: "Kunjungan ke Kanada\nPresiden Joe Biden tiba di Ottawa, Kanada, pada Senin. Presiden lalu bertemu warga Kanada.",
			want: []want{
				{"PER", "Joe Biden", "US", []string{"Joe Biden", "Presiden"}, []string{"Presiden"}},
			},
		},
		{
			name: "an acronym's long form in brackets is one name, whatever pieces the tagger cut",
			text: "Data Kemiskinan\nKepala Badan Pusat Statistika (BPS) Amalia Widya menyampaikan data terbaru. Menurut BPS, angka itu turun.\nBadan Metereologi, Klimatologi, dan Geofisika (BMKG) memperkirakan hujan di Jawa Barat.",
			want: []want{
				{"ORG", "Badan Pusat Statistika", "ID", []string{"Badan Pusat Statistika", "BPS"}, nil},
				{"ORG", "Badan Metereologi, Klimatologi, dan Geofisika", "ID", []string{"Badan Metereologi, Klimatologi, dan Geofisika", "BMKG"}, nil},
			},
			notWant: []string{"Statistika", "Badan Pusat", "Badan Metereologi"},
		},
		{
			name: "a long form in lower case makes its acronym a common noun",
			text: "Program Makan\nPemerintah menyalurkan makanan bergizi gratis (MBG) ke sekolah di Jawa Barat. Program MBG berjalan sejak Januari.\nHarga beras naik di atas HET (harga eceran tertinggi) di Bandung.",
			want: []want{
				{"LOC", "Jawa Barat", "ID", []string{"Jawa Barat"}, nil},
			},
			notWant: []string{"MBG", "HET"},
		},
		{
			name: "an office's name runs over a list of its fields and stops at another body",
			text: "Rapat Wisata\nDinas Pariwisata, Pemuda, dan Olahraga Kabupaten Ngawi hadir bersama Kementerian Luar Negeri dan Kementerian Agama di Madiun.",
			want: []want{
				{"ORG", "Dinas Pariwisata, Pemuda, dan Olahraga Kabupaten Ngawi", "ID", nil, nil},
				{"ORG", "Kementerian Luar Negeri", "ID", nil, nil},
				{"ORG", "Kementerian Agama", "ID", nil, nil},
			},
			notWant: []string{"Kementerian Luar Negeri dan Kementerian Agama", "Dinas Pariwisata"},
		},
		{
			name: "a unit's place runs over the place the tagger found after its first word",
			text: "Kasus Penganiayaan\nKasi Humas Polres Metro Depok AKP Made Budi mengatakan pelaku ditangkap. Made menyebut korban dirawat.",
			want: []want{
				{"ORG", "Polres Metro Depok", "ID", []string{"Polres Metro Depok"}, nil},
			},
			notWant: []string{"Polres Metro", "Depok"},
		},
		{
			name: "a place that opens a person's name is the person, and gives the article no country",
			text: "Vonis Selebgram\nSelebgram Vienna Anggraini Putri (20) divonis 1 tahun penjara di Denpasar. Hakim Ayu Lestari membacakan vonis untuk Vienna.\nVienna langsung keluar ruang sidang.",
			want: []want{
				{"PER", "Vienna Anggraini Putri", "ID", []string{"Vienna Anggraini Putri", "Vienna"}, nil},
				{"PER", "Ayu Lestari", "ID", nil, nil},
			},
			notWant: []string{"Vienna"},
		},
		{
			name: "Indonesian officials set a mixed article at home; a common word inside a name is no place",
			text: "Impor Dihentikan\nMenteri Lingkungan Hidup Hanif Nurofiq menyebut impor scrap dari China dan Amerika Serikat (AS) dihentikan. Hanif meninjau kawasan industri Cikande, Kabupaten Serang, bersama Badan Pengendalian Lingkungan Hidup. Hanif mengatakan China pemasok utama. Warga berkumpul di Bundaran Simpang Lima, kata Hanif.",
			want: []want{
				{"PER", "Hanif Nurofiq", "ID", nil, nil},
				{"LOC", "Cikande", "ID", nil, nil},
				{"ORG", "Badan Pengendalian Lingkungan Hidup", "ID", nil, nil},
				{"LOC", "Bundaran Simpang Lima", "ID", nil, nil},
			},
		},
		{
			name: "a company's legal form is its name's; a body's premises are no place of their own",
			text: "Energi\nDana dibayar ke PT Pertamina (Persero) dan PT Bank Mandiri (Persero) Tbk. Purbaya berbicara di Kantor Pusat Kejaksaan Agung, lalu di kantor Pusat Kemenkeu dan Kantor Kementerian Koordinator Bidang Pangan. Pertamina setuju.",
			want: []want{
				{"ORG", "PT Pertamina (Persero)", "ID", []string{"PT Pertamina (Persero)", "Pertamina"}, nil},
				{"ORG", "PT Bank Mandiri (Persero) Tbk", "ID", nil, nil},
				{"ORG", "Kejaksaan Agung", "ID", nil, nil},
				{"ORG", "Kemenkeu", "ID", nil, nil},
				{"ORG", "Kementerian Koordinator Bidang Pangan", "ID", nil, nil},
			},
			notWant: []string{"PT Pertamina (Persero", "Persero) Tbk", "Kantor Pusat Kejaksaan Agung", "Pusat Kejaksaan Agung", "Pusat Kemenkeu", "Kantor Kementerian Koordinator Bidang Pangan"},
		},
		{
			name: "one name misspelt is one entity, two short names a letter apart are two; a body with its closing RI is the body",
			text: "Pemilu\nKetua KPU Mochammad Afifuddin memimpin rapat di kantor KPU RI. Keputusan itu diteken Affifudin. Andri Susanto dan Andre Susanto hadir. Verrel Bramasta datang, lalu Verrell Bramasta dan Verrell bicara.",
			want: []want{
				{"PER", "Mochammad Afifuddin", "ID", []string{"Mochammad Afifuddin", "Affifudin"}, nil},
				{"ORG", "KPU RI", "ID", []string{"KPU", "KPU RI"}, nil},
				{"PER", "Andri Susanto", "ID", []string{"Andri Susanto"}, nil},
				{"PER", "Andre Susanto", "ID", []string{"Andre Susanto"}, nil},
				{"PER", "Verrell Bramasta", "ID", []string{"Verrel Bramasta", "Verrell Bramasta", "Verrell"}, nil},
			},
			notWant: []string{"Affifudin", "KPU", "Verrell"},
		},
		{
			name: "a title-case headline keeps one body person's words, with listed given names before them",
			text: "Ahmad Luthfi Sebut Deddy Sitorus Kecewa di Komisi XI\nGubernur Luthfi menyebut hal itu. Anggota DPR Deddy Yevri Sitorus kecewa, kata Deddy.",
			want: []want{
				{"PER", "Ahmad Luthfi", "ID", []string{"Ahmad Luthfi", "Luthfi"}, nil},
				{"PER", "Deddy Yevri Sitorus", "ID", []string{"Deddy Sitorus", "Deddy Yevri Sitorus", "Deddy"}, nil},
			},
			notWant: []string{"Deddy", "Sitorus", "XI"},
		},
		{
			name: "a listed leader in a title-case headline needs no support from the body",
			text: "Prabowo Tambah Kuota Pupuk Subsidi Petani, Istana: Anggaran Cukup\nPemerintah menambah kuota pupuk bagi petani di desa.",
			want: []want{{"PER", "Prabowo", "ID", nil, nil}},
		},
		{
			name: "a built place with its head word is a place of its own, never a person, and a town closing its name is apart",
			text: "Mudik\nPemudik naik kereta dari Stasiun Bandung menuju Garut. Warga Bandung salat di Masjid Tribrata, lalu berlari di Benteng Rotterdam Makassar.",
			want: []want{
				{"LOC", "Stasiun Bandung", "ID", []string{"Stasiun Bandung"}, nil},
				{"LOC", "Bandung", "ID", []string{"Bandung"}, nil},
				{"LOC", "Masjid Tribrata", "ID", nil, nil},
				{"LOC", "Benteng Rotterdam", "ID", nil, nil},
				{"LOC", "Makassar", "ID", nil, nil},
			},
			notWant: []string{"Benteng Rotterdam Makassar"},
		},
		{
			name: "an organisation printed whole elsewhere takes back the words the tagger ran into the name after it",
			text: "Pasar Ikan\nDua perusahaan daerah, PT Bahari Laksana dan PT Tirta Mulia, mengelola pelelangan.\n\n\"Pasokan aman,\" ucap Direktur Utama PT Bahari Laksana Rudi Gunawan SE di Medan. Rudi berjanji menambah kapal.",
			want: []want{
				{"ORG", "PT Bahari Laksana", "ID", nil, nil},
				{"PER", "Rudi Gunawan", "ID", []string{"Rudi Gunawan", "Rudi"}, nil},
			},
			notWant: []string{"Laksana Rudi Gunawan"},
		},
		{
			name: "initials given in brackets after a person stand for the person, a Roman numeral never; a body's channel is the body",
			text: "Sidang\nBekas Wali Kota Bogor Ridwan Kamil (RK) memenuhi panggilan jaksa. Pengacara Lisa membantah keterangan RK. Iswan Ibrahim (II) diperiksa oleh Komisi II DPR. Sidang itu ditayangkan lewat Youtube Kemendagri, lalu diunggah di akun Instagram Polda Bali.",
			want: []want{
				{"PER", "Ridwan Kamil", "ID", []string{"Ridwan Kamil", "RK"}, nil},
				{"ORG", "Kemendagri", "ID", nil, nil},
				{"ORG", "Polda Bali", "ID", nil, nil},
			},
			notWant: []string{"RK", "Youtube Kemendagri", "Instagram Polda Bali", "II"},
		},
		{
			name: "a role's qualifier the tagger ran into a body goes back to the role; a common word opening the sentence is no part of the body named again",
			text: "Survei Terbaru\nDirektur Eksekutif Politrend Indonesia Rahmat Hidayat mengatakan hasilnya stabil. Survei Politrend Indonesia digelar pekan lalu.",
			want: []want{
				{"ORG", "Politrend Indonesia", "ID", []string{"Politrend Indonesia"}, nil},
				{"PER", "Rahmat Hidayat", "ID", nil, nil},
			},
			notWant: []string{"Eksekutif Politrend Indonesia", "Survei Politrend Indonesia"},
		},
		{
			name: "a campus is one body with the name after its head, a person's name too, and the short form in brackets",
			text: "Kuliah Umum\nRektor Universitas Sriwijaya, Taufik Hidayat, membuka kuliah umum di Palembang. Mahasiswa Universitas Sriwijaya (Unsri) memenuhi aula. Panitia Unsri menyiapkan kursi tambahan.",
			want: []want{
				{"ORG", "Universitas Sriwijaya", "ID", []string{"Universitas Sriwijaya", "Unsri"}, nil},
				{"PER", "Taufik Hidayat", "ID", nil, nil},
			},
			notWant: []string{"Universitas", "Sriwijaya"},
		},
		{
			name: "an office's word the tagger took for a person stays in the office's name",
			text: "Anggaran Unit\nRincian anggaran unit eselon I tahun depan:\n\n1. Ditjen Pengelolaan Pembiayaan dan Risiko: Rp 90 miliar.\n2. Badan Kesatuan Bangsa dan Politik: Rp 12 miliar.",
			want: []want{
				{"ORG", "Ditjen Pengelolaan Pembiayaan dan Risiko", "", nil, nil},
				{"ORG", "Badan Kesatuan Bangsa dan Politik", "", nil, nil},
			},
			notWant: []string{"Risiko"},
		},
		{
			name: "a national team is one body in its long and short forms and alone; a police squad is named after its command",
			text: "Uji Coba\nTim Nasional Indonesia menang 2-0 atas Laos di Surabaya. Pemain Timnas Indonesia tampil disiplin. Timnas kini bersiap ke Hanoi. Pencuri ponsel ditangkap Resmob Polda Jawa Timur di Sidoarjo.",
			want: []want{
				{"ORG", "Tim Nasional Indonesia", "ID", []string{"Tim Nasional Indonesia", "Timnas Indonesia", "Timnas"}, nil},
				{"ORG", "Resmob Polda Jawa Timur", "ID", nil, nil},
			},
			notWant: []string{"Timnas Indonesia", "Timnas", "Polda Jawa Timur"},
		},
		{
			name: "a person's initial after a campus's name opens the person named after it",
			text: "Usulan Mahasiswa\nPerwakilan mahasiswa UIN Alauddin M Fadli Ramadhan hadir dalam rapat bersama DPRD Sulsel. Warga kampus mendukung.",
			want: []want{
				{"ORG", "UIN Alauddin", "ID", nil, nil},
				{"PER", "M Fadli Ramadhan", "ID", nil, nil},
			},
			notWant: []string{"UIN Alauddin M Fadli Ramadhan"},
		},
		{
			name: "a word the tagger left out before a person is the name's when the article names the person by it alone",
			text: "Ekonomi\nPeneliti Lembaga Kajian Fiskal (LKF) Syukur Hidayat menilai kebijakan itu tepat. \"Pasar akan tenang,\" kata Syukur kepada wartawan di Jakarta.",
			want: []want{
				{"PER", "Syukur Hidayat", "ID", []string{"Syukur Hidayat", "Syukur"}, nil},
			},
			notWant: []string{"Hidayat", "Syukur"},
		},
		{
			name: "two listed bodies joined by dan are two entities",
			text: "Razia Tempat Hiburan di Kota\nRazia itu melibatkan Satpol PP bersama TNI dan Polri. Sejumlah kafe didatangi.",
			want: []want{
				{"ORG", "TNI", "ID", []string{"TNI"}, nil},
				{"ORG", "Polri", "ID", []string{"Polri"}, nil},
			},
			notWant: []string{"TNI dan Polri"},
		},
		{
			name: "an authority named after its region is a body, named by the region's acronym too",
			text: "Lahan Ibu Kota\nOtorita Ibu Kota Nusantara (IKN) menyiapkan lahan bagi investor. Kepala Otorita IKN Hendra Saputra meninjau proyek itu bersama Ketua DPRD Kaltim.",
			want: []want{
				{"ORG", "Otorita Ibu Kota Nusantara", "ID", []string{"Otorita Ibu Kota Nusantara", "Otorita IKN"}, nil},
				{"PER", "Hendra Saputra", "ID", nil, nil},
			},
			notWant: []string{"Otorita IKN"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc, res := find(t, tt.text)
			for _, w := range tt.want {
				e := byName(res, w.name)
				if e == nil {
					t.Errorf("no entity %q in %v", w.name, res.Entities)
					continue
				}
				if e.Type != w.typ || e.Country != w.country {
					t.Errorf("%s, want %s %s", e, w.typ, w.country)
				}
				var got []string
				for _, m := range e.Mentions {
					got = append(got, m.Text)
					if doc.Text[m.Start:m.End] != m.Text || res.At(m.First) != e {
						t.Errorf("%s: mention %+v not at its offsets or tokens", w.name, m)
					}
				}
				for _, m := range w.mentions {
					if !slices.Contains(got, m) {
						t.Errorf("%s: mentions %q lack %q", w.name, got, m)
					}
				}
				for _, r := range w.roles {
					if !slices.Contains(e.Roles, r) {
						t.Errorf("%s: roles %q lack %q", w.name, e.Roles, r)
					}
				}
			}
			for _, n := range tt.notWant {
				if byName(res, n) != nil {
					t.Errorf("%q should not be an entity", n)
				}
			}
		})
	}
}

// TestGolden runs the stage over the example articles in testdata/*.txt
// (written by the warta authors) and compares the entities with
// testdata/*.golden.json; go test -update rewrites them.
func TestGolden(t *testing.T) {
	for _, path := range golden.Inputs(t, "testdata/*.txt") {
		t.Run(filepath.Base(path), func(t *testing.T) {
			_, res := find(t, golden.Read(t, path))
			golden.JSON(t, golden.JSONFor(path), res.Entities)
		})
	}
}

// TestFindConcurrent runs Find over the example articles from several
// goroutines at once: the taggers' caches and buffers, which carry over
// from one article to the next, must not change what Find returns.
func TestFindConcurrent(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no cases: %v", err)
	}
	r, err := entity.New()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*text.Document
	var want []string
	for _, path := range files {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		doc := newDocument(article.FromText(text.Normalize(string(raw))))
		docs = append(docs, doc)
		want = append(want, fmt.Sprint(r.Find(doc).Entities))
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(docs)
				if got := fmt.Sprint(r.Find(docs[i]).Entities); got != want[i] {
					t.Errorf("%s: entities differ on another run:\n%s\nwant\n%s", files[i], got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func FuzzFind(f *testing.F) {
	f.Add("Judul\nMenteri Luar Negeri AS Anthony Blinken tiba di Jakarta.\n“Kami siap,” kata Blinken.")
	f.Add("X\n( ) “ ” KPK (KPK) Rp 1.500 \xff\xfe Bapak Ibu H. Hj.")
	f.Add("")
	r, err := entity.New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := newDocument(article.FromText(text.Normalize(s)))
		res := r.Find(doc)
		for _, e := range res.Entities {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(doc.Text) || m.Start >= m.End || doc.Text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v in %q", m, doc.Text)
				}
			}
		}
	})
}
