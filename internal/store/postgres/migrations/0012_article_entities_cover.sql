-- 12: the two indexes that entity filters read carry what those read
-- next, so that an index-only scan answers: the refs an entity's rows
-- resolve to (a filter's refs, by entity), and the articles of a ref (the
-- filter itself). A common entity's rows are spread over as many heap
-- pages as it has articles.

DROP INDEX article_entities_entity;
CREATE INDEX article_entities_entity ON article_entities (entity_id, day) INCLUDE (ref);
DROP INDEX article_entities_ref;
CREATE INDEX article_entities_ref ON article_entities (ref, day) INCLUDE (article_id);
