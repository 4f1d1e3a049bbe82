package web

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// searchData is what the search page shows.
type searchData struct {
	page
	Site, Section, From, To string
	Topic                   string
	Sort                    string
	Entity, Speaker         string
	Compare                 []string // up to two more queries on the chart
	Results                 *search.Results
	Facets                  *store.Facets
	Counts, Shares          *chart
	Error                   string
	Prev, Next              string // links to the neighbouring pages
	First, Last             int    // hits shown, counted from 1
	HasText, Filters        bool
	Link                    func(key, value string) string // this search with one parameter changed
	Export                  string                         // the query string of this search, for the export links
}

// exportLimit bounds an export: the first hits in the page's order.
const exportLimit = 1000

// searchPage serves /search: the hits of a search twenty at a time, with
// facets, the query's attention over time (and up to two more queries to
// compare), and exports (format=csv or jsonl).
func (ui *UI) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := searchData{page: ui.base(w, r, "search"), Site: v.Get("site"), Section: v.Get("section"),
		From: v.Get("from"), To: v.Get("to"), Sort: v.Get("sort"), Entity: v.Get("entity"), Speaker: v.Get("speaker"),
		Topic: v.Get("topic")}
	d.Query = v.Get("q")
	for _, c := range v["compare"] {
		if c != "" && len(d.Compare) < 2 {
			d.Compare = append(d.Compare, c)
		}
	}
	d.Filters = d.Site != "" || d.Section != "" || d.From != "" || d.To != "" || d.Entity != "" || d.Speaker != "" || d.Topic != ""
	vals := url.Values{}
	for k, vs := range v {
		if k != "lang" && k != "format" {
			vals[k] = vs
		}
	}
	d.Export = vals.Encode()
	d.Link = func(key, value string) string { return searchLink(vals, key, value, "offset") }
	q, err := search.FromValues(vals)
	format := v.Get("format")
	if err == nil && format != "" {
		ui.export(w, r, q, format)
		return
	}
	if err == nil {
		d.Results, err = ui.cfg.Searcher.Search(r.Context(), q)
	}
	if err == nil {
		d.Results.Warnings = append(q.Warnings, d.Results.Warnings...)
	}
	if err == nil && ui.cfg.Facets != nil {
		d.Facets, err = ui.cfg.Facets.Facets(r.Context(), q, 8)
		if err == nil {
			localTopics(d.Facets.Topics, d.Lang)
		}
		if err == nil && len(q.Clauses)+len(q.Entities)+len(q.Speakers) > 0 {
			err = ui.attention(r, &d, q)
		}
	}
	if err != nil {
		if !errors.Is(err, search.ErrBadQuery) && !errors.Is(err, store.ErrBadFilter) {
			ui.fail(w, r, err)
			return
		}
		d.Error, d.Results, d.Facets, d.Counts, d.Shares = err.Error(), nil, nil, nil, nil
		ui.render(w, r, http.StatusBadRequest, "search.html", d)
		return
	}
	d.HasText = len(q.Clauses) > 0
	d.First, d.Last = q.Offset+1, q.Offset+len(d.Results.Hits)
	page := func(offset int) string { return searchLink(vals, "offset", strconv.Itoa(offset), "") }
	if q.Offset > 0 {
		d.Prev = page(max(q.Offset-q.Limit, 0))
	}
	if d.Last < d.Results.Total && len(d.Results.Hits) == q.Limit {
		d.Next = page(d.Last)
	}
	ui.render(w, r, http.StatusOK, "search.html", d)
}

// searchLink is the search of vals with key set to value (removed when
// value is ""), and the parameter drop left out.
func searchLink(vals url.Values, key, value, drop string) string {
	u := maps.Clone(vals)
	delete(u, drop)
	if value == "" {
		u.Del(key)
	} else {
		u.Set(key, value)
	}
	return "/search?" + u.Encode()
}

// attention charts the hits per day of the query and of the queries to
// compare, as counts and as shares of all articles of each day.
func (ui *UI) attention(r *http.Request, d *searchData, q search.Query) error {
	ctx := r.Context()
	queries := []search.Query{q}
	names := []string{d.Query}
	if d.Query == "" {
		names[0] = "entity/speaker"
	}
	for _, c := range d.Compare {
		cq, err := search.Parse(c)
		if err != nil {
			return err
		}
		cq.Site, cq.Section, cq.From, cq.To = q.Site, q.Section, q.From, q.To
		queries = append(queries, cq)
		names = append(names, c)
	}
	var per [][]store.DayCount
	for _, x := range queries {
		days, err := ui.cfg.Facets.SearchDays(ctx, x)
		if err != nil {
			return err
		}
		per = append(per, days)
	}
	axis := dayAxis(366, per...)
	if len(axis) == 0 {
		return nil
	}
	all, err := ui.cfg.Insights.ArticleDays(ctx, axis[0], axis[len(axis)-1])
	if err != nil {
		return err
	}
	total := onAxis(axis, all)
	d.Counts = &chart{Title: d.L["perday"], Labels: axis}
	d.Shares = &chart{Title: d.L["share"], Labels: axis, Format: "%.1f%%"}
	if slices.ContainsFunc(per, func(days []store.DayCount) bool {
		return slices.ContainsFunc(days, func(d store.DayCount) bool { return d.Estimated })
	}) {
		d.Counts.Title += " (" + d.L["daysampled"] + ")"
		d.Shares.Title += " (" + d.L["daysampled"] + ")"
	}
	for i, days := range per {
		counts := onAxis(axis, days)
		shares := make([]float64, len(counts))
		for j := range counts {
			if total[j] > 0 {
				shares[j] = 100 * counts[j] / total[j]
			}
		}
		d.Counts.Series = append(d.Counts.Series, series{names[i], counts})
		d.Shares.Series = append(d.Shares.Series, series{names[i], shares})
	}
	return nil
}

// export writes the first hits of a search as CSV or JSON Lines.
func (ui *UI) export(w http.ResponseWriter, r *http.Request, q search.Query, format string) {
	var hits []search.Hit
	q.Limit = search.MaxLimit
	for q.Offset = 0; q.Offset < exportLimit; q.Offset += q.Limit {
		res, err := ui.cfg.Searcher.Search(r.Context(), q)
		if err != nil {
			if errors.Is(err, search.ErrBadQuery) || errors.Is(err, store.ErrBadFilter) {
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
			ui.fail(w, r, err)
			return
		}
		hits = append(hits, res.Hits...)
		if len(res.Hits) < q.Limit {
			break
		}
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	switch format {
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="warta-search.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "title", "url", "site", "section", "published", "score"})
		for _, h := range hits {
			cw.Write([]string{strconv.FormatInt(h.ID, 10), csvSafe(h.Title), h.URL, h.Site, h.Section, h.Published, strconv.FormatFloat(h.Score, 'f', 4, 64)})
		}
		cw.Flush()
	case "jsonl":
		w.Header().Set("Content-Type", "application/x-ndjson")
		w.Header().Set("Content-Disposition", `attachment; filename="warta-search.jsonl"`)
		enc := json.NewEncoder(w)
		for _, h := range hits {
			h.Snippet = ""
			enc.Encode(h)
		}
	default:
		http.Error(w, "format must be csv or jsonl", http.StatusBadRequest)
	}
}

// csvSafe keeps a spreadsheet from reading a cell as a formula.
func csvSafe(s string) string {
	if s != "" && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@') {
		return "'" + s
	}
	return s
}
