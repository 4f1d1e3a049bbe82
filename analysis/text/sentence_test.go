package text

import (
	"strings"
	"testing"
)

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"two plain sentences",
			"Harga beras naik. Pemerintah menyiapkan operasi pasar.",
			[]string{"Harga beras naik.", "Pemerintah menyiapkan operasi pasar."}},
		{"titles and numbers do not end",
			"Dia bertemu Prof. Hasanuddin di Jl. Sudirman No. 5. Pertemuan berlangsung tertutup.",
			[]string{"Dia bertemu Prof. Hasanuddin di Jl. Sudirman No. 5.", "Pertemuan berlangsung tertutup."}},
		{"initials do not end",
			"Menurut R.B. Sutanto, situasi aman. Polisi tetap berjaga.",
			[]string{"Menurut R.B. Sutanto, situasi aman.", "Polisi tetap berjaga."}},
		{"degrees do not end before a comma",
			"Kuasa hukum Budi Santoso, S.H., M.H. mengajukan banding. Sidang ditunda.",
			[]string{"Kuasa hukum Budi Santoso, S.H., M.H. mengajukan banding.", "Sidang ditunda."}},
		{"decimals and thousands",
			"Inflasi 2,5 persen dan emas Rp1.500.000 per gram. Harga perak stabil.",
			[]string{"Inflasi 2,5 persen dan emas Rp1.500.000 per gram.", "Harga perak stabil."}},
		{"time before period",
			"Rapat dimulai pukul 14.30 WIB. Setelah itu peserta makan siang.",
			[]string{"Rapat dimulai pukul 14.30 WIB.", "Setelah itu peserta makan siang."}},
		{"quote then speech verb then period",
			`"Pembicaraan itu tampak konstruktif bagi saya," kata Lavrov. Dia tidak merinci.`,
			[]string{`"Pembicaraan itu tampak konstruktif bagi saya," kata Lavrov.`, "Dia tidak merinci."}},
		{"curly quote after period",
			"“Kami siap.” Presiden lalu meninggalkan ruangan.",
			[]string{"“Kami siap.”", "Presiden lalu meninggalkan ruangan."}},
		{"speech verb after quoted period",
			"“Kami siap.” kata dia kepada wartawan.",
			[]string{"“Kami siap.” kata dia kepada wartawan."}},
		{"capitalised speech verb after quoted period",
			"“Kami siap.” Ujar dia kepada wartawan.",
			[]string{"“Kami siap.” Ujar dia kepada wartawan."}},
		{"question then speech verb",
			`"Siapa yang bertanggung jawab?" tanya seorang warga.`,
			[]string{`"Siapa yang bertanggung jawab?" tanya seorang warga.`}},
		{"ASCII quote closing after period",
			`Dia berkata, "Kami siap." Lalu dia pergi.`,
			[]string{`Dia berkata, "Kami siap."`, "Lalu dia pergi."}},
		{"ASCII quote opening after period",
			`Rapat selesai. "Kami puas," kata Ketua.`,
			[]string{"Rapat selesai.", `"Kami puas," kata Ketua.`}},
		{"right quote on both sides",
			"Rapat selesai. ”Kami puas.” Semua pulang.",
			[]string{"Rapat selesai.", "”Kami puas.”", "Semua pulang."}},
		{"stray period before lowercase",
			"Kerja sama kedua negara. bekerja sama di bidang energi.",
			[]string{"Kerja sama kedua negara. bekerja sama di bidang energi."}},
		{"question and exclamation",
			"Apakah ini adil? Warga mempertanyakannya! Pemerintah diam.",
			[]string{"Apakah ini adil?", "Warga mempertanyakannya!", "Pemerintah diam."}},
		{"ellipsis before uppercase",
			"Dia menunggu... Lalu pergi.",
			[]string{"Dia menunggu...", "Lalu pergi."}},
		{"ellipsis before lowercase",
			"Dia menunggu… lalu pergi.",
			[]string{"Dia menunggu… lalu pergi."}},
		{"paragraphs and lines",
			"Judul Berita Hari Ini\n\nParagraf pertama tanpa titik\nParagraf kedua. Kalimat ketiga.",
			[]string{"Judul Berita Hari Ini", "Paragraf pertama tanpa titik", "Paragraf kedua.", "Kalimat ketiga."}},
		{"never across a blank line, even lowercase",
			"akhir paragraf pertama\n\nawal paragraf kedua",
			[]string{"akhir paragraf pertama", "awal paragraf kedua"}},
		{"dll. before uppercase ends",
			"Pasar menjual beras, gula, dll. Harga beras naik.",
			[]string{"Pasar menjual beras, gula, dll.", "Harga beras naik."}},
		{"dll. before lowercase does not",
			"Warga menerima beras, gula, dll. dari pemerintah.",
			[]string{"Warga menerima beras, gula, dll. dari pemerintah."}},
		{"company form before ticker",
			"Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik. Investor asing membeli.",
			[]string{"Saham PT Bank Rakyat Indonesia (Persero) Tbk. (BBRI) naik.", "Investor asing membeli."}},
		{"company form ends a sentence",
			"Proyek itu digarap PT Aneka Tambang Tbk. Perusahaan itu menambah modal.",
			[]string{"Proyek itu digarap PT Aneka Tambang Tbk.", "Perusahaan itu menambah modal."}},
		{"abbreviation at end of line",
			"Pemegang saham terbesar ialah PT Maju Tbk.\nSisanya dimiliki publik.",
			[]string{"Pemegang saham terbesar ialah PT Maju Tbk.", "Sisanya dimiliki publik."}},
		{"class letter ends",
			"Wartawan dilarang meliput tambang galian C. Polisi berjaga.",
			[]string{"Wartawan dilarang meliput tambang galian C.", "Polisi berjaga."}},
		{"suspect's initial ends",
			"Polisi menangkap pria berinisial A. Mereka warga setempat.",
			[]string{"Polisi menangkap pria berinisial A.", "Mereka warga setempat."}},
		{"roman numeral ends",
			"Laba naik pada kuartal I. Kinerja semester II diperkirakan membaik.",
			[]string{"Laba naik pada kuartal I.", "Kinerja semester II diperkirakan membaik."}},
		{"missing space after period",
			"Rapat selesai tahun ini.Dia pulang ke Bandung.",
			[]string{"Rapat selesai tahun ini.", "Dia pulang ke Bandung."}},
		{"glued reference number",
			"Aturan itu tertuang dalam PMK.011/2007 yang berlaku.",
			[]string{"Aturan itu tertuang dalam PMK.011/2007 yang berlaku."}},
		{"exclamation inside a quote before uppercase",
			`Ia lalu menulis: "Selesai!" Semua tertawa.`,
			[]string{`Ia lalu menulis: "Selesai!"`, "Semua tertawa."}},
		{"closing bracket after period",
			"Harga naik (lihat tabel.) Pemerintah bereaksi.",
			[]string{"Harga naik (lihat tabel.)", "Pemerintah bereaksi."}},
		{"number after a question",
			"Berapa korban? 12 orang dilaporkan hilang.",
			[]string{"Berapa korban?", "12 orang dilaporkan hilang."}},
		{"dateline without a terminal mark",
			"Jakarta - Banjir melanda sejumlah wilayah",
			[]string{"Jakarta - Banjir melanda sejumlah wilayah"}},
		{"empty", "", nil},
		{"only white space", " \n\n\t", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := &Document{Text: tt.in}
			Tokenize(d)
			SplitSentences(d)
			checkSentences(t, d)
			var got []string
			for _, s := range d.Sentences {
				got = append(got, d.Text[s.Start:s.End])
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") || len(got) != len(tt.want) {
				t.Errorf("SplitSentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSplitSentencesReusesStorage(t *testing.T) {
	d := &Document{Text: "Satu. Dua. Tiga."}
	Tokenize(d)
	SplitSentences(d)
	first := &d.Sentences[0]
	d.Text = "Empat. Lima."
	Tokenize(d)
	SplitSentences(d)
	if &d.Sentences[0] != first || len(d.Sentences) != 2 {
		t.Errorf("SplitSentences did not reuse d.Sentences: %d sentences", len(d.Sentences))
	}
}

// checkSentences asserts that sentences are ordered, cover every token
// exactly once, span their tokens, and hold no line break.
func checkSentences(t *testing.T, d *Document) {
	t.Helper()
	next := 0
	for i, s := range d.Sentences {
		if s.First != next || s.Last <= s.First || s.Last > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d) do not follow %d (of %d tokens) in %q", i, s.First, s.Last, next, len(d.Tokens), d.Text)
		}
		if s.Start != d.Tokens[s.First].Start || s.End != d.Tokens[s.Last-1].End {
			t.Fatalf("sentence %d span [%d,%d) does not match its tokens in %q", i, s.Start, s.End, d.Text)
		}
		if strings.Contains(d.Text[s.Start:s.End], "\n") {
			t.Fatalf("sentence %d %q crosses a line break", i, d.Text[s.Start:s.End])
		}
		next = s.Last
	}
	if next != len(d.Tokens) {
		t.Fatalf("sentences cover %d of %d tokens in %q", next, len(d.Tokens), d.Text)
	}
}
