-- wpingest schema, version 10: the template decision each post's current version was made with. A story told by
-- several posts (a re-crawl, a repost) keeps a version per post, and each version's body depends on which blocks
-- were template blocks when that post was processed. The settle pass re-processed only the post behind an
-- article's newest version (articles.block_fps / template_fps), so the other posts' versions kept whatever counts
-- were known at the time and a run's versions depended on processing order. With the fingerprints per post, the
-- settle pass finds every post whose version the final counts would change. NULL: loaded before this migration
-- (the article's own columns stand in for its newest post, as before).
ALTER TABLE article_posts ADD COLUMN block_fps text[], ADD COLUMN template_fps text[];
