-- Articles per source domain, kept by the loader in the transaction that inserts them (loadRows, last, after
-- the teaser rows, so the counter row is locked for as short a time as possible). The template detector needs a
-- source's article count for every page it processes: `count(*)` over the source's articles was a scan that grew
-- with the source (50+ ms per page at a million articles).
CREATE TABLE source_articles (
  source_domain text PRIMARY KEY,
  articles      bigint NOT NULL
);
INSERT INTO source_articles (source_domain, articles) SELECT source_domain, count(*) FROM articles GROUP BY source_domain;
