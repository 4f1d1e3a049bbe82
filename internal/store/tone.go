package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/warta-news/warta/internal/search"
)

// ToneReader answers "how is the press treating X": the tone of the
// sentences about one entity, over time and by outlet.
type ToneReader interface {
	EntityTone(ctx context.Context, entity int64, f ToneFilter) (*EntityTone, error)
}

// The periods of ToneFilter.By.
const (
	ByDay  = "day"
	ByWeek = "week"
)

// ToneFilter selects the articles of EntityTone.
type ToneFilter struct {
	From, To string // publication dates, inclusive: YYYY, YYYY-MM or YYYY-MM-DD
	By       string // ByDay (the default) or ByWeek
	Limit    int    // articles in each of MostPositive and MostNegative; 0: 5
}

// MaxToneLimit bounds ToneFilter.Limit.
const MaxToneLimit = 50

// Validate checks the dates, the period and the limit; an empty By
// becomes ByDay.
func (f *ToneFilter) Validate() error {
	if !search.ValidDate(f.From) || !search.ValidDate(f.To) {
		return fmt.Errorf("%w: dates are YYYY, YYYY-MM or YYYY-MM-DD", ErrBadFilter)
	}
	if f.By == "" {
		f.By = ByDay
	}
	if f.By != ByDay && f.By != ByWeek {
		return fmt.Errorf("%w: by %q is not %s or %s", ErrBadFilter, f.By, ByDay, ByWeek)
	}
	if f.Limit < 0 || f.Limit > MaxToneLimit {
		return fmt.Errorf("%w: limit must be 0 to %d", ErrBadFilter, MaxToneLimit)
	}
	return nil
}

// ArticleLimit is the length of MostPositive and MostNegative: Limit, or 5
// when it is not set.
func (f ToneFilter) ArticleLimit() int { return Limit(f.Limit, 5) }

