-- 10: each fingerprinted article's compare fields (lineage.EncodeFields),
-- written with its keys, so that the linker compares candidates without
-- decoding their records. Articles linked before have none: the linker
-- reads their records instead, as it did.

CREATE TABLE IF NOT EXISTS fingerprint_fields (
	article_id bigint PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	fields     bytea NOT NULL
);
