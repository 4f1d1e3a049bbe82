package sqlite

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
)

// SearchDays past its sample reads every k-th hit, scales the counts and
// says they are estimated; within it the counts are exact.
func TestSearchDaysSampled(t *testing.T) {
	defer func(c, d int) { countBound, daysSample = c, d }(countBound, daysSample)
	s, _, purbaya := boundsStore(t)
	for _, tt := range []struct {
		query string
		hits  int
	}{{"banjir", 30}, {"entity:purbaya", len(purbaya)}, {"from:2025-10-17", 40}} {
		q, err := search.Parse(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		countBound, daysSample = 1000, 2000
		exact, err := s.SearchDays(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		sum := 0
		for _, d := range exact {
			sum += d.Count
			if d.Estimated {
				t.Errorf("%s: %s estimated within the sample", tt.query, d.Day)
			}
		}
		if sum != tt.hits {
			t.Errorf("%s: %d hits over the days, want %d", tt.query, sum, tt.hits)
		}
		countBound, daysSample = 5, 3
		sampled, err := s.SearchDays(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		sum = 0
		for _, d := range sampled {
			sum += d.Count
			if !d.Estimated || d.Count < 2 {
				t.Errorf("%s past the sample: %+v, want an estimate of at least 2", tt.query, d)
			}
		}
		if len(sampled) == 0 || len(sampled) >= len(exact) || sum < tt.hits/3 || sum > 3*tt.hits {
			t.Errorf("%s past the sample: %d days, %d hits; exact %d days, %d hits", tt.query, len(sampled), sum, len(exact), tt.hits)
		}
	}
}
