package event_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/event"
)

// short writes an event as the table rows give it: TYPE source>target
// modality, then !neg, @place and the date where there are.
func short(e event.Event) string {
	name := func(a *event.Actor) string {
		if a == nil {
			return "-"
		}
		return a.Name
	}
	s := fmt.Sprintf("%s %s>%s %s", e.Type, name(e.Source), name(e.Target), e.Modality)
	if e.Negated {
		s += " !neg"
	}
	if e.Location != nil {
		s += " @" + e.Location.Name
	}
	if e.Date != "" {
		s += " " + e.Date
	}
	return s
}

// coded returns every event of a record, complete and partial, in text
// order: what the rules coded.
func coded(rec *analysis.Record) []event.Event {
	evs := append(slices.Clone(rec.Events), rec.Partial...)
	slices.SortStableFunc(evs, func(a, b event.Event) int { return a.TriggerStart - b.TriggerStart })
	return evs
}

// findRows are real-looking Indonesian news sentences with every event
// they hold; an empty want means none.
var findRows = []struct {
	name, in string
	want     []string
}{
	{"arrest with place and date", "Polisi menangkap dua pelaku pencurian di Bekasi, Senin (20/10/2025).",
		[]string{"COERCE Polisi>pelaku asserted @Bekasi 2025-10-20"}},
	{"meeting with dengan", "Presiden Joko Widodo bertemu dengan Perdana Menteri Malaysia Anwar Ibrahim di Jakarta pada Rabu (15/10/2025).",
		[]string{"CONSULT Joko Widodo>Anwar Ibrahim asserted @Jakarta 2025-10-15"}},
	{"negated and planned", "Putin menegaskan Rusia tidak akan menyerang Ukraina.",
		[]string{"ASSAULT Rusia>Ukraina planned !neg"}},
	{"hypothetical", "Jika Iran menyerang Israel, Amerika Serikat akan membalas.",
		[]string{"ASSAULT Iran>Israel possible"}},
	{"reported clause", "Juru bicara militer mengatakan Israel menyerang Gaza pada Selasa (14/10/2025).",
		[]string{"ASSAULT Israel>Gaza reported 2025-10-14"}},
	{"passive with agent", "Seorang jurnalis ditangkap polisi di Makassar.",
		[]string{"COERCE polisi>jurnalis asserted @Makassar"}},
	{"requested release is not an event", "Amerika Serikat mendesak Rusia untuk membebaskan tahanan politik.",
		[]string{"REQUEST Amerika Serikat>Rusia asserted"}},
	{"kedua negara", "Indonesia dan Malaysia menggelar pertemuan di Kuala Lumpur. Kedua negara sepakat untuk memperkuat patroli perbatasan.",
		[]string{"CONSULT Indonesia>Malaysia asserted @Kuala Lumpur", "AGREE Indonesia>Malaysia asserted"}},
	{"saya in a quotation is its speaker", `"Saya meminta Badan Pusat Statistik memperbaiki data kemiskinan," kata Menteri Keuangan Sri Mulyani di Jakarta.`,
		[]string{"REQUEST Sri Mulyani>Badan Pusat Statistik reported @Jakarta"}},
	{"relative clause describes", "Navalny yang ditahan sejak Januari mengirim surat kepada keluarganya.", nil},
	{"a controller in a relative clause", "Pernyataan itu mendapat kecaman keras, yang mendorong Moskow untuk menarik duta besarnya dari Washington.",
		[]string{"SANCTION Moskow>Washington asserted"}},
	{"help to do is not aid", "Bank Dunia akan membantu menormalkan perdagangan kawasan.", nil},
	{"pronoun, dated by its paragraph", "Menteri Luar Negeri Retno Marsudi tiba di Jenewa pada Senin. Dia mengecam Israel.",
		[]string{"ACCUSE Retno Marsudi>Israel asserted 2025-10-20"}},
	{"deed's doer", "Pemerintah Indonesia mengecam serangan Israel terhadap warga sipil.",
		[]string{"ACCUSE Pemerintah Indonesia>Israel asserted"}},
	{"protest", "Ribuan buruh berunjuk rasa di Bandung menuntut kenaikan upah.",
		[]string{"PROTEST buruh>- asserted @Bandung"}},
	{"aid to victims", "Pemerintah Jepang menyalurkan bantuan kepada korban gempa di Cianjur.",
		[]string{"AID Pemerintah Jepang>korban asserted @Cianjur"}},
	{"a noun refers back", "Prabowo bertemu Anwar Ibrahim pada Kamis (16/10/2025). Pertemuan itu berlangsung di Istana Bogor.",
		[]string{"CONSULT Prabowo>Anwar Ibrahim asserted @Istana Bogor 2025-10-16"}},
	{"sanction on a name", "Uni Eropa menjatuhkan sanksi kepada Wagner Group.",
		[]string{"SANCTION Uni Eropa>Wagner Group asserted"}},
	{"no actor, no event", "Pertemuan itu berlangsung hangat dan penuh keakraban.", nil},
	{"a demonstration names no one and is one", "Harga cabai naik tajam ketika aksi demonstrasi merebak di beberapa kota besar.",
		[]string{"PROTEST ->- asserted"}},
	{"one demonstration told twice", "Unjuk rasa terjadi di Lima pada Rabu. Unjuk rasa itu berujung bentrok.",
		[]string{"PROTEST ->- asserted @Lima 2025-10-15"}},
	{"no demonstration happened", "Pemohon meragukan kesaksian itu karena tidak ada demo di berbagai wilayah.", nil},
	{"who demonstrates", "Demonstrasi mahasiswa di Gedung Sate berujung penutupan jalan.", []string{"PROTEST mahasiswa>- asserted @Gedung Sate"}},

	{"a year in a name dates nothing", "Kementerian Perdagangan menandatangani nota kesepahaman dengan Kadin dalam Trade Expo Indonesia 2025.",
		[]string{"SUPPORT Kementerian Perdagangan>Kadin asserted"}},
	{"the date that opens the sentence", "Pada Selasa (14/10/2025), usai rapat terbatas di Istana, Presiden Prabowo Subianto meminta para menteri mempercepat penyaluran bantuan.",
		[]string{"REQUEST Prabowo Subianto>menteri asserted 2025-10-14"}},
	{"quoted words dated at their cue", "\"Kami mengecam keras tindakan Israel terhadap warga sipil di Gaza.\nIni pelanggaran hukum internasional,\" kata Menteri Luar Negeri Sugiono di Jakarta, Kamis (16/10/2025).",
		[]string{"ACCUSE Sugiono>Israel reported @Gaza 2025-10-16"}},
	{"the lead's day dates the first paragraph", "Menteri Luar Negeri Sugiono berjanji membantu Pemerintah Filipina.\nHal itu disampaikan Sugiono kepada wartawan di Manila, Selasa (14/10/2025).",
		[]string{"AGREE Sugiono>Pemerintah Filipina asserted 2025-10-14"}},
	{"a later paragraph is not the lead's", "Menteri Luar Negeri Sugiono tiba di Manila, Selasa (14/10/2025).\nDi Jakarta, polisi menangkap dua pelaku pencurian.",
		[]string{"COERCE polisi>pelaku asserted @Jakarta"}},
	{"a request told as a reason", "Polres Bogor membentuk tim khusus atas permintaan Kapolri Jenderal Listyo Sigit Prabowo.",
		[]string{"REQUEST Listyo Sigit Prabowo>- asserted"}},
	{"a judgement that an actor broke a rule", "Dewan Kehormatan Penyelenggara Pemilu menilai KPU telah melanggar kode etik.",
		[]string{"ACCUSE Dewan Kehormatan Penyelenggara Pemilu>KPU asserted"}},
	{"a negation in the gap undoes the judgement", "Majelis etik itu menilai Ratna Dewi tidak terbukti melanggar aturan lembaga.", nil},
	{"a year after pada", "Kevin Rudd pernah mengkritik Donald Trump pada tahun 2020.",
		[]string{"ACCUSE Kevin Rudd>Donald Trump asserted 2020"}},
	{"date at the end of the clause", "Menteri Luar Negeri Sugiono bertemu dengan Menteri Luar Negeri Jepang Takeshi Iwaya di Tokyo, Senin (20/10/2025).",
		[]string{"CONSULT Sugiono>Takeshi Iwaya asserted @Tokyo 2025-10-20"}},
	{"a modifier is no target", "Harga minyak menguat didukung permintaan dari Amerika Serikat.", nil},
	// Issue 19: actors through roles, bodies and clauses.
	{"a role stands for its person", "Kapolri Jenderal Listyo Sigit Prabowo tiba di Medan. Kapolri kemudian menemui Gubernur Sumatera Utara Bobby Nasution.",
		[]string{"CONSULT Listyo Sigit Prabowo>Bobby Nasution asserted"}},
	{"a role with its body and ini", "Wakil Ketua DPR Hendra Kusuma menerima surat itu. Wakil Ketua DPR ini mengkritik Kementerian Keuangan.",
		[]string{"ACCUSE Hendra Kusuma>Kementerian Keuangan asserted"}},
	{"a role not held by anyone named stays the body", "Wakil Ketua KPK menyoroti Kementerian Keuangan.",
		[]string{"ACCUSE KPK>Kementerian Keuangan asserted"}},
	{"members act for their body", "Presiden Prabowo Subianto bertemu para elite PDIP di Istana.",
		[]string{"CONSULT Prabowo Subianto>PDIP asserted"}},
	{"members arrested stay a group", "Polisi menangkap tiga anggota DPRD Kabupaten Bekasi.",
		[]string{"COERCE Polisi>DPRD Kabupaten Bekasi asserted"}},
	{"a coordinated verb shares the subject", "Polisi menangkap dua pelaku dan menyita sepeda motor milik korban.",
		[]string{"COERCE Polisi>pelaku asserted", "COERCE Polisi>- asserted"}},
	{"a promise governs the verb after it", "Menteri Keuangan Purbaya Yudhi Sadewa berjanji akan menemui Gubernur Bank Indonesia Perry Warjiyo.",
		[]string{"AGREE Purbaya Yudhi Sadewa>Perry Warjiyo asserted"}},
	{"a list's comma needs dan", "Setelah meninggalkan kantor Kejari, Budi Santoso mendatangi Kodim dan meminta pengawalan.",
		[]string{"REQUEST Budi Santoso>- asserted"}},
	{"a name in apposition is the subject", "Sebelumnya, Anggota Komisi X DPR dari Fraksi Golkar, Rudi Hartono, mengusulkan agar Kemendikdasmen membagikan laptop.",
		[]string{"REQUEST Rudi Hartono>Kemendikdasmen asserted"}},
	{"urging an actor", "Menteri Dalam Negeri Tito Karnavian mendorong pemerintah daerah untuk menekan inflasi.",
		[]string{"REQUEST Tito Karnavian>pemerintah daerah asserted"}},
	{"urging growth is no request", "Pemerintah terus mendorong pertumbuhan ekonomi di daerah.", nil},
	{"a reaction prompts, it does not ask", "Kecaman itu mendorong Moskow untuk menarik duta besarnya dari Washington.",
		[]string{"SANCTION Moskow>Washington asserted"}},
	{"mereka is the group named as the subject before", "Massa aksi turun ke jalan di depan Istana. Mereka menuntut Presiden Prabowo Subianto mundur.",
		[]string{"PROTEST Massa aksi>- asserted", "REQUEST Massa aksi>Prabowo Subianto asserted"}},
	{"mereka is no one after a preposition", "Budi Santoso memberi waktu kepada mahasiswa menyampaikan pendapat. Mereka menuntut Presiden Prabowo Subianto mundur.",
		nil},
	{"mereka is no person", "Jaksa menyebut terdakwa Rudi Hermawan menghubungi Anton Wijaya. Sesudah itu, terdakwa menemui konsultan di kantornya. Mereka menuntut Presiden Prabowo Subianto mundur.",
		[]string{"CONSULT Rudi Hermawan>- asserted"}},
	{"coordinated names with their titles", "Presiden Prancis Emmanuel Macron dan Perdana Menteri (PM) Kanada Justin Trudeau meneken kesepakatan energi bersih di Paris.",
		[]string{"SUPPORT Emmanuel Macron>Justin Trudeau asserted @Paris"}},
	{"a hyphen inside a name", "Untuk bus listrik itu, PT Sinar Karya menggandeng Rolls-Royce untuk merancang mesinnya.",
		[]string{"COOPERATE PT Sinar Karya>Rolls-Royce asserted"}},
	{"a lone pelaku is the suspect arrested before", "Petugas mengamankan seorang pria bernama Dodi Kurniawan di Bogor. Pelaku kini ditahan di Polres Bogor.",
		[]string{"COERCE Petugas>Dodi Kurniawan asserted @Bogor", "COERCE Polres Bogor>Dodi Kurniawan asserted"}},
	{"pelaku in an article of several is no one person", "Polisi membekuk Budi Santoso bersama dua pelaku lain di Bekasi. Pelaku sekarang ditahan di Polres Metro Bekasi.",
		[]string{"COERCE Polisi>Budi Santoso asserted @Bekasi", "COERCE Polres Metro Bekasi>Pelaku asserted"}},
	{"an investigation into a body's case", "Polres Klaten mengusut kasus dugaan pemalsuan dokumen oleh Koperasi Sinar Tani Makmur (STM).",
		[]string{"ACCUSE Polres Klaten>Koperasi Sinar Tani Makmur asserted"}},
	{"a case where it happened", "Polres Boyolali mengusut kasus dugaan korupsi di Kementerian Pertanian.",
		[]string{"ACCUSE Polres Boyolali>- asserted"}},
	{"pihaknya is the body of the person's title", "Kepala Dinas Kesehatan Kabupaten Kuningan Nur Aini memaparkan hasil pemeriksaan. Pihaknya meminta warga untuk merebus air minum.",
		[]string{"REQUEST Dinas Kesehatan Kabupaten Kuningan>warga asserted"}},
	{"a name after a preposition in a relative clause is no object", "Andi Pratama mendukung rekan-rekannya yang berharap bisa pulang ke Kemenkes.",
		[]string{"SUPPORT Andi Pratama>- asserted"}},
	{"pihaknya of an office's head is the office", "Kapolres Boyolali, AKBP Rosyid Hartanto, memimpin rapat di Boyolali. Pihaknya meminta warga untuk segera melapor.",
		[]string{"REQUEST Polres Boyolali>warga asserted"}},
	{"a city's office head heads the city's office", "Kapolres Sukabumi Kota, AKBP Hendra Wijaya, memimpin rapat di Sukabumi. Pihaknya meminta warga untuk segera melapor.",
		[]string{"REQUEST Polres Sukabumi Kota>warga asserted"}},
	{"the parse finds the target past the thing asked for", "Sopir itu lalu meminta ongkos kepada Budi Santoso.",
		[]string{"REQUEST Sopir>Budi Santoso asserted"}},
	{"the parse finds a subject set off by a long apposition", "Andi Wijaya selaku Direktur Keuangan PT Sinar Karya periode 2015 sampai 2019, meminta Budi Santoso menemui pejabat itu.",
		[]string{"REQUEST Andi Wijaya>Budi Santoso asserted"}},
	{"the trigger's own words are no side", "Kejaksaan Negeri Sragen menetapkan tiga tersangka.",
		[]string{"ACCUSE Kejaksaan Negeri Sragen>- asserted"}},
	{"an appeal to all sides names them", "Bupati Sleman Hendra Kusuma mengajak seluruh pihak untuk menjaga ketertiban selama pemilihan.",
		[]string{"REQUEST Hendra Kusuma>seluruh pihak asserted"}},
	{"a school's teachers as a group", "Kepala Dinas Pendidikan Kota Bogor Rina Lestari meminta dewan guru untuk mengawasi jajanan siswa.",
		[]string{"REQUEST Rina Lestari>dewan guru asserted"}},
	{"a document's name is no target", "Wali Kota Bogor Rina Lestari mendukung naskah Memorandum of Understanding (MoU) bersama investor asing.",
		[]string{"SUPPORT Rina Lestari>- asserted"}},
	{"a programme's abbreviation is no target", "Anggota DPR Rudi Hartono mendukung pembangunan IKN secara bertahap.",
		[]string{"SUPPORT Rudi Hartono>- asserted"}},
	{"pihaknya is the side named before", "Polda Kalimantan Selatan membuka dapur umum. Pihaknya juga mengajak warga untuk mengawasi program itu.",
		[]string{"REQUEST Polda Kalimantan Selatan>warga asserted"}},
	{"a group named by bernama", "Polisi menangkap seorang pria bernama Budi Santoso di Bekasi.",
		[]string{"COERCE Polisi>Budi Santoso asserted @Bekasi"}},
	{"a group acts for the body it is from", "Kamal Mopangga akhirnya ditangkap polisi dari Polsek Kuta di Badung.",
		[]string{"COERCE Polsek Kuta>Kamal Mopangga asserted @Badung"}},
	{"a sector's group is an actor", "Presiden Prabowo Subianto memperingatkan aparat penegak hukum agar tidak tebang pilih.",
		[]string{"REQUEST Prabowo Subianto>aparat penegak hukum asserted"}},
	{"aid is for whom untuk or kepada names further on", "Pemerintah kembali menyalurkan bantuan tunai (BLT) tambahan kepada keluarga penerima manfaat.",
		[]string{"AID Pemerintah>keluarga penerima manfaat asserted"}},
	{"aid for a purpose has no beneficiary", "Pemerintah menyalurkan bantuan tunai tambahan untuk membangun rumah.",
		[]string{"AID Pemerintah>- asserted"}},
	{"a name in a gap is one word", "Puluhan warga Klaten mengadukan Koperasi Sinar Tani Makmur (STM) ke Polres Klaten.",
		[]string{"ACCUSE warga Klaten>Koperasi Sinar Tani Makmur asserted"}},
	{"a title before the doer's name", "Dalam kesempatan itu, Bambang Tri Mulyono diminta Gus Sugi Nur Rahardja melakukan sumpah.",
		[]string{"REQUEST Sugi Nur Rahardja>Bambang Tri Mulyono asserted"}},
	{"held at a body's office", "Kepala Polres Pangandaran menyebut Budi Santoso. Budi Santoso kini ditahan di Rutan Polres Pangandaran.",
		[]string{"COERCE Rutan Polres Pangandaran>Budi Santoso asserted"}},
	{"arrested at a place names no doer", "Budi Santoso ditangkap di Bekasi.", nil},
	{"a hearing granted is a meeting", "Ketua DPR Puan Maharani menerima audiensi dari Majelis Ulama Indonesia di Jakarta.",
		[]string{"CONSULT Majelis Ulama Indonesia>Puan Maharani asserted @Jakarta"}},
	{"instructions given to another", "Presiden Prabowo Subianto memberikan arahan kepada Kapolri Listyo Sigit Prabowo untuk menindak pelaku.",
		[]string{"REQUEST Prabowo Subianto>Listyo Sigit Prabowo asserted"}},
	{"a refusal to comment is no rejection", "Juru bicara Kementerian Luar Negeri menolak berkomentar soal kasus itu.", nil},
	{"a refusal of a policy", "Warga Desa Wadas menolak rencana pembangunan bendungan oleh pemerintah.",
		[]string{"REJECT Warga Desa Wadas>- asserted"}},
	{"a headline's bare stem is not read in the body", "Warga Desa Wadas tolak Budi Santoso.", nil},
	{"a subject with its bracketed abbreviation", "Dewan Kehormatan Penyelenggara Pemilu (DKPP) akhirnya memberhentikan Rina Marlina sebagai anggota KPU Kota Bogor.",
		[]string{"SANCTION Dewan Kehormatan Penyelenggara Pemilu>Rina Marlina asserted"}},
	{"a place in apposition is no subject", "Polres Pinrang, Sulawesi Selatan (Sulsel) sedang memeriksa Kapolsek Duampanua AKP Sudirman.",
		[]string{"ACCUSE Polres Pinrang>Sudirman asserted"}},
	{"kami said by a person with a body's title", "Kabid Humas Polda Kalimantan Selatan Adam Erwindi meninjau dapur umum. \"Kami meminta warga ikut mengawasi program makan bergizi,\" kata Adam.",
		[]string{"REQUEST Polda Kalimantan Selatan>warga reported"}},
	{"saya said by that person is the person", "Kabid Humas Polda Kalimantan Selatan Adam Erwindi meninjau dapur umum. \"Saya meminta warga ikut mengawasi program makan bergizi,\" kata Adam.",
		[]string{"REQUEST Adam Erwindi>warga reported"}},
	{"kami naming its body", "\"Kami di Komdigi sepenuhnya mendukung Pemerintah Provinsi Jawa Barat dalam program ini,\" kata pejabat Komdigi Rizal Hakim.",
		[]string{"SUPPORT Komdigi>Pemerintah Provinsi Jawa Barat reported"}},
	{"a subject before a relative clause", "Bank Indonesia yang dipimpin Perry Warjiyo mengkritik Kementerian Keuangan.",
		[]string{"ACCUSE Bank Indonesia>Kementerian Keuangan asserted"}},
	{"a relative clause's head after a preposition", "Robot itu lahir dari Institut Teknologi Sepuluh Nopember (ITS) yang dibiayai oleh Kementerian Riset.",
		[]string{"AID Kementerian Riset>Institut Teknologi Sepuluh Nopember asserted"}},
	{"a subject said of before its verb", "Kapolsek Cempaka AKP Darmawan diduga mengintimidasi jurnalis ketika meliput di pasar.",
		[]string{"THREATEN Darmawan>jurnalis reported"}},
	{"asking to meet", "Ketua DPRD Sumut Erni Ariyanti meminta bertemu dengan Gubernur Sumatera Utara Bobby Nasution.",
		[]string{"REQUEST Erni Ariyanti>Bobby Nasution asserted"}},
	{"a summons to a hearing", "Komisi II DPR memanggil KPU untuk membahas anggaran pemilu.",
		[]string{"REQUEST Komisi II DPR>KPU asserted"}},
	{"an appeal to a court", "Terdakwa Bambang Tri Mulyono mengajukan banding ke Pengadilan Tinggi Semarang.",
		[]string{"REQUEST Bambang Tri Mulyono>Pengadilan Tinggi Semarang asserted"}},
	{"a scholarship given", "Universitas Hasanuddin menyalurkan beasiswa kepada 30 mahasiswa yang rumahnya kebanjiran.",
		[]string{"AID Universitas Hasanuddin>mahasiswa asserted"}},
	{"a subject carried over from the sentence before", "Pertamina meluncurkan program baru di Jakarta. Bekerja sama dengan Institut Teknologi Bandung (ITB), program itu dibuka untuk pelajar.",
		[]string{"COOPERATE Pertamina>Institut Teknologi Bandung asserted"}},
	{"aid given through an office", "Pemkab Klaten membagikan bantuan beras kepada warga lansia melalui kelurahan pada pagi hari.",
		[]string{"AID Pemkab Klaten>warga asserted"}},
	{"the way aid goes is no target", "Palang Merah Indonesia mengirimkan dua truk bantuan melalui kapal KRI Dewaruci menuju Nias.",
		[]string{"AID Palang Merah Indonesia>- asserted"}},
	{"an appeal to beneficiaries", "Camat Tawangsari Dwi Laksono mengimbau kepada penerima bantuan supaya menabung sebagian uangnya.",
		[]string{"REQUEST Dwi Laksono>penerima bantuan asserted"}},
	{"aid to a vulnerable group", "Dinas Sosial Wonogiri juga akan membagikan paket sembako kepada kelompok rentan di lereng gunung.",
		[]string{"AID Dinas Sosial Wonogiri>kelompok rentan planned"}},
	{"a lone subject in a meeting that names the other side", "Kepala Bappeda Salatiga Rina Wulandari memaparkan hasil survei dalam pertemuan dengan Bupati Temanggung Hadi Santoso di Ungaran.",
		[]string{"CONSULT Rina Wulandari>Hadi Santoso asserted @Ungaran"}},
	{"a hearing with a committee, bersama", "Direktur Utama PT Kereta Api Didik Sumarno memaparkan data kecelakaan dalam rapat dengar pendapat bersama Komisi V DPR.",
		[]string{"CONSULT Didik Sumarno>Komisi V DPR asserted"}},
	{"a meeting in a clause of time", "Ketua DPRD Jambi Sulastri Wibowo menyampaikan sikap lembaganya setelah menggelar pertemuan dengan Gubernur Jambi Rudi Hartono.",
		[]string{"CONSULT Sulastri Wibowo>Rudi Hartono asserted"}},
	{"a meeting phrase opening the sentence", "Dalam rapat kerja dengan Komisi IV DPR, Kepala Badan Pangan Arief Sutrisno meminta pagu tambahan.",
		[]string{"CONSULT Arief Sutrisno>Komisi IV DPR asserted", "REQUEST Arief Sutrisno>- asserted"}},
	{"a lone role word for the person printed with the role", "Wali Kota Tegal Anwar Fauzi meresmikan pasar baru. \"Pak Wali sudah memerintahkan Kepala Dinas Perdagangan agar menata pedagang,\" kata Sutrisno.",
		[]string{"REQUEST Anwar Fauzi>Dinas Perdagangan reported"}},
	{"a lone role word that no printed role explains", "\"Pak Wali sudah memerintahkan Kepala Dinas Perdagangan agar menata pedagang,\" kata Sutrisno.",
		nil},
	{"pemda is the local governments", "Gubernur Bali Made Sudarsana mengingatkan Pemda agar menertibkan izin vila.",
		[]string{"REQUEST Made Sudarsana>Pemda asserted"}},
	{"bersama further on is no partner", "Kepala Dinas Pertanian Wonosari Tri Haryanto hadir dalam diskusi itu bersama Bupati Gunungkidul Sri Lestari.",
		nil},
}

