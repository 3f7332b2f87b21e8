import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../src/config.js';
import { insertPages, insertRun, startRun } from '../../src/scheduler/runQueries.js';
import type { AppContext } from '../../src/jobs/context.js';
import { enqueuePages } from '../../src/jobs/backfill/enqueuePages.js';

/** The project root, where child CLI processes run. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Environment that points a child `wpingest` at a test's database, Redis and queue prefix. */
export function cliEnv(config: Config, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: config.databaseUrl,
    REDIS_URL: config.redisUrl,
    WPINGEST_QUEUE_PREFIX: config.queuePrefix,
    WPINGEST_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...extra,
  };
}

/** Starts the CLI from source (no build needed) as a child process. */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv): ChildProcess & { output(): string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => void (text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => void (text += chunk.toString()));
  return Object.assign(child, { output: () => text });
}

/** Runs the CLI to completion and returns its exit code and output. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  const child = spawnCli(args, env);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { code, output: child.output() };
}

/** Polls `probe` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T>, timeoutMs = 60_000, everyMs = 200): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Plans a backfill run of pages 1..pages without the planning request (for sites that answer nothing but errors). */
export async function planRunByHand(ctx: AppContext, siteId: number, pages: number): Promise<number> {
  const runId = ((await ctx.pool.query(insertRun(siteId, 'backfill', {}))).rows[0] as { id: number }).id;
  await ctx.pool.query(insertPages(runId, 1, pages));
  await ctx.pool.query(startRun(runId, pages * 100, pages));
  await enqueuePages(
    ctx,
    siteId,
    runId,
    Array.from({ length: pages }, (_, i) => i + 1),
  );
  return runId;
}
