package store

import (
	"context"
	"fmt"
	"math"

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
