package amount_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/amount"
	"github.com/warta-news/warta/analysis/text"
)

func Example() {
	d := &text.Document{Text: "Kerugian ditaksir Rp1,5 triliun, naik 20 persen. Ratusan warga dan 1.200 orang mengungsi; pipa senilai $ 11 miliar sepanjang 12 km itu dihentikan."}
	text.Tokenize(d)
	text.SplitSentences(d)
	for _, a := range amount.Find(d) {
		fmt.Printf("%-14s %g %s %s", a.Text, a.Value, a.Unit, a.Kind)
		if a.Approximate {
			fmt.Printf(" (up to %g)", a.Max)
		}
		fmt.Println()
	}
	// Output:
	// Rp1,5 triliun  1.5e+12 IDR money
	// 20 persen      20 % percent
	// Ratusan warga  100 warga count (up to 999)
	// 1.200 orang    1200 orang count
	// $ 11 miliar    1.1e+10 USD money
	// 12 km          12 km quantity
}

func ExampleReadNumber() {
	d := &text.Document{Text: "dua ratus lima puluh ribu"}
	text.Tokenize(d)
	n, ok := amount.ReadNumber(d, 0, len(d.Tokens))
	fmt.Println(n.Value, ok)
	// Output: 250000 true
}
