package web

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/warta-news/warta/internal/store"
)

type entitiesData struct {
	page
	Name, Type string
	Entities   []store.Entity
	Error      string
}

// entitiesPage serves /entities: entities by name and type, the most
// written about first.
func (ui *UI) entitiesPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	d := entitiesData{page: ui.base(w, r, "entities"), Name: v.Get("name"), Type: v.Get("type")}
	var err error
	d.Entities, err = ui.cfg.Entities.Entities(r.Context(), store.EntityFilter{Name: d.Name, Type: d.Type, Page: store.Page{Limit: 100}})
	if errors.Is(err, store.ErrBadFilter) {
		d.Error = err.Error()
		ui.render(w, r, http.StatusBadRequest, "entities.html", d)
		return
	}
	if err != nil {
		ui.fail(w, r, err)
		return
	}
	ui.render(w, r, http.StatusOK, "entities.html", d)
}

type roleSpan struct {
	Role        string
	First, Last string
	Articles    int
}

type entityData struct {
	page
	Entity      *store.Entity
	Roles       []roleSpan
	Mentions    *chart
	Voice       *chart
	VoiceWith   string
	Quotes      []store.Quote
	QuoteText   string
	CoMentioned []store.EntityCount
	Events      []store.Event
	Tone        *toneView
}

// entityPage serves /entities/{id}: the entity's names, roles over time
// and country, its mentions over time, its quotes (searchable), who is
// mentioned with it, the events it is an actor of, and its share of voice
// against entities picked by name (?vs=Name,Name). With a store that has a
// Stamp, a page's data is kept until the store changes (entityPages),
// unless the request says Cache-Control: no-cache.
func (ui *UI) entityPage(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		ui.errorPage(w, r, http.StatusBadRequest, "the entity id must be a positive whole number")
		return
	}
	base := ui.base(w, r, "entities")
	v := r.URL.Query()
	key := strings.Join([]string{strconv.FormatInt(id, 10), base.Lang, v.Get("q"), v.Get("vs"),
		v.Get("tone_from"), v.Get("tone_to"), v.Get("tone_by")}, "\x00")
	stamp := ""
	if ui.cfg.Stamper != nil {
		if stamp, err = ui.cfg.Stamper.Stamp(r.Context()); err != nil {
			ui.fail(w, r, err)
			return
		}
		// A client asking for a fresh page (a browser's reload past its
		// cache sends no-cache) gets one made anew.
		if d, ok := ui.entityPages.Get(stamp, key); ok && !strings.Contains(r.Header.Get("Cache-Control"), "no-cache") {
			d.page = base
			ui.render(w, r, http.StatusOK, "entity.html", d)
			return
		}
	}
	d, err := ui.entityData(r, id, base)
	switch {
	case errors.Is(err, store.ErrNotFound):
		ui.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("no entity %d", id))
	case errors.Is(err, store.ErrBadFilter):
		ui.errorPage(w, r, http.StatusBadRequest, err.Error())
	case err != nil:
		ui.fail(w, r, err)
	default:
		if stamp != "" {
			ui.entityPages.Put(stamp, key, d, maxEntityPages)
		}
		ui.render(w, r, http.StatusOK, "entity.html", d)
	}
}

// entityData reads what the entity page shows; store.ErrNotFound when
// there is no such entity, store.ErrBadFilter for a bad tone range.
func (ui *UI) entityData(r *http.Request, id int64, base page) (entityData, error) {
	ctx := r.Context()
	e, err := ui.cfg.Entities.Entity(ctx, id)
	if err != nil {
		return entityData{}, err
	}
	v := r.URL.Query()
	d := entityData{page: base, Entity: e, QuoteText: v.Get("q"), VoiceWith: v.Get("vs")}
	read := ui.cfg.Entities.EntityArticles
	if ui.cfg.Roles != nil {
		read = ui.cfg.Roles.EntityRoles
	}
	arts, err := read(ctx, id, store.Page{Limit: store.MaxLimit})
	if err != nil {
		return d, err
	}
	d.Roles = rolesOverTime(arts)
	days, err := ui.cfg.Insights.EntityDays(ctx, id, "", "")
	if err != nil {
		return d, err
	}
	if axis := dayAxis(366, days); len(axis) > 0 {
		d.Mentions = &chart{Title: d.L["mentionsovertime"], Labels: axis, Series: []series{{e.Name, onAxis(axis, days)}}}
	}
	if d.Quotes, err = ui.cfg.Quotes.Quotes(ctx, store.QuoteFilter{SpeakerID: id, Text: d.QuoteText, Page: store.Page{Limit: 50}}); err != nil {
		return d, err
	}
	if d.CoMentioned, err = ui.cfg.Insights.CoMentioned(ctx, id, 12); err != nil {
		return d, err
	}
	if d.Events, err = ui.cfg.Events.Events(ctx, store.EventFilter{Entity: id, Page: store.Page{Limit: 50}}); err != nil {
		return d, err
	}
	if d.Voice, err = ui.shareOfVoice(r, e, days, d.VoiceWith); err != nil {
		return d, err
	}
	d.Tone, err = ui.entityTone(r, id, d.L)
	return d, err
}

