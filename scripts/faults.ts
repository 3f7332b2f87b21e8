/**
 * The fault-injection suite and its report: runs `vitest --config vitest.faults.config.ts` (extra arguments
 * are passed on, e.g. a file filter), then prints one row per fault the tests recorded: fault, runs, posts
 * expected, articles found, lost, doubled, whether it finished with no command typed, and the time it took to
 * recover after the fault ended.
 * Usage: npm run test:faults [-- test/faults/redisLost.test.ts]
 * Exit status: vitest's (0 when every fault test passed).
 */
import { spawn } from 'node:child_process';
import { readdir, readFile, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FaultReportRow } from '../test/faults/databaseDigest.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT_DIR = `${ROOT}test-artifacts/faults/`;
const COLUMNS = ['fault', 'runs', 'posts expected', 'articles found', 'lost', 'doubled', 'no command typed', 'recovered in', 'note'] as const;

async function runVitest(args: string[]): Promise<number> {
  const vitest = fileURLToPath(new URL('../node_modules/vitest/vitest.mjs', import.meta.url));
  const child = spawn(process.execPath, [vitest, 'run', '--config', 'vitest.faults.config.ts', ...args], { cwd: ROOT, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

async function readRows(): Promise<FaultReportRow[]> {
  const files = (await readdir(REPORT_DIR).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(files.map(async (name) => JSON.parse(await readFile(REPORT_DIR + name, 'utf8')) as FaultReportRow));
}

function formatTable(rows: FaultReportRow[]): string {
  const cells = rows.map((row) =>
    [
      row.fault,
      row.runs,
      row.postsExpected,
      row.articlesFound,
      row.lost,
      row.doubled,
      row.unattended === undefined ? 'yes' : row.unattended ? 'yes' : 'NO',
      row.recoverMs === undefined ? '-' : `${(row.recoverMs / 1000).toFixed(1)} s`,
      row.note ?? '',
    ].map(String),
  );
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...cells.map((cell) => Math.min(cell[i]!.length, 90))));
  const line = (values: readonly string[]) => `| ${values.map((value, i) => value.slice(0, 90).padEnd(widths[i]!)).join(' | ')} |`;
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

await rm(REPORT_DIR, { recursive: true, force: true });
// The network-fault rows hold their outages longer here than in `npm test` (see networkHarness.ts).
process.env.WPINGEST_FAULTS_FULL = '1';
const status = await runVitest(process.argv.slice(2));
const rows = await readRows();
process.stdout.write(`\nFault report (${rows.length} faults; "articles found" counts distinct stories, re-crawls merged)\n${formatTable(rows)}\n`);
process.exit(status);
