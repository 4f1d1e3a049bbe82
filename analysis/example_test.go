package analysis_test

import (
	"context"
	"fmt"

	"github.com/warta-news/warta/analysis"
)

func ExampleAnalyze() {
	rec, err := analysis.Analyze(context.Background(), analysis.Input{
		Body: `Warga Bantul Panen Raya Padi Berita Ekonomi
BANTUL, KOMPAS.com - Petani di Kabupaten Bantul memulai panen raya padi pada Senin (20/10/2025). Hasil panen diperkirakan mencapai 6,5 ton per hektare.
"Panen tahun ini lebih baik dari tahun lalu," kata Ketua Kelompok Tani Sido Makmur, Suparjo.
SCROLL TO CONTINUE WITH CONTENT
Baca juga: Harga Gabah Kering Naik di Tingkat Petani`,
		Published: "2025-10-21",
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title:", rec.Title)
	fmt.Println("section:", *rec.Section)
	fmt.Println("dateline:", rec.Dateline.Place, "/", rec.Dateline.Outlet)
	fmt.Println("language:", rec.Language.Code)
	fmt.Println("paragraphs:", len(rec.Paragraphs), "sentences:", len(rec.Sentences))
	for _, b := range rec.Boilerplate {
		fmt.Printf("removed %s: %s\n", b.Kind, b.Text)
	}
	// Output:
	// title: Warga Bantul Panen Raya Padi
	// section: Ekonomi
	// dateline: Bantul / KOMPAS.com
	// language: id
	// paragraphs: 2 sentences: 4
	// removed ad: SCROLL TO CONTINUE WITH CONTENT
	// removed related_links: Baca juga: Harga Gabah Kering Naik di Tingkat Petani
}
