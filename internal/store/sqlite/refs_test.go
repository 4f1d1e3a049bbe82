package sqlite

import (
	"slices"
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Entity pages past their bounds: exact within them, estimated (and said
// so) past them, and a speaker's quotes paged in the same order as one
// whole page.
func TestEntityPagePastTheBounds(t *testing.T) {
	defer func(c, q, a int) { refWindowCount, quotesBound, aliasWindow = c, q, a }(refWindowCount, quotesBound, aliasWindow)
	s, _, purbaya := boundsStore(t)
	list, err := s.Entities(ctx, store.EntityFilter{Name: "Purbaya"})
	if err != nil || len(list) != 1 {
		t.Fatalf("entities named Purbaya: %v, %v", list, err)
	}
	id := list[0].ID

	e, err := s.Entity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if e.Articles != len(purbaya) || e.Quotes != len(purbaya) || e.Estimated {
		t.Errorf("within the bounds: %d articles, %d quotes, estimated %v; want %d, %d, exact", e.Articles, e.Quotes, e.Estimated, len(purbaya), len(purbaya))
	}
	ident, err := s.Identity(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if ident.Sampled != 0 || len(ident.Aliases) == 0 || ident.Aliases[0].Articles != len(purbaya) {
		t.Errorf("within the bounds: sampled %d, aliases %v", ident.Sampled, ident.Aliases)
	}

	refWindowCount, quotesBound, aliasWindow = 4, 4, 3
	if e, err = s.Entity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if !e.Estimated || e.Articles <= 4 || e.Quotes <= 4 {
		t.Errorf("past the bounds: %d articles, %d quotes, estimated %v; want more than counted, estimated", e.Articles, e.Quotes, e.Estimated)
	}
	if ident, err = s.Identity(ctx, id); err != nil {
		t.Fatal(err)
	}
	if ident.Sampled != 3 || !ident.Estimated || len(ident.Aliases) == 0 || ident.Aliases[0].Articles != 3 {
		t.Errorf("past the bounds: sampled %d, estimated %v, aliases %v", ident.Sampled, ident.Estimated, ident.Aliases)
	}

	whole, err := s.Quotes(ctx, store.QuoteFilter{SpeakerID: id, Page: store.Page{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	if len(whole) != len(purbaya) {
		t.Fatalf("%d quotes of Purbaya, want %d", len(whole), len(purbaya))
	}
	for _, f := range []store.QuoteFilter{{SpeakerID: id}, {Speaker: "Purbaya Yudhi Sadewa"}} {
		var paged []int64
		for offset := 0; offset < 30; offset += 3 {
			f.Page = store.Page{Limit: 3, Offset: offset}
			page, err := s.Quotes(ctx, f)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range page {
				paged = append(paged, q.ID)
			}
		}
		var want []int64
		for _, q := range whole {
			want = append(want, q.ID)
		}
		if !slices.Equal(paged, want) {
			t.Errorf("%+v in pages of 3: %v, want %v", f, paged, want)
		}
		for i := 1; i < len(whole); i++ {
			if whole[i].Published < whole[i-1].Published {
				t.Errorf("quotes out of date order: %s after %s", whole[i].Published, whole[i-1].Published)
			}
		}
	}
}

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
