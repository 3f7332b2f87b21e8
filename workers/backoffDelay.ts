import { BACKOFF_BASE_MS } from '../src/queues.js';
import { TransientError } from '../src/errors.js';

/** Longest wait between two attempts of one job. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * Delay before retry `attemptsMade`: the server's Retry-After when it gave one, else exponential backoff
 * (base x 2^(n-1), capped) with full jitter in [50%, 150%] so retries from many workers spread out.
 */
export function backoffDelay(attemptsMade: number, error: unknown, random: () => number = Math.random): number {
  if (error instanceof TransientError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const exponential = Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attemptsMade - 1), MAX_BACKOFF_MS);
  return Math.round(exponential * (0.5 + random()));
}
