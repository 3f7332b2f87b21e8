-- GIN indexes buffer new entries in a pending list that every search reads in full until a vacuum merges it.
-- Articles arrive in a steady stream and every page's near-duplicate lookup searches the band index, so the
-- list grew with the table (14,937 pending entries after a 15,000-post backfill, 2 ms per lookup instead of
-- 0.05 ms): the cost per post grew with the database. Entries now go straight into the index.
ALTER INDEX articles_simhash_bands SET (fastupdate = off);
ALTER INDEX articles_block_fps SET (fastupdate = off);
SELECT gin_clean_pending_list('articles_simhash_bands'::regclass);
SELECT gin_clean_pending_list('articles_block_fps'::regclass);
