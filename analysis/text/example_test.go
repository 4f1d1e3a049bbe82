package text_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/text"
)

func Example() {
	raw := "Harga Emas Naik\r\n\r\n“Harga naik ke Rp1.500.000,50 per gram,” kata dr. Tirta, Senin (20/10/2025). Pasar tenang pukul 14.30 WIB."
	d := &text.Document{Text: text.Normalize(raw)}
	text.Tokenize(d)
	text.SplitSentences(d)
	for _, s := range d.Sentences {
		fmt.Printf("%q\n", d.Text[s.Start:s.End])
		for i := s.First; i < s.Last; i++ {
			if k := d.Tokens[i].Kind; k != text.Word && k != text.Punct {
				fmt.Printf("  %s %s\n", k, d.TokenText(i))
			}
		}
	}
	// Output:
	// "Harga Emas Naik"
	// "“Harga naik ke Rp1.500.000,50 per gram,” kata dr. Tirta, Senin (20/10/2025)."
	//   number 1.500.000,50
	//   date 20/10/2025
	// "Pasar tenang pukul 14.30 WIB."
	//   time 14.30
}
