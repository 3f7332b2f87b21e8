-- wpingest schema, version 15: pages that are listings of stories (a section front crawled as a post, profile
-- 'listing') are counted by `status`, the run summary and the dashboard, apart from the articles; a partial index
-- keeps that count cheap on a large database.
CREATE INDEX articles_listing_pages ON articles (id) WHERE profile = 'listing';