func TestFind(t *testing.T) {
	for _, row := range findRows {
		t.Run(row.name, func(t *testing.T) {
			rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Berita", Body: row.in, Published: "2025-10-20"})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range coded(rec) {
				got = append(got, short(e))
			}
			if !slices.Equal(got, row.want) {
				t.Errorf("%s\n got %q\nwant %q", row.in, got, row.want)
				for _, e := range rec.Entities {
					t.Logf("entity %s %s %q %s", e.ID, e.Type, e.Name, e.Country)
				}
			}
		})
	}
}

// TestSportsPage checks that a sports page is not coded: a team that
// hosts another has not held talks with it.
func TestSportsPage(t *testing.T) {
	const body = "Manajer Arsenal Mikel Arteta bertemu dengan pemilik klub Stan Kroenke di London."
	for _, row := range []struct {
		url  string
		want int
	}{
		{"https://sport.detik.com/sepakbola/liga-inggris/d-1/x", 0},
		{"https://www.kompas.com/bola/read/2025/10/20/x", 0},
		{"https://news.detik.com/berita/d-1/x", 1},
	} {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Berita", Body: body, URL: row.url})
		if err != nil {
			t.Fatal(err)
		}
		if n := len(coded(rec)); n != row.want {
			t.Errorf("%s: %d events, want %d", row.url, n, row.want)
		}
	}
}

