package api

import (
	"net/http"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/store"
)

// copies answers GET /api/v1/articles/{id}/copies: the original of the
// article's copy cluster, every related article with its evidence, and
// the article's story.
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

// stories answers GET /api/v1/stories: the stories (store.GroupStories)
// with their first publisher, number of copies and of independent
// reports, those with the most articles first.
func (a *API) stories(w http.ResponseWriter, r *http.Request) {
	fetchPage(a, w, r, func(p store.Page) ([]store.Story, error) {
		return a.cfg.Lineage.Stories(r.Context(), p)
	})
}
