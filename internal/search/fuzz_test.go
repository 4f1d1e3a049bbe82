package search

import (
	"errors"
	"strings"
	"testing"

	"github.com/warta-news/warta/analysis/topic"
)

// Parse gives a query or ErrBadQuery for any text, never a panic; a
// parsed query validates again unchanged, and its topics are subject
// codes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`banjir OR longsor -jakarta`, `entity:"Purbaya Yudhi Sadewa" speaker:Purbaya from:2025-10`,
		`topic:politik topic:"crime, law and justice" topic:medtop:11000000`, `topic:"`, `topic:`, `-topic:sport`,
		`"tanpa akhir`, `site:detik.com section:Berita to:2025-10-31 collapse:copies`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			if !errors.Is(err, ErrBadQuery) {
				t.Fatalf("Parse(%q): %v, not ErrBadQuery", s, err)
			}
			return
		}
		topics := strings.Join(q.Topics, " ")
		if err := q.Validate(); err != nil || strings.Join(q.Topics, " ") != topics {
			t.Fatalf("Parse(%q) = %+v, which validates again to %v, %v", s, q, err, q.Topics)
		}
		for _, code := range q.Topics {
			if sub, ok := topic.Lookup(code); !ok || sub.Code != code {
				t.Fatalf("Parse(%q): topic %q is not a subject's code", s, code)
			}
		}
	})
}
