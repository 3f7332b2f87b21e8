import { advisoryLock, tryAdvisoryLock, type AdvisoryLock, type AdvisoryLockDeps, type AdvisoryLockName } from '../db/advisoryLock.js';

/** First key of every site sync lock (`pg_advisory_lock(int, int)`), so wpingest's locks never meet another program's. */
export const SITE_SYNC_LOCK_CLASS = 0x77_70_53_59;

/** Held while one sync of a site runs; `release` ends it (idempotent). */
export type SiteSyncLock = AdvisoryLock;
export type SiteSyncLockDeps = AdvisoryLockDeps;

function siteSync(siteId: number): AdvisoryLockName {
  return { lockClass: SITE_SYNC_LOCK_CLASS, key: siteId, describe: { siteId } };
}

/** Takes the site's sync lock if no other sync of it holds it, else returns null (see `tryAdvisoryLock`). */
export async function tryLockSiteSync(deps: SiteSyncLockDeps, siteId: number): Promise<SiteSyncLock | null> {
  return tryAdvisoryLock(deps, siteSync(siteId));
}

/** Takes the site's sync lock, waiting (polling) while another sync of the site holds it. */
export async function lockSiteSync(deps: SiteSyncLockDeps, siteId: number, signal?: AbortSignal): Promise<SiteSyncLock> {
  return advisoryLock(deps, siteSync(siteId), 'another sync of this site is running; waiting for it to end', signal);
}
