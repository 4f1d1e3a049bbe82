package server

import (
	"net/http"

	"github.com/warta-news/warta/internal/lineage"
	"github.com/warta-news/warta/internal/store"
)

// lineageStore is the store's lineage, or an error when it keeps none.
func (s *Server) lineageStore() (store.Lineage, error) {
	if l, ok := s.store.(store.Lineage); ok {
		return l, nil
	}
	return nil, &apiError{http.StatusNotImplemented, "this store keeps no lineage"}
}

// copies answers GET /api/v1/articles/{id}/copies: the original of the
// article's copy cluster and every related article with its evidence.
func (s *Server) copies(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	lin, err := s.lineageStore()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if _, err := s.store.Article(r.Context(), id); err != nil {
		s.fail(w, r, err)
		return
	}
	c, err := lineage.ReadCopies(r.Context(), lin, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

// stories answers GET /api/v1/stories: originals with their first
// publisher and number of copies, the most copied first.
func (s *Server) stories(w http.ResponseWriter, r *http.Request) {
	lin, err := s.lineageStore()
	if err != nil {
		s.fail(w, r, err)
		return
	}
	fetchPage(s, w, r, func(p store.Page) ([]store.Story, error) {
		return lin.Stories(r.Context(), p)
	})
}
