package store

import (
	"context"
	"fmt"
	"time"

	"github.com/warta-news/warta/internal/search"
)

// Insights answers the questions of the dashboard, the entity pages and
// the charts: who is mentioned and quoted most in a period, who is
// trending, an entity's mentions per day, and who is mentioned with it.
// Days are YYYY-MM-DD publication dates; a bound left "" is open.
type Insights interface {
	// TopEntities ranks entities by the articles that mention them
	// (By "mentions") or by the quotes they are the speaker of (By
	// "quotes") in the period.
	TopEntities(ctx context.Context, f TopFilter) ([]EntityCount, error)
	// Trending ranks entities by their articles on the day against their
	// daily average over the days before it.
	Trending(ctx context.Context, f TrendFilter) ([]Trend, error)
	// EntityDays counts the articles that mention an entity, per day.
	EntityDays(ctx context.Context, entity int64, from, to string) ([]DayCount, error)
	// CoMentioned ranks the entities mentioned in the same articles as
	// entity by those articles.
	CoMentioned(ctx context.Context, entity int64, limit int) ([]EntityCount, error)
	// ArticleDays counts all articles per day: the denominator of shares.
	ArticleDays(ctx context.Context, from, to string) ([]DayCount, error)
	// LatestDay is the newest publication day in the store, "" for none.
	LatestDay(ctx context.Context) (string, error)
	// EntityRefs maps the record ids of an article's entities (E1) to
	// their store-wide entity ids.
	EntityRefs(ctx context.Context, article int64) (map[string]int64, error)
}

// SearchInsights describes the whole set of a search's hits, not one
// page of them: hits per day, and the facets.
type SearchInsights interface {
	SearchDays(ctx context.Context, q search.Query) ([]DayCount, error)
	// Facets counts the hits by site, section, entity, speaker, event
	// type and topic, the largest first, at most limit values each.
	Facets(ctx context.Context, q search.Query, limit int) (*Facets, error)
}

// TopFilter selects TopEntities.
type TopFilter struct {
	By       string // "mentions" (default) or "quotes"
	Type     string // PER, ORG, LOC; "" for any
	From, To string
	Limit    int // 0: 10
}

// TrendFilter selects Trending.
type TrendFilter struct {
	Day      string // the day looked at, YYYY-MM-DD
	Baseline int    // days before it that make the usual level; 0: 28
	Type     string
	Min      int // the fewest articles on the day that can trend; 0: 2
	Limit    int // 0: 10
}

// EntityCount is an entity with a count.
type EntityCount struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Type    string `json:"type"`
	Country string `json:"country,omitempty"`
	Count   int    `json:"count"`
}

// Trend is an entity's articles on a day against its usual level.
type Trend struct {
	EntityCount         // Count: articles on the day
	Usual       float64 `json:"usual"` // articles per day over the baseline
	Ratio       float64 `json:"ratio"` // (Count+1) / (Usual+1)
}

// DayCount is a number for one day.
type DayCount struct {
	Day   string `json:"day"`
	Count int    `json:"count"`
	// Estimated says the count is scaled up from a sample of the hits
	// (SearchDays of a search with many).
	Estimated bool `json:"estimated,omitempty"`
}

// Facets counts a search's hits by what the store knows of them.
type Facets struct {
	Sites     []FacetValue  `json:"sites"`
	Sections  []FacetValue  `json:"sections"`
	Entities  []EntityCount `json:"entities"`
	Speakers  []EntityCount `json:"speakers"`
	EventType []FacetValue  `json:"event_types"`
	Topics    []FacetValue  `json:"topics"` // Value: the IPTC code; Label: IPTC's label
	// Sampled, when not 0, says the facets count only this many of the
	// hits (the newest), as there are more.
	Sampled int `json:"sampled,omitempty"`
}

// FacetValue is one value of a facet with its hits.
type FacetValue struct {
	Value string `json:"value"`
	Label string `json:"label,omitempty"`
	Count int    `json:"count"`
}

// Limit is n within MaxLimit, or def when n is not set: the size of an
// insight's list.
func Limit(n, def int) int {
	if n <= 0 {
		return def
	}
	return min(n, MaxLimit)
}

// Window is a TrendFilter with its defaults filled in and its day checked
// (ErrBadFilter): the first day of the baseline is From.
func (f TrendFilter) Window() (TrendFilter, string, error) {
	day, err := time.Parse(time.DateOnly, f.Day)
	if err != nil {
		return f, "", fmt.Errorf("%w: trending day %q is not YYYY-MM-DD", ErrBadFilter, f.Day)
	}
	if f.Baseline <= 0 {
		f.Baseline = 28
	}
	if f.Min <= 0 {
		f.Min = 2
	}
	f.Limit = Limit(f.Limit, 10)
	return f, day.AddDate(0, 0, -f.Baseline).Format(time.DateOnly), nil
}

// TopBy checks TopFilter.By and reports whether the ranking is by quotes
// rather than by mentions.
func (f TopFilter) TopBy() (quotes bool, err error) {
	switch f.By {
	case "", "mentions":
		return false, nil
	case "quotes":
		return true, nil
	}
	return false, fmt.Errorf("%w: top entities by %q: want mentions or quotes", ErrBadFilter, f.By)
}
