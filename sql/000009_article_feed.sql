-- wpingest schema, version 9: getting the articles out. A public view in the user's terms (`article_feed`),
-- full-text search, named export cursors, and the per-source post types and credentials.

-- The WP post's own permalink and type, read once from the stored payload: the feed lists every post behind an
-- article, and parsing a 45 KB payload per row on every export or API page would dominate their cost. Kept by a
-- trigger on payload changes rather than as generated columns: Postgres 15 recomputes stored generated columns on
-- every UPDATE of a row, and raw_posts rows are updated for other reasons (processed_hash, status) all the time.
ALTER TABLE raw_posts ADD COLUMN link text;
ALTER TABLE raw_posts ADD COLUMN post_type text;
CREATE FUNCTION raw_post_fields() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.link := NEW.payload ->> 'link';
  NEW.post_type := NEW.payload ->> 'type';
  RETURN NEW;
END
$$;
CREATE TRIGGER raw_posts_fields BEFORE INSERT OR UPDATE OF payload ON raw_posts
  FOR EACH ROW EXECUTE FUNCTION raw_post_fields();
UPDATE raw_posts SET link = payload ->> 'link', post_type = payload ->> 'type';

-- text_search_config(language): the Postgres text search configuration for a BCP 47 primary tag as
-- `detectLanguage` writes it ('en', 'de', ...), `simple` (no stemming, no stopwords) for anything else.
-- IMMUTABLE because a generated column needs it; the mapping only ever grows with a new function version.
CREATE FUNCTION text_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE lower(split_part(coalesce(language, ''), '-', 1))
    WHEN 'en' THEN 'english'::regconfig  WHEN 'de' THEN 'german'::regconfig   WHEN 'fr' THEN 'french'::regconfig
    WHEN 'es' THEN 'spanish'::regconfig  WHEN 'it' THEN 'italian'::regconfig  WHEN 'nl' THEN 'dutch'::regconfig
    WHEN 'pt' THEN 'portuguese'::regconfig WHEN 'sv' THEN 'swedish'::regconfig WHEN 'da' THEN 'danish'::regconfig
    WHEN 'fi' THEN 'finnish'::regconfig  WHEN 'no' THEN 'norwegian'::regconfig WHEN 'nb' THEN 'norwegian'::regconfig
    WHEN 'ru' THEN 'russian'::regconfig  WHEN 'tr' THEN 'turkish'::regconfig  WHEN 'hu' THEN 'hungarian'::regconfig
    WHEN 'ro' THEN 'romanian'::regconfig WHEN 'el' THEN 'greek'::regconfig    WHEN 'ar' THEN 'arabic'::regconfig
    ELSE 'simple'::regconfig
  END
$$;

-- search_queries(q): the websearch query `q` parsed once per text search configuration in use by
-- text_search_config (the same list of languages). A document only matches the query parsed with its own
-- configuration; joining on it keeps every probe on the GIN index.
CREATE FUNCTION search_queries(q text) RETURNS TABLE (cfg regconfig, query tsquery)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 20 AS $$
  SELECT c.cfg, websearch_to_tsquery(c.cfg, q)
    FROM (SELECT DISTINCT text_search_config(l) AS cfg
            FROM unnest(ARRAY['en', 'de', 'fr', 'es', 'it', 'nl', 'pt', 'sv', 'da', 'fi', 'no', 'ru', 'tr', 'hu', 'ro', 'el', 'ar', '']) l) c
$$;

-- search_matches(q): every article matching the websearch query `q` parsed with the article's own language
-- configuration, with its ts_rank. A loop over the configurations, each a plain indexed query. Seq scans are off
-- inside: the planner does not count detoasting every stored tsvector, so on a table of a few thousand articles it
-- chose to scan them all (50 ms per configuration over 2,850 articles, against well under 1 ms through the index).
CREATE FUNCTION search_matches(q text) RETURNS TABLE (id bigint, cfg regconfig, query tsquery, rank real)
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
  END LOOP;
END
$$;

-- article_search_vector(...): title (weight A) ranks above summary and body (weight B). The body is capped at
-- 200,000 characters: a tsvector is limited to 1 MB and an over-long body must never make its article fail to
-- store (positions past 16,383 are clamped by Postgres anyway, so the tail adds little to ranking).
CREATE FUNCTION article_search_vector(title text, summary text, body_text text, language text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector(text_search_config(language), coalesce(title, '')), 'A')
      || setweight(to_tsvector(text_search_config(language), coalesce(summary, '') || ' ' || left(coalesce(body_text, ''), 200000)), 'B')
$$;

-- articles.search_vector, kept by triggers only when the text or language changes. Not a generated column:
-- Postgres 15 recomputes those on every UPDATE, and articles are updated for other reasons (cluster_id by every
-- page's near-duplicate pass, deleted_at): measured, 485 cluster_id updates took 1.3 s, all of it to_tsvector.
ALTER TABLE articles ADD COLUMN search_vector tsvector;
CREATE FUNCTION set_article_search_vector() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := article_search_vector(NEW.title, NEW.summary, NEW.body_text, NEW.language);
  RETURN NEW;
END
$$;
CREATE TRIGGER articles_search_insert BEFORE INSERT ON articles
  FOR EACH ROW EXECUTE FUNCTION set_article_search_vector();
CREATE TRIGGER articles_search_update BEFORE UPDATE OF title, summary, body_text, language ON articles
  FOR EACH ROW WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary IS DISTINCT FROM NEW.summary
                     OR OLD.body_text IS DISTINCT FROM NEW.body_text OR OLD.language IS DISTINCT FROM NEW.language)
  EXECUTE FUNCTION set_article_search_vector();
