package entity_test

import (
	"fmt"

	"github.com/warta-news/warta/analysis/entity"
	"github.com/warta-news/warta/analysis/text"
)

func ExampleRecognizer_Find() {
	doc := &text.Document{Text: "Menteri Luar Negeri Rusia Sergey Lavrov tiba di Jakarta. " +
		"Lavrov bertemu Menteri Luar Negeri Retno Marsudi."}
	text.Tokenize(doc)
	text.SplitSentences(doc)
	r, err := entity.New()
	if err != nil {
		fmt.Println(err)
		return
	}
	res := r.Find(doc)
	for _, e := range res.Entities {
		fmt.Println(e.ID, e.Type, e.Name, len(e.Mentions), e.Roles, e.Country)
	}
	// Output:
	// E1 LOC Rusia 1 [] RU
	// E2 PER Sergey Lavrov 2 [Menteri Luar Negeri Rusia] RU
	// E3 LOC Jakarta 1 [] ID
	// E4 PER Retno Marsudi 1 [Menteri Luar Negeri] ID
}
