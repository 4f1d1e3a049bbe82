-- 6: how many articles give each name key, and how many articles have
-- keys, kept by triggers as the keys change (also when an article's
-- deletion cascades to them): counting postings at each look-up grows with
-- the store. Each statement's rows are counted once, in name order, so
-- that writers lock the same counts in the same order.

CREATE TABLE fingerprint_name_counts (
	name     text PRIMARY KEY,
	articles bigint NOT NULL
);
INSERT INTO fingerprint_name_counts (name, articles)
	SELECT name, count(DISTINCT article_id) FROM fingerprint_names GROUP BY name;

CREATE FUNCTION fingerprint_names_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO fingerprint_name_counts (name, articles)
		SELECT name, CASE WHEN TG_OP = 'INSERT' THEN count(*) ELSE -count(*) END
		FROM changed_rows GROUP BY name ORDER BY name
		ON CONFLICT (name) DO UPDATE SET articles = fingerprint_name_counts.articles + excluded.articles;
	RETURN NULL;
END $$;
CREATE TRIGGER fingerprint_names_added AFTER INSERT ON fingerprint_names
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION fingerprint_names_count();
CREATE TRIGGER fingerprint_names_removed AFTER DELETE ON fingerprint_names
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION fingerprint_names_count();

CREATE TABLE fingerprinted_count (
	articles bigint NOT NULL
);
INSERT INTO fingerprinted_count (articles) SELECT count(*) FROM fingerprinted;

CREATE FUNCTION fingerprinted_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	SELECT count(*) INTO n FROM changed_rows;
	IF n > 0 THEN
		UPDATE fingerprinted_count SET articles = articles + CASE WHEN TG_OP = 'INSERT' THEN n ELSE -n END;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER fingerprinted_added AFTER INSERT ON fingerprinted
	REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION fingerprinted_counted();
CREATE TRIGGER fingerprinted_removed AFTER DELETE ON fingerprinted
	REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION fingerprinted_counted();
