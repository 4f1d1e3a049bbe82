package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// searchData is what the search page shows.
type searchData struct {
	Query            string
	Site, Section    string
	From, To         string
	Results          *search.Results
	Stats            store.Stats
	Error            string
	Prev, Next       string // links to the neighbouring pages
	First, Last      int    // hits shown, counted from 1
	HasText, Filters bool
}

// searchPage serves the search page at /: the newest articles, or the
// hits of a search, twenty at a time.
func (ui *UI) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := searchData{Query: v.Get("q"), Site: v.Get("site"), Section: v.Get("section"), From: v.Get("from"), To: v.Get("to")}
	d.Filters = d.Site != "" || d.Section != "" || d.From != "" || d.To != ""
	status := http.StatusOK
	q, err := search.FromValues(v)
	if err == nil {
		d.Results, err = ui.cfg.Searcher.Search(r.Context(), q)
	}
	if err != nil {
		if !errors.Is(err, search.ErrBadQuery) && !errors.Is(err, store.ErrBadFilter) {
			ui.fail(w, r, err)
			return
		}
		status, d.Error, d.Results = http.StatusBadRequest, err.Error(), nil
	}
	if d.Stats, err = ui.cfg.Stats.Stats(r.Context()); err != nil {
		ui.fail(w, r, err)
		return
	}
	if d.Results != nil {
		d.HasText = len(q.Clauses) > 0
		d.First, d.Last = q.Offset+1, q.Offset+len(d.Results.Hits)
		link := func(offset int) string {
			u := url.Values{}
			for k, vs := range v {
				u[k] = vs
			}
			u.Set("offset", strconv.Itoa(offset))
			return "/?" + u.Encode()
		}
		if q.Offset > 0 {
			d.Prev = link(max(q.Offset-q.Limit, 0))
		}
		if d.Last < d.Results.Total {
			d.Next = link(d.Last)
		}
	}
	ui.render(w, r, status, "search.html", d)
}

// fail answers a failure of the server's own: logged, and not shown.
func (ui *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	ui.cfg.Log.Error("page failed", "path", r.URL.Path, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}
