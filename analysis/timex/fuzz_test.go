package timex

import (
	"math"
	"testing"
	"time"

	"github.com/warta-news/warta/analysis/amount"
)

// FuzzFind checks that no text makes Find panic, and that what it returns
// is well formed: spans inside the text, in order, not overlapping each
// other or an amount, with their own text, and values of the shape their
// granularity promises.
func FuzzFind(f *testing.F) {
	for _, tc := range findTests {
		f.Add(tc.in, int64(1760918400)) // 2025-10-20 00:00 UTC
	}
	f.Add("Senin (31/2/2025) pukul 99.99 WIB, 0-0 Oktober 0000 s.d. 31 Desember 9999", int64(-62135596800))
	f.Add("tahun 9999 lalu, 1000 tahun lalu, sewindu lagi, 999 abad silam", int64(253402300799))
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		if sec < -62135596800 || sec > 253402300799 { // years 1 to 9999
			sec %= 253402300799
		}
		pub := time.Unix(sec, 0).In(wib)
		d := document(s)
		amounts := amount.Find(d)
		for _, p := range []*time.Time{&pub, nil} {
			dates, durs := Find(d, p)
			if x, y, ok := overlap(dates, durs, amounts); ok {
				t.Errorf("%q overlaps %q", x, y)
			}
			prev := 0
			for _, x := range dates {
				if x.Start < prev || x.End <= x.Start || x.End > len(d.Text) || d.Text[x.Start:x.End] != x.Text {
					t.Fatalf("bad span %+v after %d in %q", x, prev, d.Text)
				}
				prev = x.End
				if x.Value != "" && !wellFormed(x.Value, x.Granularity) || x.EndValue != "" && !wellFormed(x.EndValue, x.Granularity) {
					t.Errorf("value %q..%q does not fit granularity %s", x.Value, x.EndValue, x.Granularity)
				}
			}
			prev = 0
			for _, x := range durs {
				if x.Start < prev || x.End <= x.Start || x.End > len(d.Text) || d.Text[x.Start:x.End] != x.Text {
					t.Fatalf("bad span %+v after %d in %q", x, prev, d.Text)
				}
				prev = x.End
				if math.IsNaN(x.Seconds) || math.IsInf(x.Seconds, 0) || x.Seconds <= 0 {
					t.Errorf("duration %+v", x)
				}
			}
		}
	})
}

// wellFormed checks a value against the layout of its granularity.
func wellFormed(v string, g Granularity) bool {
	layouts := map[Granularity][]string{
		Year:      {"2006"},
		Month:     {"2006-01"},
		Day:       {"2006-01-02"},
		TimeOfDay: {time.RFC3339, "2006-01-02T15:04:05"},
	}
	if g == Week {
		return len(v) == 8 && v[4:6] == "-W"
	}
	for _, l := range layouts[g] {
		if _, err := time.Parse(l, v); err == nil {
			return true
		}
	}
	return false
}

// overlap finds a date, a duration or an amount that overlaps another.
func overlap(dates []Date, durs []Duration, amounts []amount.Amount) (string, string, bool) {
	type span struct {
		start, end int
		text       string
	}
	var all []span
	for _, x := range dates {
		all = append(all, span{x.Start, x.End, x.Text})
	}
	for _, x := range durs {
		all = append(all, span{x.Start, x.End, x.Text})
	}
	for _, x := range amounts {
		all = append(all, span{x.Start, x.End, x.Text})
	}
	for i, a := range all {
		for _, b := range all[i+1:] {
			if a.start < b.end && b.start < a.end {
				return a.text, b.text, true
			}
		}
	}
	return "", "", false
}
