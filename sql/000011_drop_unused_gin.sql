-- wpingest schema, version 11: two GIN indexes no statement uses any more go. Near-duplicate candidates are looked up
-- in the band btrees (sql/000008_scale.sql), and a settle pass reads a source's articles through articles_source_domain
-- (its `block_fps && ... OR NOT template_fps <@ ...` cannot use a GIN index). Every stored article still put its four
-- bands and each of its kept blocks' fingerprints (about ten) into them, at places spread over the whole index: on a
-- database of a million articles most of those pages are not in shared buffers, so each page of 100 posts read about
-- 400 more index pages and wrote about 250 more full pages to the WAL, work per post that grew with the table.
-- IF EXISTS: another branch may drop them too.
DROP INDEX IF EXISTS articles_simhash_bands;
DROP INDEX IF EXISTS articles_block_fps;
