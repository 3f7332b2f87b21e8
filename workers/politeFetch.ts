import { setTimeout as sleep } from 'node:timers/promises';
import { TransientError } from '../src/errors.js';
import { redactUrl } from '../src/redactUrl.js';
import { CIRCUIT_COOL_DOWN_MS, circuitOpenForMs, hostOf, recordHostFailure, recordHostSuccess, reserveSlot } from '../src/scheduler/hostGate.js';
import { acquireHostLease, type HostLease } from '../src/scheduler/hostLeases.js';
import type { AppContext } from './context.js';

/** How often a request waiting for a free place among the host's in-flight requests looks again. */
const LEASE_POLL_MS = 50;

/**
 * Longest a fetch waits in-process for its reserved rate-limit slot. Further away, a queued job is put back
 * as delayed (no attempt used) so it does not hold a worker slot other hosts could use.
 */
export const MAX_SLOT_WAIT_MS = 2000;

/** The host has no free request slot soon: come back after `retryAfterMs`. Not a failure of the host. */
export class HostBusyError extends TransientError {
  constructor(host: string, retryAfterMs: number) {
    super(`host ${host} is at its rate limit; next slot in ${retryAfterMs} ms`, 'rate-limited', { retryAfterMs });
  }
}

/** What politeness needs to know about the target of a request. */
export interface PoliteTarget {
  /** Any URL of the host (e.g. the site's API root). */
  url: string;
  /** The site's `rate_per_s`; null or undefined means no limit. */
  ratePerS: number | null | undefined;
}

/**
 * Runs one request to a host politely: fails fast while the host's circuit is open, takes a slot from the
 * host's shared rate limit (waiting for it when it is close; `HostBusyError` when it is not, or waiting
 * anyway with `busy: 'wait'` outside a queue job), and feeds the outcome to the circuit breaker.
 */
export async function politeFetch<T>(
  ctx: Pick<AppContext, 'redis' | 'config' | 'log'>,
  target: PoliteTarget,
  request: () => Promise<T>,
  options: { signal?: AbortSignal; busy?: 'throw' | 'wait' } = {},
): Promise<T> {
  const host = hostOf(target.url);
  const prefix = ctx.config.queuePrefix;
  const openMs = await circuitOpenForMs(ctx.redis, prefix, host);
  if (openMs > 0) throw new TransientError(`host ${host} is paused after repeated failures (circuit open ${Math.ceil(openMs / 1000)}s more)`, 'circuit-open', { retryAfterMs: openMs });
  if (target.ratePerS) await takeSlot(ctx, prefix, host, target.ratePerS, options);
  const lease = await takeLease(ctx, prefix, host, options);
  try {
    const result = await request();
    await recordHostSuccess(ctx.redis, prefix, host);
    return result;
  } catch (error) {
    if (error instanceof TransientError && !options.signal?.aborted) {
      const { failures, opened } = await recordHostFailure(ctx.redis, prefix, host, { cause: { reason: error.reason, message: redactUrl(error.message) } });
      if (opened) ctx.log.warn({ host, failures, reason: error.reason, coolDownMs: CIRCUIT_COOL_DOWN_MS }, `pausing host ${host} for ${CIRCUIT_COOL_DOWN_MS / 1000}s after ${failures} failures`);
    }
    throw error;
  } finally {
    await lease.release();
  }
}

/**
 * One of the host's `hostConcurrency` in-flight places, shared by every fetch process: waits for one to free
 * up for at most MAX_SLOT_WAIT_MS inside a queue job (then `HostBusyError` puts the job back), or as long as
 * it takes with `busy: 'wait'`.
 */
async function takeLease(ctx: Pick<AppContext, 'redis' | 'config'>, prefix: string, host: string, options: { signal?: AbortSignal; busy?: 'throw' | 'wait' }): Promise<HostLease> {
  const deadline = Date.now() + MAX_SLOT_WAIT_MS;
  for (;;) {
    const result = await acquireHostLease(ctx.redis, prefix, host, ctx.config.hostConcurrency);
    if ('lease' in result) return result.lease;
    if (options.busy !== 'wait' && Date.now() >= deadline) throw new HostBusyError(host, Math.min(result.retryAfterMs, MAX_SLOT_WAIT_MS));
    await sleep(LEASE_POLL_MS, undefined, { signal: options.signal });
  }
}

async function takeSlot(ctx: Pick<AppContext, 'redis'>, prefix: string, host: string, ratePerS: number, options: { signal?: AbortSignal; busy?: 'throw' | 'wait' }): Promise<void> {
  for (;;) {
    const slot = await reserveSlot(ctx.redis, prefix, host, ratePerS, MAX_SLOT_WAIT_MS);
    if (slot.granted) {
      if (slot.waitMs > 0) await sleep(slot.waitMs, undefined, { signal: options.signal });
      return;
    }
    if (options.busy !== 'wait') throw new HostBusyError(host, slot.retryAfterMs);
    await sleep(slot.retryAfterMs, undefined, { signal: options.signal });
  }
}
