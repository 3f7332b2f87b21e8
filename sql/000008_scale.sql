-- Articles per source domain, kept by the loader in the transaction that inserts them (loadRows, last, after
-- the teaser rows, so the counter row is locked for as short a time as possible). The template detector needs a
-- source's article count for every page it processes: `count(*)` over the source's articles was a scan that grew
-- with the source (50+ ms per page at a million articles).
CREATE TABLE source_articles (
  source_domain text PRIMARY KEY,
  articles      bigint NOT NULL
);
INSERT INTO source_articles (source_domain, articles) SELECT source_domain, count(*) FROM articles GROUP BY source_domain;

-- Near-duplicate candidates by equal SimHash band, one btree per band position, each carrying what the distance
-- check needs (the band array itself too: without it Postgres cannot answer from an expression index alone), so
-- candidates are read from the index without visiting the table. Through the GIN index every candidate was a
-- table row fetched at random, and candidates per article grow with the source (about articles / 65,536 per
-- band): 0.1 ms per post at 10,000 articles, 4 ms at a million. Bands are tagged with their position
-- (band + position * 65536), so sharing a band value is sharing it at one position.
CREATE INDEX articles_band_1 ON articles ((simhash_bands[1])) INCLUDE (id, simhash, source_domain, simhash_bands);
CREATE INDEX articles_band_2 ON articles ((simhash_bands[2])) INCLUDE (id, simhash, source_domain, simhash_bands);
CREATE INDEX articles_band_3 ON articles ((simhash_bands[3])) INCLUDE (id, simhash, source_domain, simhash_bands);
CREATE INDEX articles_band_4 ON articles ((simhash_bands[4])) INCLUDE (id, simhash, source_domain, simhash_bands);
