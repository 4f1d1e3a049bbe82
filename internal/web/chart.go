package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"
	"time"

	"github.com/warta-news/warta/internal/store"
)

// A chart is drawn on the server as inline SVG, with the same numbers in a
// plain table beside it (for screen readers and copying): no script and
// nothing loaded from elsewhere.

// series is one line of a chart: a value per x label.
type series struct {
	Name   string
	Values []float64
}

// chart is a line chart over labelled x positions (days, weeks, months).
type chart struct {
	Title  string
	Labels []string
	Series []series
	Format string // value format in the table: "%.0f", "%.1f%%"
}

// palette is distinguishable in colour and contrast on white.
var palette = []string{"#1f5fa8", "#c0392b", "#2e7d32", "#8e44ad", "#b9770e"}

// SVG draws the chart.
func (c chart) SVG() template.HTML {
	const w, h, left, right, top, bottom = 640.0, 200.0, 44.0, 10.0, 10.0, 28.0
	top1 := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			top1 = math.Max(top1, v)
		}
	}
	if top1 == 0 {
		top1 = 1
	}
	top1 = niceCeil(top1)
	n := len(c.Labels)
	x := func(i int) float64 {
		if n <= 1 {
			return left + (w-left-right)/2
		}
		return left + float64(i)*(w-left-right)/float64(n-1)
	}
	y := func(v float64) float64 { return top + (h-top-bottom)*(1-v/top1) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">`, w, h, template.HTMLEscapeString(c.Title))
	// Axis and grid: 0, half, top.
	for _, v := range []float64{0, top1 / 2, top1} {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" class="grid"/>`, left, w-right, y(v), y(v))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis" text-anchor="end">%s</text>`, left-4, y(v)+4, trimFloat(v))
	}
	if n > 0 {
		step := max(1, n/6)
		for i := 0; i < n; i += step {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="axis" text-anchor="middle">%s</text>`, x(i), h-8, template.HTMLEscapeString(c.Labels[i]))
		}
	}
	for k, s := range c.Series {
		color := palette[k%len(palette)]
		var pts []string
		for i, v := range s.Values {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(i), y(v)))
		}
		if len(pts) == 1 {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>`, x(0), y(s.Values[0]), color)
		} else if len(pts) > 1 {
			fmt.Fprintf(&b, `<polyline fill="none" stroke="%s" stroke-width="2" points="%s"><title>%s</title></polyline>`,
				color, strings.Join(pts, " "), template.HTMLEscapeString(s.Name))
		}
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Legend gives each series its colour.
func (c chart) Legend() []struct{ Name, Color string } {
	out := make([]struct{ Name, Color string }, len(c.Series))
	for i, s := range c.Series {
		out[i].Name, out[i].Color = s.Name, palette[i%len(palette)]
	}
	return out
}

// Rows are the table beside the chart: a label and a value per series.
func (c chart) Rows() [][]string {
	f := c.Format
	if f == "" {
		f = "%.0f"
	}
	rows := make([][]string, len(c.Labels))
	for i, l := range c.Labels {
		row := []string{l}
		for _, s := range c.Series {
			row = append(row, fmt.Sprintf(f, s.Values[i]))
		}
		rows[i] = row
	}
	return rows
}

func niceCeil(v float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(v)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*p >= v {
			return m * p
		}
	}
	return 10 * p
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%.1f", v)
}

// dayAxis is every day from the first to the last of the counts (at most
// maxDays, the latest kept), so that quiet days show as zero.
func dayAxis(maxDays int, counts ...[]store.DayCount) []string {
	first, last := "", ""
	for _, cs := range counts {
		for _, c := range cs {
			if first == "" || c.Day < first {
				first = c.Day
			}
			if c.Day > last {
				last = c.Day
			}
		}
	}
	a, err1 := time.Parse(time.DateOnly, first)
	b, err2 := time.Parse(time.DateOnly, last)
	if err1 != nil || err2 != nil {
		return nil
	}
	if days := int(b.Sub(a).Hours()/24) + 1; days > maxDays {
		a = b.AddDate(0, 0, -(maxDays - 1))
	}
	var out []string
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		out = append(out, d.Format(time.DateOnly))
	}
	return out
}

// onAxis gives the counts' values on the axis, zero where a day has none.
func onAxis(axis []string, counts []store.DayCount) []float64 {
	m := make(map[string]int, len(counts))
	for _, c := range counts {
		m[c.Day] = c.Count
	}
	out := make([]float64, len(axis))
	for i, d := range axis {
		out[i] = float64(m[d])
	}
	return out
}

// weekly sums a daily series into weeks (from each Monday); labels are the
// Mondays.
func weekly(axis []string, values []float64) ([]string, []float64) {
	var labels []string
	var out []float64
	for i, d := range axis {
		t, err := time.Parse(time.DateOnly, d)
		if err != nil {
			continue
		}
		monday := t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)).Format(time.DateOnly)
		if len(labels) == 0 || labels[len(labels)-1] != monday {
			labels = append(labels, monday)
			out = append(out, 0)
		}
		out[len(out)-1] += values[i]
	}
	return labels, out
}
