import type { Redis } from 'ioredis';
import type { Pool } from '../db/createPool.js';
import { queryOne } from '../db/query.js';
import { ping } from './dashboardQueries.js';

/** How long each dependency may take to answer a readiness check. */
export const READINESS_TIMEOUT_MS = 2_000;

/** 'ok', or what went wrong. */
export type CheckResult = 'ok' | `failed: ${string}`;

/** The readiness of each dependency; `ready` only when all are 'ok'. */
export interface Readiness {
  ready: boolean;
  checks: { redis: CheckResult; postgres: CheckResult };
}

/** Pings Redis and runs `SELECT 1` on Postgres, in parallel, each within `timeoutMs`. */
export async function checkReadiness(redis: Redis, pool: Pool, timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  const [redisResult, postgresResult] = await Promise.all([check(() => redis.ping(), timeoutMs), check(() => queryOne(pool, ping()), timeoutMs)]);
  return { ready: redisResult === 'ok' && postgresResult === 'ok', checks: { redis: redisResult, postgres: postgresResult } };
}

async function check(probe: () => Promise<unknown>, timeoutMs: number): Promise<CheckResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckResult>((resolve) => {
    timer = setTimeout(() => resolve(`failed: no answer within ${timeoutMs} ms`), timeoutMs);
  });
  const attempt = probe().then(
    (): CheckResult => 'ok',
    (error: unknown): CheckResult => `failed: ${describe(error)}`,
  );
  try {
    return await Promise.race([attempt, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A short reason; connection errors (AggregateError) can have an empty message but carry a code. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return error.message || (typeof code === 'string' ? code : error.name);
}
