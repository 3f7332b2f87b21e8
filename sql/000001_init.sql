-- wpingest schema, version 1. Postgres is the source of truth: Redis only carries job references.

CREATE TABLE sites (
  id            bigserial PRIMARY KEY,
  url           text NOT NULL UNIQUE,              -- normalised site URL as given by the user
  api_root      text,                              -- discovered REST root: .../wp-json/ or .../?rest_route=/
  api_form      text CHECK (api_form IN ('pretty', 'plain')),
  per_page      integer NOT NULL DEFAULT 100 CHECK (per_page BETWEEN 1 AND 100),
  every_ms      integer,                           -- incremental sync period; null = no schedule
  rate_per_s    real,                              -- politeness: requests per second to this host
  sync_cursor   timestamptz,                       -- modified_gmt of the newest post stored by sync
  sync_mode     text NOT NULL DEFAULT 'modified_after' CHECK (sync_mode IN ('modified_after', 'after')),
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE runs (
  id            bigserial PRIMARY KEY,
  site_id       bigint NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind          text NOT NULL CHECK (kind IN ('backfill', 'sync')),
  status        text NOT NULL DEFAULT 'planning' CHECK (status IN ('planning', 'running', 'settling', 'done', 'failed', 'cancelled')),
  params        jsonb NOT NULL DEFAULT '{}',
  total_posts   integer,
  total_pages   integer,
  created_at    timestamptz NOT NULL DEFAULT now(),
  started_at    timestamptz,
  finished_at   timestamptz,
  error         text
);
CREATE INDEX runs_site_status ON runs (site_id, status);
-- At most one unfinished backfill per site: a second one is refused by the database itself.
CREATE UNIQUE INDEX runs_one_active_backfill ON runs (site_id) WHERE kind = 'backfill' AND status IN ('planning', 'running', 'settling');

CREATE TABLE run_pages (
  run_id        bigint NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  page          integer NOT NULL,
  status        text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'fetched', 'processed', 'failed', 'empty')),
  posts         integer,
  attempts      integer NOT NULL DEFAULT 0,
  reason        text,                              -- why it failed (permanent) or last transient reason
  wp_ids        bigint[],                          -- ids stored from this page, the process job's input
  fetched_at    timestamptz,
  processed_at  timestamptz,
  PRIMARY KEY (run_id, page)
);
CREATE INDEX run_pages_unfinished ON run_pages (run_id) WHERE status IN ('pending', 'fetched');

CREATE TABLE raw_posts (
  site_id       bigint NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  wp_id         bigint NOT NULL,
  payload       json NOT NULL,                     -- the post as the REST API sent it (json keeps the text as is)
  content_hash  text NOT NULL,                     -- hash of the payload, an unchanged re-fetch is a no-op
  modified_gmt  timestamptz,
  date_gmt      timestamptz,
  fetched_at    timestamptz NOT NULL DEFAULT now(),
  processed_hash text,                             -- content_hash + extractor version last processed
  status        text NOT NULL DEFAULT 'live' CHECK (status IN ('live', 'deleted', 'rejected')),
  reject_reason text,
  PRIMARY KEY (site_id, wp_id)
);
ALTER TABLE raw_posts ALTER COLUMN payload SET COMPRESSION lz4;

CREATE TABLE articles (
  id            bigserial PRIMARY KEY,
  source_url    text NOT NULL UNIQUE,              -- normalised; one row per source story
  source_domain text NOT NULL,
  title         text NOT NULL,
  summary       text,
  authors       text[] NOT NULL DEFAULT '{}',
  published_at  timestamptz,
  modified_at   timestamptz,
  section       text[] NOT NULL DEFAULT '{}',
  topics        text[] NOT NULL DEFAULT '{}',
  image         jsonb,
  body_text     text NOT NULL,
  body_html     text NOT NULL,
  related       jsonb NOT NULL DEFAULT '[]',
  word_count    integer NOT NULL,
  language      text,
  profile       text NOT NULL,
  content_hash  text NOT NULL,
  simhash       bigint NOT NULL,
  simhash_bands integer[] NOT NULL,                -- 4 x 16-bit bands tagged with their index, for near-dup lookup
  cluster_id    bigint,                            -- near-duplicate cluster: id of its first article
  version_site_id bigint NOT NULL,                 -- the WP post this version came from (newest wins)
  version_wp_id bigint NOT NULL,
  version_date_gmt timestamptz,
  block_fps     text[] NOT NULL DEFAULT '{}',      -- fingerprints of kept body blocks (template settle pass)
  template_fps  text[] NOT NULL DEFAULT '{}',      -- fingerprints removed as template blocks
  removed       jsonb NOT NULL DEFAULT '[]',       -- what extraction and dedupe removed, and why
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE articles ALTER COLUMN body_html SET COMPRESSION lz4;
CREATE INDEX articles_simhash_bands ON articles USING gin (simhash_bands);
CREATE INDEX articles_block_fps ON articles USING gin (block_fps);
CREATE INDEX articles_published ON articles (published_at);
CREATE INDEX articles_source_domain ON articles (source_domain);

CREATE TABLE article_versions (
  article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  content_hash  text NOT NULL,
  site_id       bigint NOT NULL,
  wp_id         bigint NOT NULL,
  date_gmt      timestamptz,
  title         text NOT NULL,
  body_text     text NOT NULL,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, content_hash)
);

