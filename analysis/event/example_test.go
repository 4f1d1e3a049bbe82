package event_test

import (
	"context"
	"fmt"

	"github.com/warta-news/warta/analysis"
)

// Events come with the rest of a record: the events stage reads the
// entities, quotes and dates of the stages before it.
func Example() {
	body := "Menteri Luar Negeri Retno Marsudi bertemu dengan Menteri Luar Negeri Jepang Yoko Kamikawa di Tokyo pada Senin (20/10/2025).\n" +
		"Polisi tidak menangkap demonstran yang berunjuk rasa di depan kedutaan."
	rec, err := analysis.Analyze(context.Background(), analysis.Input{Title: "Retno Bertemu Kamikawa", Body: body, Published: "2025-10-21"})
	if err != nil {
		panic(err)
	}
	for _, e := range rec.Events {
		fmt.Println(short(e))
	}
	// Output:
	// CONSULT Retno Marsudi>Yoko Kamikawa asserted @Tokyo 2025-10-20
	// COERCE Polisi>demonstran asserted !neg
}
