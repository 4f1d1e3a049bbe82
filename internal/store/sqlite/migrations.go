package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// mentionsTable is the mentions table of migrations 1 to 18 (19 drops
// it), written once for migration 1 and the test that takes a store back
// to it.
const mentionsTable = `CREATE TABLE mentions (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	entity_id  INTEGER NOT NULL REFERENCES entities (id),
	text       TEXT NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions (entity_id);
CREATE INDEX mentions_article ON mentions (article_id);`

// migrations bring the schema from one version to the next; PRAGMA
// user_version counts those applied. Append new ones at the end and never
// change one that has shipped.
var migrations = []func(ctx context.Context, tx *sql.Tx) error{
	// 1: articles and their versions, the entities, quotes and events of
	// each article's newest version, and the full-text index.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
);

-- An article is one URL, or one text for articles without a URL.
CREATE TABLE articles (
	id      INTEGER PRIMARY KEY,
	key     TEXT NOT NULL UNIQUE,   -- the URL, or 'text:' and the record id
	url     TEXT,
	current INTEGER,                -- versions.id of the newest version
	created TEXT NOT NULL
);
CREATE INDEX articles_current ON articles (current);

-- Every text an article has had, with its record whole.
CREATE TABLE versions (
	id         INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL,    -- 1, 2, ... within the article
	record_id  TEXT NOT NULL,       -- the record's id, a hash of its text
	title      TEXT NOT NULL,
	lead       TEXT NOT NULL,
	site       TEXT,
	section    TEXT,
	published  TEXT,                -- as in the record
	day        TEXT,                -- its date, YYYY-MM-DD
	stored     TEXT NOT NULL,
	record     TEXT NOT NULL,       -- JSON
	UNIQUE (article_id, version),
	UNIQUE (article_id, record_id)
);
CREATE INDEX versions_record_id ON versions (record_id);
CREATE INDEX versions_day ON versions (day);

-- What the index holds: the title and body of each article's newest
-- version. The body is the record's text without the title and the blank
-- line after it.
CREATE VIEW indexed_text (id, title, body) AS
	SELECT v.id, v.title,
		CASE WHEN v.title = '' THEN json_extract(v.record, '$.text')
		ELSE substr(json_extract(v.record, '$.text'), length(v.title) + 3) END
	FROM versions v JOIN articles a ON a.current = v.id;

CREATE VIRTUAL TABLE search_index USING fts5 (
	title, body,
	content = 'indexed_text', content_rowid = 'id',
	tokenize = 'warta'
);
-- Ranking: BM25 with a word in the title worth four in the body.
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(4.0, 1.0)');

-- Entities across articles: one row per resolver key.
CREATE TABLE entities (
	id      INTEGER PRIMARY KEY,
	key     TEXT NOT NULL UNIQUE,
	type    TEXT NOT NULL,
	name    TEXT NOT NULL,          -- the fullest name seen
	norm    TEXT NOT NULL,          -- the name normalised, for look-ups
	country TEXT
);
CREATE INDEX entities_norm ON entities (norm);

