package web

import (
	"errors"
	"net/http"

	"github.com/warta-news/warta/internal/store"
)

type quotesData struct {
	page
	Text, Speaker, From, To string
	Quotes                  []store.Quote
	Error                   string
}

// quotesPage serves /quotes: quotes by their text and by their speaker,
// with the speaker's role, the date and the article; the newest first
// when nothing is asked.
func (ui *UI) quotesPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := quotesData{page: ui.base(w, r, "quotes"), Text: v.Get("q"), Speaker: v.Get("speaker"), From: v.Get("from"), To: v.Get("to")}
	var err error
	d.Quotes, err = ui.cfg.Quotes.Quotes(r.Context(), store.QuoteFilter{Text: d.Text, Speaker: d.Speaker, From: d.From, To: d.To,
		Page: store.Page{Limit: 100}})
	if errors.Is(err, store.ErrBadFilter) {
		d.Error = err.Error()
		ui.render(w, r, http.StatusBadRequest, "quotes.html", d)
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.render(w, r, http.StatusOK, "quotes.html", d)
}
