package stem_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/stem"
)

func Example() {
	for _, w := range []string{"Pembangunan", "membangun", "bertemu", "pertemuan", "pemerintahan", "Menteri", "monyet-monyetnya", "Prabowo"} {
		fmt.Println(w, "→", stem.Stem(w))
	}
	// Output:
	// Pembangunan → bangun
	// membangun → bangun
	// bertemu → temu
	// pertemuan → temu
	// pemerintahan → pemerintah
	// Menteri → menteri
	// monyet-monyetnya → monyet
	// Prabowo → prabowo
}