-- The entities, mentions, quotes and events below are those of each
-- article's newest version; day is the article's publication date.
CREATE TABLE article_entities (
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	local_id   TEXT NOT NULL,       -- the record's id for it: E1
	entity_id  INTEGER NOT NULL REFERENCES entities (id),
	name       TEXT NOT NULL,
	roles      TEXT,                -- JSON array
	country    TEXT,
	salience   REAL,
	mentions   INTEGER NOT NULL,
	day        TEXT,
	PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities (entity_id, day);

`+mentionsTable+`

CREATE TABLE quotes (
	id           INTEGER PRIMARY KEY,
	article_id   INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	speaker_id   INTEGER REFERENCES entities (id),
	speaker_name TEXT,
	speaker_norm TEXT,
	speaker_role TEXT,
	kind         TEXT NOT NULL,
	text         TEXT NOT NULL,
	start        INTEGER NOT NULL,
	"end"        INTEGER NOT NULL,
	cue          TEXT,
	day          TEXT
);
CREATE INDEX quotes_speaker ON quotes (speaker_id, day);
CREATE INDEX quotes_speaker_norm ON quotes (speaker_norm, day);
CREATE INDEX quotes_article ON quotes (article_id);

CREATE TABLE events (
	id               INTEGER PRIMARY KEY,
	article_id       INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	type             TEXT NOT NULL,
	mode             TEXT,
	source_id        INTEGER REFERENCES entities (id),
	source_name      TEXT,
	source_country   TEXT,
	target_id        INTEGER REFERENCES entities (id),
	target_name      TEXT,
	target_country   TEXT,
	location_id      INTEGER REFERENCES entities (id),
	location_name    TEXT,
	location_country TEXT,
	date             TEXT,          -- as in the record
	day              TEXT,          -- its day, else the publication date
	negated          INTEGER NOT NULL,
	modality         TEXT,
	sentence         INTEGER,
	trigger          TEXT
);
CREATE INDEX events_type ON events (type, day);
CREATE INDEX events_source_country ON events (source_country, day);
CREATE INDEX events_target_country ON events (target_country, day);
CREATE INDEX events_article ON events (article_id);
`)
		return err
	},
	// 2: lineage: the LSH band keys and name keys of each article's
	// fingerprint, and the relations found between articles.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE fingerprint_bands (
	band       INTEGER NOT NULL,    -- an LSH band key of the MinHash signature
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX fingerprint_bands_article ON fingerprint_bands (article_id);

CREATE TABLE fingerprint_names (
	name       TEXT NOT NULL,       -- a name key of the fingerprint
	day        TEXT NOT NULL,       -- publication day, '' when unknown
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	PRIMARY KEY (name, day, article_id)
) WITHOUT ROWID;
CREATE INDEX fingerprint_names_article ON fingerprint_names (article_id);

CREATE TABLE relations (
	a        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	b        INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	kind     TEXT NOT NULL,         -- copy, same_story, translation
	original INTEGER,               -- the article copied or translated
	evidence TEXT NOT NULL,         -- JSON
	PRIMARY KEY (a, b),
	CHECK (a < b)
);
CREATE INDEX relations_b ON relations (b);
CREATE INDEX relations_original ON relations (original, kind);
`)
		return err
	},
	// 3: alerts (saved searches) and the articles that matched them; the
	// day index the dashboard's periods and trends read.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE alerts (
	id      INTEGER PRIMARY KEY,
	name    TEXT NOT NULL,
	query   TEXT NOT NULL,          -- as typed in the search box
	webhook TEXT,
	secret  TEXT,                   -- HMAC-SHA256 key of the webhook
	created TEXT NOT NULL
);

CREATE TABLE alert_matches (
	alert_id   INTEGER NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	matched    TEXT NOT NULL,
	PRIMARY KEY (alert_id, article_id)
) WITHOUT ROWID;
CREATE INDEX alert_matches_newest ON alert_matches (alert_id, matched);

CREATE INDEX article_entities_day ON article_entities (day);
CREATE INDEX quotes_day ON quotes (day);
`)
		return err
	},
	// 4: the raw inputs stored (store.InputLog), so that a re-run skips
	// them before analysis.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE inputs (
	key        TEXT PRIMARY KEY,    -- pipeline.InputKey: source URL and a hash of the raw input
	article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	version    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX inputs_article ON inputs (article_id);
`)
		return err
	},
	// 5: how many articles give each name key, and how many articles have
	// keys, kept as they change: counting postings grows with the store.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE fingerprint_name_counts (
	name     TEXT PRIMARY KEY,
	articles INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO fingerprint_name_counts (name, articles)
	SELECT name, count(DISTINCT article_id) FROM fingerprint_names GROUP BY name;
INSERT INTO meta (key, value)
	SELECT 'fingerprinted_articles', count(DISTINCT article_id) FROM fingerprint_bands;
`)
		return err
	},
	// 6: sources followed, the items each listed, and the validators of
	// every URL fetched.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE sources (
	id             INTEGER PRIMARY KEY,
	url            TEXT NOT NULL UNIQUE,
	name           TEXT NOT NULL DEFAULT '',
	kind           TEXT NOT NULL DEFAULT '',
	feeds          TEXT NOT NULL DEFAULT '[]',  -- JSON array
	interval_s     INTEGER NOT NULL,
	fixed_interval INTEGER NOT NULL DEFAULT 0,
	next_check     TEXT NOT NULL,               -- RFC 3339 UTC, compared as text
	added          TEXT NOT NULL,
	health         TEXT NOT NULL DEFAULT '{}'   -- JSON, store.SourceHealth
);
CREATE INDEX sources_next_check ON sources (next_check);

CREATE TABLE source_items (
	source_id   INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
	url         TEXT NOT NULL,
	fingerprint TEXT NOT NULL,
	seen        TEXT NOT NULL,
	PRIMARY KEY (source_id, url)
) WITHOUT ROWID;

CREATE TABLE fetch_validators (
	url           TEXT PRIMARY KEY,
	etag          TEXT NOT NULL,
	last_modified TEXT NOT NULL
) WITHOUT ROWID;
`)
		return err
	},
	// 7: records are stored compressed (record.go): the index's view reads
	// their text through record_json, which reads rows of both kinds.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
