import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLockSession, tryAdvisoryLock, type LockSession } from '../../../src/db/advisoryLock.js';
import { SETTLE_LOCK_CLASS, lockDomainSettle } from '../../../src/scheduler/settleLock.js';
import { settleRun } from '../../../src/jobs/settle/settleRun.js';
import { startBackfill } from '../../../src/jobs/backfill/startBackfill.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { waitForRunDone } from '../../helpers/waitForRunDone.js';

const POSTS = 100;
/** Long enough for a settle pass of these posts to end several times over if nothing held it. */
const HOLD_MS = 2_500;

describe('settle passes over one source domain', () => {
  let app: TestApp;
  let runId: number;
  let domain: string;
  const sessions: LockSession[] = [];
  const deps = () => ({ databaseUrl: app.ctx.config.databaseUrl, log: app.ctx.log });
  const open = async () => {
    const session = await openLockSession(deps());
    sessions.push(session);
    return session;
  };

  beforeAll(async () => {
    app = await startTestApp({ label: 'settlelock', posts: POSTS });
    runId = (await startBackfill(app.ctx, app.site.url)).runId;
    expect(await waitForRunDone(app.ctx, runId)).toMatchObject({ status: 'done' });
    const scraped = await app.ctx.pool.query<{ source_domain: string }>(`SELECT source_domain FROM articles GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    domain = scraped.rows[0]!.source_domain;
  });
  afterAll(async () => {
    await Promise.all(sessions.map((session) => session.close()));
    await app?.close();
  });

  it('a lock held on one session is refused to another until released, and taken again after', async () => {
    const first = await open();
    const held = await lockDomainSettle(first, domain);
    const name = { lockClass: SETTLE_LOCK_CLASS, key: domain, describe: { domain } };
    expect(await (await open()).tryLock(name)).toBeNull();
    expect(await tryAdvisoryLock(deps(), { ...name, key: `${domain}.other` })).not.toBeNull();
    await held.release();
    const again = await (await open()).tryLock(name);
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('waits while another pass holds the domain, then finishes the run', async () => {
    await app.ctx.pool.query(`UPDATE runs SET status = 'settling', finished_at = NULL WHERE id = $1`, [runId]);
    const holder = await open();
    const held = await lockDomainSettle(holder, domain);
    let finished = false;
    const settling = settleRun(app.ctx, runId).then((result) => ((finished = true), result));
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    expect(finished).toBe(false);
    const during = await app.ctx.pool.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [runId]);
    expect(during.rows[0]!.status).toBe('settling');
    await held.release();
    await settling;
    const after = await app.ctx.pool.query<{ status: string }>('SELECT status FROM runs WHERE id = $1', [runId]);
    expect(after.rows[0]!.status).toBe('done');
  });

  it('ends by putting the articles stored since the last indexing into the full-text index', async () => {
    const articles = (await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles')).rows[0]!.n;
    // As the loader leaves them: stored, not yet indexed.
    await app.ctx.pool.query('UPDATE articles SET search_vector = NULL');
    await app.ctx.pool.query(`UPDATE runs SET status = 'settling', finished_at = NULL WHERE id = $1`, [runId]);
    const result = await settleRun(app.ctx, runId);
    expect(result.indexed).toBeGreaterThan(0);
    const pending = await app.ctx.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE search_vector IS NULL');
    expect({ articles, pending: pending.rows[0]!.n }).toEqual({ articles, pending: 0 });
  });
});
