package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/warta-news/warta/internal/alert"
	"github.com/warta-news/warta/internal/store"
)

type alertsData struct {
	page
	Alerts              []store.Alert
	Name, Form, Webhook string
	Error               string
	Created             *store.Alert
}

// alertsPage serves /alerts: the saved searches, and a form to save one
// (?q= fills it from a search).
func (ui *UI) alertsPage(w http.ResponseWriter, r *http.Request) {
	d := alertsData{page: ui.base(w, r, "alerts"), Form: r.URL.Query().Get("q")}
	ui.renderAlerts(w, r, http.StatusOK, d)
}

func (ui *UI) renderAlerts(w http.ResponseWriter, r *http.Request, status int, d alertsData) {
	var err error
	if d.Alerts, err = ui.cfg.Alerts.Alerts(r.Context()); err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.render(w, r, status, "alerts.html", d)
}

// createAlert saves the form's alert and shows it with its webhook secret
// (the only time the page shows it).
func (ui *UI) createAlert(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		ui.errorPage(w, r, http.StatusBadRequest, "the form could not be read")
		return
	}
	d := alertsData{page: ui.base(w, r, "alerts"), Name: r.PostForm.Get("name"), Form: r.PostForm.Get("query"), Webhook: r.PostForm.Get("webhook")}
	a, err := ui.cfg.AlertService.Create(r.Context(), d.Name, d.Form, d.Webhook)
	if errors.Is(err, alert.ErrInvalid) {
		d.Error = err.Error()
		ui.renderAlerts(w, r, http.StatusBadRequest, d)
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	d.Created, d.Name, d.Form, d.Webhook = &a, "", "", ""
	ui.renderAlerts(w, r, http.StatusCreated, d)
}

func (ui *UI) alertID(w http.ResponseWriter, r *http.Request) (*store.Alert, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		ui.errorPage(w, r, http.StatusBadRequest, "the alert id must be a positive whole number")
		return nil, false
	}
	a, err := ui.cfg.Alerts.Alert(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		ui.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("no alert %d", id))
		return nil, false
	}
	if err != nil {
		ui.fail(w, r, err)
		return nil, false
	}
	return a, true
}

type alertData struct {
	page
	Alert   *store.Alert
	Matches []store.AlertMatch
}

// alertPage serves /alerts/{id}: the alert's matches, the newest first.
func (ui *UI) alertPage(w http.ResponseWriter, r *http.Request) {
	a, ok := ui.alertID(w, r)
	if !ok {
		return
	}
	d := alertData{page: ui.base(w, r, "alerts"), Alert: a}
	var err error
	if d.Matches, err = ui.cfg.Alerts.Matches(r.Context(), a.ID, store.Page{Limit: 100}); err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.render(w, r, http.StatusOK, "alert.html", d)
}

// deleteAlert removes an alert (a form's POST) and goes back to the list.
func (ui *UI) deleteAlert(w http.ResponseWriter, r *http.Request) {
	a, ok := ui.alertID(w, r)
	if !ok {
		return
	}
	if err := ui.cfg.AlertService.Delete(r.Context(), a.ID); err != nil && !errors.Is(err, store.ErrNotFound) {
		ui.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}

// alertFeed serves /alerts/{id}/feed.atom: the alert's last 50 matches.
func (ui *UI) alertFeed(w http.ResponseWriter, r *http.Request) {
	a, ok := ui.alertID(w, r)
	if !ok {
		return
	}
	matches, err := ui.cfg.Alerts.Matches(r.Context(), a.ID, store.Page{Limit: 50})
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	var buf bytes.Buffer
	if err := alert.WriteAtom(&buf, scheme+"://"+r.Host, *a, matches); err != nil {
		ui.fail(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(buf.Bytes())
}