// TestDefinitions checks that the lexicon defines every PLOVER type with
// its modes and gives each some triggers.
func TestDefinitions(t *testing.T) {
	if err := event.Load(); err != nil {
		t.Fatal(err)
	}
	defs := event.Definitions()
	if len(defs) != len(event.Types) {
		t.Fatalf("%d definitions for %d types", len(defs), len(event.Types))
	}
	for i, d := range defs {
		if d.Type != event.Types[i] || len(d.Definition) < 40 || d.Triggers < 5 {
			t.Errorf("%s: definition %q, %d triggers", d.Type, d.Definition, d.Triggers)
		}
		if strings.Contains(d.Definition, "\t") {
			t.Errorf("%s: tab in definition", d.Type)
		}
	}
}

// TestHeadline checks that a headline's event is coded once, as the body
// tells it, and that a headline event the body does not tell stays.
func TestHeadline(t *testing.T) {
	for _, row := range []struct {
		title, body string
		want        []string
		sentence    int // of the first event
	}{
		{"KPK Tahan Bupati Buton Selatan", "Komisi Pemberantasan Korupsi pada Senin (20/10/2025) menahan Bupati Buton Selatan Rahmat Hidayat di Jakarta.",
			[]string{"COERCE Komisi Pemberantasan Korupsi>Rahmat Hidayat asserted @Jakarta 2025-10-20"}, 1},
		{"Prabowo Temui Anwar Ibrahim", "Presiden Prabowo Subianto bertemu Perdana Menteri Malaysia Anwar Ibrahim di Kuala Lumpur.",
			[]string{"CONSULT Prabowo Subianto>Anwar Ibrahim asserted @Kuala Lumpur"}, 1},
		{"Polisi Tangkap Pelaku Begal", "Harga bawang di pasar induk naik pada pekan ini.",
			[]string{"COERCE Polisi>Pelaku asserted"}, 0},
		{"Kemenkeu Sentil World Bank soal Ramalan Inflasi", "Harga bawang di pasar induk naik pada pekan ini.",
			[]string{"ACCUSE Kemenkeu>World Bank asserted"}, 0},
	} {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: row.title, Body: row.body, Published: "2025-10-20"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		evs := coded(rec)
		for _, e := range evs {
			got = append(got, short(e))
		}
		if !slices.Equal(got, row.want) || len(evs) > 0 && evs[0].Sentence != row.sentence {
			t.Errorf("%s\n got %q\nwant %q in sentence %d", row.title, got, row.want, row.sentence)
			for _, e := range evs {
				t.Logf("sentence %d trigger %q", e.Sentence, e.Trigger)
			}
		}
	}
}

