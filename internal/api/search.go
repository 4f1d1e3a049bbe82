package api

import (
	"net/http"

	"github.com/warta-news/warta/internal/search"
)

// searchPage is the answer to a search.
type searchPage struct {
	*search.Results
	Limit      int  `json:"limit"`
	Offset     int  `json:"offset"`
	NextOffset *int `json:"next_offset,omitempty"`
}

// search answers GET /api/v1/search: q in the search-box syntax and the
// filter parameters (search.FromValues).
func (a *API) search(w http.ResponseWriter, r *http.Request) {
	q, err := search.FromValues(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res, err := a.cfg.Searcher.Search(r.Context(), q)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	res.Warnings = append(q.Warnings, res.Warnings...)
	out := searchPage{Results: res, Limit: q.Limit, Offset: q.Offset}
	// An estimated total may be off: a short page is the last.
	if next := q.Offset + len(res.Hits); next < res.Total && len(res.Hits) == q.Limit {
		out.NextOffset = &next
	}
	writeJSON(w, http.StatusOK, out)
}
