-- 7: store-wide identity: the ref of each entity of an article and of each
-- quote's speaker (the entities row of the real-world entity it is;
-- internal/identity decides), and what the linker learnt: the names of
-- each ref and who held which office when, by ref key.

ALTER TABLE article_entities ADD COLUMN ref bigint REFERENCES entities (id);
ALTER TABLE article_entities ADD COLUMN office text;
UPDATE article_entities SET ref = entity_id;
CREATE INDEX article_entities_ref ON article_entities (ref, day);
ALTER TABLE quotes ADD COLUMN speaker_ref bigint REFERENCES entities (id);
UPDATE quotes SET speaker_ref = speaker_id;
CREATE INDEX quotes_speaker_ref ON quotes (speaker_ref, day);

CREATE TABLE entity_aliases (
	type     text NOT NULL,
	norm     text NOT NULL,
	ref      text NOT NULL,
	name     text NOT NULL,
	articles integer NOT NULL,
	PRIMARY KEY (type, norm, ref)
);

CREATE TABLE office_terms (
	office   text NOT NULL,
	month    text NOT NULL,
	ref      text NOT NULL,
	articles integer NOT NULL,
	PRIMARY KEY (office, month, ref)
);
