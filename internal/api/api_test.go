package api_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/warta-news/warta/internal/api"
	"github.com/warta-news/warta/internal/store"
)

// A store that offers only some features gets only their routes.
func TestRoutesFollowTheStore(t *testing.T) {
	var articles store.ArticleReader = struct{ store.ArticleReader }{}
	var searcher store.Searcher = struct{ store.Searcher }{}
	var got []string
	for _, r := range api.New(api.Config{Articles: articles, Searcher: searcher}).Routes() {
		got = append(got, r.Pattern)
		if r.Write {
			t.Errorf("%s is a write without a pipeline", r.Pattern)
		}
	}
	want := []string{"GET /api/v1/openapi.json", "GET /api/v1/articles", "GET /api/v1/articles/{id}", "GET /api/v1/search"}
	if !slices.Equal(got, want) {
		t.Errorf("routes = %s\nwant %s", strings.Join(got, ", "), strings.Join(want, ", "))
	}
}