// entityPages keeps entity pages' data, by entity, language and the
// page's parameters, while the store's stamp stays the same: on a 100k
// store a page's reads are 15–20 ms of CPU (the tone's sample, the names,
// the co-mentions), and the same entities are looked at again and again
// between two writes. Every write changes the stamp, and the first page
// read after it drops them all. The data is shared by the requests that
// get it: read only.
type entityPages = store.Stamped[entityData]

// maxEntityPages bounds the pages kept; past it they are all dropped.
const maxEntityPages = 256

// rolesOverTime gives each role the article dates it was given in, first
// used first.
func rolesOverTime(arts []store.EntityArticle) []roleSpan {
	var out []roleSpan
	for _, a := range arts {
		day := a.Published
		if len(day) > 10 {
			day = day[:10]
		}
		for _, role := range a.Roles {
			i := slices.IndexFunc(out, func(s roleSpan) bool { return s.Role == role })
			if i < 0 {
				out = append(out, roleSpan{Role: role, First: day, Last: day})
				i = len(out) - 1
			}
			s := &out[i]
			s.Articles++
			if day != "" && (s.First == "" || day < s.First) {
				s.First = day
			}
			if day > s.Last {
				s.Last = day
			}
		}
	}
	return out
}

// shareOfVoice charts, per week, the entity's articles as a share of the
// articles of it and the entities named in vs (comma-separated names,
// each the most written-about entity of that name, at most four).
func (ui *UI) shareOfVoice(r *http.Request, e *store.Entity, days []store.DayCount, vs string) (*chart, error) {
	if vs == "" {
		return nil, nil
	}
	type one struct {
		name string
		days []store.DayCount
	}
	all := []one{{e.Name, days}}
	for _, name := range splitNames(vs, 4) {
		list, err := ui.cfg.Entities.Entities(r.Context(), store.EntityFilter{Name: name, Page: store.Page{Limit: 1}})
		if err != nil {
			if errors.Is(err, store.ErrBadFilter) {
				continue
			}
			return nil, err
		}
		if len(list) == 0 || list[0].ID == e.ID {
			continue
		}
		ds, err := ui.cfg.Insights.EntityDays(r.Context(), list[0].ID, "", "")
		if err != nil {
			return nil, err
		}
		all = append(all, one{list[0].Name, ds})
	}
	var per [][]store.DayCount
	for _, o := range all {
		per = append(per, o.days)
	}
	axis := dayAxis(366, per...)
	if len(axis) == 0 || len(all) < 2 {
		return nil, nil
	}
	var weeks []string
	var counts [][]float64
	for _, o := range all {
		var c []float64
		weeks, c = weekly(axis, onAxis(axis, o.days))
		counts = append(counts, c)
	}
	c := &chart{Title: "share of voice (%)", Labels: weeks, Format: "%.0f%%"}
	for i, o := range all {
		share := make([]float64, len(weeks))
		for j := range weeks {
			total := 0.0
			for k := range all {
				total += counts[k][j]
			}
			if total > 0 {
				share[j] = 100 * counts[i][j] / total
			}
		}
		c.Series = append(c.Series, series{o.name, share})
	}
	return c, nil
}

func splitNames(s string, most int) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if p := strings.TrimSpace(part); p != "" && len(out) < most {
			out = append(out, p)
		}
	}
	return out
}
