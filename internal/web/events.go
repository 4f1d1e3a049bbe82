package web

import (
	"errors"
	"net/http"
	"slices"
	"strings"

	"github.com/warta-news/warta/internal/store"
)

type eventsData struct {
	page
	Type, A, B, From, To string
	Types                []string
	Months               *chart
	Events               []store.Event
	Error                string
}

// plover are the PLOVER event types, for the type menu.
var plover = []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
	"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}

// eventsPage serves /events: PLOVER events by type and by a pair of
// countries (either way), counted per month as a chart, and the list.
func (ui *UI) eventsPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := eventsData{page: ui.base(w, r, "events"), Type: strings.ToUpper(v.Get("type")), A: v.Get("a"), B: v.Get("b"),
		From: v.Get("from"), To: v.Get("to"), Types: plover}
	f := store.EventFilter{Type: d.Type, From: d.From, To: d.To, Page: store.Page{Limit: 100}}
	for _, c := range []string{d.A, d.B} {
		if c = strings.TrimSpace(c); c != "" {
			f.Countries = append(f.Countries, c)
		}
	}
	months, err := ui.cfg.Events.EventMonths(r.Context(), f)
	if err == nil {
		d.Events, err = ui.cfg.Events.Events(r.Context(), f)
	}
	if errors.Is(err, store.ErrBadFilter) {
		d.Error = err.Error()
		ui.render(w, r, http.StatusBadRequest, "events.html", d)
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	d.Months = monthChart(d.L["months"], months)
	ui.render(w, r, http.StatusOK, "events.html", d)
}

// monthChart draws the five commonest types' counts per month.
func monthChart(title string, counts []store.MonthCount) *chart {
	if len(counts) == 0 {
		return nil
	}
	totals := map[string]int{}
	var months []string
	for _, c := range counts {
		totals[c.Type] += c.Count
		if !slices.Contains(months, c.Month) {
			months = append(months, c.Month)
		}
	}
	slices.Sort(months)
	types := make([]string, 0, len(totals))
	for t := range totals {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		if totals[a] != totals[b] {
			return totals[b] - totals[a]
		}
		return strings.Compare(a, b)
	})
	types = types[:min(5, len(types))]
	c := &chart{Title: title, Labels: months}
	for _, t := range types {
		vals := make([]float64, len(months))
		for _, mc := range counts {
			if mc.Type == t {
				vals[slices.Index(months, mc.Month)] += float64(mc.Count)
			}
		}
		c.Series = append(c.Series, series{t, vals})
	}
	return c
}
