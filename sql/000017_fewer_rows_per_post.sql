-- wpingest schema, version 17: fewer rows a post. The teasers each post showed are kept as arrays on the post's
-- figures row (written for every post anyway) instead of link rows: post_teasers (which posts showed a teaser) and
-- article_teasers (the teasers of an article's current version, with slot and position) took 31 of the 56 row
-- inserts a post made on seed-shaped sites, each with a composite primary key (and article_teasers an index by
-- teaser) to maintain. `times_seen` stays exact and idempotent: the loader applies the difference between a post's
-- stored teaser ids and its new ones, under the row's lock (see recordPostFigures). `article_teasers` becomes a
-- view over the post behind each article's current version: what the article page, `explain` and the feed read.
-- Block sightings likewise become one row per source article (below).
-- teaser_ids: each teaser the post showed, once, in page order; teaser_slots and teaser_positions: where it was
-- first shown (NULL for a post linked before this version that was not its article's current version).
ALTER TABLE post_figures
  ADD COLUMN teaser_ids bigint[] NOT NULL DEFAULT '{}',
  ADD COLUMN teaser_slots text[] NOT NULL DEFAULT '{}',
  ADD COLUMN teaser_positions integer[] NOT NULL DEFAULT '{}';

-- A post linked to teasers without a figures row keeps its links (its figures count zero).
INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes)
SELECT DISTINCT p.site_id, p.wp_id, 0, 0, 0 FROM post_teasers p
 WHERE NOT EXISTS (SELECT 1 FROM post_figures f WHERE f.site_id = p.site_id AND f.wp_id = p.wp_id);

WITH versions AS (
  SELECT DISTINCT ON (version_site_id, version_wp_id) id, version_site_id AS site_id, version_wp_id AS wp_id
    FROM articles ORDER BY version_site_id, version_wp_id, id),
links AS (
  SELECT p.site_id, p.wp_id, p.teaser_id, at.slot, at.position
    FROM post_teasers p
    LEFT JOIN versions v ON v.site_id = p.site_id AND v.wp_id = p.wp_id
    LEFT JOIN article_teasers at ON at.article_id = v.id AND at.teaser_id = p.teaser_id)
UPDATE post_figures f SET teaser_ids = l.ids, teaser_slots = l.slots, teaser_positions = l.positions
  FROM (SELECT site_id, wp_id,
               array_agg(teaser_id ORDER BY position NULLS LAST, teaser_id) AS ids,
               array_agg(slot ORDER BY position NULLS LAST, teaser_id) AS slots,
               array_agg(position ORDER BY position NULLS LAST, teaser_id) AS positions
          FROM links GROUP BY site_id, wp_id) l
 WHERE f.site_id = l.site_id AND f.wp_id = l.wp_id;

-- The counts are what the arrays say from now on.
UPDATE teasers t SET times_seen = coalesce(p.n, 0)
  FROM teasers t2 LEFT JOIN (SELECT teaser_id, count(*)::int AS n FROM post_teasers GROUP BY 1) p ON p.teaser_id = t2.id
 WHERE t.id = t2.id AND t.times_seen <> coalesce(p.n, 0);

DROP TABLE post_teasers;

-- The feed view reads article_teasers: it is pointed at the view below (same columns) before the table goes.
ALTER TABLE article_teasers RENAME TO article_teasers_before_16;

CREATE VIEW article_teasers AS
SELECT a.id AS article_id, u.teaser_id, u.slot, u.position
  FROM articles a
  JOIN post_figures f ON f.site_id = a.version_site_id AND f.wp_id = a.version_wp_id
  CROSS JOIN LATERAL unnest(f.teaser_ids, f.teaser_slots, f.teaser_positions) AS u(teaser_id, slot, position)
 WHERE u.slot IS NOT NULL;

COMMENT ON VIEW article_teasers IS 'The teasers shown with each article (its current version''s post), one row per story: slot and position where first shown';

-- The feed as in version 9, its teasers now read from the view.
CREATE OR REPLACE VIEW article_feed AS
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

DROP TABLE article_teasers_before_16;

-- Block sightings: one row per source article with the fingerprints sighted in it, instead of a row per article
-- and fingerprint (10 row inserts a post, each with a primary key of two texts and a URL). A block's count in
-- block_stats is still the number of its domain's articles that showed it: a sighting adds the fingerprints its
-- article's row did not hold yet (see recordSightings). last_added: what the row's last update added (NULL until
-- it is updated), which the upsert returns to count.
CREATE TABLE article_blocks (
  source_domain text NOT NULL,
  source_url    text NOT NULL,
  fingerprints  text[] NOT NULL,
  last_added    text[],
  PRIMARY KEY (source_domain, source_url)
);
INSERT INTO article_blocks (source_domain, source_url, fingerprints)
SELECT source_domain, source_url, array_agg(fingerprint ORDER BY fingerprint) FROM block_sightings GROUP BY 1, 2 ORDER BY 1, 2;
DROP TABLE block_sightings;