DROP VIEW indexed_text;
CREATE VIEW indexed_text (id, title, body) AS
	SELECT v.id, v.title,
		CASE WHEN v.title = '' THEN json_extract(record_json(v.record), '$.text')
		ELSE substr(json_extract(record_json(v.record), '$.text'), length(v.title) + 3) END
	FROM versions v JOIN articles a ON a.current = v.id;
`)
		return err
	},
	// 8: search at scale. Name filters look entities up by the words of
	// their names (entity_names, kept by triggers) and quoted speakers'
	// names in speaker_names, instead of reading every row; hits are
	// checked and sorted in covering indexes of versions (versions_hits by
	// id, versions_by_date in date order, which replaces versions_day),
	// without reading the versions' records.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE VIRTUAL TABLE entity_names USING fts5 (
	norm,
	content = 'entities', content_rowid = 'id',
	tokenize = 'unicode61 remove_diacritics 0'
);
INSERT INTO entity_names (entity_names) VALUES ('rebuild');
CREATE TRIGGER entity_names_insert AFTER INSERT ON entities BEGIN
	INSERT INTO entity_names (rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER entity_names_update AFTER UPDATE OF norm ON entities WHEN old.norm <> new.norm BEGIN
	INSERT INTO entity_names (entity_names, rowid, norm) VALUES ('delete', old.id, old.norm);
	INSERT INTO entity_names (rowid, norm) VALUES (new.id, new.norm);
END;
CREATE TRIGGER entity_names_delete AFTER DELETE ON entities BEGIN
	INSERT INTO entity_names (entity_names, rowid, norm) VALUES ('delete', old.id, old.norm);
END;

-- Every speaker name quoted, normalised; never emptied (a name no quote
-- has any more matches nothing).
CREATE TABLE speaker_names (norm TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO speaker_names (norm) SELECT speaker_norm FROM quotes WHERE speaker_norm IS NOT NULL;
CREATE TRIGGER speaker_names_insert AFTER INSERT ON quotes WHEN new.speaker_norm IS NOT NULL BEGIN
	INSERT OR IGNORE INTO speaker_names (norm) VALUES (new.speaker_norm);
END;

CREATE INDEX article_entities_entity_article ON article_entities (entity_id, article_id);
DROP INDEX versions_day;
CREATE INDEX versions_by_date ON versions (day, published, article_id, site, section);
CREATE INDEX versions_hits ON versions (id, day, published, article_id, site, section);
`)
		return err
	},
	// 9: store-wide identity: the ref of each entity of an article and of
	// each quote's speaker (the entities row of the real-world entity it
	// is; internal/identity decides), and what the linker learnt: the
	// names of each ref and who held which office when, by ref key.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
ALTER TABLE article_entities ADD COLUMN ref INTEGER REFERENCES entities (id);
ALTER TABLE article_entities ADD COLUMN office TEXT;  -- set when an office title is resolved to its holder
UPDATE article_entities SET ref = entity_id;
CREATE INDEX article_entities_ref ON article_entities (ref, day);
ALTER TABLE quotes ADD COLUMN speaker_ref INTEGER REFERENCES entities (id);
UPDATE quotes SET speaker_ref = speaker_id;
CREATE INDEX quotes_speaker_ref ON quotes (speaker_ref, day);

CREATE TABLE entity_aliases (
	type     TEXT NOT NULL,         -- of the entities that used the name
	norm     TEXT NOT NULL,         -- the name normalised
	ref      TEXT NOT NULL,         -- the ref's key (entities.key)
	name     TEXT NOT NULL,         -- the name as first written
	articles INTEGER NOT NULL,
	PRIMARY KEY (type, norm, ref)
) WITHOUT ROWID;

