package api

import (
	"net/http"

	"github.com/warta-news/warta/internal/store"
)

func eventFilter(r *http.Request) store.EventFilter {
	q := r.URL.Query()
	return store.EventFilter{Type: q.Get("type"), Countries: q["country"], From: q.Get("from"), To: q.Get("to")}
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) {
	f := eventFilter(r)
	fetchPage(a, w, r, func(p store.Page) ([]store.Event, error) {
		f.Page = p
		return a.cfg.Events.Events(r.Context(), f)
	})
}

func (a *API) eventMonths(w http.ResponseWriter, r *http.Request) {
	months, err := a.cfg.Events.EventMonths(r.Context(), eventFilter(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, struct {
		Months []store.MonthCount `json:"months"`
	}{months})
}
