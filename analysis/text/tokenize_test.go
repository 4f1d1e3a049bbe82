package text

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// tokenStrings tokenises s and returns the token texts.
func tokenStrings(s string) []string {
	d := &Document{Text: s}
	Tokenize(d)
	out := make([]string, len(d.Tokens))
	for i := range d.Tokens {
		out[i] = d.TokenText(i)
	}
	return out
}

func TestTokenize(t *testing.T) {
	// want lists the tokens separated by single spaces (a token never
	// holds white space).
	tests := []struct {
		name, in, want string
	}{
		{"money with separators", "Harga cabai naik menjadi Rp1.500.000,50 per kuintal.",
			"Harga cabai naik menjadi Rp 1.500.000,50 per kuintal ."},
		{"money with Rp. and space", "Bantuan Rp. 600 ribu dan Rp 1,2 triliun cair.",
			"Bantuan Rp. 600 ribu dan Rp 1,2 triliun cair ."},
		{"price with ,-", "Tiket dijual Rp50.000,- per orang.",
			"Tiket dijual Rp 50.000 , - per orang ."},
		{"decimal comma", "Inflasi tahunan tercatat 1,5 persen.",
			"Inflasi tahunan tercatat 1,5 persen ."},
		{"percent range", "Suku bunga diperkirakan 4,25-4,5% hingga akhir tahun.",
			"Suku bunga diperkirakan 4,25 - 4,5 % hingga akhir tahun ."},
		{"year range", "Periode 2020-2024 dievaluasi pada 20-21 Oktober.",
			"Periode 2020 - 2024 dievaluasi pada 20 - 21 Oktober ."},
		{"full date in brackets", "Rapat digelar Senin (20/10/2025) di Jakarta.",
			"Rapat digelar Senin ( 20/10/2025 ) di Jakarta ."},
		{"day and month", "Sidang ditunda hingga Kamis (23/10).",
			"Sidang ditunda hingga Kamis ( 23/10 ) ."},
		{"ISO date", "Data per 2025-10-20 menunjukkan kenaikan.",
			"Data per 2025-10-20 menunjukkan kenaikan ."},
		{"times", "Acara dimulai pukul 14.30 WIB dan selesai 16:45.",
			"Acara dimulai pukul 14.30 WIB dan selesai 16:45 ."},
		{"time range", "Layanan buka pukul 09.00-12.00 WIB.",
			"Layanan buka pukul 09.00 - 12.00 WIB ."},
		{"titles", "Pasien ditangani dr. Tirta dan Prof. Hasanuddin.",
			"Pasien ditangani dr. Tirta dan Prof. Hasanuddin ."},
		{"haji and initials", "Pengajian dipimpin H. Abdul Somad dan R.B. Sutanto.",
			"Pengajian dipimpin H. Abdul Somad dan R.B. Sutanto ."},
		{"letter abbreviations", "Surat itu ditandatangani a.n. Kepala Dinas Kab. Bogor, Kec. Cibinong.",
			"Surat itu ditandatangani a.n. Kepala Dinas Kab. Bogor , Kec. Cibinong ."},
		{"address", "Kantornya berada di Jl. Merdeka No. 12, Jakarta Pusat.",
			"Kantornya berada di Jl. Merdeka No. 12 , Jakarta Pusat ."},
		{"degrees", "Kuasa hukumnya, Budi Santoso, S.H., M.Si., hadir di sidang.",
			"Kuasa hukumnya , Budi Santoso , S.H. , M.Si. , hadir di sidang ."},
		{"company before bracket", "Saham PT Bumi Resources Tbk. (BUMI) menguat.",
			"Saham PT Bumi Resources Tbk. ( BUMI ) menguat ."},
		{"company forms chained", "Sahamnya dimiliki Asia Energy Pte. Ltd. sejak lama.",
			"Sahamnya dimiliki Asia Energy Pte. Ltd. sejak lama ."},
		{"dll. inside a sentence", "Warga menerima beras, gula, minyak, dll. dari pemerintah.",
			"Warga menerima beras , gula , minyak , dll. dari pemerintah ."},
		{"dll. ending a sentence", "Pedagang menjual beras, gula, dll. Harga beras naik.",
			"Pedagang menjual beras , gula , dll . Harga beras naik ."},
		{"abbreviation at line end", "Pemegang saham terbesar ialah PT Maju Tbk.\nSisanya milik publik.",
			"Pemegang saham terbesar ialah PT Maju Tbk . Sisanya milik publik ."},
		{"initial at text end", "Pernyataan itu dibacakan Joko P.",
			"Pernyataan itu dibacakan Joko P ."},
		{"class letter", "Wartawan meliput tambang galian C. Polisi berjaga.",
			"Wartawan meliput tambang galian C . Polisi berjaga ."},
		{"roman numeral", "Laba naik pada kuartal I. Kinerja membaik.",
			"Laba naik pada kuartal I . Kinerja membaik ."},
		{"suspect initials in capitals", "Polisi menangkap pria berinisial MS. Dia diduga pengedar.",
			"Polisi menangkap pria berinisial MS . Dia diduga pengedar ."},
		{"ASCII quotes", `"Kami siap," kata Menteri Pertahanan.`,
			`" Kami siap , " kata Menteri Pertahanan .`},
		{"curly quotes", "“Kami siap,” ujar dia.",
			"“ Kami siap , ” ujar dia ."},
		{"right quote on both sides", "”Kami siap,” ujar dia.",
			"” Kami siap , ” ujar dia ."},
		{"single quotes", "Ia menyebut istilah 'kerja sama' itu penting.",
			"Ia menyebut istilah ' kerja sama ' itu penting ."},
		{"ellipses", "Dia terdiam... lalu pergi…",
			"Dia terdiam ... lalu pergi …"},
		{"question and exclamation runs", "Benarkah?! Tidak mungkin!!",
			"Benarkah ?! Tidak mungkin !!"},
		{"reduplication", "Monyet-monyet itu merusak kebun warga.",
			"Monyet-monyet itu merusak kebun warga ."},
		{"ordinal", "Presiden ke-2 RI memimpin selama 32 tahun.",
			"Presiden ke-2 RI memimpin selama 32 tahun ."},
		{"clitics", "Bukunya dibaca CEO-nya dan APBD-nya disahkan.",
			"Bukunya dibaca CEO-nya dan APBD-nya disahkan ."},
		{"decade", "Musik era 1990-an kembali populer.",
			"Musik era 1990-an kembali populer ."},
		{"capitalised pairs split", "Bapepam-LK mencatat transaksi Januari-September.",
			"Bapepam - LK mencatat transaksi Januari - September ."},
		{"codes and articles stay", "Kasus Covid-19 di Al-Azhar dibahas di APBN-P.",
			"Kasus Covid-19 di Al-Azhar dibahas di APBN-P ."},
		{"slashes", "Gedung DPR/MPR membahas Obligasi II/2007 s/d akhir bulan.",
			"Gedung DPR / MPR membahas Obligasi II/2007 s/d akhir bulan ."},
		{"exchange rate pair", "Rupiah ditutup Rp9.175/9.180 per dolar AS.",
			"Rupiah ditutup Rp 9.175 / 9.180 per dolar AS ."},
		{"regulation numbers", "Aturan itu tertuang dalam PMK No. 34/PMK.011/2007 dan putusan 105/PUU-XXII/2024.",
			"Aturan itu tertuang dalam PMK No. 34/PMK.011/2007 dan putusan 105/PUU-XXII/2024 ."},
		{"ampersand acronym", "Lembaga S&P dan Johnson & Johnson.",
			"Lembaga S&P dan Johnson & Johnson ."},
		{"rating notches", "Pefindo menetapkan peringkat idA- dan AA+.",
			"Pefindo menetapkan peringkat idA- dan AA+ ."},
		{"dollar", "Nilainya US$370 juta atau $5 per saham.",
			"Nilainya US $ 370 juta atau $ 5 per saham ."},
		{"euro", "Harganya €4,5 per liter.",
			"Harganya € 4,5 per liter ."},
		{"URL", "Info lengkap di https://www.example.go.id/berita?id=12.",
			"Info lengkap di https://www.example.go.id/berita?id=12 ."},
		{"URL in brackets", "Daftar (lihat www.example.org/daftar) dibuka.",
			"Daftar ( lihat www.example.org/daftar ) dibuka ."},
		{"bare domains", "Dikutip dari detik.com dan KOMPAS.com, Senin.",
			"Dikutip dari detik.com dan KOMPAS.com , Senin ."},
		{"e-mail", "Kirim ke redaksi.warta@example.co.id, ya.",
			"Kirim ke redaksi.warta@example.co.id , ya ."},
		{"hashtag and mention", "Tagar #TolakRUU ramai, kata @warga_net.id hari ini.",
			"Tagar #TolakRUU ramai , kata @warga_net.id hari ini ."},
		{"English possessive", "Moody's menaikkan peringkat Indonesia's sovereign.",
			"Moody 's menaikkan peringkat Indonesia 's sovereign ."},
		{"inner apostrophes", "Salat Jum'at dan membaca Qur’an.",
			"Salat Jum'at dan membaca Qur’an ."},
		{"missing space after period", "Rapat selesai tahun ini.Dia pulang.",
			"Rapat selesai tahun ini . Dia pulang ."},
		{"accented names", "Sekjen PBB António Guterres bertemu Thomas Müller.",
			"Sekjen PBB António Guterres bertemu Thomas Müller ."},
		{"emoji with skin tone", "Mantap 👍🏻!",
			"Mantap 👍🏻 !"},
		{"dashes", "Jakarta – Banjir melanda — lagi -- pagi ini.",
			"Jakarta – Banjir melanda — lagi -- pagi ini ."},
		{"unicode spaces and tabs", "Harga\u00a0naik\tlagi\u2009hari ini.",
			"Harga naik lagi hari ini ."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.Join(tokenStrings(tt.in), " ")
			if got != tt.want {
				t.Errorf("Tokenize(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
			d := &Document{Text: tt.in}
			Tokenize(d)
			checkTokens(t, d)
		})
	}
}

func TestTokenKinds(t *testing.T) {
	tests := []struct {
		in, token string
		kind      Kind
	}{
		{"Rp1.500.000,50", "Rp", Word},
		{"Rp1.500.000,50", "1.500.000,50", Number},
		{"naik 1,5 persen", "1,5", Number},
		{"Senin (20/10/2025)", "20/10/2025", Date},
		{"Kamis (23/10)", "23/10", Date},
		{"per 2025-10-20", "2025-10-20", Date},
		{"pukul 14.30 WIB", "14.30", Time},
		{"pukul 14:30:05", "14:30:05", Time},
		{"ke https://example.org/a", "https://example.org/a", URL},
		{"dari detik.com", "detik.com", URL},
		{"ke redaksi@example.co.id", "redaksi@example.co.id", Email},
		{"tagar #BanjirJakarta", "#BanjirJakarta", Hashtag},
		{"akun @kemenkeuri", "@kemenkeuri", Mention},
		{"US$5", "$", Symbol},
		{"4,5%", "%", Symbol},
		{"€3", "€", Symbol},
		{"lalu...", "...", Punct},
		{"“Siap”", "“", Punct},
		{"Presiden ke-2", "ke-2", Word},
		{"monyet-monyet", "monyet-monyet", Word},
		{"dr. Tirta", "dr.", Word},
	}
	for _, tt := range tests {
		d := &Document{Text: tt.in}
		Tokenize(d)
		found := false
		for i, tok := range d.Tokens {
			if d.TokenText(i) != tt.token {
				continue
			}
			found = true
			if tok.Kind != tt.kind {
				t.Errorf("%q: token %q has kind %v, want %v", tt.in, tt.token, tok.Kind, tt.kind)
			}
		}
		if !found {
			t.Errorf("%q: no token %q in %q", tt.in, tt.token, tokenStrings(tt.in))
		}
	}
}

func TestTokenizeReusesStorage(t *testing.T) {
	d := &Document{Text: "Harga beras naik lagi."}
	Tokenize(d)
	first := &d.Tokens[0]
	d.Text = "Harga gula turun."
	Tokenize(d)
	if &d.Tokens[0] != first || len(d.Tokens) != 4 {
		t.Errorf("Tokenize did not reuse d.Tokens: %d tokens", len(d.Tokens))
	}
}

func TestAbbreviationList(t *testing.T) {
	if err := Load(); err != nil {
		t.Fatal(err)
	}
	abbreviations := tables.Get().abbreviations
	if len(abbreviations) < 50 {
		t.Fatalf("abbreviations.txt yields %d entries", len(abbreviations))
	}
	for key, e := range abbreviations {
		if lookupAbbrev(e.form) != e.class {
			t.Errorf("%q (key %q) does not look itself up", e.form, key)
		}
		if end, _ := abbrevAt(e.form+" x", 0); end != len(e.form) {
			t.Errorf("abbrevAt(%q) = %d, want %d", e.form, end, len(e.form))
		}
	}
}

// checkTokens asserts the invariants every tokenisation keeps: tokens are
// ordered, inside the text, non-empty, on rune boundaries (as Go decodes,
// invalid bytes counting one each) and free of white space.
func checkTokens(t *testing.T, d *Document) {
	t.Helper()
	s := d.Text
	boundary := make([]bool, len(s)+1)
	for i := 0; i < len(s); {
		boundary[i] = true
		_, n := utf8.DecodeRuneInString(s[i:])
		i += n
	}
	boundary[len(s)] = true
	prev := 0
	for i, tok := range d.Tokens {
		if tok.Start < prev || tok.End <= tok.Start || tok.End > len(s) {
			t.Fatalf("token %d [%d,%d) out of order or bounds (previous end %d, len %d) in %q", i, tok.Start, tok.End, prev, len(s), s)
		}
		if !boundary[tok.Start] || !boundary[tok.End] {
			t.Fatalf("token %d [%d,%d) %q not on rune boundaries in %q", i, tok.Start, tok.End, s[tok.Start:tok.End], s)
		}
		if strings.IndexFunc(s[tok.Start:tok.End], unicode.IsSpace) >= 0 {
			t.Fatalf("token %d %q holds white space in %q", i, s[tok.Start:tok.End], s)
		}
		prev = tok.End
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"Harga cabai naik menjadi Rp1.500.000,50 per kuintal.",
		"“Kami siap.” kata dia. Lalu pergi... Apa? Ya!",
		"dr. Tirta, S.H., M.Si. di Jl. Merdeka No. 12\n\nParagraf baru 20/10/2025 14.30",
		"https://example.org/a?b=(1) redaksi@example.co.id #Tagar @akun 👍🏻",
		"Moody's Jum'at ke-2 CEO-nya 4,25-4,5% 105/PUU-XXII/2024 idA- $5 €3",
		"\xff\xfe a\u00a0b\u200bc",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := &Document{Text: s}
		Tokenize(d)
		checkTokens(t, d)
		SplitSentences(d)
		checkSentences(t, d)
	})
}
