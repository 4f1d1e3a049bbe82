package timex_test

import (
	"fmt"
	"time"

	"github.com/warta-news/warta/analysis/text"
	"github.com/warta-news/warta/analysis/timex"
)

func Example() {
	d := &text.Document{Text: "Rapat digelar Senin (20/10/2025) pukul 14.30 WIB dan berlangsung 1 jam 45 menit. Hasilnya diumumkan kemarin, dan tahap berikutnya akan dimulai awal Desember."}
	text.Tokenize(d)
	text.SplitSentences(d)
	published := time.Date(2025, 10, 22, 9, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	dates, durations := timex.Find(d, &published)
	for _, x := range dates {
		fmt.Printf("%-34s %s %s\n", x.Text, x.Value, x.Granularity)
	}
	for _, x := range durations {
		fmt.Printf("%-34s %g s\n", x.Text, x.Seconds)
	}
	// Output:
	// Senin (20/10/2025) pukul 14.30 WIB 2025-10-20T14:30:00+07:00 time
	// kemarin                            2025-10-21 day
	// awal Desember                      2025-12 month
	// 1 jam 45 menit                     6300 s
}
