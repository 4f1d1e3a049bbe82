package langid_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/langid"
	"github.com/warta-news/warta/analysis/text"
)

func Example() {
	for _, s := range []string{
		"Pemerintah memastikan bahwa bantuan uang tunai akan cair pekan depan karena data penerima sudah diperbarui.",
		"Kerajaan memastikan bahawa bantuan wang tunai akan disalurkan minggu depan kerana data penerima sudah dikemas kini.",
		"Pamaréntah mastikeun yén bantuan artos tunai bakal dibagikeun minggu payun.",
		"2025 1.500.000",
	} {
		code, conf := langid.DetectString(s)
		fmt.Printf("%s %.2f\n", code, conf)
	}

	// In the pipeline the document is already tokenised.
	doc := &text.Document{Text: "Polisi menangkap dua pelaku pencurian sepeda motor di Depok, Senin malam."}
	text.Tokenize(doc)
	code, _ := langid.Detect(doc)
	fmt.Println(code)
	// Output:
	// id 1.00
	// ms 0.99
	// su 1.00
	// und 0.00
	// id
}
