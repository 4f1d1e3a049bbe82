-- 15: quotes by the very name a speaker is given, in the order of their
-- pages and with their articles, as quotes_speaker and
-- quotes_speaker_ref are (14): a speaker filter reads the articles of a
-- name's quotes from this index alone, and a page of quotes by name stops
-- at its end.
DROP INDEX IF EXISTS quotes_speaker_norm;
CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm, day NULLS FIRST, article_id, start, id);
