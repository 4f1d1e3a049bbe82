package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/store"
)

// alertRequest is the body of POST /api/v1/alerts.
type alertRequest struct {
	Name    string `json:"name"`
	Query   string `json:"query"`
	Webhook string `json:"webhook"`
}

// createAlert saves an alert: 201 with the alert, its id, and the secret
// that signs its webhook's deliveries.
func (a *API) createAlert(w http.ResponseWriter, r *http.Request) {
	var req alertRequest
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		a.fail(w, r, badRequest("the body must be a JSON object {\"name\", \"query\", \"webhook\"}: %v", err))
		return
	}
	if dec.More() {
		a.fail(w, r, badRequest("the body must be one JSON object"))
		return
	}
	al, err := a.cfg.AlertService.Create(r.Context(), req.Name, req.Query, req.Webhook)
	if errors.Is(err, alert.ErrInvalid) {
		a.fail(w, r, badRequest("%v", err))
		return
	}
	if err != nil {
		a.fail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/v1/alerts/"+strconv.FormatInt(al.ID, 10))
	writeJSON(w, http.StatusCreated, al)
}

// withoutSecret hides the webhook secret: it is shown once, on creation.
func withoutSecret(al store.Alert) store.Alert {
	al.Secret = ""
	return al
}

func (a *API) listAlerts(w http.ResponseWriter, r *http.Request) {
	list, err := a.cfg.Alerts.Alerts(r.Context())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := make([]store.Alert, len(list))
	for i, al := range list {
		out[i] = withoutSecret(al)
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out})
}

func (a *API) getAlert(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	al, err := a.cfg.Alerts.Alert(r.Context(), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, withoutSecret(*al))
}

func (a *API) alertMatches(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.cfg.Alerts.Alert(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	fetchPage(a, w, r, func(p store.Page) ([]store.AlertMatch, error) { return a.cfg.Alerts.Matches(r.Context(), id, p) })
}

func (a *API) deleteAlert(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if err := a.cfg.AlertService.Delete(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
