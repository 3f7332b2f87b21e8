import { setTimeout as sleep } from 'node:timers/promises';
import { TransientError } from '../../errors.js';
import { redactUrl } from '../../redactUrl.js';
import { CIRCUIT_COOL_DOWN_MS, hostOf, readCircuit, recordHostFailure, recordHostSuccess, reserveSlot } from '../../scheduler/hostGate.js';
import { acquireHostLease, type HostLease } from '../../scheduler/hostLeases.js';
import type { AppContext } from '../context.js';

/** How often a request waiting for a free place among the host's in-flight requests looks again. */
const LEASE_POLL_MS = 50;

/**
 * Longest a fetch waits in-process for its reserved rate-limit slot. Further away, a queued job is put back
 * as delayed (no attempt used) so it does not hold a worker slot other hosts could use.
 */
export const MAX_SLOT_WAIT_MS = 2000;

/** The host has no free request slot soon: come back after `retryAfterMs`. Not a failure of the host. */
export class HostBusyError extends TransientError {
  constructor(host: string, retryAfterMs: number, what = 'its rate limit') {
    super(`host ${host} is at ${what}; next slot in ${retryAfterMs} ms`, 'rate-limited', { retryAfterMs });
  }
}

/** How long a job put back because its host holds enough of this process's slots stays away. */
const LOCAL_BUSY_RETRY_MS = 500;

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
  const circuit = await readCircuit(ctx.redis, prefix, host);
  if (circuit.open) {
    // The cause that opened it travels with the error, so the failure recorded at the last attempt names it.
    const cause = circuit.lastCause ? `; last failure: ${circuit.lastCause.message}` : '';
    throw new TransientError(
      `host ${host} is paused after repeated failures (circuit open ${Math.ceil(circuit.openForMs / 1000)}s more${cause})`,
      circuit.lastCause?.reason || 'circuit-open',
      { retryAfterMs: circuit.openForMs },
    );
  }
  const local = options.busy === 'wait' ? undefined : takeLocalSlot(ctx.config.fetchConcurrency, `${prefix}|${host}`, host);
  let lease: HostLease;
  try {
    if (target.ratePerS) await takeSlot(ctx, prefix, host, target.ratePerS, options);
    lease = await takeLease(ctx, prefix, host, options);
  } catch (error) {
    local?.release();
    throw error;
  }
  try {
    const result = await request();
    // Bookkeeping in Redis is best effort: a Redis blip must not throw away a page already fetched.
    await recordHostSuccess(ctx.redis, prefix, host).catch(() => undefined);
    return result;
  } catch (error) {
    if (error instanceof TransientError && !options.signal?.aborted) {
      const outcome = await recordHostFailure(ctx.redis, prefix, host, { cause: { reason: error.reason, message: redactUrl(error.message) } }).catch(
        () => undefined,
      );
      if (outcome?.opened)
        ctx.log.warn(
          { host, failures: outcome.failures, reason: error.reason, coolDownMs: CIRCUIT_COOL_DOWN_MS },
          `pausing host ${host} for ${CIRCUIT_COOL_DOWN_MS / 1000}s after ${outcome.failures} failures`,
        );
    }
    throw error;
  } finally {
    local?.release();
    await lease.release();
  }
}

/** Start times of the requests in flight from this process, by host. */
const inFlightHere = new Map<string, Set<number>>();

/** A request open this long counts as slow: its host is then kept from the process's last fetch slot. */
const SLOW_REQUEST_MS = 2_000;

/**
 * Keeps one of the process's fetch slots for other hosts while a host is slow: a job whose host already holds all
 * but one of them, the oldest open for more than SLOW_REQUEST_MS, goes back to the delayed set at once
 * (HostBusyError), so a host answering slowly (or trickling its bodies) cannot starve the other sites of a shared
 * fetch worker. A host answering fast is not held back.
 */
function takeLocalSlot(fetchConcurrency: number, key: string, host: string): { release(): void } {
  const limit = Math.max(1, fetchConcurrency - 1);
  const open = inFlightHere.get(key) ?? new Set<number>();
  const now = performance.now();
  const oldest = Math.min(...open);
  if (open.size >= limit && now - oldest > SLOW_REQUEST_MS) {
    throw new HostBusyError(host, LOCAL_BUSY_RETRY_MS, "all but one of this process's fetch slots with slow requests");
  }
  // Unique among this host's open requests (two starting in the same instant get distinct keys).
  let started = now;
  while (open.has(started)) started += 1e-6;
  open.add(started);
  inFlightHere.set(key, open);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      open.delete(started);
      if (open.size === 0 && inFlightHere.get(key) === open) inFlightHere.delete(key);
    },
  };
}

/**
 * One of the host's `hostConcurrency` in-flight places, shared by every fetch process: waits for one to free
 * up for at most MAX_SLOT_WAIT_MS inside a queue job (then `HostBusyError` puts the job back), or as long as
 * it takes with `busy: 'wait'`.
 */
async function takeLease(
  ctx: Pick<AppContext, 'redis' | 'config'>,
  prefix: string,
  host: string,
  options: { signal?: AbortSignal; busy?: 'throw' | 'wait' },
): Promise<HostLease> {
  const deadline = Date.now() + MAX_SLOT_WAIT_MS;
  for (;;) {
    const result = await acquireHostLease(ctx.redis, prefix, host, ctx.config.hostConcurrency);
    if ('lease' in result) return result.lease;
    if (options.busy !== 'wait' && Date.now() >= deadline) throw new HostBusyError(host, Math.min(result.retryAfterMs, MAX_SLOT_WAIT_MS));
    await sleep(LEASE_POLL_MS, undefined, { signal: options.signal });
  }
}

async function takeSlot(
  ctx: Pick<AppContext, 'redis'>,
  prefix: string,
  host: string,
  ratePerS: number,
  options: { signal?: AbortSignal; busy?: 'throw' | 'wait' },
): Promise<void> {
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