// TestConfidence checks that an event whose source is not resolved is
// left out unless its type is coded with one actor, and that one kept
// without a side its type takes is of low confidence and among the
// record's partial events, not its events.
func TestConfidence(t *testing.T) {
	for _, row := range []struct{ in, want string }{
		{"Polisi menangkap dua pelaku pencurian di Bekasi.", "COERCE Polisi>pelaku asserted @Bekasi high"},
		{"Dua pelaku pencurian ditangkap di Bekasi.", ""},
		{"Ribuan buruh berunjuk rasa di Bandung menuntut kenaikan upah.", "PROTEST buruh>- asserted @Bandung high"},
		{"Aksi demonstrasi terjadi di sejumlah wilayah pada Senin.", "PROTEST ->- asserted 2025-10-20 low partial"},
		{"Setelah meninggalkan kantor Kejari, Budi Santoso mendatangi Kodim dan meminta pengawalan.", "REQUEST Budi Santoso>- asserted low partial"},
	} {
		rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Berita", Body: row.in, Published: "2025-10-20"})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range rec.Events {
			got = append(got, short(e)+" "+e.Confidence)
		}
		for _, e := range rec.Partial {
			got = append(got, short(e)+" "+e.Confidence+" partial")
		}
		if want := strings.Fields(row.want); len(want) == 0 && len(got) > 0 || len(want) > 0 && !slices.Equal(got, []string{row.want}) {
			t.Errorf("%s\n got %q\nwant %q", row.in, got, row.want)
		}
	}
}

