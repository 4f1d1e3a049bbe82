-- 15: quotes by the very name a speaker is given, in the order of their
-- pages and with their articles, as quotes_speaker and
-- quotes_speaker_ref are (14): a speaker filter reads the articles of a
-- name's quotes from this index alone, and a page of quotes by name stops
-- at its end. An entity's events by each of its two actor columns, in
-- page order, as SQLite has them: without them an entity page read all
-- 170k events of a 100k-article store.
DROP INDEX IF EXISTS quotes_speaker_norm;
CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm, day NULLS FIRST, article_id, start, id);
CREATE INDEX IF NOT EXISTS events_source ON events (source_id, day NULLS FIRST, article_id, sentence, id);
CREATE INDEX IF NOT EXISTS events_target ON events (target_id, day NULLS FIRST, article_id, sentence, id);
