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

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/ingest"
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
	// Pipeline analyses posted articles (POST /api/v1/analyze) and stores
	// them (POST /api/v1/articles, which needs its Writer).
	Pipeline *pipeline.Pipeline
	// MaxBodyBytes bounds a request body; 0 means ingest.MaxArticleBytes
	// and 64 KiB for the JSON around it.
	MaxBodyBytes int64
	Log          *slog.Logger // nil: slog.Default()
}

// FromStore is the Config that reads every resource from st.
func FromStore(st store.Store, p *pipeline.Pipeline) Config {
	c := Config{Articles: st, Searcher: st, Entities: st, Quotes: st, Events: st, Stats: st, Pipeline: p}
	if l, ok := st.(store.Lineage); ok {
		c.Lineage = l
	}
	c.Alerts, _ = st.(store.Alerts)
	return c
}

// API is the JSON API.
type API struct{ cfg Config }

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
		cfg.MaxBodyBytes = ingest.MaxArticleBytes + 64<<10
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	return &API{cfg: cfg}
}

// Routes returns the endpoints of the resources the Config provides.
func (a *API) Routes() []Route {
	routes := []Route{{"GET /api/v1/openapi.json", false, a.openAPI}}
	add := func(ok bool, rs ...Route) {
		if ok {
			routes = append(routes, rs...)
		}
	}
	c := a.cfg
	add(c.Pipeline != nil, Route{"POST /api/v1/analyze", false, a.analyze})
	add(c.Pipeline != nil && c.Pipeline.Writer != nil, Route{"POST /api/v1/articles", true, a.postArticle})
	add(c.Articles != nil,
		Route{"GET /api/v1/articles", false, a.listArticles},
		Route{"GET /api/v1/articles/{id}", false, a.getArticle})
	add(c.Articles != nil && c.Lineage != nil,
		Route{"GET /api/v1/articles/{id}/copies", false, a.copies},
		Route{"GET /api/v1/stories", false, a.stories})
	add(c.Searcher != nil, Route{"GET /api/v1/search", false, a.search})
	add(c.Entities != nil,
		Route{"GET /api/v1/entities", false, a.listEntities},
		Route{"GET /api/v1/entities/{id}/articles", false, a.entityArticles})
	add(c.Entities != nil && c.Quotes != nil, Route{"GET /api/v1/entities/{id}", false, a.getEntity})
	add(c.Quotes != nil, Route{"GET /api/v1/quotes", false, a.listQuotes})
	add(c.Events != nil,
		Route{"GET /api/v1/events", false, a.listEvents},
		Route{"GET /api/v1/events/months", false, a.eventMonths})
	add(c.Stats != nil, Route{"GET /api/v1/stats", false, a.stats})
	add(c.Alerts != nil && c.AlertService != nil,
		Route{"POST /api/v1/alerts", true, a.createAlert},
		Route{"GET /api/v1/alerts", false, a.listAlerts},
		Route{"GET /api/v1/alerts/{id}", false, a.getAlert},
		Route{"GET /api/v1/alerts/{id}/matches", false, a.alertMatches},
		Route{"DELETE /api/v1/alerts/{id}", true, a.deleteAlert})
	return routes
}
