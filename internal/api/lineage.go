package api

import (
	"net/http"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/store"
)

// copies answers GET /api/v1/articles/{id}/copies: the original of the
// article's copy cluster and every related article with its evidence.
func (a *API) copies(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	if _, err := a.cfg.Articles.Article(r.Context(), id); err != nil {
		a.fail(w, r, err)
		return
	}
	c, err := lineage.ReadCopies(r.Context(), a.cfg.Lineage, id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// stories answers GET /api/v1/stories: originals with their first
// publisher and number of copies, the most copied first.
func (a *API) stories(w http.ResponseWriter, r *http.Request) {
	fetchPage(a, w, r, func(p store.Page) ([]store.Story, error) {
		return a.cfg.Lineage.Stories(r.Context(), p)
	})
}
