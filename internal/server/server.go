// Package server is warta's HTTP server: it composes the JSON API
// (internal/api, under /api/v1) and the web UI (internal/web, at /) behind
// one set of middleware, and serves /healthz. The middleware:
//
//   - the write rules: a route that writes needs the token when one is set
//     (Authorization: Bearer, the scheme in any case), and is refused to a
//     cross-origin browser request (http.CrossOriginProtection: CSRF);
//   - the allowed Host names, for a server on loopback, so that a page on
//     another name resolving to 127.0.0.1 cannot read it (DNS rebinding);
//   - a time budget per request, which cancels its context and so
//     interrupts the store's queries: 503 with Retry-After when it runs out;
//   - security headers on every answer (Content-Security-Policy, nosniff,
//     frame-ancestors, Referrer-Policy);
//   - recovery from panics (500) and request logs.
package server

import (
	"context"
	"crypto/subtle"
	"fmt"
	"log/slog"
	"net"
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
	// AllowedHosts, when set, are the only Host names (without port)
	// requests may name; warta serve sets localhost, 127.0.0.1 and ::1
	// when it listens on loopback.
	AllowedHosts []string
	// ReadBudget and WriteBudget bound a request's time: reads (GET,
	// HEAD) and the rest; 0 means 10 s and 60 s.
	ReadBudget, WriteBudget time.Duration
	Log                     *slog.Logger // nil: slog.Default()
}

// Server serves the API and the web UI.
type Server struct {
	cfg     Config
	mux     *http.ServeMux
	handler http.Handler // mux behind the cross-origin check
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
	if cfg.ReadBudget <= 0 {
		cfg.ReadBudget = 10 * time.Second
	}
	if cfg.WriteBudget <= 0 {
		cfg.WriteBudget = time.Minute
	}
	s := &Server{cfg: cfg, mux: http.NewServeMux()}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		api.WriteError(w, http.StatusForbidden, "cross-origin request refused: writes come from this server's own pages or from clients that send no Origin")
	}))
	s.handler = cop.Handler(s.mux)
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

// securityHeaders go on every answer: nothing is framed, scripts and
// styles come from the server only, no referrer leaves it.
var securityHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
	"X-Content-Type-Options":  "nosniff",
	"X-Frame-Options":         "DENY",
	"Referrer-Policy":         "no-referrer",
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
	for k, v := range securityHeaders {
		sw.Header().Set(k, v)
	}
	if !s.hostAllowed(r.Host) {
		api.WriteError(sw, http.StatusMisdirectedRequest, fmt.Sprintf("Host %q is not a name of this server", r.Host))
		return
	}
	budget := s.cfg.WriteBudget
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		budget = s.cfg.ReadBudget
	}
	ctx, cancel := context.WithTimeout(r.Context(), budget)
	defer cancel()
	r = r.WithContext(ctx)
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
	s.handler.ServeHTTP(sw, r)
}

// hostAllowed reports whether a request's Host is one of AllowedHosts.
func (s *Server) hostAllowed(hostport string) bool {
	if len(s.cfg.AllowedHosts) == 0 {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	for _, h := range s.cfg.AllowedHosts {
		if strings.EqualFold(h, host) {
			return true
		}
	}
	return false
}

// authorize lets a request through when the server has no token or the
// request carries it.
func (s *Server) authorize(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token != "" {
			scheme, given, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
			ok := strings.EqualFold(scheme, "Bearer")
			if !ok || subtle.ConstantTimeCompare([]byte(strings.TrimSpace(given)), []byte(s.cfg.Token)) != 1 {
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
