-- 3: the input log (pipeline.InputKey: source URL and a hash of the raw
-- input → what it was stored as), so that a re-run skips stored inputs
-- before analysis; and the articles whose fingerprint keys are stored.

CREATE TABLE inputs (
	key        text PRIMARY KEY,
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    integer NOT NULL
);
CREATE INDEX inputs_article ON inputs (article_id);

CREATE TABLE fingerprinted (
	article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE
);
INSERT INTO fingerprinted SELECT article_id FROM fingerprint_bands UNION SELECT article_id FROM fingerprint_names;
