import type { AdvisoryLock, LockSession } from '../db/advisoryLock.js';

/** First key of every settle lock (`pg_advisory_lock(int, hashtext(domain))`). */
export const SETTLE_LOCK_CLASS = 0x77_70_53_54;

/**
 * Takes the source domain's settle lock on `session`, waiting while another settle pass holds it. Two runs (of
 * one site, or of two sites that copy the same source) may end together; their passes over one source would
 * re-process the same articles and lock the same rows, so the second waits and then finds little left to do.
 */
export async function lockDomainSettle(session: LockSession, domain: string, signal?: AbortSignal): Promise<AdvisoryLock> {
  return session.lock(
    { lockClass: SETTLE_LOCK_CLASS, key: domain, describe: { domain } },
    'another settle pass over this source is running; waiting for it to end',
    signal,
  );
}
