import { registerSite } from '../../src/jobs/site/registerSite.js';
import { startBackfill } from '../../src/jobs/backfill/startBackfill.js';
import { databaseDigest, type DatabaseDigest } from './databaseDigest.js';
import { startFaultApp, waitForRunFinished } from './faultHarness.js';

/** An undisturbed backfill of `siteUrl` into a fresh database of its own: the result every disturbed run must equal. */
export async function undisturbedDigest(label: string, siteUrl: string, perPage?: number): Promise<DatabaseDigest> {
  const app = await startFaultApp({ label: `${label}base`, posts: 0, siteUrl });
  try {
    if (perPage) await registerSite(app.ctx, siteUrl, perPage);
    const start = await startBackfill(app.ctx, siteUrl);
    await waitForRunFinished(app, start.runId, 120_000);
    return await databaseDigest(app.ctx.pool);
  } finally {
    await app.close();
  }
}
