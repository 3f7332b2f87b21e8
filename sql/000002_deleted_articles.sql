-- wpingest schema, version 2: deletions found by the id sweep are marked, never silently kept live.

-- Set when every WP post behind an article is gone from its site (raw_posts.status = 'deleted'); cleared
-- when one comes back. The row stays: deletion is a fact to record, not a reason to lose the text.
ALTER TABLE articles ADD COLUMN deleted_at timestamptz;
CREATE INDEX articles_deleted ON articles (deleted_at) WHERE deleted_at IS NOT NULL;
