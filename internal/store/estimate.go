package store

import "math"

// Roughly rounds an estimated count to two significant digits, as it is
// no more precise than that; both stores round their estimates so.
func Roughly(x float64) int {
	if x < 100 {
		return int(math.Round(x))
	}
	p := math.Pow(10, math.Floor(math.Log10(x))-1)
	return int(math.Round(x/p) * p)
}
