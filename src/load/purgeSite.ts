import type pg from 'pg';
import { execute, queryAll, queryOne } from '../db/query.js';
import { deleteOwnArticles, deletePostRows, deleteSite, dropUnseenBlocks, purgeFigures, recountSourceArticles } from './purgeSiteQueries.js';

/** What a purge deletes (or deleted). */
export interface PurgeFigures {
  /** Raw posts of the site. */
  posts: number;
  /** Articles made only from the site's posts. */
  articles: number;
}

/** Counts what purging the site would delete. */
export async function readPurgeFigures(client: pg.Pool | pg.PoolClient, siteId: number): Promise<PurgeFigures> {
  return (await queryOne<PurgeFigures>(client, purgeFigures(siteId))) ?? { posts: 0, articles: 0 };
}

/** Deletes a site with its posts and the articles only it provided; run it in a transaction. */
export async function purgeSite(tx: pg.PoolClient, siteId: number): Promise<PurgeFigures> {
  const figures = await readPurgeFigures(tx, siteId);
  const domains = (await queryAll<{ domain: string }>(tx, deleteOwnArticles(siteId))).map((row) => row.domain);
  if (domains.length > 0) {
    await execute(tx, dropUnseenBlocks(domains));
    await execute(tx, recountSourceArticles(domains));
  }
  await execute(tx, deletePostRows(siteId));
  await execute(tx, deleteSite(siteId));
  return figures;
}
