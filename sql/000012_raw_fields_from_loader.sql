-- wpingest schema, version 12: raw_posts.link and post_type come from the loader. storeRawPosts now sends them beside
-- each payload (node holds the parsed post), so the trigger of version 9 only fills them for a writer that leaves them
-- out. Its `payload ->> 'link'` and `payload ->> 'type'` each lexed the whole json text of the post (42 KB on the
-- benchmark's posts): 0.55 CPU ms per post, for every post stored, on insert and on the insert attempt of an upsert.
DROP TRIGGER raw_posts_fields ON raw_posts;
CREATE TRIGGER raw_posts_fields_insert BEFORE INSERT ON raw_posts
  FOR EACH ROW WHEN (NEW.link IS NULL AND NEW.post_type IS NULL)
  EXECUTE FUNCTION raw_post_fields();
-- An update of the payload that does not set the two columns itself (they keep their old values) gets them again.
CREATE TRIGGER raw_posts_fields_update BEFORE UPDATE OF payload ON raw_posts
  FOR EACH ROW WHEN (NEW.link IS NOT DISTINCT FROM OLD.link AND NEW.post_type IS NOT DISTINCT FROM OLD.post_type)
  EXECUTE FUNCTION raw_post_fields();

-- Payloads are compressed with lz4 instead of pglz where the server has it (Debian's and the official image's
-- Postgres do): measured on the benchmark's 42 KB posts, 0.45 fewer CPU ms per stored post and 27% less space
-- (9.5 MB instead of 13 MB for 1,000 posts). Only values written from now on; stored ones stay readable as they are.
DO $$
BEGIN
  ALTER TABLE raw_posts ALTER COLUMN payload SET COMPRESSION lz4;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'raw_posts.payload keeps pglz compression: %', SQLERRM;
END
$$;