CREATE TABLE article_posts (
  site_id       bigint NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  wp_id         bigint NOT NULL,
  article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  content_hash  text NOT NULL,
  fetched_at    timestamptz NOT NULL,
  PRIMARY KEY (site_id, wp_id)
);
CREATE INDEX article_posts_article ON article_posts (article_id);

CREATE TABLE teasers (
  id            bigserial PRIMARY KEY,
  source_domain text NOT NULL,
  key           text NOT NULL,                     -- the story: text:<fingerprint of its normalised title>
  ref           text,                              -- its structural key where the markup has one: nid:…, url:…
  title         text NOT NULL,
  url           text,
  image_url     text,
  first_seen    timestamptz,                       -- dates of the posts that showed it, not wall clock,
  last_seen     timestamptz,                       -- so re-ingesting the same posts changes nothing
  times_seen    integer NOT NULL DEFAULT 0,        -- number of WP posts that showed it
  UNIQUE (source_domain, key)
);

CREATE TABLE article_teasers (
  article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  teaser_id     bigint NOT NULL REFERENCES teasers(id) ON DELETE CASCADE,
  slot          text NOT NULL,
  position      integer NOT NULL,
  PRIMARY KEY (article_id, teaser_id)
);
CREATE INDEX article_teasers_teaser ON article_teasers (teaser_id);

-- Which posts showed which teaser: makes times_seen exact and idempotent.
CREATE TABLE post_teasers (
  site_id       bigint NOT NULL,
  wp_id         bigint NOT NULL,
  teaser_id     bigint NOT NULL REFERENCES teasers(id) ON DELETE CASCADE,
  PRIMARY KEY (site_id, wp_id, teaser_id)
);

-- Generic template detector: in how many distinct source articles of a domain a body block appears.
CREATE TABLE block_stats (
  source_domain text NOT NULL,
  fingerprint   text NOT NULL,
  articles      integer NOT NULL DEFAULT 0,
  sample        text NOT NULL,
  PRIMARY KEY (source_domain, fingerprint)
);
CREATE TABLE block_sightings (
  source_domain text NOT NULL,
  fingerprint   text NOT NULL,
  source_url    text NOT NULL,
  PRIMARY KEY (source_domain, fingerprint, source_url)
);

-- Per-post processing figures for `status` (teaser occurrences collapsed, bytes removed).
CREATE TABLE post_figures (
  site_id       bigint NOT NULL,
  wp_id         bigint NOT NULL,
  teaser_occurrences integer NOT NULL,
  removed_bytes integer NOT NULL,
  content_bytes integer NOT NULL,
  PRIMARY KEY (site_id, wp_id)
);

CREATE TABLE failures (
  id            bigserial PRIMARY KEY,
  run_id        bigint REFERENCES runs(id) ON DELETE CASCADE,
  site_id       bigint REFERENCES sites(id) ON DELETE CASCADE,
  stage         text NOT NULL,
  page          integer,
  wp_id         bigint,
  reason        text NOT NULL,
  message       text NOT NULL,
  permanent     boolean NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX failures_run ON failures (run_id);

-- Taxonomy and author names per site, refreshed when a post refers to an unknown id.
CREATE TABLE terms (
  site_id       bigint NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  taxonomy      text NOT NULL CHECK (taxonomy IN ('category', 'post_tag', 'user')),
  term_id       bigint NOT NULL,
  name          text NOT NULL,
  PRIMARY KEY (site_id, taxonomy, term_id)
);
