package postgres

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/postgres/pgtest"
	"github.com/warta-news/warta/internal/store/storetest"
)

// storyArticlesDown takes migration 13 back out, and has the migrations
// after it (which can run again) run again with it.
const storyArticlesDown = `DROP TRIGGER story_articles_relation ON relations; DROP TRIGGER story_articles_unrelated ON relations;
	DROP TRIGGER story_articles_version ON articles; DROP FUNCTION story_articles_related(); DROP FUNCTION story_articles_unrelated();
	DROP FUNCTION story_articles_versioned(); DROP TABLE story_articles; DELETE FROM schema_migrations WHERE version >= 13`

// The story rows follow the relations and the articles' versions, and a
// store made before them gets them on opening.
func TestStoryArticles(t *testing.T) {
	url := pgtest.URL(t)
	rows := func(s storetest.LineageStore) int {
		t.Helper()
		var n int
		if err := s.(*Store).pool.QueryRow(ctx, `SELECT count(*) FROM story_articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	storetest.StoryRows(t, open(t, url, search.Indonesian()), rows, func(s storetest.LineageStore) storetest.LineageStore {
		if _, err := s.(*Store).pool.Exec(ctx, storyArticlesDown); err != nil {
			t.Fatal(err)
		}
		s.Close()
		return open(t, url, search.Indonesian())
	})
}
