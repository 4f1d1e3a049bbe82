package server

import (
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

var pageTemplate = template.Must(template.New("search.html").Funcs(template.FuncMap{
	// Hits' snippets are HTML made by the store: the text escaped, with
	// only <mark> added (search.Analyzer.Snippet).
	"snippet": func(s string) template.HTML { return template.HTML(s) },
}).ParseFS(templateFS, "templates/search.html"))

// pageData is what the search page shows.
type pageData struct {
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

// page serves the search page: the newest articles, or the hits of a
// search, twenty at a time.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := pageData{Query: v.Get("q"), Site: v.Get("site"), Section: v.Get("section"), From: v.Get("from"), To: v.Get("to")}
	d.Filters = d.Site != "" || d.Section != "" || d.From != "" || d.To != ""
	status := http.StatusOK
	q, err := searchQuery(r)
	if err == nil {
		d.Results, err = s.store.Search(r.Context(), q)
	}
	if err == nil {
		d.Stats, err = s.store.Stats(r.Context())
	}
	if err != nil {
		status = http.StatusBadRequest
		d.Error = err.Error()
		d.Results = nil
		if d.Stats, err = s.store.Stats(r.Context()); err != nil {
			s.cfg.Log.Error("search page", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
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
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if err := pageTemplate.Execute(w, d); err != nil {
		s.cfg.Log.Error("search page", "err", err)
	}
}
