import { setTimeout as sleep } from 'node:timers/promises';
import { TransientError } from '../errors.js';

/** Attempts for requests made outside a job (discovery, planning), where no queue retries for us. */
export const INLINE_ATTEMPTS = 5;
const INLINE_BACKOFF_BASE_MS = 300;
const INLINE_BACKOFF_MAX_MS = 10_000;

/** Runs `attempt` until it succeeds or fails permanently, waiting Retry-After or exponential backoff between tries. */
export async function retryTransient<T>(attempt: () => Promise<T>, attempts = INLINE_ATTEMPTS, signal?: AbortSignal): Promise<T> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof TransientError) || tries >= attempts) throw error;
      const backoff = Math.min(INLINE_BACKOFF_BASE_MS * 2 ** (tries - 1), INLINE_BACKOFF_MAX_MS) * (0.5 + Math.random());
      await sleep(error.retryAfterMs ?? backoff, undefined, { signal });
    }
  }
}
