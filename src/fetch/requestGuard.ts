import { TransientError } from '../errors.js';

/** Seconds of body transfer before the minimum rate applies: a slow start (TCP slow start, PHP buffering) is fine. */
export const MIN_RATE_GRACE_MS = 5_000;
/** How often the transfer rate is checked while a body is being read. */
const RATE_CHECK_MS = 1_000;

/** The limits one request runs under (see HttpClientOptions). */
export interface RequestLimits {
  deadlineMs: number;
  minBytesPerS: number;
}

/**
 * Bounds one request as a whole: an overall deadline from the first byte sent, and a minimum average transfer
 * rate once the body starts, both enforced by aborting the request (undici's own timeouts only bound the wait
 * for headers and the gap between two chunks, so a body trickled at 1 byte/s would never end). `signal` is
 * what the request must use; `failure()` says which limit fired, as a TransientError with its reason.
 */
export function requestGuard(url: string, limits: RequestLimits, outer?: AbortSignal) {
  const controller = new AbortController();
  let failure: TransientError | undefined;
  const fail = (error: TransientError) => {
    if (failure || controller.signal.aborted) return;
    failure = error;
    controller.abort(error);
  };
  const onOuterAbort = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onOuterAbort, { once: true });
  if (outer?.aborted) controller.abort(outer.reason);
  const deadline = setTimeout(() => fail(new TransientError(`GET ${url}: no complete answer within ${limits.deadlineMs} ms`, 'deadline')), limits.deadlineMs);
  let rateTimer: NodeJS.Timeout | undefined;
  let received = 0;
  return {
    signal: controller.signal,
    /** The limit that aborted the request, if one did. */
    failure: () => failure,
    /** The body started: from now on its average rate must stay at or above the minimum. */
    bodyStarted() {
      if (limits.minBytesPerS <= 0 || rateTimer) return;
      const started = performance.now();
      rateTimer = setInterval(() => {
        const elapsed = performance.now() - started;
        if (elapsed < MIN_RATE_GRACE_MS) return;
        const rate = (received * 1000) / elapsed;
        if (rate < limits.minBytesPerS)
          fail(new TransientError(`GET ${url}: body arriving at ${Math.round(rate)} bytes/s, below the minimum of ${limits.minBytesPerS}`, 'too-slow'));
      }, RATE_CHECK_MS);
    },
    /** Bytes of body received so far. */
    bytes(count: number) {
      received = count;
    },
    done() {
      clearTimeout(deadline);
      if (rateTimer) clearInterval(rateTimer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
