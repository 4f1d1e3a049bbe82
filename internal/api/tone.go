package api

import (
	"net/http"
	"strconv"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// entityTone answers GET /api/v1/entities/{id}/tone: how the press treats
// an entity, the tone of the sentences about it per day or week (by), per
// outlet, and the articles most positive and most negative about it,
// between from and to.
func (a *API) entityTone(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v := r.URL.Query()
	f := store.ToneFilter{From: v.Get("from"), To: v.Get("to"), By: v.Get("by")}
	if l := v.Get("limit"); l != "" {
		if f.Limit, err = strconv.Atoi(l); err != nil || f.Limit < 1 {
			a.fail(w, r, badRequest("limit=%q: want a whole number, 1 to %d", l, store.MaxToneLimit))
			return
		}
	}
	if _, err := a.cfg.Entities.Entity(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	res, err := a.cfg.Tone.EntityTone(r.Context(), id, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// searchFacets answers GET /api/v1/search/facets: a search's hits counted
// by site, section, entity, speaker, event type and topic.
func (a *API) searchFacets(w http.ResponseWriter, r *http.Request) {
	q, err := search.FromValues(r.URL.Query())
	if err != nil {
		a.fail(w, r, err)
		return
	}
	f, err := a.cfg.Facets.Facets(r.Context(), q, q.Limit)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}
