-- 13: what grouping reads of each article in a relation
-- (store.StoryArticle: headline, site, publication and day) in a table of
-- its own, kept by triggers as relations are written and removed and as an
-- article gets a new version, as the SQLite store's migration 12 does. A
-- story listing joined the relations' ends to articles and versions, which
-- read both whole (at 100k articles, 9,796 pages and 3.1 s cold per call);
-- these rows are only the related articles'. Each trigger writes one row
-- per article, never a shared row, so that concurrent writers do not queue
-- on one; a relation's two rows go in id order. It can run again over its
-- own tables (a test takes earlier migrations back out).

CREATE TABLE IF NOT EXISTS story_articles (
	article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	title      text NOT NULL,
	site       text NOT NULL,       -- '' when unknown, as published and day
	published  text NOT NULL,
	day        text NOT NULL
);

INSERT INTO story_articles
SELECT a.id, v.title, coalesce(v.site, ''), coalesce(v.published, ''), coalesce(v.day, '')
FROM articles a JOIN versions v ON v.id = a.current
WHERE a.id IN (SELECT a FROM relations UNION SELECT b FROM relations)
ON CONFLICT (article_id) DO NOTHING;

CREATE OR REPLACE FUNCTION story_articles_related() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO story_articles
	SELECT a.id, v.title, coalesce(v.site, ''), coalesce(v.published, ''), coalesce(v.day, '')
	FROM articles a JOIN versions v ON v.id = a.current WHERE a.id IN (NEW.a, NEW.b)
	ORDER BY a.id
	ON CONFLICT (article_id) DO NOTHING;
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS story_articles_relation ON relations;
CREATE TRIGGER story_articles_relation AFTER INSERT ON relations
	FOR EACH ROW EXECUTE FUNCTION story_articles_related();

CREATE OR REPLACE FUNCTION story_articles_versioned() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE story_articles s SET title = v.title, site = coalesce(v.site, ''), published = coalesce(v.published, ''), day = coalesce(v.day, '')
	FROM versions v WHERE v.id = NEW.current AND s.article_id = NEW.id;
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS story_articles_version ON articles;
CREATE TRIGGER story_articles_version AFTER UPDATE OF current ON articles
	FOR EACH ROW WHEN (OLD.current IS DISTINCT FROM NEW.current) EXECUTE FUNCTION story_articles_versioned();

-- An article whose last relation went (its partner deleted) is in no story.
CREATE OR REPLACE FUNCTION story_articles_unrelated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM story_articles s WHERE s.article_id IN (OLD.a, OLD.b)
		AND NOT EXISTS (SELECT 1 FROM relations r WHERE r.a = s.article_id OR r.b = s.article_id);
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS story_articles_unrelated ON relations;
CREATE TRIGGER story_articles_unrelated AFTER DELETE ON relations
	FOR EACH ROW EXECUTE FUNCTION story_articles_unrelated();
