package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/warta-news/warta/internal/opml"
	"github.com/warta-news/warta/internal/source"
	"github.com/warta-news/warta/internal/store"
)

type sourcesData struct {
	page
	Sources       []store.Source
	URL, Name     string
	Interval      string
	Error, Notice string
}

// maxOPMLBytes bounds an uploaded OPML file.
const maxOPMLBytes = 4 << 20

// sourcesPage serves /sources: the followed feeds, sitemaps and pages
// with their health, a form to follow one, and an OPML upload.
func (ui *UI) sourcesPage(w http.ResponseWriter, r *http.Request) {
	ui.renderSources(w, r, http.StatusOK, sourcesData{page: ui.base(w, r, "sources")})
}

func (ui *UI) renderSources(w http.ResponseWriter, r *http.Request, status int, d sourcesData) {
	var err error
	if d.Sources, err = ui.cfg.Sources.SourceList(r.Context()); err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.render(w, r, status, "sources.html", d)
}

// addSource follows the form's source.
func (ui *UI) addSource(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		ui.errorPage(w, r, http.StatusBadRequest, "the form could not be read")
		return
	}
	d := sourcesData{page: ui.base(w, r, "sources"), URL: strings.TrimSpace(r.PostForm.Get("url")),
		Name: strings.TrimSpace(r.PostForm.Get("name")), Interval: strings.TrimSpace(r.PostForm.Get("interval"))}
	var interval time.Duration
	if d.Interval != "" {
		iv, err := time.ParseDuration(d.Interval)
		if err != nil || iv <= 0 {
			d.Error = fmt.Sprintf("interval %q: want a duration such as 30m or 2h", d.Interval)
			ui.renderSources(w, r, http.StatusBadRequest, d)
			return
		}
		interval = iv
	}
	s, err := source.New(d.URL, d.Name, interval, time.Now())
	if err != nil {
		d.Error = err.Error()
		ui.renderSources(w, r, http.StatusBadRequest, d)
		return
	}
	s, err = ui.cfg.Sources.AddSource(r.Context(), s)
	if errors.Is(err, store.ErrSourceExists) {
		d.Error = err.Error()
		ui.renderSources(w, r, http.StatusConflict, d)
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.renderSources(w, r, http.StatusCreated, sourcesData{page: d.page, Notice: "followed " + s.URL})
}

// importOPML follows every subscription of an uploaded OPML file.
func (ui *UI) importOPML(w http.ResponseWriter, r *http.Request) {
	d := sourcesData{page: ui.base(w, r, "sources")}
	r.Body = http.MaxBytesReader(w, r.Body, maxOPMLBytes+64<<10)
	f, _, err := r.FormFile("opml")
	if err != nil {
		d.Error = "choose an OPML file (at most 4 MiB)"
		ui.renderSources(w, r, http.StatusBadRequest, d)
		return
	}
	defer f.Close()
	outlines, err := opml.Read(f)
	if err != nil {
		d.Error = err.Error()
		ui.renderSources(w, r, http.StatusBadRequest, d)
		return
	}
	res, err := source.Import(r.Context(), ui.cfg.Sources, outlines, time.Now())
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	d.Notice = fmt.Sprintf("followed %d new sources; %d were followed already, %d skipped", res.Added, res.Known, res.Skipped)
	ui.renderSources(w, r, http.StatusOK, d)
}

// removeSource stops following a source (a form's POST).
func (ui *UI) removeSource(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		ui.errorPage(w, r, http.StatusBadRequest, "the source id must be a positive whole number")
		return
	}
	if err := ui.cfg.Sources.RemoveSource(r.Context(), id); err != nil && !errors.Is(err, store.ErrNotFound) {
		ui.fail(w, r, err)
		return
	}
	http.Redirect(w, r, "/sources", http.StatusSeeOther)
}
