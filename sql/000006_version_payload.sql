-- Which stored payload each article version was extracted from. Re-processing the same payload (the settle
-- pass, after the template-block counts changed) replaces the version it made before instead of adding one,
-- so a run's article_versions do not depend on which posts happened to be processed before the counts were known.
-- Versions recorded before this migration have no payload hash and are left as they are.
ALTER TABLE article_versions ADD COLUMN payload_hash text;
CREATE INDEX article_versions_post ON article_versions (site_id, wp_id);
