import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatus } from '../../../src/cli/commands/statusCommand.js';
import { CIRCUIT_FAILURE_THRESHOLD, CIRCUIT_MIN_STREAK_MS } from '../../../src/scheduler/hostGate.js';
import { upsertSite } from '../../../src/scheduler/runQueries.js';
import { startWorkers, type RunningWorkers } from '../../../workers/startWorkers.js';
import { startTestApp, type TestApp } from '../../helpers/startTestApp.js';
import { cliEnv, eventually, planRunByHand, runCli } from '../../helpers/serviceHelpers.js';

describe('circuit breaker of a host that answers 503 to everything', () => {
  let app: TestApp;
  let workers: RunningWorkers | undefined;
  const logLines: Array<{ level: number; msg: string; host?: string }> = [];

  beforeAll(async () => {
    // Every /wp/v2/ request answers 503 with Retry-After: 1; discovery (the home page) still works.
    app = await startTestApp({ label: 'circuit', posts: 50, faults: '503x100000', roles: [] });
    app.ctx.log = pino({ level: 'warn' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
    // Registered by hand: discovery checks that the API answers, which this site never does.
    const siteId = ((await app.ctx.pool.query(upsertSite(app.site.url, `${app.site.url}/wp-json/`, 'pretty', 100))).rows[0] as { id: number }).id;
    workers = await startWorkers(app.ctx, ['scheduler', 'fetch', 'process']);
    await planRunByHand(app.ctx, siteId, 3);
  });
  afterAll(async () => {
    await workers?.close();
    await app?.close();
  });

  const served503 = async () => ((await (await fetch(`${app.site.url}/__fixture/stats`)).json()) as { byStatus: Record<string, number> }).byStatus['503'] ?? 0;

  it(`opens after ${CIRCUIT_FAILURE_THRESHOLD}+ consecutive failures over ${CIRCUIT_MIN_STREAK_MS / 1000}+ s, says so once, and shows it in status`, async () => {
    const source = await eventually('the circuit to open', async () => (await readStatus(app.ctx)).sources.find((s) => s.circuit?.open), 30_000);
    expect(source.circuit!.failures).toBeGreaterThanOrEqual(CIRCUIT_FAILURE_THRESHOLD);
    const host = new URL(app.site.url).host;
    const pauses = logLines.filter((line) => line.msg.startsWith('pausing host'));
    expect(pauses).toHaveLength(1);
    const failures = Number(/^pausing host (\S+) for 60s after (\d+) failures$/.exec(pauses[0]!.msg)?.[2]);
    expect(pauses[0]!.msg).toBe(`pausing host ${host} for 60s after ${failures} failures`);
    expect(failures).toBeGreaterThanOrEqual(CIRCUIT_FAILURE_THRESHOLD);
    expect(pauses[0]!.level).toBe(40);

    const status = await runCli(['status'], cliEnv(app.config));
    expect(status.code).toBe(0);
    expect(status.output).toMatch(new RegExp(`CIRCUIT OPEN: ${host} paused (\\d+m )?\\d+s more after \\d+ failures \\(http-503\\)`));
    expect(status.output).toMatch(/backfill running .* ETA: waiting for host/);
  });

  it('pauses the host: while open, fetches fail fast without a request', async () => {
    const before = await served503();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(await served503()).toBe(before);
    // The pages are not lost: whatever attempts they have left wait for the cool-down; `--resume` reopens the rest.
    const lost = await app.ctx.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM run_pages WHERE status NOT IN ('pending', 'failed')`);
    expect(lost.rows[0]!.n).toBe(0);
  });
});
