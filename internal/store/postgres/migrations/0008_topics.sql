-- 8: the topics of each article's newest version (IPTC Media Topic codes,
-- best first) and the tone of each of its entities, keyed by the record's
-- entity id so that they follow article_entities to whatever entity it
-- resolves to; filled in for the articles already stored, from their
-- records.

CREATE TABLE article_topics (
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	code       text NOT NULL,      -- medtop:11000000
	rank       integer NOT NULL,   -- 0 for the best subject
	score      double precision NOT NULL,
	PRIMARY KEY (article_id, code)
);
CREATE INDEX article_topics_code ON article_topics (code, article_id);

CREATE TABLE entity_tones (
	article_id bigint NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id   text NOT NULL,      -- the entity's id in the record, as article_entities.local_id
	score      double precision NOT NULL,
	positive   double precision NOT NULL,
	negative   double precision NOT NULL,
	sentences  integer NOT NULL,
	PRIMARY KEY (article_id, local_id)
);

INSERT INTO article_topics (article_id, code, rank, score)
	SELECT a.id, t.value->>'code', t.ord - 1, coalesce((t.value->>'score')::double precision, 0)
	FROM articles a JOIN versions v ON v.id = a.current,
		json_array_elements(CASE WHEN json_typeof(v.record->'topics') = 'array' THEN v.record->'topics' ELSE '[]' END)
			WITH ORDINALITY AS t (value, ord)
	WHERE t.value->>'code' IS NOT NULL
	ON CONFLICT DO NOTHING;

INSERT INTO entity_tones (article_id, local_id, score, positive, negative, sentences)
	SELECT a.id, t.value->>'entity', coalesce((t.value->>'score')::double precision, 0),
		coalesce((t.value->>'positive')::double precision, 0), coalesce((t.value->>'negative')::double precision, 0),
		(t.value->>'sentences')::integer
	FROM articles a JOIN versions v ON v.id = a.current,
		json_array_elements(CASE WHEN json_typeof(v.record->'tone'->'entities') = 'array' THEN v.record->'tone'->'entities' ELSE '[]' END) AS t (value)
	WHERE t.value->>'entity' IS NOT NULL AND (t.value->>'sentences')::integer > 0
	ON CONFLICT DO NOTHING;