CREATE TABLE office_terms (
	office   TEXT NOT NULL,
	month    TEXT NOT NULL,         -- YYYY-MM
	ref      TEXT NOT NULL,         -- the holder's key (entities.key)
	articles INTEGER NOT NULL,
	PRIMARY KEY (office, month, ref)
) WITHOUT ROWID;
`)
		return err
	},
	// 10: topics and entity tones (topics.go).
	migrateTopics,
	// 11: each fingerprinted article's compare fields (lineage.EncodeFields),
	// written with its keys, so that the linker compares candidates without
	// decoding their records. Articles linked before have none: the linker
	// reads their records instead, as it did.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE fingerprint_fields (
	article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
	fields     BLOB NOT NULL
);
`)
		return err
	},
	// 12: what story listings read of each related article (stories.go).
	migrateStoryArticles,
	// 13: entity pages and name filters at scale (search.go, query.go,
	// identity.go): the refs of an entity and the entities of a ref are
	// found by seeks in (entity_id, ref) and (ref, entity_id, ...), never
	// by reading all of a much mentioned entity's rows; a ref's newest
	// articles come in article order from the latter, its first ones in
	// date order from (ref, day, article_id); a speaker's quotes in page
	// order from covering indexes, so that a page stops at its limit; an
	// entity's events from their actors' indexes, not a scan of all.
	// Each replaced index is a prefix of its replacement. 2 min 34 s (27 s
	// CPU) on a 100k-article store (1.9M entity rows, 560k quotes) at load
	// 25–30. It may run again on a store taken back to an older version
	// (as tests do), hence IF (NOT) EXISTS.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE INDEX IF NOT EXISTS article_entities_entity_ref ON article_entities (entity_id, ref);
CREATE INDEX IF NOT EXISTS article_entities_ref_entity ON article_entities (ref, entity_id, article_id, mentions);
DROP INDEX IF EXISTS article_entities_ref;
CREATE INDEX IF NOT EXISTS article_entities_ref_day ON article_entities (ref, day, article_id);
DROP INDEX IF EXISTS quotes_speaker;
CREATE INDEX IF NOT EXISTS quotes_speaker_page ON quotes (speaker_id, day, article_id, start);
DROP INDEX IF EXISTS quotes_speaker_ref;
CREATE INDEX IF NOT EXISTS quotes_speaker_ref_page ON quotes (speaker_ref, day, article_id, start);
DROP INDEX IF EXISTS quotes_speaker_norm;
CREATE INDEX IF NOT EXISTS quotes_speaker_norm_page ON quotes (speaker_norm, day, article_id, start);
CREATE INDEX IF NOT EXISTS entity_aliases_norm ON entity_aliases (norm);
CREATE INDEX IF NOT EXISTS events_source ON events (source_id, day, article_id, sentence);
CREATE INDEX IF NOT EXISTS events_target ON events (target_id, day, article_id, sentence);
`)
		return err
	},
	// 14: all articles per day (insights.go's ArticleDays, the /search
	// chart's denominator), kept by triggers as articles change version or
	// go, instead of counted over every article per request.
	migrateArticleDays,
	// 15: the count of fingerprinted articles that every fingerprinted
	// article updated is dropped: only tests read it, and they count
	// (FingerprintCount).
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'fingerprinted_articles'`)
		return err
	},
	// 16: the full-text index gets a tags column (tags.go): a search's
	// entity and date filters become terms that FTS5 merges with the
	// words. The index is built again from the view.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
DROP TABLE search_index;
DROP VIEW indexed_text;
`+indexedTextView(tagsColumnSQL16)+`;
CREATE VIRTUAL TABLE search_index USING fts5 (
	title, body, tags,
	content = 'indexed_text', content_rowid = 'id',
	tokenize = 'warta'
);
-- Ranking: BM25 with a word in the title worth four in the body; tags
-- filter and weigh nothing.
INSERT INTO search_index (search_index, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.0)');
INSERT INTO search_index (search_index) VALUES ('rebuild');
`)
		return err
	},
	// 17: the zstd dictionaries records are compressed with (record.go),
	// each named in its frames by the id in its header. IF NOT EXISTS as
	// in 13.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE TABLE IF NOT EXISTS record_dicts (
	seq  INTEGER PRIMARY KEY,
	dict BLOB NOT NULL
);
`)
		return err
	},
	// 18: each fingerprinted article's band and name keys in one row of
	// fingerprint_keys (lineage.go), by which a new version or a deletion
	// takes its postings out by primary key; the postings' article
	// indexes go (1.37 MiB per 1,000 articles, 62 index entries written an
	// article), and with them the foreign keys whose cascade would scan
	// the postings without them. IF NOT EXISTS and OR REPLACE as in 13.
	migrateFingerprintKeys,
	// 19: the mentions table goes; each article_entities row keeps the
	// texts its entity is written as, with their counts (names, put.go's
	// mentionNames), for the entity and identity pages that read them by
	// entity.
	migrateMentionNames,
	// 20: the speakers a version quotes are tags of the full-text index
	// (tags.go), as its entities are; the index is built again.
	migrateSpeakerTags,
	// 21: each entity's tone in its article_entities row
	// (migrateEntityTones); entity_tones goes.
	migrateEntityTones,
	// 22: the input log keyed by a 16-byte hash of the key (inputs.go's
	// migrateInputKeys).
	migrateInputKeys,
	// 23: two of article_entities' indexes go. (entity_id, ref) takes
	// article_id as a third column and replaces (entity_id, article_id):
	// an entity's rows newest first are read one arm per ref and merged
	// (refs.go's newestArms). (day) goes: counts over a date range come
	// from the range's current versions (versions_by_date) and their rows
	// by article (insights.go). IF (NOT) EXISTS as in 13.
	func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