// EntityTone is an entity's tone across the articles that name it: the
// averages of the articles' entity tones (GDELT-style, see the record's
// tone.entities), per day or week, per outlet, and the articles most
// positive and most negative about it.
type EntityTone struct {
	Entity int64  `json:"entity"`
	By     string `json:"by"`
	// Over all the articles selected.
	Articles int     `json:"articles"`
	Score    float64 `json:"score"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
	// Periods are days (YYYY-MM-DD) or weeks (their Monday), oldest
	// first; Sites are the outlets naming it most, most first.
	// Sampled, when not 0, is how many articles the figures were read
	// from: an even sample of the entity's articles in the range (see
	// ToneWindow), the article counts estimated from it.
	Sampled      int           `json:"sampled,omitempty"`
	Periods      []TonePeriod  `json:"periods"`
	Sites        []TonePeriod  `json:"sites"`
	MostPositive []ArticleTone `json:"most_positive"`
	MostNegative []ArticleTone `json:"most_negative"`
}

// TonePeriod is the average tone toward an entity in one day, week or
// outlet (Key).
type TonePeriod struct {
	Key      string  `json:"key"`
	Articles int     `json:"articles"`
	Score    float64 `json:"score"`
	Positive float64 `json:"positive"`
	Negative float64 `json:"negative"`
}

// ArticleTone is one article's tone toward an entity.
type ArticleTone struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Site      string  `json:"site,omitempty"`
	Day       string  `json:"day,omitempty"`
	Score     float64 `json:"score"`
	Sentences int     `json:"sentences"`
}

// Round2 rounds a tone average to two decimals, as records give tone.
func Round2(x float64) float64 { return math.Round(x*100) / 100 }

// Round rounds p's averages with Round2.
func (p *TonePeriod) Round() {
	p.Score, p.Positive, p.Negative = Round2(p.Score), Round2(p.Positive), Round2(p.Negative)
}

// ToneWindow bounds the articles an EntityTone is computed over: past it,
// a store reads an even sample of about ToneWindow of the entity's
// articles in the range (every k-th), and the answer says so (Sampled).
// Averaging every article of a much mentioned entity took 3–13 s at 100k
// articles.
const ToneWindow = 1000

// ToneRow is one article's tone toward an entity, as a store reads it for
// EntityTone: one row per entity of the article that is the entity.
type ToneRow struct {
	Article                   int64
	Day, Site                 string // Day YYYY-MM-DD or ""
	Score, Positive, Negative float64
	Sentences                 int
}

// SumTone is the EntityTone of rows (every k-th row of the entity's in the
// range when k > 1, else all of them): averages over the rows, articles
// counted once each and times k, periods oldest first, the 20 sites
// naming it most, and the limit articles most positive and most negative
// (by score, then newest). Both stores sum the same way, so that they
// answer alike.
func SumTone(entity int64, f ToneFilter, rows []ToneRow, k int) *EntityTone {
	res := &EntityTone{Entity: entity, By: f.By, Periods: []TonePeriod{}, Sites: []TonePeriod{},
		MostPositive: []ArticleTone{}, MostNegative: []ArticleTone{}}
	if k > 1 {
		res.Sampled = countArticles(rows)
	}
	all := sumPeriod("", rows, k)
	res.Articles, res.Score, res.Positive, res.Negative = all.Articles, all.Score, all.Positive, all.Negative
	periods, sites := map[string][]ToneRow{}, map[string][]ToneRow{}
	for _, r := range rows {
		if r.Day != "" {
			key := r.Day
			if f.By == ByWeek {
				key = monday(r.Day)
			}
			periods[key] = append(periods[key], r)
		}
		if r.Site != "" {
			sites[r.Site] = append(sites[r.Site], r)
		}
	}
	for key, rs := range periods {
		res.Periods = append(res.Periods, sumPeriod(key, rs, k))
	}
	slices.SortFunc(res.Periods, func(a, b TonePeriod) int { return strings.Compare(a.Key, b.Key) })
	for key, rs := range sites {
		res.Sites = append(res.Sites, sumPeriod(key, rs, k))
	}
	slices.SortFunc(res.Sites, func(a, b TonePeriod) int {
		return cmp.Or(cmp.Compare(b.Articles, a.Articles), strings.Compare(a.Key, b.Key))
	})
	res.Sites = res.Sites[:min(len(res.Sites), 20)]
	res.MostPositive = mostTone(rows, f.ArticleLimit(), 1)
	res.MostNegative = mostTone(rows, f.ArticleLimit(), -1)
	return res
}

// sumPeriod averages rows, with their distinct articles times k.
func sumPeriod(key string, rows []ToneRow, k int) TonePeriod {
	p := TonePeriod{Key: key, Articles: countArticles(rows) * k}
	for _, r := range rows {
		p.Score += r.Score
		p.Positive += r.Positive
		p.Negative += r.Negative
	}
	if n := float64(len(rows)); n > 0 {
		p.Score, p.Positive, p.Negative = p.Score/n, p.Positive/n, p.Negative/n
	}
	p.Round()
	return p
}

func countArticles(rows []ToneRow) int {
	seen := make(map[int64]bool, len(rows))
	for _, r := range rows {
		seen[r.Article] = true
	}
	return len(seen)
}

// mostTone is the limit rows of the highest score times sign, newest
// first among equals.
func mostTone(rows []ToneRow, limit int, sign float64) []ArticleTone {
	rows = slices.Clone(rows)
	slices.SortFunc(rows, func(a, b ToneRow) int {
		return cmp.Or(cmp.Compare(sign*b.Score, sign*a.Score), strings.Compare(b.Day, a.Day), cmp.Compare(b.Article, a.Article))
	})
	out := []ArticleTone{}
	for _, r := range rows[:min(len(rows), limit)] {
		out = append(out, ArticleTone{ID: r.Article, Site: r.Site, Day: r.Day, Score: r.Score, Sentences: r.Sentences})
	}
	return out
}

// monday is the Monday of day's week (YYYY-MM-DD), day itself when it is
// not a date.
func monday(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return t.AddDate(0, 0, -(int(t.Weekday())+6)%7).Format(time.DateOnly)
}
