package store

import (
	"math"
	"time"
)

// Roughly rounds an estimated count to two significant digits, as it is
// no more precise than that; both stores round their estimates so.
func Roughly(x float64) int {
	if x < 100 {
		return int(math.Round(x))
	}
	p := math.Pow(10, math.Floor(math.Log10(x))-1)
	return int(math.Round(x/p) * p)
}

// DaysBetween is the number of days from one YYYY-MM-DD to another; 0
// when either is not a date.
func DaysBetween(from, to string) int {
	a, errA := time.Parse(time.DateOnly, from)
	b, errB := time.Parse(time.DateOnly, to)
	if errA != nil || errB != nil {
		return 0
	}
	return int(b.Sub(a).Hours() / 24)
}

// SpreadIDs estimates how many rows a set has from its newest n (or a sum
// over them), which took the ids from lowest to last of ids running from
// first to last: the older rows are as dense below lowest. Both stores
// estimate a search's total and an entity's articles so.
func SpreadIDs(n float64, lowest, first, last int64) int {
	return Roughly(n * float64(last-first+1) / float64(max(last-lowest+1, 1)))
}

// The bounds of an entity page: a much mentioned entity has tens of
// thousands of rows at 100k articles, and counting them costs 0.1–0.2 s
// however well indexed, so a page counts a ref's newest RefWindow
// articles and its newest QuotesBound quotes exactly and past them
// estimates the rest from how far back they reach (RefCounts,
// QuoteCounts); its aliases and roles are counted over its newest
// AliasWindow articles. Both stores keep them; variables so that tests
// can make them small.
var (
	RefWindow   = 1000
	QuotesBound = 1000
	AliasWindow = 200
)

// RefCounts sets e's articles and mentions from the newest n articles a
// store read of it (at most RefWindow), with mentions between them, the
// oldest of them lowest; more says there are others, and then both are
// spread over the article ids, which span gives, and e.Estimated.
func RefCounts(e *Entity, n, mentions int, lowest int64, more bool, span func() (first, last int64, err error)) error {
	e.Articles, e.Mentions = n, mentions
	if !more || n == 0 {
		return nil
	}
	first, last, err := span()
	if err != nil {
		return err
	}
	e.Articles, e.Mentions = SpreadIDs(float64(n), lowest, first, last), SpreadIDs(float64(mentions), lowest, first, last)
	e.Estimated = true
	return nil
}

// QuoteCounts sets e's quotes from the newest QuotesBound+1 a store
// counted, the oldest day among them oldest: past the bound, as many a
// day before the oldest as after it over the store's days, which days
// gives, and e.Estimated.
func QuoteCounts(e *Entity, counted int, oldest string, days func() (first, last string, err error)) error {
	e.Quotes = counted
	if counted <= QuotesBound {
		return nil
	}
	first, last, err := days()
	if err != nil {
		return err
	}
	e.Estimated = true
	if oldest != "" && first != "" && last != "" {
		e.Quotes = Roughly(float64(counted) * float64(DaysBetween(first, last)+1) / float64(DaysBetween(oldest, last)+1))
	}
	return nil
}