CREATE INDEX IF NOT EXISTS `+entityRefIndex+` ON article_entities (entity_id, ref, article_id);
DROP INDEX IF EXISTS article_entities_entity_ref;
DROP INDEX IF EXISTS article_entities_entity_article;
DROP INDEX IF EXISTS article_entities_day;
`)
		return err
	},
	// 24: fingerprint_names' day as a number (lineage.go's
	// migrateNameDays).
	migrateNameDays,
	// 25: article_entities' salience in thousandths and tones in
	// hundredths (put.go's scaled), whole numbers, which this UPDATE
	// stores in 1–2 bytes. Run once: the meta row says it ran.
	func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO meta (key, value) VALUES ('entity_scales', '1000 100')`)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		scale := func(col string, k int) string {
			return fmt.Sprintf(`%[1]s = CASE WHEN round(%[1]s * %[2]d) / %[2]d.0 = %[1]s THEN round(%[1]s * %[2]d) ELSE %[1]s * %[2]d END`, col, k)
		}
		_, err = tx.ExecContext(ctx, `UPDATE article_entities SET `+scale("salience", salienceScale)+`, `+
			scale("tone_score", toneScale)+`, `+scale("tone_positive", toneScale)+`, `+scale("tone_negative", toneScale))
		return err
	},
	// 26: the scaled salience and tones move to columns without REAL
	// affinity (migrateScaledColumns).
	migrateScaledColumns,
}

// migrateScaledColumns is migration 26: article_entities' scaled salience
// and tones (put.go's scaled) go in new, untyped columns, whole numbers as
// integers, and the REAL ones are left NULL (a NULL takes no byte but its
// header's). On a store migrated already it does nothing.
func migrateScaledColumns(ctx context.Context, tx *sql.Tx) error {
	has, _, err := schemaHas(ctx, tx, "salience_1000", "")
	if err != nil || has {
		return err
	}
	move := func(from, to string) string {
		return fmt.Sprintf(`%[2]s = CASE WHEN %[1]s = round(%[1]s) AND abs(%[1]s) < 9007199254740992 THEN CAST(%[1]s AS INTEGER) ELSE %[1]s END, %[1]s = NULL`, from, to)
	}
	_, err = tx.ExecContext(ctx, `
ALTER TABLE article_entities ADD COLUMN salience_1000;       -- salience in thousandths
ALTER TABLE article_entities ADD COLUMN tone_score_100;      -- the tones in hundredths
ALTER TABLE article_entities ADD COLUMN tone_positive_100;
ALTER TABLE article_entities ADD COLUMN tone_negative_100;
UPDATE article_entities SET `+move("salience", "salience_1000")+`, `+move("tone_score", "tone_score_100")+`,
	`+move("tone_positive", "tone_positive_100")+`, `+move("tone_negative", "tone_negative_100")+`;`)
	return err
}

// migrate applies the migrations not applied yet, all in one transaction
// that holds the write lock, so that two processes opening a new data
// directory at once do not both migrate it. The version is read first
// without the lock: opening a store that needs nothing must not wait
// for an ingest's batch to commit (it failed once the batch held the
// lock past the busy timeout).
func (s *Store) migrate(ctx context.Context) error {
	if done, err := s.migrated(ctx, s.db); err != nil || done {
		return err
	}
	tx, err := s.wdb.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer tx.Rollback()
	// Again under the lock: another process may have migrated it since.
	var version int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if done, err := s.checkVersion(version); err != nil || done {
		return err
	}
	for i := version; i < len(migrations); i++ {
		if err := migrations[i](ctx, tx); err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", i+1, err)
		}
	}
	// PRAGMA takes no parameters; the value is a count of our own.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, len(migrations))); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	s.log.Debug("migrated", "db", s.path, "from", version, "to", len(migrations))
	return nil
}

