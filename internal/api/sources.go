package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/warta-news/warta/internal/source"
	"github.com/warta-news/warta/internal/store"
)

// sourceList is the answer of GET /api/v1/sources.
type sourceList struct {
	Sources []store.Source `json:"sources"`
}

func (a *API) listSources(w http.ResponseWriter, r *http.Request) {
	list, err := a.cfg.Sources.SourceList(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, sourceList{list})
}

func (a *API) getSource(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	s, err := a.cfg.Sources.Source(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

// sourceRequest is the body of POST /api/v1/sources.
type sourceRequest struct {
	URL      string `json:"url"`
	Name     string `json:"name"`
	Interval string `json:"interval"` // Go duration: "15m", "2h"; "" adapts
}

func (a *API) addSource(w http.ResponseWriter, r *http.Request) {
	var req sourceRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			a.fail(w, r, err)
			return
		}
		a.fail(w, r, badRequest("body: want {\"url\": ..., \"name\": ..., \"interval\": ...}: %v", err))
		return
	}
	var interval time.Duration
	if req.Interval != "" {
		d, err := time.ParseDuration(req.Interval)
		if err != nil || d <= 0 {
			a.fail(w, r, badRequest("interval %q: want a duration such as 30m or 2h", req.Interval))
			return
		}
		interval = d
	}
	s, err := source.New(req.URL, req.Name, interval, time.Now())
	if err != nil {
		a.fail(w, r, badRequest("%v", err))
		return
	}
	s, err = a.cfg.Sources.AddSource(r.Context(), s)
	if errors.Is(err, store.ErrSourceExists) {
		a.fail(w, r, &Error{http.StatusConflict, err.Error()})
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/sources/"+strconv.FormatInt(s.ID, 10))
	writeJSON(w, http.StatusCreated, s)
}

func (a *API) removeSource(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if err := a.cfg.Sources.RemoveSource(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
