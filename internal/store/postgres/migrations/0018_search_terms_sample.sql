-- 18: the terms' index also holds each row's day and a sample bucket (a
-- hash of the article id, 0-1023), as keys of btree_gin (PostgreSQL's
-- contrib), so that one index scan gives the matches of a word in a date
-- range, or a sample of a word's matches, and the heap is read for those
-- rows only. The day chart of a search (SearchDays) read the day of every
-- match from the heap: "pemerintah" at 39,090 articles 2,258 heap pages
-- and 38 ms, against 860 and 3 ms for 1/25 of its matches from this
-- index; its first week of July, at the same size, 314 buffers in one
-- scan of it. The planner took the day index alone for a week and tested
-- each row's terms, detoasting them. Built here, inside the migrations'
-- transaction, the index holds the write lock while it is built: 117.5 s
-- at 100,000 articles (README, Capacity).
-- The extension goes into public where there is one, so that dropping a
-- store's own schema does not take the extension, and the indexes of
-- every other schema with it; its operator classes are found from any
-- schema. It replaces the index on the terms alone, which it serves too:
-- one index to write: 23 MB against 22 MB at 39,090 articles.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_extension WHERE extname = 'btree_gin') THEN
		IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public') THEN
			CREATE EXTENSION btree_gin SCHEMA public;
		ELSE
			CREATE EXTENSION btree_gin;
		END IF;
	END IF;
END $$;
CREATE INDEX IF NOT EXISTS search_terms_match ON search_terms USING gin (terms, (hashint8(article_id) & 1023), day)
	WITH (gin_pending_list_limit = 256);
DROP INDEX IF EXISTS search_terms_terms;
ANALYZE search_terms;