// migrated reports whether the schema read through q is this warta's.
func (s *Store) migrated(ctx context.Context, q querier) (bool, error) {
	var version int
	if err := q.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return false, fmt.Errorf("sqlite: migrate: %w", err)
	}
	return s.checkVersion(version)
}

// checkVersion reports whether version is this warta's schema, and fails
// for a newer one.
func (s *Store) checkVersion(version int) (bool, error) {
	if version > len(migrations) {
		return false, fmt.Errorf("sqlite: %s has schema version %d, newer than this warta (%d): upgrade warta", s.path, version, len(migrations))
	}
	return version == len(migrations), nil
}

// migrateMentionNames is migration 19. The mentions of an article's
// entities row were filed by entities.id: where two rows of an article
// share one, the first (by rowid) takes them all and the others none
// ('{}'), so that the counts add up as before. On a store migrated
// already it does nothing.
func migrateMentionNames(ctx context.Context, tx *sql.Tx) error {
	hasNames, hasMentions, err := schemaHas(ctx, tx, "names", "mentions")
	if err != nil {
		return err
	}
	if !hasNames {
		// JSON, each text a mention is written as and its count; NULL
		// when all are written as the row's name.
		if _, err := tx.ExecContext(ctx, `ALTER TABLE article_entities ADD COLUMN names TEXT`); err != nil {
			return err
		}
	}
	if !hasMentions {
		return nil
	}
	_, err = tx.ExecContext(ctx, `
UPDATE article_entities SET names = CASE
	WHEN rowid > (SELECT min(o.rowid) FROM article_entities o WHERE o.article_id = article_entities.article_id AND o.entity_id = article_entities.entity_id) THEN '{}'
	ELSE (SELECT json_group_object(text, n) FROM (SELECT text, count(*) AS n FROM mentions m
		WHERE m.article_id = article_entities.article_id AND m.entity_id = article_entities.entity_id GROUP BY text)) END;
UPDATE article_entities SET names = NULL WHERE names = json_object(name, mentions);
DROP TABLE mentions;
`)
	return err
}

// migrateEntityTones is migration 21: an entity's tone goes in its
// article_entities row (NULL where the tone stage read no sentence of
// it), and entity_tones, one row and one B-tree entry per entity row
// keyed as the row is (every entity row had one), goes. A tone of a
// record id no entity row has was never read (the tone page joined the
// two) and is dropped with the table. On a store migrated already it
// does nothing.
func migrateEntityTones(ctx context.Context, tx *sql.Tx) error {
	hasColumns, hasTable, err := schemaHas(ctx, tx, "tone_sentences", "entity_tones")
	if err != nil {
		return err
	}
	if !hasColumns {
		if _, err := tx.ExecContext(ctx, `
ALTER TABLE article_entities ADD COLUMN tone_score REAL;     -- GDELT-style: positive − negative
ALTER TABLE article_entities ADD COLUMN tone_positive REAL;
ALTER TABLE article_entities ADD COLUMN tone_negative REAL;
ALTER TABLE article_entities ADD COLUMN tone_sentences INTEGER;  -- NULL: no tone`); err != nil {
			return err
		}
	}
	if !hasTable {
		return nil
	}
	_, err = tx.ExecContext(ctx, `
UPDATE article_entities SET tone_score = t.score, tone_positive = t.positive, tone_negative = t.negative, tone_sentences = t.sentences
	FROM entity_tones t WHERE t.article_id = article_entities.article_id AND t.local_id = article_entities.local_id;
DROP TABLE entity_tones;`)
	return err
}

// schemaHas reports whether article_entities has column and whether
// table exists: what a migration that moves a table into columns of
// article_entities checks, so that it runs again on a store it has
// migrated.
func schemaHas(ctx context.Context, tx *sql.Tx, column, table string) (hasColumn, hasTable bool, err error) {
	err = tx.QueryRowContext(ctx, `SELECT
		EXISTS (SELECT 1 FROM pragma_table_info('article_entities') WHERE name = ?),
		EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?)`, column, table).Scan(&hasColumn, &hasTable)
	return hasColumn, hasTable, err
}
