-- 14: each article's search terms carry its current version's day and
-- publication time, so that a search orders its hits by date, filters
-- them by day and counts them per day from search_terms alone, and a
-- search without words reads the current articles in date order from one
-- index, instead of joining every hit to its version (a common word has
-- two thirds of the articles for hits). The GIN index is made again after
-- the rows are: each row's update would add all of its terms to it again.
-- An index by version gives a common word's newest matches by reading
-- back from the newest version until enough match, rather than reading
-- every match (GIN gives them in no order); the planner takes it when
-- the word's statistics say that it matches often.

DROP INDEX IF EXISTS search_terms_terms;
ALTER TABLE search_terms ADD COLUMN IF NOT EXISTS day text, ADD COLUMN IF NOT EXISTS published text;
UPDATE search_terms st SET day = v.day, published = v.published FROM versions v WHERE v.id = st.version_id;
CREATE INDEX search_terms_terms ON search_terms USING gin (terms) WITH (gin_pending_list_limit = 256);
-- In the order of a search by date (NULLS LAST, as the searches sort),
-- with the version for the page's join.
CREATE INDEX IF NOT EXISTS search_terms_day ON search_terms (day DESC NULLS LAST, published DESC NULLS LAST, article_id DESC) INCLUDE (version_id);
CREATE INDEX IF NOT EXISTS search_terms_version ON search_terms (version_id);
ANALYZE search_terms;

-- The entity index carries the article too, so that an entity's newest
-- articles (CoMentioned's window, EntityTone's sample) are read from it
-- alone.
DROP INDEX IF EXISTS article_entities_entity;
CREATE INDEX article_entities_entity ON article_entities (entity_id, day) INCLUDE (ref, article_id);

-- Mentions by entity in article order: an entity's names are read from
-- its newest mentions.
DROP INDEX IF EXISTS mentions_entity;
CREATE INDEX mentions_entity ON mentions (entity_id, article_id);

-- A ref's articles and a speaker's quotes in the order of their pages
-- (day, NULLs first, then article), so that a page is read from its
-- index and stops at its end rather than sorting every row of a much
-- mentioned entity.
DROP INDEX IF EXISTS article_entities_ref;
CREATE INDEX article_entities_ref ON article_entities (ref, day NULLS FIRST, article_id);
DROP INDEX IF EXISTS quotes_speaker;
CREATE INDEX quotes_speaker ON quotes (speaker_id, day NULLS FIRST, article_id, start, id);
DROP INDEX IF EXISTS quotes_speaker_ref;
CREATE INDEX quotes_speaker_ref ON quotes (speaker_ref, day NULLS FIRST, article_id, start, id);
