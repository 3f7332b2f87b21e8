import type { Redis } from 'ioredis';

/** Consecutive transient failures of one host that open its circuit... */
export const CIRCUIT_FAILURE_THRESHOLD = 5;
/**
 * ...provided the streak (no success in between) has lasted this long: a burst of failures from a flaky host
 * whose retries succeed a second later is not an outage, and must not pause the host.
 */
export const CIRCUIT_MIN_STREAK_MS = 5000;
/** How long an open circuit pauses the host's fetches. */
export const CIRCUIT_COOL_DOWN_MS = 60_000;
/** A failure streak older than this is forgotten (a host failing once an hour is not "down"). */
const FAILURE_STREAK_TTL_MS = 10 * 60_000;
/** Requests a host may receive back to back before the rate applies (1: strictly spaced). */
export const RATE_BURST = 1;

/**
 * Rate limit as a shared token bucket in its GCRA form: one key per host holds the theoretical arrival time
 * (TAT) of the next request. A caller reserves the next free slot when it is at most `maxWait` ms away (it
 * must then wait that long and go); a slot further away is not reserved and the caller is told how long to
 * stay away. Redis TIME is the clock, so every fetch process on every machine agrees.
 * Returns {granted 1|0, ms}: the wait before going, or the time to come back.
 */
const RESERVE_SLOT_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local maxWait = tonumber(ARGV[3])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local wait = tat - interval * (burst - 1) - now
if wait < 0 then wait = 0 end
if wait > maxWait then return {0, wait - maxWait} end
local nextTat = tat + interval
redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now + interval))
return {1, wait}
`;

/**
 * Counts one more consecutive failure (a hash: n, and the time of the streak's first failure); once the
 * streak reaches the threshold and has lasted long enough, opens the circuit for the cool-down. Returns
 * {failures, opened}: opened is 1 only for the one caller that opened it, so the pause is logged once.
 */
const RECORD_FAILURE_LUA = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('HSETNX', KEYS[1], 'since', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if ARGV[5] ~= '' then redis.call('HSET', KEYS[1], 'reason', ARGV[5], 'message', ARGV[6]) end
local since = tonumber(redis.call('HGET', KEYS[1], 'since'))
if n >= tonumber(ARGV[1]) and now - since >= tonumber(ARGV[4]) then
  local opened = redis.call('SET', KEYS[2], tostring(n), 'PX', ARGV[2], 'NX')
  if opened then return {n, 1} end
end
return {n, 0}
`;

interface GateCommands {
  wpingestReserveSlot(key: string, intervalMs: number, burst: number, maxWaitMs: number): Promise<[number, number]>;
  wpingestRecordFailure(
    streakKey: string,
    openKey: string,
    threshold: number,
    coolDownMs: number,
    streakTtlMs: number,
    minStreakMs: number,
    reason: string,
    message: string,
  ): Promise<[number, number]>;
}

const defined = new WeakSet<Redis>();

function commands(redis: Redis): GateCommands {
  if (!defined.has(redis)) {
    redis.defineCommand('wpingestReserveSlot', { numberOfKeys: 1, lua: RESERVE_SLOT_LUA });
    redis.defineCommand('wpingestRecordFailure', { numberOfKeys: 2, lua: RECORD_FAILURE_LUA });
    defined.add(redis);
  }
  return redis as unknown as GateCommands;
}

/** The Redis keys of one host, under the deployment's key prefix. */
export function hostKeys(prefix: string, host: string) {
  const base = `${prefix}:host:${host}`;
  return { tat: `${base}:tat`, streak: `${base}:failures`, open: `${base}:circuit` };
}

/** The host part that politeness is keyed on: `example.com` or `127.0.0.1:8080`. */
export function hostOf(url: string): string {
  return new URL(url).host;
}

/** The answer of `reserveSlot`: go after `waitMs`, or come back after `retryAfterMs`. */
export type SlotDecision = { granted: true; waitMs: number } | { granted: false; retryAfterMs: number };

/** Reserves the host's next request slot at `ratePerSecond` if it is at most `maxWaitMs` away. */
export async function reserveSlot(redis: Redis, prefix: string, host: string, ratePerSecond: number, maxWaitMs: number): Promise<SlotDecision> {
  const intervalMs = Math.max(1, Math.round(1000 / ratePerSecond));
  const [granted, ms] = await commands(redis).wpingestReserveSlot(hostKeys(prefix, host).tat, intervalMs, RATE_BURST, maxWaitMs);
  return granted === 1 ? { granted: true, waitMs: ms } : { granted: false, retryAfterMs: ms };
}

/** Longest error message kept with a host's failure streak. */
const MAX_CAUSE_CHARS = 300;

/** Why the host's last request failed, kept with its failure streak so the dashboard can show the cause. */
export interface HostFailureCause {
  /** The error's reason: `ECONNREFUSED`, `timeout`, `http-503`... */
  reason: string;
  /** Its message (credentials already removed by the caller). */
  message: string;
}

/**
 * Records a transient failure of the host, and its cause when given; `opened` is true for the one caller that
 * opened the circuit. `minStreakMs` is for tests.
 */
export async function recordHostFailure(
  redis: Redis,
  prefix: string,
  host: string,
  options: { minStreakMs?: number; cause?: HostFailureCause } = {},
): Promise<{ failures: number; opened: boolean }> {
  const keys = hostKeys(prefix, host);
  const cause = options.cause;
  const [failures, opened] = await commands(redis).wpingestRecordFailure(
    keys.streak,
    keys.open,
    CIRCUIT_FAILURE_THRESHOLD,
    CIRCUIT_COOL_DOWN_MS,
    FAILURE_STREAK_TTL_MS,
    options.minStreakMs ?? CIRCUIT_MIN_STREAK_MS,
    cause?.reason ?? '',
    (cause?.message ?? '').slice(0, MAX_CAUSE_CHARS),
  );
  return { failures, opened: opened === 1 };
}

/** A success ends the failure streak (an open circuit still runs out its cool-down). */
export async function recordHostSuccess(redis: Redis, prefix: string, host: string): Promise<void> {
  await redis.del(hostKeys(prefix, host).streak);
}

/** The circuit state of a host, for `status` and the dashboard: open or not, the current failure streak and its last cause. */
export async function readCircuit(
  redis: Redis,
  prefix: string,
  host: string,
): Promise<{ open: boolean; openForMs: number; failures: number; lastCause: HostFailureCause | null }> {
  const keys = hostKeys(prefix, host);
  const [openForMs, streak] = await Promise.all([redis.pttl(keys.open), redis.hmget(keys.streak, 'n', 'reason', 'message')]);
  const [n, reason, message] = streak;
  return { open: openForMs > 0, openForMs: Math.max(0, openForMs), failures: Number(n ?? 0), lastCause: reason ? { reason, message: message ?? '' } : null };
}
