-- 11: the count of fingerprinted articles is no longer kept by a trigger.
-- Its one row was updated by every batch that linked an article, so two
-- writers linking at once waited on each other for the whole of a batch;
-- only tests ask for the count, which counting fingerprinted gives.

DROP TRIGGER IF EXISTS fingerprinted_added ON fingerprinted;
DROP TRIGGER IF EXISTS fingerprinted_removed ON fingerprinted;
DROP FUNCTION IF EXISTS fingerprinted_counted();
DROP TABLE IF EXISTS fingerprinted_count;
