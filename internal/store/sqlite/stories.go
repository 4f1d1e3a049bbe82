package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// migrateStoryArticles keeps what grouping reads of each article in a
// relation (store.StoryArticle) in a table of its own, written by
// triggers as relations are written and as an article gets a new version,
// and the relations' ends and kinds in an index of their own: a story
// listing read the articles' rows and their current versions', and the
// relations' rows with their evidence, a page or more each, scattered over
// the whole store (0.2–0.5 s per request at 100k articles), where these
// rows lie together.
func migrateStoryArticles(ctx context.Context, tx *sql.Tx) error {
	_, err := tx.ExecContext(ctx, `
CREATE INDEX relations_story ON relations (a, b, kind, original);

CREATE TABLE story_articles (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	title      TEXT NOT NULL,
	site       TEXT NOT NULL,       -- '' when unknown, as published and day
	published  TEXT NOT NULL,
	day        TEXT NOT NULL
);

CREATE TRIGGER story_articles_relation AFTER INSERT ON relations BEGIN
	INSERT OR REPLACE INTO story_articles
	SELECT a.id, v.title, coalesce(v.site, ''), coalesce(v.published, ''), coalesce(v.day, '')
	FROM articles a JOIN versions v ON v.id = a.current WHERE a.id IN (NEW.a, NEW.b);
END;

CREATE TRIGGER story_articles_version AFTER UPDATE OF current ON articles BEGIN
	UPDATE story_articles SET (title, site, published, day) =
		(SELECT v.title, coalesce(v.site, ''), coalesce(v.published, ''), coalesce(v.day, '') FROM versions v WHERE v.id = NEW.current)
	WHERE article_id = NEW.id;
END;

-- An article whose last relation went (its partner deleted) is in no story.
CREATE TRIGGER story_articles_unrelated AFTER DELETE ON relations BEGIN
	DELETE FROM story_articles WHERE article_id IN (OLD.a, OLD.b)
		AND NOT EXISTS (SELECT 1 FROM relations WHERE a = article_id OR b = article_id);
END;

INSERT INTO story_articles
SELECT a.id, v.title, coalesce(v.site, ''), coalesce(v.published, ''), coalesce(v.day, '')
FROM articles a JOIN versions v ON v.id = a.current
WHERE a.id IN (SELECT a FROM relations UNION SELECT b FROM relations);
`)
	return err
}

// Stories implements store.Lineage: every relation grouped
// (store.GroupStories), then paged.
func (s *Store) Stories(ctx context.Context, p store.Page) ([]store.Story, error) {
	rels, err := s.storyRelations(ctx, `SELECT a, b, kind, coalesce(original, 0) FROM relations`)
	if err != nil {
		return nil, err
	}
	arts, err := s.storyArticles(ctx, `true`)
	if err != nil {
		return nil, err
	}
	return store.PageStories(store.GroupStories(rels, arts), p), nil
}

// Story implements store.Lineage: the articles related to this one,
// directly or through one another, then their relations.
func (s *Store) Story(ctx context.Context, article int64) (*store.Story, error) {
	rels, err := s.storyRelations(ctx, `WITH RECURSIVE story (id) AS (
			SELECT ?1
			UNION
			SELECT CASE WHEN r.a = story.id THEN r.b ELSE r.a END FROM relations r JOIN story ON r.a = story.id OR r.b = story.id)
		SELECT a, b, kind, coalesce(original, 0) FROM relations WHERE a IN (SELECT id FROM story)`, article)
	if err != nil || len(rels) == 0 {
		return nil, err
	}
	ids := map[int64]bool{}
	for _, r := range rels {
		ids[r.A], ids[r.B] = true, true
	}
	list := make([]int64, 0, len(ids))
	for id := range ids {
		list = append(list, id)
	}
	js, err := json.Marshal(list)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story: %w", err)
	}
	arts, err := s.storyArticles(ctx, `article_id IN (SELECT value FROM json_each(?))`, string(js))
	if err != nil {
		return nil, err
	}
	return store.StoryOf(rels, arts, article), nil
}

func (s *Store) storyRelations(ctx context.Context, query string, args ...any) ([]store.Relation, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var out []store.Relation
	for rows.Next() {
		var r store.Relation
		if err := rows.Scan(&r.A, &r.B, &r.Kind, &r.Original); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

// storyArticles reads the story articles a condition picks.
func (s *Store) storyArticles(ctx context.Context, cond string, args ...any) (map[int64]store.StoryArticle, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT article_id, title, site, published, day FROM story_articles WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	out := map[int64]store.StoryArticle{}
	for rows.Next() {
		var a store.StoryArticle
		if err := rows.Scan(&a.ID, &a.Title, &a.Site, &a.Published, &a.Day); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out[a.ID] = a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	return out, nil
}

// collapseConds are the conditions of search's collapse values on the
// hits v: copies leaves out the articles that copy or translate another;
// stories also those with a same_story relation to an article published
// before them (store.StoryOrder), so that each story shows by its first
// telling.
var collapseConds = map[string]string{
	search.CollapseCopies: `NOT EXISTS (SELECT 1 FROM relations r WHERE r.kind IN ('copy', 'translation')
		AND (r.a = v.article_id OR r.b = v.article_id) AND r.original <> v.article_id)`,
	search.CollapseStories: `NOT EXISTS (SELECT 1 FROM relations r WHERE (r.a = v.article_id OR r.b = v.article_id)
		AND (r.kind <> 'same_story' AND r.original <> v.article_id
			OR r.kind = 'same_story' AND EXISTS (SELECT 1 FROM story_articles o
				WHERE o.article_id = r.a + r.b - v.article_id
				AND (CASE o.day WHEN '' THEN '9999-99-99' ELSE o.day END, o.published, o.article_id) < (coalesce(v.day, '9999-99-99'), coalesce(v.published, ''), v.article_id))))`,
}
