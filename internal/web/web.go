// Package web is warta's server-rendered HTML UI: one handler file per
// page, each page a template under templates/ set in the shared layout
// (templates/layout.html), with typed page data, and the static files
// (static/) embedded. Pages read the store through the small interfaces
// they need. internal/server serves its routes behind the same middleware
// as the API; forms that change something will be routes with Write set,
// under the same write rules.
package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/warta-news/warta/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config configures the UI: the parts of a store its pages read.
type Config struct {
	Searcher store.Searcher
	Stats    store.StatsReader
	Log      *slog.Logger // nil: slog.Default()
}

// UI is the web UI.
type UI struct {
	cfg   Config
	pages map[string]*template.Template // by page file name, "search.html"
}

// Route is one page or file of the UI.
type Route struct {
	Pattern string // as http.ServeMux takes it
	Write   bool   // changes the store: served under the write rules
	Handler http.HandlerFunc
}

// funcs are the template functions every page may use.
var funcs = template.FuncMap{
	// Hits' snippets are HTML made by the store: the text escaped, with
	// only <mark> added (search.Analyzer.Snippet).
	"snippet": func(s string) template.HTML { return template.HTML(s) },
}

// New returns the UI; it fails only if a template does not parse.
func New(cfg Config) (*UI, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	ui := &UI{cfg: cfg, pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		page := name[len("templates/"):]
		if page == "layout.html" {
			continue
		}
		t, err := template.New(page).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		ui.pages[page] = t
	}
	return ui, nil
}

// Routes returns the UI's pages whose store parts the Config provides,
// and its static files.
func (ui *UI) Routes() []Route {
	static, _ := fs.Sub(staticFS, "static")
	routes := []Route{{"GET /static/", false, http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP}}
	if ui.cfg.Searcher != nil && ui.cfg.Stats != nil {
		routes = append(routes, Route{"GET /{$}", false, ui.searchPage})
	}
	return routes
}

// render writes a page with its data and status.
func (ui *UI) render(w http.ResponseWriter, r *http.Request, status int, page string, data any) {
	t, ok := ui.pages[page]
	if !ok {
		ui.cfg.Log.Error("no such page template", "page", page)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	// Rendered whole before it is sent, so that a failure is a clean 500.
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", data); err != nil {
		ui.cfg.Log.Error("render page", "page", page, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}
