// Package web is warta's server-rendered HTML UI: one handler file per
// page, each page a template under templates/ set in the shared layout
// (templates/layout.html), with typed page data, and the static files
// (static/) embedded. Pages read the store through the small interfaces
// they need; a page whose parts the Config lacks is not served.
// internal/server serves its routes behind the same middleware as the API;
// forms that change something are routes with Write set, under the same
// write rules (cross-origin protection, token).
//
// The pages: / (dashboard), /search, /articles/{id}, /entities and
// /entities/{id}, /quotes, /events, /sources, /alerts (with each alert's
// Atom feed at /alerts/{id}/feed.atom). Charts are inline SVG drawn here, each with
// its table; the only script, static/warta.js, adds keyboard shortcuts.
package web

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Config configures the UI: the parts of a store its pages read.
type Config struct {
	Articles store.ArticleReader
	Searcher store.Searcher
	Entities store.EntityReader
	Quotes   store.QuoteReader
	Events   store.EventReader
	Stats    store.StatsReader
	Insights store.Insights
	Facets   store.SearchInsights
	Lineage  store.Lineage
	Alerts   store.Alerts
	Sources  store.Sources
	Tone     store.ToneReader
	// Roles, when the store has it, gives an entity's roles over time
	// without reading its articles' titles; else Entities does.
	Roles RoleReader
	// Stamper, when the store has it, says whether the store changed, so
	// that pages kept (entityPages) are shown again until it does.
	Stamper Stamper
	// AlertService saves alerts (the same one the write path checks).
	AlertService *alert.Service
	Log          *slog.Logger // nil: slog.Default()
}

// Stamper gives a store's stamp: cheap to read, and different after any
// write to the store, by any process.
type Stamper interface {
	Stamp(ctx context.Context) (string, error)
}

// RoleReader reads an entity's articles as EntityArticles does, but
// without their titles, each one's day as its Published.
type RoleReader interface {
	EntityRoles(ctx context.Context, id int64, p store.Page) ([]store.EntityArticle, error)
}

// FromStore is the Config reading every part from st that it has.
func FromStore(st store.Store) Config {
	c := Config{Articles: st, Searcher: st, Entities: st, Quotes: st, Events: st, Stats: st}
	c.Insights, _ = st.(store.Insights)
	c.Facets, _ = st.(store.SearchInsights)
	c.Lineage, _ = st.(store.Lineage)
	c.Alerts, _ = st.(store.Alerts)
	c.Sources, _ = st.(store.Sources)
	c.Tone, _ = st.(store.ToneReader)
	c.Roles, _ = st.(RoleReader)
	c.Stamper, _ = st.(Stamper)
	return c
}

// UI is the web UI.
type UI struct {
	cfg         Config
	pages       map[string]*template.Template // by page file name, "search.html"
	entityPages entityPages
}

// Route is one page or file of the UI.
type Route struct {
	Pattern string // as http.ServeMux takes it
	Write   bool   // changes the store: served under the write rules
	Handler http.HandlerFunc
}

// page is what every page's data carries for the layout.
type page struct {
	L      map[string]string // labels in the page's language
	Lang   string
	Active string // the navigation entry of this page
	Query  string // the search box's text
}

// funcs are the template functions every page may use.
var funcs = template.FuncMap{
	// Hits' snippets are HTML made by the store: the text escaped, with
	// only <mark> added (search.Analyzer.Snippet).
	"snippet": func(s string) template.HTML { return template.HTML(s) },
	"day": func(s string) string {
		if len(s) >= 10 {
			return s[:10]
		}
		return s
	},
	"pct":  func(v float64) string { return fmt.Sprintf("%.0f%%", 100*v) },
	"f1":   func(v float64) string { return fmt.Sprintf("%.1f", v) },
	"join": strings.Join,
	"list": func(s ...string) []string { return s },
	// index0 is the i-th string, "" past the end.
	"index0": func(list []string, i int) string {
		if i < len(list) {
			return list[i]
		}
		return ""
	},
	// dict passes several values to a sub-template.
	"dict": func(kv ...any) (map[string]any, error) {
		if len(kv)%2 != 0 {
			return nil, fmt.Errorf("dict: odd arguments")
		}
		m := make(map[string]any, len(kv)/2)
		for i := 0; i < len(kv); i += 2 {
			k, ok := kv[i].(string)
			if !ok {
				return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
			}
			m[k] = kv[i+1]
		}
		return m, nil
	},
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
		p := name[len("templates/"):]
		if p == "layout.html" {
			continue
		}
		t, err := template.New(p).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", name)
		if err != nil {
			return nil, fmt.Errorf("web: %w", err)
		}
		ui.pages[p] = t
	}
	return ui, nil
}

// Routes returns the UI's pages whose store parts the Config provides,
// and its static files.
func (ui *UI) Routes() []Route {
	static, _ := fs.Sub(staticFS, "static")
	routes := []Route{{"GET /static/", false, http.StripPrefix("/static/", http.FileServerFS(static)).ServeHTTP}}
	c := ui.cfg
	add := func(ok bool, rs ...Route) {
		if ok {
			routes = append(routes, rs...)
		}
	}
	add(c.Articles != nil && c.Stats != nil && c.Insights != nil, Route{"GET /{$}", false, ui.dashboard})
	add(c.Searcher != nil, Route{"GET /search", false, ui.searchPage})
	add(c.Articles != nil, Route{"GET /articles/{id}", false, ui.articlePage})
	add(c.Entities != nil, Route{"GET /entities", false, ui.entitiesPage})
	add(c.Entities != nil && c.Quotes != nil && c.Insights != nil && c.Events != nil, Route{"GET /entities/{id}", false, ui.entityPage})
	add(c.Quotes != nil, Route{"GET /quotes", false, ui.quotesPage})
	add(c.Events != nil, Route{"GET /events", false, ui.eventsPage})
	add(c.Sources != nil,
		Route{"GET /sources", false, ui.sourcesPage},
		Route{"POST /sources", true, ui.addSource},
		Route{"POST /sources/import", true, ui.importOPML},
		Route{"POST /sources/{id}/remove", true, ui.removeSource})
	add(c.Alerts != nil && c.AlertService != nil,
		Route{"GET /alerts", false, ui.alertsPage},
		Route{"POST /alerts", true, ui.createAlert},
		Route{"GET /alerts/{id}", false, ui.alertPage},
		Route{"POST /alerts/{id}/delete", true, ui.deleteAlert},
		Route{"GET /alerts/{id}/feed.atom", false, ui.alertFeed})
	return routes
}

// base is the layout's data for a page.
func (ui *UI) base(w http.ResponseWriter, r *http.Request, active string) page {
	lang := language(w, r)
	return page{L: labels[lang], Lang: lang, Active: active}
}

// securityHeaders are set on every page: nothing is loaded or framed from
// elsewhere, no inline script runs.
func securityHeaders(h http.Header) {
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
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
	securityHeaders(w.Header())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// fail answers a failure of the server's own: logged, and not shown.
func (ui *UI) fail(w http.ResponseWriter, r *http.Request, err error) {
	ui.cfg.Log.Error("page failed", "path", r.URL.Path, "err", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}

// errorPage answers a request the page cannot serve (a bad id, a missing
// article) with its status and a message in the layout.
func (ui *UI) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	d := struct {
		page
		Status  int
		Message string
	}{ui.base(w, r, ""), status, msg}
	ui.render(w, r, status, "error.html", d)
}
