package article_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/article"
)

func ExampleFromHTML() {
	page := `<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Warga Bantul Panen Raya Padi - Contoh.co.id</title>
<meta property="og:site_name" content="Contoh.co.id">
<link rel="canonical" href="https://contoh.co.id/ekonomi/panen-raya-bantul">
</head><body>
<nav><a href="/">Beranda</a> <a href="/ekonomi">Ekonomi</a></nav>
<h1>Warga Bantul Panen Raya Padi</h1>
<div class="date">Senin, 20 Oktober 2025 | 09:15 WIB</div>
<div class="read__content">
<p><strong>BANTUL, KOMPAS.com</strong> - Petani di Kabupaten Bantul memulai panen raya padi pada Senin (20/10/2025). Hasil panen diperkirakan mencapai 6,5 ton per hektare.</p>
<p><strong>Baca juga:</strong> <a href="/ekonomi/harga-gabah">Harga Gabah Kering Naik di Tingkat Petani</a></p>
<figure><img src="panen.jpg"><figcaption>Petani memanen padi di Bantul. (Foto: Contoh)</figcaption></figure>
<p>"Panen tahun ini lebih baik dari tahun lalu," kata Ketua Kelompok Tani Sido Makmur, Suparjo.</p>
<p>Editor: Bagus Santoso</p>
</div>
<div class="share-box">Bagikan: <a>Facebook</a> <a>WhatsApp</a></div>
</body></html>`
	a := article.FromHTML(page, article.PageOptions{})
	fmt.Println("title:", a.Title)
	fmt.Println("published:", a.Published)
	fmt.Println("url:", a.URL)
	fmt.Println("dateline:", a.Dateline.Place, "/", a.Dateline.Outlet)
	for _, p := range a.Paragraphs {
		fmt.Println("paragraph:", p)
	}
	for _, b := range a.Boilerplate {
		fmt.Printf("removed %s: %s\n", b.Kind, b.Text)
	}
	// Output:
	// title: Warga Bantul Panen Raya Padi
	// published: 2025-10-20T09:15:00+07:00
	// url: https://contoh.co.id/ekonomi/panen-raya-bantul
	// dateline: Bantul / KOMPAS.com
	// paragraph: BANTUL, KOMPAS.com - Petani di Kabupaten Bantul memulai panen raya padi pada Senin (20/10/2025). Hasil panen diperkirakan mencapai 6,5 ton per hektare.
	// paragraph: "Panen tahun ini lebih baik dari tahun lalu," kata Ketua Kelompok Tani Sido Makmur, Suparjo.
	// removed related_links: Baca juga: Harga Gabah Kering Naik di Tingkat Petani
	// removed caption: Petani memanen padi di Bantul. (Foto: Contoh)
	// removed credit: Editor: Bagus Santoso
}
