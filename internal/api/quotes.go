package api

import (
	"net/http"
	"strconv"

	"github.com/warta-news/warta/internal/store"
)

func (a *API) listQuotes(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := store.QuoteFilter{Speaker: q.Get("speaker"), Text: q.Get("q"), From: q.Get("from"), To: q.Get("to")}
	if v := q.Get("speaker_id"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			a.fail(w, r, badRequest("speaker_id=%q: want an entity id", v))
			return
		}
		f.SpeakerID = id
	}
	fetchPage(a, w, r, func(p store.Page) ([]store.Quote, error) {
		f.Page = p
		return a.cfg.Quotes.Quotes(r.Context(), f)
	})
}
