package sqlite

import (
	"testing"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store/storetest"
)

// storyArticlesDown takes migration 12 back out.
const storyArticlesDown = `DROP INDEX relations_story; DROP TRIGGER story_articles_relation; DROP TRIGGER story_articles_version;
	DROP TRIGGER story_articles_unrelated; DROP TABLE story_articles`

// The story rows follow the relations and the articles' versions, and a
// store made before them gets them on opening.
func TestStoryArticles(t *testing.T) {
	dir := t.TempDir()
	rows := func(s storetest.LineageStore) int {
		t.Helper()
		var n int
		if err := s.(*Store).db.QueryRowContext(ctx, `SELECT count(*) FROM story_articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	storetest.StoryRows(t, open(t, dir, search.Indonesian()), rows, func(s storetest.LineageStore) storetest.LineageStore {
		if _, err := s.(*Store).wdb.ExecContext(ctx, storyArticlesDown+`; PRAGMA user_version = 11`); err != nil {
			t.Fatal(err)
		}
		s.Close()
		return open(t, dir, search.Indonesian())
	})
}
