-- 16: phrases from an index. GIN keeps no positions, so a phrase was
-- found by reading every article holding all of its words and testing
-- the positions in its tsvector (detoasted): "presiden prabowo" read
-- 8,407 buffers for 1,838 hits at 8,610 articles, its two words without
-- the phrase 517. warta_pairs gives each pair of terms next to each other
-- in an article ('presiden prabowo') as a lexeme, made from the positions
-- of its terms, so that a pair is exactly what <-> finds; the index on
-- it answers a phrase of two words alone and narrows a longer one to the
-- articles holding all of its pairs. An index on an expression, not a
-- column: the pairs are not stored twice (a stored column made the 10k
-- store 18% larger, the index alone 6%), and every writer fills the
-- index with the row, in its transaction. Making the pairs costs far
-- more than reading them, hence the cost: the planner reads them from
-- the index and never makes them to test a row.
--
-- The index itself is no longer made here (pairs.go): on a store that
-- holds articles it is built by CREATE INDEX CONCURRENTLY after the
-- migrations, outside their transaction, which had held the write lock
-- for the whole build (10-12 min at 67,926 articles); a new store gets it
-- with its tables. Stores that ran this migration before have it already.
CREATE OR REPLACE FUNCTION warta_pairs(terms tsvector) RETURNS tsvector
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE COST 10000 AS $$
	SELECT coalesce(array_to_tsvector(array_agg(x.term || ' ' || x.next)), ''::tsvector)
	FROM (SELECT t.lexeme AS term, p, lead(t.lexeme) OVER (ORDER BY p) AS next, lead(p) OVER (ORDER BY p) AS np
		FROM unnest(terms) t, unnest(t.positions) p) x
	WHERE x.np = x.p + 1
$$;
