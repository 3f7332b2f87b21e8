import { readMemory } from './readProcStats.js';
import type { BaselineResult } from './runCrawleeBaseline.js';
import { spawnNodeScript } from './spawnNodeScript.js';

/** Longest the baseline crawl may take (it is bounded by the site's page count; this catches a hang). */
const CRAWL_TIMEOUT_MS = 60 * 60_000;

/** Runs `crawleeBaselineProcess.ts` against the site; its peak RSS is the child's VmHWM. */
export async function startCrawleeBaseline(root: string, siteUrl: string): Promise<BaselineResult> {
  let result: BaselineResult | undefined;
  const child = await spawnNodeScript({
    name: 'Crawlee baseline',
    script: 'scripts/bench/crawleeBaselineProcess.ts',
    args: [siteUrl],
    cwd: root,
    env: process.env,
    ready: (line) => line.startsWith('{"baseline"'),
    onLine: (line) => {
      if (line.startsWith('{"baseline"')) result = (JSON.parse(line) as { baseline: BaselineResult }).baseline;
    },
    readyTimeoutMs: CRAWL_TIMEOUT_MS,
  });
  const peakRss = readMemory(child.pid)?.peakRss;
  await child.stop();
  if (!result) throw new Error('the Crawlee baseline printed no result');
  return { ...result, memory: { ...result.memory, peakRss: peakRss ?? result.memory.peakRss } };
}
