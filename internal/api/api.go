// Package api is warta's JSON API under /api/v1, described by its OpenAPI
// document (openapi.json, served at /api/v1/openapi.json). There is one
// file per resource: articles (and analyze), search, entities, quotes,
// events, stats, alerts.
//
// Each resource reads the store through the small interface it needs
// (store.ArticleReader, store.Searcher, ...); a resource whose interface is
// not given is not served, so that a store can offer its features one by
// one. Writes go through the process's one pipeline.
//
// The API gives its routes to internal/server, which serves them behind the
// write rules (token, cross-origin protection) and the other middleware.
package api

import (
	"log/slog"
	"net/http"
	"net/url"
	"runtime"
	"slices"
	"strings"

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/store"
)

// Config configures the API: the parts of a store it reads, and the
// pipeline that analyses and stores posted articles.
type Config struct {
	Articles store.ArticleReader
	Searcher store.Searcher
	Entities store.EntityReader
	Quotes   store.QuoteReader
	Events   store.EventReader
	Stats    store.StatsReader
	Lineage  store.Lineage // copies and stories
	Alerts   store.Alerts
	// AlertService saves and removes alerts (the one the write path
	// checks); alerts are served only with it.
	AlertService *alert.Service
	Deleter      store.ArticleDeleter
	Sources      store.Sources // followed sources and their health
	// Identities serves entities by their store-wide ref with aliases and
	// roles, and the offices; Refs adds each entity's ref to an
	// article's record.
	Identities store.Identities
	Refs       refReader
	Tone       store.ToneReader
	Facets     store.SearchInsights
	// Pipeline analyses posted articles (POST /api/v1/analyze) and stores
	// them (POST /api/v1/articles, which needs its Writer).
	Pipeline *pipeline.Pipeline
	// MaxBodyBytes bounds a request body, whatever its type: a larger one
	// is answered 413. 0 means MaxBodyBytes.
	MaxBodyBytes int64
	// MaxAnalyses bounds the articles analysed at once, and so the memory
	// they take; more wait their turn within their time budget. 0 means
	// one per CPU.
	MaxAnalyses int
	Log         *slog.Logger // nil: slog.Default()
}

// FromStore is the Config that reads every resource from st.
func FromStore(st store.Store, p *pipeline.Pipeline) Config {
	c := Config{Articles: st, Searcher: st, Entities: st, Quotes: st, Events: st, Stats: st, Pipeline: p}
	if d, ok := st.(store.ArticleDeleter); ok {
		c.Deleter = d
	}
	if l, ok := st.(store.Lineage); ok {
		c.Lineage = l
	}
	c.Alerts, _ = st.(store.Alerts)
	c.Tone, _ = st.(store.ToneReader)
	c.Facets, _ = st.(store.SearchInsights)
	if s, ok := st.(store.Sources); ok {
		c.Sources = s
	}
	c.Identities, _ = st.(store.Identities)
	c.Refs, _ = st.(refReader)
	return c
}

// MaxBodyBytes is the default bound of a request body: 1 MiB, five times
// the longest news article of the detik-news set with its markup, and more
// than any article's text (a news article is rarely over 200 KB).
const MaxBodyBytes = 1 << 20

// API is the JSON API.
type API struct {
	cfg      Config
	analyses chan struct{} // a token per analysis under way
}

// Route is one endpoint.
type Route struct {
	Pattern string // "GET /api/v1/articles/{id}", as http.ServeMux takes it
	// Write says the route changes the store: the server lets it through
	// only under the write rules.
	Write   bool
	Handler http.HandlerFunc
}

// New returns the API.
func New(cfg Config) *API {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = MaxBodyBytes
	}
	if cfg.MaxAnalyses <= 0 {
		cfg.MaxAnalyses = runtime.GOMAXPROCS(0)
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &API{cfg: cfg, analyses: make(chan struct{}, cfg.MaxAnalyses)}
}

