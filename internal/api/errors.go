package api

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/warta-news/warta/analysis"
	"github.com/warta-news/warta/internal/ingest"
	"github.com/warta-news/warta/internal/pipeline"
	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Error is an error with the HTTP status it answers.
type Error struct {
	Status  int
	Message string
}

func (e *Error) Error() string { return e.Message }

func badRequest(format string, args ...any) error {
	return &Error{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// Status is the HTTP status err answers, and the message to show: an
// error of the server's own (500) is not shown.
func Status(err error) (int, string) {
	var ae *Error
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &ae):
		return ae.Status, ae.Message
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", tooLarge.Limit)
	case errors.Is(err, store.ErrNotFound):
		return http.StatusNotFound, err.Error()
	case errors.Is(err, store.ErrBadFilter), errors.Is(err, search.ErrBadQuery), errors.Is(err, ingest.ErrEmpty):
		return http.StatusBadRequest, err.Error()
	case errors.Is(err, store.ErrInvalidRecord), errors.Is(err, analysis.ErrNoText):
		return http.StatusUnprocessableEntity, err.Error()
	case errors.Is(err, ingest.ErrBinary):
		return http.StatusUnsupportedMediaType, err.Error()
	case errors.Is(err, store.ErrBusy):
		return http.StatusServiceUnavailable, "the store is busy: try again shortly"
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "the request ran out of its time budget: try again, or narrow it"
	case errors.Is(err, pipeline.ErrClosed):
		return http.StatusServiceUnavailable, "the server is shutting down"
	case errors.Is(err, context.Canceled):
		return 499, "the client went away" // nobody reads the answer
	}
	return http.StatusInternalServerError, "internal error"
}

// fail answers an error in JSON with the status its kind calls for; an
// error of the server's own is logged.
func (a *API) fail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := Status(err)
	if status == http.StatusInternalServerError {
		a.cfg.Log.Error("request failed", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	WriteError(w, status, msg)
}

// ErrorBody is the JSON of every API error.
type ErrorBody struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

// WriteError answers an error in the API's JSON.
func WriteError(w http.ResponseWriter, status int, msg string) {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "1")
	}
	var body ErrorBody
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
