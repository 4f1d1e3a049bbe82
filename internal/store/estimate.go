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