// Routes returns the endpoints of the resources the Config provides. A
// request with a parameter its endpoint does not take, or a single-valued
// one given twice, is answered 400.
func (a *API) Routes() []Route {
	page := []string{"limit", "offset"}
	dates := []string{"from", "to"}
	routes := []Route{a.route("GET /api/v1/openapi.json", false, a.openAPI)}
	add := func(ok bool, rs ...Route) {
		if ok {
			routes = append(routes, rs...)
		}
	}
	c := a.cfg
	add(c.Pipeline != nil, a.route("POST /api/v1/analyze", false, a.analyze, "url", "published"))
	add(c.Pipeline != nil && c.Pipeline.Writer != nil, a.route("POST /api/v1/articles", true, a.postArticle, "url", "published"))
	add(c.Articles != nil,
		a.route("GET /api/v1/articles", false, a.listArticles, slices.Concat(page, dates, []string{"site", "section"})...),
		a.route("GET /api/v1/articles/{id}", false, a.getArticle, "version"))
	add(c.Deleter != nil, a.route("DELETE /api/v1/articles/{id}", true, a.deleteArticle))
	add(c.Articles != nil && c.Lineage != nil,
		a.route("GET /api/v1/articles/{id}/copies", false, a.copies),
		a.route("GET /api/v1/stories", false, a.stories, page...))
	add(c.Searcher != nil, a.route("GET /api/v1/search", false, a.search,
		slices.Concat(page, dates, []string{"q", "entity*", "speaker*", "topic*", "section", "site", "sort", "collapse"})...))
	add(c.Facets != nil, a.route("GET /api/v1/search/facets", false, a.searchFacets,
		slices.Concat(dates, []string{"q", "entity*", "speaker*", "topic*", "section", "site", "collapse", "limit"})...))
	add(c.Entities != nil,
		a.route("GET /api/v1/entities", false, a.listEntities, slices.Concat(page, []string{"name", "type"})...),
		a.route("GET /api/v1/entities/{id}/articles", false, a.entityArticles, page...))
	add(c.Entities != nil && c.Quotes != nil, a.route("GET /api/v1/entities/{id}", false, a.getEntity, page...))
	add(c.Identities != nil, a.route("GET /api/v1/offices", false, a.listOffices))
	add(c.Entities != nil && c.Tone != nil, a.route("GET /api/v1/entities/{id}/tone", false, a.entityTone,
		slices.Concat(dates, []string{"by", "limit"})...))
	add(c.Quotes != nil, a.route("GET /api/v1/quotes", false, a.listQuotes,
		slices.Concat(page, dates, []string{"speaker", "speaker_id", "q"})...))
	add(c.Events != nil,
		a.route("GET /api/v1/events", false, a.listEvents, slices.Concat(page, dates, []string{"type", "country*"})...),
		a.route("GET /api/v1/events/months", false, a.eventMonths, slices.Concat(dates, []string{"type", "country*"})...))
	add(c.Stats != nil, a.route("GET /api/v1/stats", false, a.stats))
	add(c.Alerts != nil && c.AlertService != nil,
		a.route("POST /api/v1/alerts", true, a.createAlert),
		a.route("GET /api/v1/alerts", false, a.listAlerts),
		a.route("GET /api/v1/alerts/{id}", false, a.getAlert),
		a.route("GET /api/v1/alerts/{id}/matches", false, a.alertMatches, page...),
		a.route("DELETE /api/v1/alerts/{id}", true, a.deleteAlert))
	add(c.Sources != nil,
		a.route("GET /api/v1/sources", false, a.listSources),
		a.route("POST /api/v1/sources", true, a.addSource),
		a.route("GET /api/v1/sources/{id}", false, a.getSource),
		a.route("DELETE /api/v1/sources/{id}", true, a.removeSource))
	return routes
}

// route wraps a handler with the check of its query parameters: params
// names those it takes, a trailing * those that may repeat.
func (a *API) route(pattern string, write bool, h http.HandlerFunc, params ...string) Route {
	allowed := make(map[string]bool, len(params)) // name → repeatable
	for _, p := range params {
		name, many := strings.CutSuffix(p, "*")
		allowed[name] = many
	}
	return Route{pattern, write, func(w http.ResponseWriter, r *http.Request) {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			a.fail(w, r, badRequest("query string: %v", err))
			return
		}
		for name, vs := range q {
			many, ok := allowed[name]
			switch {
			case !ok:
				a.fail(w, r, badRequest("unknown parameter %q (this endpoint takes: %s)", name, strings.Join(params, " ")))
				return
			case len(vs) > 1 && !many:
				a.fail(w, r, badRequest("parameter %q is given %d times: give it once", name, len(vs)))
				return
			}
		}
		h(w, r)
	}}
}
