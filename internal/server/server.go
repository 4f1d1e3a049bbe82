// Package server is warta's HTTP side: the JSON API under /api/v1 (its
// OpenAPI document at /api/v1/openapi.json) and a minimal search page at /,
// both over a store.Store.
package server

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Config configures a Server.
type Config struct {
	// Token, when set, must be given as "Authorization: Bearer TOKEN" to
	// write (POST /api/v1/articles). warta serve sets one whenever it
	// listens beyond localhost.
	Token string
	// MaxBodyBytes bounds a request body; 0 means ingest.MaxArticleBytes
	// and 64 KiB for the JSON around it.
	MaxBodyBytes int64
	// Pipeline analyses posted articles and stores them; required.
	Pipeline *pipeline.Pipeline
	Log      *slog.Logger // nil: slog.Default()
}

// Server serves the API and the search page.
type Server struct {
	store store.Store
	cfg   Config
	mux   *http.ServeMux
}

// route is one endpoint; the OpenAPI test checks that each is documented.
type route struct {
	pattern string // "GET /api/v1/articles/{id}"
	write   bool   // needs the token
	handler http.HandlerFunc
}

// New returns a Server over st.
func New(st store.Store, cfg Config) *Server {
	if cfg.MaxBodyBytes <= 0 {
		cfg.MaxBodyBytes = ingest.MaxArticleBytes + 64<<10
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &Server{store: st, cfg: cfg, mux: http.NewServeMux()}
	for _, r := range s.routes() {
		h := r.handler
		if r.write {
			h = s.authorize(h)
		}
		s.mux.HandleFunc(r.pattern, h)
	}
	return s
}

func (s *Server) routes() []route {
	return []route{
		{"GET /{$}", false, s.page},
		{"GET /api/v1/openapi.json", false, s.openAPI},
		{"POST /api/v1/analyze", false, s.analyze},
		{"POST /api/v1/articles", true, s.postArticle},
		{"GET /api/v1/articles", false, s.listArticles},
		{"GET /api/v1/articles/{id}", false, s.getArticle},
		{"GET /api/v1/articles/{id}/copies", false, s.copies},
		{"GET /api/v1/stories", false, s.stories},
		{"GET /api/v1/search", false, s.search},
		{"GET /api/v1/entities", false, s.listEntities},
		{"GET /api/v1/entities/{id}", false, s.getEntity},
		{"GET /api/v1/entities/{id}/articles", false, s.entityArticles},
		{"GET /api/v1/quotes", false, s.listQuotes},
		{"GET /api/v1/events", false, s.listEvents},
		{"GET /api/v1/events/months", false, s.eventMonths},
		{"GET /api/v1/stats", false, s.stats},
	}
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
				writeError(sw, http.StatusInternalServerError, "internal error")
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
			writeError(sw, probe.status, fmt.Sprintf("%s %s: %s", r.Method, r.URL.Path, strings.ToLower(http.StatusText(probe.status))))
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
				writeError(w, http.StatusUnauthorized, "writing needs the server's token: Authorization: Bearer TOKEN")
				return
			}
		}
		next(w, r)
	}
}

// apiError is an error with the HTTP status it answers.
type apiError struct {
	status int
	msg    string
}

func (e *apiError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &apiError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// fail answers an error in JSON with the status its kind calls for; an
// error of the server's own is logged and not shown.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var ae *apiError
	var tooLarge *http.MaxBytesError
	status := http.StatusInternalServerError
	switch {
	case errors.As(err, &ae):
		status = ae.status
	case errors.As(err, &tooLarge):
		status = http.StatusRequestEntityTooLarge
		err = fmt.Errorf("request body over %d bytes", tooLarge.Limit)
	case errors.Is(err, store.ErrNotFound):
		status = http.StatusNotFound
	case errors.Is(err, store.ErrBadFilter), errors.Is(err, search.ErrBadQuery), errors.Is(err, ingest.ErrEmpty):
		status = http.StatusBadRequest
	case errors.Is(err, store.ErrInvalidRecord), errors.Is(err, analysis.ErrNoText):
		status = http.StatusUnprocessableEntity
	case errors.Is(err, ingest.ErrBinary):
		status = http.StatusUnsupportedMediaType
	case errors.Is(err, context.Canceled):
		status = 499 // the client went away; nobody reads the answer
	}
	msg := err.Error()
	if status == http.StatusInternalServerError {
		s.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
		msg = "internal error"
	}
	writeError(w, status, msg)
}

// errorBody is the JSON of every API error.
type errorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	var body errorBody
	body.Error.Status, body.Error.Message = status, msg
	writeJSON(w, status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
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
