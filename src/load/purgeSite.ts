import type pg from 'pg';
import { deleteOwnArticles, deletePostRows, deleteSite, dropUnseenBlocks, purgeFigures, recountBlockStats } from './purgeSiteQueries.js';

/** What a purge deletes (or deleted). */
export interface PurgeFigures {
  /** Raw posts of the site. */
  posts: number;
  /** Articles made only from the site's posts. */
  articles: number;
}

/** Counts what purging the site would delete. */
export async function readPurgeFigures(client: pg.Pool | pg.PoolClient, siteId: number): Promise<PurgeFigures> {
  return (await client.query<PurgeFigures>(purgeFigures(siteId))).rows[0] ?? { posts: 0, articles: 0 };
}

/** Deletes a site with its posts and the articles only it provided; run it in a transaction. */
export async function purgeSite(tx: pg.PoolClient, siteId: number): Promise<PurgeFigures> {
  const figures = await readPurgeFigures(tx, siteId);
  const domains = (await tx.query<{ domain: string }>(deleteOwnArticles(siteId))).rows.map((row) => row.domain);
  if (domains.length > 0) {
    await tx.query(dropUnseenBlocks(domains));
    await tx.query(recountBlockStats(domains));
  }
  await tx.query(deletePostRows(siteId));
  await tx.query(deleteSite(siteId));
  return figures;
}
