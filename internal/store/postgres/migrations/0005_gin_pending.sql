-- 5: a small pending list for the search index. GIN gathers new entries in
-- an unsorted list (fastupdate) that every search reads whole until it is
-- merged; at the default 4 MB a search of a rare word read hundreds of
-- pages, and the planner, counting them, chose to read every article's
-- terms instead. 256 kB keeps writes batched and searches short; Optimize
-- merges the list.
ALTER INDEX search_terms_terms SET (gin_pending_list_limit = 256);
