import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * A lease lives this long unless renewed; its holder renews it every third of that while its request is open,
 * so a slow request keeps its place however long it takes, and a process killed mid-request frees its place by
 * itself within this time instead of holding it forever.
 */
export const HOST_LEASE_MS = 60_000;

/**
 * Per-host concurrency as a shared semaphore: a sorted set of lease tokens scored by expiry. Expired leases
 * are dropped first; a new one is granted while fewer than `limit` are held. Redis TIME is the clock.
 * Returns {granted 1|0, ms}: 0 when granted, else the time until the earliest lease expires (an upper bound
 * on the wait; a release usually comes much sooner).
 */
const ACQUIRE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {1, 0}
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, tonumber(first[2]) - now}
`;

/** Pushes a held lease's expiry `leaseMs` from now; a lease already expired and dropped is not revived. */
const RENEW_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if not redis.call('ZSCORE', KEYS[1], ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[1]), ARGV[2])
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return 1
`;

interface LeaseCommands {
  wpingestAcquireLease(key: string, limit: number, leaseMs: number, token: string): Promise<[number, number]>;
  wpingestRenewLease(key: string, leaseMs: number, token: string): Promise<number>;
}

const defined = new WeakSet<Redis>();

function commands(redis: Redis): LeaseCommands {
  if (!defined.has(redis)) {
    redis.defineCommand('wpingestAcquireLease', { numberOfKeys: 1, lua: ACQUIRE_LUA });
    redis.defineCommand('wpingestRenewLease', { numberOfKeys: 1, lua: RENEW_LUA });
    defined.add(redis);
  }
  return redis as unknown as LeaseCommands;
}

/** The key of a host's in-flight requests, under the deployment's key prefix. */
export function leaseKey(prefix: string, host: string): string {
  return `${prefix}:host:${host}:inflight`;
}

/** A held place among a host's in-flight requests; `release` gives it back (safe to call twice). */
export interface HostLease {
  release(): Promise<void>;
}

/** Takes one of the host's `limit` in-flight places, or says how long the host is full at most; held (renewed) until released. */
export async function acquireHostLease(
  redis: Redis,
  prefix: string,
  host: string,
  limit: number,
  leaseMs = HOST_LEASE_MS,
): Promise<{ lease: HostLease } | { retryAfterMs: number }> {
  const token = randomUUID();
  const key = leaseKey(prefix, host);
  const [granted, ms] = await commands(redis).wpingestAcquireLease(key, limit, leaseMs, token);
  if (granted !== 1) return { retryAfterMs: ms };
  // A failed renewal (Redis briefly away) is retried at the next tick; the lease has two more ticks of life.
  const renewal = setInterval(
    () =>
      void commands(redis)
        .wpingestRenewLease(key, leaseMs, token)
        .catch(() => undefined),
    Math.max(10, Math.floor(leaseMs / 3)),
  );
  renewal.unref();
  let released = false;
  return {
    lease: {
      release: async () => {
        if (released) return;
        released = true;
        clearInterval(renewal);
        // Redis away: the place frees itself when the lease runs out; the request's own outcome matters more.
        await redis.zrem(key, token).catch(() => undefined);
      },
    },
  };
}
