-- Records are compressed with lz4 rather than pglz when the server has it
-- (PostgreSQL 14 and later, built with lz4, as Debian's is): pglz is the
-- larger cost of writing a version. Old rows keep their compression; a
-- server without lz4 keeps pglz.
DO $$
BEGIN
	EXECUTE 'ALTER TABLE versions ALTER COLUMN record SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
	RAISE NOTICE 'records stay pglz-compressed: %', SQLERRM;
END
$$;
