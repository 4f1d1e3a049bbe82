-- 2: lineage: the LSH band keys and name keys of each article's
-- fingerprint, and the relations found between articles (as the SQLite
-- store's second migration).

CREATE TABLE fingerprint_bands (
	band       bigint NOT NULL,     -- an LSH band key of the MinHash signature
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article_id)
);
CREATE INDEX fingerprint_bands_article ON fingerprint_bands (article_id);

CREATE TABLE fingerprint_names (
	name       text NOT NULL,       -- a name key of the fingerprint
	day        text NOT NULL,       -- publication day, '' when unknown
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (name, day, article_id)
);
CREATE INDEX fingerprint_names_article ON fingerprint_names (article_id);

CREATE TABLE relations (
	a        bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	b        bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind     text NOT NULL,         -- copy, same_story, translation
	original bigint,                -- the article copied or translated
	evidence json NOT NULL,
	PRIMARY KEY (a, b),
	CHECK (a < b)
);
CREATE INDEX relations_b ON relations (b);
CREATE INDEX relations_original ON relations (original, kind);
