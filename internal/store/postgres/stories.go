package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/warta-news/warta/internal/search"
	"github.com/warta-news/warta/internal/store"
)

// Stories implements store.Lineage: every relation grouped
// (store.GroupStories), then paged. The related articles are read from
// story_articles, which triggers keep (migration 13).
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
			SELECT $1::bigint
			UNION
			SELECT CASE WHEN r.a = story.id THEN r.b ELSE r.a END FROM relations r JOIN story ON r.a = story.id OR r.b = story.id)
		SELECT a, b, kind, coalesce(original, 0) FROM relations WHERE a IN (SELECT id FROM story)`, article)
	if err != nil || len(rels) == 0 {
		return nil, err
	}
	var ids []int64
	for _, r := range rels {
		ids = append(ids, r.A, r.B)
	}
	arts, err := s.storyArticles(ctx, `article_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	return store.StoryOf(rels, arts, article), nil
}

func (s *Store) storyRelations(ctx context.Context, query string, args ...any) ([]store.Relation, error) {
	rows, err := s.pool.Query(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	out, err := collect(rows, func(r pgx.Rows, rel *store.Relation) error {
		return r.Scan(&rel.A, &rel.B, &rel.Kind, &rel.Original)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// storyArticles reads the story articles a condition picks.
func (s *Store) storyArticles(ctx context.Context, cond string, args ...any) (map[int64]store.StoryArticle, error) {
	rows, err := s.pool.Query(ctx, `SELECT article_id, title, site, published, day FROM story_articles WHERE `+cond, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	list, err := collect(rows, func(r pgx.Rows, a *store.StoryArticle) error {
		return r.Scan(&a.ID, &a.Title, &a.Site, &a.Published, &a.Day)
	})
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	out := make(map[int64]store.StoryArticle, len(list))
	for _, a := range list {
		out[a.ID] = a
	}
	return out, nil
}

// collapseConds are the conditions of search's collapse values on the
// hits a (articles) and v (their versions): copies leaves out the
// articles that copy or translate another; stories also those with a
// same_story relation to an article published before them
// (store.StoryOrder), so that each story shows by its first telling.
var collapseConds = map[string]string{
	search.CollapseCopies: `NOT EXISTS (SELECT 1 FROM relations r WHERE r.kind IN ('copy', 'translation')
		AND (r.a = a.id OR r.b = a.id) AND r.original <> a.id)`,
	search.CollapseStories: `NOT EXISTS (SELECT 1 FROM relations r WHERE (r.a = a.id OR r.b = a.id)
		AND (r.kind <> 'same_story' AND r.original <> a.id
			OR r.kind = 'same_story' AND EXISTS (SELECT 1 FROM story_articles o
				WHERE o.article_id = r.a + r.b - a.id
				AND (CASE o.day WHEN '' THEN '9999-99-99' ELSE o.day END COLLATE "C", o.published COLLATE "C", o.article_id)
					< (coalesce(v.day, '9999-99-99') COLLATE "C", coalesce(v.published, '') COLLATE "C", a.id))))`,
}
