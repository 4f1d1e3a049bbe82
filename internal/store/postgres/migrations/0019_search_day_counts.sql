-- 19: the current articles of each day, for the day chart's axis
-- (ArticleDays), kept as signed deltas by statement triggers on
-- search_terms: every statement that adds, removes or moves rows adds
-- one row per day it changed. Counting the day index's entries read all
-- 100,000 of them for every /search page: 100–164 ms at 100k articles
-- (load 27), 0.35 ms from these. Deltas, not one row per day updated in
-- place: writers of the same days would wait on each other's row locks
-- until their batches commit. Optimize sums them into one row per day.
-- Writers first wait and then stay out until the migration commits: a
-- batch that inserted before the count's snapshot and committed after it
-- would be in neither the count nor a delta (the advisory migration lock
-- is one writers do not take). About 0.85 s at 100k.
LOCK TABLE search_terms IN SHARE ROW EXCLUSIVE MODE;
CREATE TABLE IF NOT EXISTS search_day_counts (
	day      text NOT NULL,
	articles bigint NOT NULL
);
CREATE INDEX IF NOT EXISTS search_day_counts_day ON search_day_counts (day);
DELETE FROM search_day_counts;
INSERT INTO search_day_counts (day, articles)
	SELECT day, count(*) FROM search_terms WHERE day IS NOT NULL GROUP BY day;

CREATE OR REPLACE FUNCTION search_days_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO search_day_counts (day, articles)
			SELECT day, count(*) FROM new_rows WHERE day IS NOT NULL GROUP BY day;
	ELSIF TG_OP = 'DELETE' THEN
		INSERT INTO search_day_counts (day, articles)
			SELECT day, -count(*) FROM old_rows WHERE day IS NOT NULL GROUP BY day;
	ELSE
		INSERT INTO search_day_counts (day, articles)
			SELECT day, sum(n) FROM (SELECT day, 1 AS n FROM new_rows UNION ALL SELECT day, -1 FROM old_rows) d
			WHERE day IS NOT NULL GROUP BY day HAVING sum(n) <> 0;
	END IF;
	RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS search_days_added ON search_terms;
CREATE TRIGGER search_days_added AFTER INSERT ON search_terms REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION search_days_counted();
DROP TRIGGER IF EXISTS search_days_removed ON search_terms;
CREATE TRIGGER search_days_removed AFTER DELETE ON search_terms REFERENCING OLD TABLE AS old_rows
	FOR EACH STATEMENT EXECUTE FUNCTION search_days_counted();
DROP TRIGGER IF EXISTS search_days_moved ON search_terms;
CREATE TRIGGER search_days_moved AFTER UPDATE ON search_terms REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION search_days_counted();
