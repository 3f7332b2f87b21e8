-- wpingest schema, version 16: full-text indexing leaves the ingest path. Computing articles.search_vector in the
-- insert trigger and putting it into the GIN index cost Postgres about 1.2 ms of CPU per stored article (measured:
-- 1,900 seed-shaped articles inserted in 0.3 s without the trigger and index, 2.6 s with them), a quarter of all the
-- Postgres work of a backfill. Now a stored or re-written article has search_vector NULL ("pending") and the search
-- indexer fills it in batches when the pipeline is idle and at the end of every run (src/load/indexPendingSearch.ts).
-- Searches stay exact meanwhile: search_matches also matches pending articles, computing their vector on the fly.
DROP TRIGGER IF EXISTS articles_search_insert ON articles;
DROP TRIGGER IF EXISTS articles_search_update ON articles;

CREATE FUNCTION clear_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := NULL;
  RETURN NEW;
END
$$;
-- An update that changes the indexed text makes the article pending again (an update that sets only
-- search_vector, the indexer's, fires nothing).
CREATE TRIGGER articles_search_update BEFORE UPDATE OF title, summary, body_text, language ON articles
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
                     OR OLD.body_text IS DISTINCT FROM NEW.body_text OR OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION clear_article_search_vector();

-- The indexer's queue and the search fallback's scan: only pending articles, so it stays small.
CREATE INDEX articles_search_pending ON articles (id) WHERE search_vector IS NULL;

-- search_matches(q): as in version 9, plus the pending articles, whose vector is computed here (exact results;
-- slower while a large backlog waits, e.g. during a backfill).
CREATE OR REPLACE FUNCTION search_matches(q text) RETURNS TABLE (id bigint, cfg regconfig, query tsquery, rank real)
LANGUAGE plpgsql STABLE PARALLEL SAFE ROWS 100 SET enable_seqscan = off AS $$
DECLARE
  parsed record;
BEGIN
  FOR parsed IN SELECT * FROM search_queries(q) LOOP
    CONTINUE WHEN numnode(parsed.query) = 0;  -- only stopwords in this language: matches nothing
    RETURN QUERY
      SELECT a.id, parsed.cfg, parsed.query, ts_rank(a.search_vector, parsed.query)
        FROM articles a
       WHERE a.search_vector @@ parsed.query AND text_search_config(a.language) = parsed.cfg;
    RETURN QUERY
      SELECT p.id, parsed.cfg, parsed.query, ts_rank(p.vector, parsed.query)
        FROM (SELECT a.id, article_search_vector(a.title, a.summary, a.body_text, a.language) AS vector
                FROM articles a
               WHERE a.search_vector IS NULL AND text_search_config(a.language) = parsed.cfg
              OFFSET 0) p
       WHERE p.vector @@ parsed.query;
  END LOOP;
END
$$;