UPDATE articles SET search_vector = article_search_vector(title, summary, body_text, language);
CREATE INDEX articles_search ON articles USING gin (search_vector);

-- Keyset order of incremental consumers: (updated_at, id).
CREATE INDEX articles_updated ON articles (updated_at, id);

-- Deleting or restoring an article is a change an incremental consumer must see: it moves updated_at.
CREATE FUNCTION touch_article_on_delete() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER articles_deleted_touch BEFORE UPDATE OF deleted_at ON articles
  FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at) EXECUTE FUNCTION touch_article_on_delete();

-- The public shape of an article: what `wpingest export`, the read API and psql users see. Internal columns
-- (fingerprints, simhash, removal log, version keys) stay in `articles`. Deleted articles are included with
-- `deleted_at` set, so incremental consumers learn of deletions; export and the API show live ones by default.
CREATE VIEW article_feed AS
SELECT a.id,
       a.source_url,
       coalesce((SELECT array_agg(r.link ORDER BY r.wp_id) FROM article_posts ap
                   JOIN raw_posts r ON r.site_id = ap.site_id AND r.wp_id = ap.wp_id
                  WHERE ap.article_id = a.id AND r.link IS NOT NULL), '{}') AS permalinks,
       s.url AS site,
       rp.post_type,
       a.title,
       a.summary,
       a.authors,
       a.published_at,
       a.modified_at,
       a.section,
       a.topics,
       a.image,
       a.body_text,
       a.body_html,
       a.related,
       a.language,
       a.word_count,
       coalesce((SELECT jsonb_agg(jsonb_build_object('slot', at.slot, 'position', at.position, 'title', t.title,
                                                     'url', t.url, 'image_url', t.image_url) ORDER BY at.position)
                   FROM article_teasers at JOIN teasers t ON t.id = at.teaser_id
                  WHERE at.article_id = a.id), '[]'::jsonb) AS teasers,
       a.created_at,
       a.updated_at,
       a.deleted_at
  FROM articles a
  JOIN sites s ON s.id = a.version_site_id
  LEFT JOIN raw_posts rp ON rp.site_id = a.version_site_id AND rp.wp_id = a.version_wp_id;

COMMENT ON VIEW article_feed IS 'One row per source story in its public shape (see README, "Data dictionary"); deleted ones have deleted_at set';
COMMENT ON COLUMN article_feed.id IS 'Stable article id';
COMMENT ON COLUMN article_feed.source_url IS 'The original story URL, normalised (scheme, www., trailing slash and tracking parameters); the WP post link for ordinary posts. Unique';
COMMENT ON COLUMN article_feed.permalinks IS 'Links of every WordPress post this story was read from (several when the story was crawled more than once)';
COMMENT ON COLUMN article_feed.site IS 'The WordPress site (as registered) of the post the current version came from';
COMMENT ON COLUMN article_feed.post_type IS 'WordPress post type of that post: post, page or a custom type';
COMMENT ON COLUMN article_feed.title IS 'Headline, entities decoded';
COMMENT ON COLUMN article_feed.summary IS 'Standfirst or lead, or null';
COMMENT ON COLUMN article_feed.authors IS 'Author names, in page order';
COMMENT ON COLUMN article_feed.published_at IS 'When the story was first published (UTC), from the page, else the post date';
COMMENT ON COLUMN article_feed.modified_at IS 'When the WP post was last modified (UTC)';
COMMENT ON COLUMN article_feed.section IS 'Breadcrumb sections, outermost first';
COMMENT ON COLUMN article_feed.topics IS 'The story''s own topic tags';
COMMENT ON COLUMN article_feed.image IS 'Lead image {url, caption, credit}, or null';
COMMENT ON COLUMN article_feed.body_text IS 'Body as plain text: paragraphs and headings separated by one blank line; no teasers, ads or widgets';
COMMENT ON COLUMN article_feed.body_html IS 'Body as sanitized HTML (no script, style, iframe, event handlers, ads)';
COMMENT ON COLUMN article_feed.related IS 'Links the story itself points to as related: [{title, url}]';
COMMENT ON COLUMN article_feed.language IS 'Detected BCP 47 primary language tag (en, de, ...), or null when unsure';
COMMENT ON COLUMN article_feed.word_count IS 'Words in body_text';
COMMENT ON COLUMN article_feed.teasers IS 'Teasers (other stories) the page showed, each once: [{slot, position, title, url, image_url}]';
COMMENT ON COLUMN article_feed.created_at IS 'When wpingest first stored the story';
COMMENT ON COLUMN article_feed.updated_at IS 'When wpingest last changed the row (new version, deletion, restore): the incremental export key';
COMMENT ON COLUMN article_feed.deleted_at IS 'When every WP post behind the story was found deleted on its site; null while live';

-- Named incremental export cursors (`wpingest export --since-last <name>`): the last (updated_at, id) written.
CREATE TABLE export_cursors (
  name          text PRIMARY KEY,
  updated_at    timestamptz NOT NULL,
  article_id    bigint NOT NULL,
  rows_total    bigint NOT NULL DEFAULT 0,
  saved_at      timestamptz NOT NULL DEFAULT now()
);

-- Which WordPress collections a source reads (REST bases: posts, pages, a custom type's rest_base), and its
-- credentials for private sites: an application password, AES-256-GCM encrypted with WPINGEST_SECRET_KEY.
ALTER TABLE sites ADD COLUMN post_types text[] NOT NULL DEFAULT '{posts}';
ALTER TABLE sites ADD COLUMN auth_user text;
ALTER TABLE sites ADD COLUMN auth_secret text;