// TestGroupOfEntity checks that a group named with a place or body
// (warga Palestina) keeps its words and is of that entity, so a reader
// that goes by the entity finds it.
func TestGroupOfEntity(t *testing.T) {
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Berita",
		Body: "Menurut laporan itu, Israel menewaskan puluhan warga Palestina selama sepekan terakhir."})
	if err != nil {
		t.Fatal(err)
	}
	evs := coded(rec)
	if len(evs) != 1 || evs[0].Target == nil || evs[0].Target.Name != "warga Palestina" {
		t.Fatalf("events %+v, want one with target warga Palestina", evs)
	}
	k := slices.IndexFunc(rec.Entities, func(e entity.Entity) bool { return e.ID == evs[0].Target.Entity })
	if k < 0 || rec.Entities[k].Name != "Palestina" {
		t.Errorf("target's entity %q, want Palestina's", evs[0].Target.Entity)
	}
}

// TestExplain sees every matched trigger and the gate it stopped at: a
// broad verb with no actor after it lacks its frame's actors, an arrest
// with both sides is kept.
func TestExplain(t *testing.T) {
	p := analysis.DefaultPipeline()
	var got []event.Candidate
	for k := range p {
		if p[k].Name == "events" {
			run := p[k].Run
			p[k].Run = func(ctx context.Context, d *analysis.Document) error {
				got = event.Explain(d.Document, d.EventInput())
				return run(ctx, d)
			}
		}
	}
	body := "Polisi menangkap dua pelaku pencurian di Bekasi. Bupati Bekasi Ade Kuswara mendorong pertumbuhan ekonomi desa."
	if _, err := p.Analyze(context.Background(), analysis.Input{Title: "Berita", Body: body, Published: "2025-10-20"}); err != nil {
		t.Fatal(err)
	}
	var gates []string
	for _, c := range got {
		gates = append(gates, c.Type+" "+string(c.Gate))
	}
	want := []string{"COERCE " + string(event.GateKept), "REQUEST " + string(event.GateActors)}
	if !slices.Equal(gates, want) {
		t.Errorf("gates %q, want %q", gates, want)
	}
}
