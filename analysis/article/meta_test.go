package article

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"Dimas Prasetyo - detikNews", "", "Dimas Prasetyo"},
		{"Penulis: Rina Kusumawati", "", "Rina Kusumawati"},
		{"Oleh: Andi Rahmat", "", "Andi Rahmat"},
		{"By Dewi Anggraini", "", "Dewi Anggraini"},
		{"Kontributor Pekalongan, Aditya Nugraha", "", "Aditya Nugraha"},
		{"Laporan Wartawan Tribun-Timur.com, Muh Sauki Maulana", "", "Muh Sauki Maulana"},
		{"Feby Novalius, Jurnalis · Selasa 24 Juni 2025 08:41 WIB", "", "Feby Novalius"},
		{"Rina Kusumawati Senin, 20 Oktober 2025 14:56 WIB", "", "Rina Kusumawati"},
		{"CNN Indonesia", "", ""},
		{"detikcom", "", ""},
		{"Serambi Kopi", "Serambi Kopi", ""},
		{"https://www.tempo.co/author/eka", "", ""},
		{"Tim Redaksi", "", "Tim Redaksi"},
	}
	for _, tt := range tests {
		if got := cleanByline(tt.in, tt.site); got != tt.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCleanRefTitle(t *testing.T) {
	tests := []struct{ in, site, want string }{
		{"DPR Setujui RUU Halaman all - Kompas.com", "KOMPAS.com", "DPR Setujui RUU"},
		{"KPK Periksa Enam Saksi | tempo.co", "Tempo", "KPK Periksa Enam Saksi"},
		{"Jakarta to expand flood pumps - The Jakarta Daily", "The Jakarta Daily", "Jakarta to expand flood pumps"},
		{"Okezone : Café Tenda di Braga", "", "Okezone : Café Tenda di Braga"},
		{"Liputan6.com - Harga Beras Turun", "", "Harga Beras Turun"},
		{"Kabut Asap Pekat (Halaman 2)", "", "Kabut Asap Pekat"},
		{"Warga Bantul Panen Raya - Regional", "", "Warga Bantul Panen Raya - Regional"},
	}
	for _, tt := range tests {
		if got := cleanRefTitle(tt.in, tt.site, ""); got != tt.want {
			t.Errorf("cleanRefTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// scanOf parses page and scans it.
func scanOf(t *testing.T, page string) *pageScan {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return scanPage(doc)
}

func TestTitleChoice(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"logo h1 and headline h1",
			`<title>Banjir Rendam Kampung Melayu - detikNews</title><h1 class="logo">detikNews</h1><h1>Banjir Rendam Kampung Melayu</h1>`,
			"Banjir Rendam Kampung Melayu"},
		{"h1 worded differently from og:title",
			`<meta property="og:title" content="Harga Emas Naik Lagi"><h1>Harga Emas Antam Naik Rp 12.000 per Gram Hari Ini</h1>`,
			"Harga Emas Antam Naik Rp 12.000 per Gram Hari Ini"},
		{"no h1: og:title without the site",
			`<meta property="og:site_name" content="Suara.com"><meta property="og:title" content="Gempa Guncang Cianjur - Suara.com"><h2>Berita Terkini</h2>`,
			"Gempa Guncang Cianjur"},
		{"only <title>",
			`<title>Festival Danau Toba Digelar | Republika Online</title>`,
			"Festival Danau Toba Digelar"},
		{"section h1 and a headline in og:title",
			`<meta property="og:title" content="Menkeu Umumkan Defisit APBN"><h1>Ekonomi</h1><h1>Bisnis</h1>`,
			"Menkeu Umumkan Defisit APBN"},
		{"headline in an h2, og:title with the site's name learnt from it",
			`<meta property="og:title" content="Warga Bangun Jembatan Bambu | Portal Kabar Daerah"><h2>Warga Bangun Jembatan Bambu</h2><h2>Terpopuler</h2>`,
			"Warga Bangun Jembatan Bambu"},
		{"a logo h1 carrying the whole <title>",
			`<title>Harga Cabai Naik Jelang Lebaran | KABAR</title><h1 class="logo">Harga Cabai Naik Jelang Lebaran | KABAR</h1><h2>Harga Cabai Naik Jelang Lebaran</h2>`,
			"Harga Cabai Naik Jelang Lebaran"},
		{"a dash joins two parts of one headline: no affix learnt from a shorter h2",
			`<title>Banjir Jakarta - Warga Mengungsi ke Masjid</title><h1>Banjir Jakarta - Warga Mengungsi ke Masjid</h1><h2>Banjir Jakarta</h2>`,
			"Banjir Jakarta - Warga Mengungsi ke Masjid"},
		{"no heading: a tail naming the site is dropped",
			`<meta property="og:site_name" content="KabarKota.com"><meta property="og:title" content="Pasar Baru Dibuka Pekan Depan - Berita KabarKota Terkini">`,
			"Pasar Baru Dibuka Pekan Depan"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanOf(t, tt.page)
			got, _ := s.title(normalize(s.meta.siteName()), "")
			if got != tt.want {
				t.Errorf("title %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPublishedChoice(t *testing.T) {
	tests := []struct{ name, page, host, want string }{
		{"UTC metadata on an Indonesian page",
			`<html lang="id"><meta property="article:published_time" content="2025-10-20T18:30:00Z"><h1>Judul Berita Hari Ini</h1>`,
			"", "2025-10-21T01:30:00+07:00"},
		{"UTC metadata, WITA printed",
			`<html lang="id"><script type="application/ld+json">{"@type":"NewsArticle","headline":"x","datePublished":"2025-10-20T07:30:00Z"}</script><h1>Judul Berita Hari Ini</h1><div class="date">Senin, 20 Oktober 2025 15:30 WITA</div>`,
			"", "2025-10-20T15:30:00+08:00"},
		{"metadata without zone, WIT printed",
			`<meta name="publishdate" content="2025/10/22 09:15:00"><h1>Judul Berita Hari Ini</h1><span class="date">Rabu, 22 Oktober 2025 09:15 WIT</span>`,
			"", "2025-10-22T09:15:00+09:00"},
		{"printed only; today's date in the top bar loses to the article's",
			`<div class="topbar">Senin, 27 Oktober 2025</div><h1>Judul Berita Lama Sekali</h1><div class="tanggal">Kamis, 5 November 2015 14:56 WIB</div>`,
			"", "2015-11-05T14:56:00+07:00"},
		{"dates of related articles are not the page's",
			`<h1>Judul Berita Tanpa Tanggal</h1><p>Isi.</p><div class="berita-terkait"><span class="date">Rabu, 04 November 2015 | 10:22 WIB</span></div>`,
			"", ""},
		{"English page keeps its offset",
			`<html lang="en"><meta property="article:published_time" content="2025-10-20T08:15:00-04:00"><h1>Some Headline Here</h1>`,
			"", "2025-10-20T08:15:00-04:00"},
		{"English page, time without zone: the date alone",
			`<html lang="en"><meta name="date" content="2025-10-20 08:15"><h1>Some Headline Here</h1>`,
			"", "2025-10-20"},
		{"printed above the headline beats a sidebar's date below it",
			`<span class="date">Senin, 3 November 2025 10:15 WIB</span><h1>Judul Berita Hari Ini</h1><p>Isi berita yang cukup panjang untuk sebuah paragraf.</p><p>Isi kedua.</p><p>Isi ketiga.</p><p>Isi keempat.</p><p>Isi kelima.</p><p>Isi keenam.</p><p>Isi ketujuh.</p><p>Isi kedelapan.</p><p>Isi kesembilan.</p><p>Isi kesepuluh.</p><p>Isi kesebelas.</p><p>Isi keduabelas.</p><aside><div><a href="/x">Judul Berita Lain di Samping</a><span class="date">Minggu, 2 November 2025 21:40 WIB</span></div></aside>`,
			"", "2025-11-03T10:15:00+07:00"},
		{"a teaser's <time> is not the page's, an English month in an Indonesian date is read",
			`<html lang="id"><ul><li><a href="/b">Judul Berita Lain Kemarin</a> <time datetime="2026-01-10T09:00:00+07:00">10 Jan</time></li></ul><h1>Judul Berita Hari Ini</h1><div class="date">Rabu, 21 January 2026 15:25 WIB</div>`,
			"", "2026-01-21T15:25:00+07:00"},
		{"metadata date alone, printed time the same day",
			`<html lang="id"><meta name="date" content="2025-10-20"><h1>Judul Berita Hari Ini</h1><div class="date">Senin, 20 Okt 2025 16:42 WIB</div>`,
			"", "2025-10-20T16:42:00+07:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanOf(t, tt.page)
			_, s.headline = s.title("", "")
			s.printed, s.hasPrinted = s.printedDate()
			if got := s.published(s.meta.language(), tt.host); got != tt.want {
				t.Errorf("published %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSection(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"JSON-LD articleSection", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","articleSection":["Hukum","Nasional"]}</script>`, "Hukum"},
		{"meta", `<meta name="content_category" content="Regional">`, "Regional"},
		{"breadcrumb, home and site skipped", `<meta property="og:site_name" content="Tribunnews.com"><ul class="breadcrumb"><li><a>Home</a></li><li><a>Nasional</a></li><li><a>Judul Berita</a></li></ul><h1>Judul Berita</h1>`, "Nasional"},
		{"Berita label dropped", `<meta property="article:section" content="Berita Politik">`, "Politik"},
		{"none", `<h1>Judul</h1>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := scanOf(t, tt.page)
			title, _ := s.title("", "")
			if got := s.meta.section(title, s.meta.siteName()); got != tt.want {
				t.Errorf("section %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLanguage(t *testing.T) {
	for page, want := range map[string]string{
		`<html lang="id-ID">`: "id",
		`<html lang="in">`:    "id",
		`<html lang="EN-us">`: "en",
		`<html><meta property="og:locale" content="id_ID">`: "id",
		`<html lang="x-klingon-1">`:                         "",
		`<html>`:                                            "",
	} {
		if got := scanOf(t, page).meta.language(); got != want {
			t.Errorf("language of %s = %q, want %q", page, got, want)
		}
	}
}

func TestLabelBoxes(t *testing.T) {
	tests := []struct {
		name, box string
		want      Kind
	}{
		{"strong label and link", `<p><strong>Baca juga:</strong> <a href="#">Harga Emas Naik</a></p>`, RelatedLinks},
		{"label and list", `<div><span>Berita Terkait</span><ul><li><a>Satu dua tiga</a></li><li><a>Empat lima enam</a></li></ul></div>`, RelatedLinks},
		{"label alone", `<p><b>Baca Juga</b></p>`, RelatedLinks},
		{"a sentence that starts with the label words", `<p>Baca juga pernyataan lengkap Presiden yang dibacakan di Istana Merdeka, Jakarta, pada Senin pagi.</p>`, ""},
		{"label glued to a longer word", `<p>Baca jugalah <a>ini</a></p>`, ""},
		{"no label", `<p><a href="#">Harga Emas Naik</a></p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := html.Parse(strings.NewReader(tt.box))
			body := doc.FirstChild.LastChild // <html><head/><body>
			if got, _ := labelKind(body.FirstChild); got != tt.want {
				t.Errorf("labelKind = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFurnitureNeverSwallowsTheArticle gives the article's own wrapper a
// class a hint selects: the wrapper stays.
func TestFurnitureNeverSwallowsTheArticle(t *testing.T) {
	para := `<p>Pemerintah Kota Makassar mulai membenahi kawasan Pelabuhan Paotere di Kecamatan Ujung Tanah. Penataan itu meliputi perbaikan dermaga, pembangunan los ikan baru dan saluran pembuangan limbah yang selama ini dikeluhkan warga sekitar.</p>`
	page := `<html lang="id"><h1>Pelabuhan Paotere Dibenahi Pemkot</h1><div class="share-wrapper">` + strings.Repeat(para, 6) + `</div><div class="share"><a>Facebook</a></div>`
	a := FromHTML(page, PageOptions{})
	if len(a.Paragraphs) != 6 {
		t.Errorf("%d paragraphs, want 6 (warnings %q)", len(a.Paragraphs), a.Warnings)
	}
}
