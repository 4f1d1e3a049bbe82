-- 17: an article's annotation rows are written without a foreign-key
-- check each. Every row of mentions, article_entities, quotes, events,
-- entity_tones and article_topics is written by the batch that holds its
-- article's row locked (claimed by the upsert in the same transaction),
-- and entities are never deleted, so the checks could not fail. The rows
-- of fingerprint_bands and fingerprint_names are written by the batch
-- too, or by PutFingerprint in a transaction of its own, which relies on
-- the key kept on fingerprinted (and fingerprint_fields): its row is
-- inserted in the same transaction, so a deleted article fails it and the
-- keys with it, and an article deleted after it commits takes them with
-- it (the trigger below): keep that key. The checks were one look-up per
-- row, about 140 an article (93 of every 100 statements the server ran while storing 3,000
-- records, and a third of its time: 48 s against 32 s without them,
-- TestPutRecords, same minutes). What the keys' ON DELETE CASCADE did is
-- kept by one trigger on articles, once per DELETE statement, so deleting
-- an article still leaves none of its rows behind.
ALTER TABLE mentions DROP CONSTRAINT IF EXISTS mentions_article_id_fkey;
ALTER TABLE article_entities DROP CONSTRAINT IF EXISTS article_entities_article_id_fkey,
	DROP CONSTRAINT IF EXISTS article_entities_ref_fkey;
ALTER TABLE quotes DROP CONSTRAINT IF EXISTS quotes_article_id_fkey,
	DROP CONSTRAINT IF EXISTS quotes_speaker_ref_fkey;
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_article_id_fkey;
ALTER TABLE entity_tones DROP CONSTRAINT IF EXISTS entity_tones_article_id_fkey;
ALTER TABLE article_topics DROP CONSTRAINT IF EXISTS article_topics_article_id_fkey;
ALTER TABLE fingerprint_bands DROP CONSTRAINT IF EXISTS fingerprint_bands_article_id_fkey;
ALTER TABLE fingerprint_names DROP CONSTRAINT IF EXISTS fingerprint_names_article_id_fkey;

CREATE OR REPLACE FUNCTION articles_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM mentions WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM article_entities WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM quotes WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM events WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM entity_tones WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM article_topics WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM fingerprint_bands WHERE article_id IN (SELECT id FROM gone);
	DELETE FROM fingerprint_names WHERE article_id IN (SELECT id FROM gone);
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS articles_deleted ON articles;
CREATE TRIGGER articles_deleted AFTER DELETE ON articles REFERENCING OLD TABLE AS gone
	FOR EACH STATEMENT EXECUTE FUNCTION articles_deleted();
