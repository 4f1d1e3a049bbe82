// Package server is warta's HTTP server: it composes the JSON API
// (internal/api, under /api/v1) and the web UI (internal/web, at /) behind
// one set of middleware — the write rules, recovery from panics, request
// logs — and serves /healthz.
package server

import (
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/web"
)

// Config configures a Server.
type Config struct {
	API *api.API // nil: no API
	Web *web.UI  // nil: no web UI
	// Token, when set, must be given as "Authorization: Bearer TOKEN" to
	// write (POST /api/v1/articles). warta serve sets one whenever it
	// listens beyond localhost.
	Token string
	Log   *slog.Logger // nil: slog.Default()
}

// Server serves the API and the web UI.
type Server struct {
	cfg Config
	mux *http.ServeMux
}

// route is one endpoint of the API or the UI.
type route struct {
	pattern string
	write   bool
	handler http.HandlerFunc
}

// New returns a Server.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	var routes []route
	if cfg.API != nil {
		for _, r := range cfg.API.Routes() {
			routes = append(routes, route{r.Pattern, r.Write, r.Handler})
		}
	}
	if cfg.Web != nil {
		for _, r := range cfg.Web.Routes() {
			routes = append(routes, route{r.Pattern, r.Write, r.Handler})
		}
	}
	routes = append(routes, route{"GET /healthz", false, healthz})
	for _, r := range routes {
		h := r.handler
		if r.write {
			h = s.authorize(h)
		}
		s.mux.HandleFunc(r.pattern, h)
	}
	return s
}

// healthz answers that the server is up.
func healthz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// ServeHTTP implements http.Handler. Under /api/ a path or method the mux
// does not know is answered in JSON like every other API error.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	sw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if v := recover(); v != nil {
			s.cfg.Log.Error("panic", "method", r.Method, "path", r.URL.Path, "panic", v)
			if !sw.wrote {
				api.WriteError(sw, http.StatusInternalServerError, "internal error")
			}
		}
		s.cfg.Log.Debug("request", "method", r.Method, "path", r.URL.Path, "status", sw.status,
			"ms", time.Since(start).Milliseconds())
	}()
	if strings.HasPrefix(r.URL.Path, "/api/") {
		if _, pattern := s.mux.Handler(r); pattern == "" {
			probe := &statusWriter{ResponseWriter: discardWriter{header: http.Header{}}}
			s.mux.ServeHTTP(probe, r)
			if allow := probe.Header().Get("Allow"); allow != "" {
				sw.Header().Set("Allow", allow)
			}
			api.WriteError(sw, probe.status, fmt.Sprintf("%s %s: %s", r.Method, r.URL.Path, strings.ToLower(http.StatusText(probe.status))))
			return
		}
	}
	s.mux.ServeHTTP(sw, r)
}

// authorize lets a request through when the server has no token or the
// request carries it.
func (s *Server) authorize(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			given, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || subtle.ConstantTimeCompare([]byte(given), []byte(s.cfg.Token)) != 1 {
				w.Header().Set("WWW-Authenticate", `Bearer realm="warta"`)
				api.WriteError(w, http.StatusUnauthorized, "writing needs the server's token: Authorization: Bearer TOKEN")
				return
			}
		}
		next(w, r)
	}
}

// statusWriter remembers the status a handler wrote.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(status int) {
	if !w.wrote {
		w.status, w.wrote = status, true
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

// discardWriter is a ResponseWriter that keeps only the headers.
type discardWriter struct{ header http.Header }

func (d discardWriter) Header() http.Header         { return d.header }
func (d discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (d discardWriter) WriteHeader(int)             {}
