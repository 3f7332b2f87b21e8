/**
 * Export and search at scale: seeds a scratch database with N articles (default 100,000, about 2.5 KB of text
 * and the same again of HTML each), then exports them in every format, each in its own process, at 10% and at
 * 100% of the rows, printing rows/s and the process's peak RSS: equal peaks at both sizes show the export runs
 * in constant memory. Then times full-text searches. The database is dropped at the end unless --keep.
 * Usage: node --import tsx scripts/benchExport.ts [--rows N] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createPool } from '../src/db/createPool.js';
import { migrate } from '../src/db/migrate.js';
import { execute } from '../src/db/query.js';
import { exportArticles } from '../src/feed/exportArticles.js';
import type { ExportFormat } from '../src/feed/feedWriter.js';
import { searchArticles } from '../src/feed/searchArticles.js';
import { analyze, dropDatabase } from './bench/benchQueries.js';
import { insertManyArticles, insertSite } from '../test/feed/seedFeedArticles.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    database: { type: 'string' },
    until: { type: 'string' },
  },
});
const SERVER = 'postgres://postgres@127.0.0.1:5432';
/** Rows seeded per statement: keeps each transaction's memory and WAL modest. */
const SEED_CHUNK = 10_000;
/** V8 old-space limit of each export process, MB. */
const CHILD_HEAP_MB = 128;
const FORMATS: ExportFormat[] = ['jsonl', 'csv', 'parquet'];
const SEARCHES = ['port expansion', '"grid upgrades"', 'budget year 5000', 'officials -tuesday', 'Bulk story 77777'];

/** Child: one export into a temp file; prints rows, seconds, bytes and peak RSS as JSON. */
async function child(format: ExportFormat, databaseUrl: string, until: string | undefined): Promise<void> {
  const pool = createPool(databaseUrl, () => undefined, 3);
  const dir = await mkdtemp(join(tmpdir(), 'wpingest-bench-export-'));
  const file = join(dir, `out.${format}`);
  const started = performance.now();
  const result = await exportArticles(pool, { format, filter: { until }, out: createWriteStream(file), endOutput: true });
  const seconds = (performance.now() - started) / 1000;
  const bytes = (await stat(file)).size;
  await rm(dir, { recursive: true, force: true });
  await pool.end();
  process.stdout.write(`${JSON.stringify({ rows: result.rows, seconds, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

function runChild(format: ExportFormat, databaseUrl: string, until?: string): { rows: number; seconds: number; bytes: number; peakRssMb: number } {
  // The heap limit the README recommends for every long-running process: without one V8 sizes its heap from the
  // host's memory and lets garbage pile up, which would blur whether the export itself holds on to rows.
  const args = [
    `--max-old-space-size=${CHILD_HEAP_MB}`,
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--child',
    format,
    '--database',
    databaseUrl,
    ...(until ? ['--until', until] : []),
  ];
  const result = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (result.status !== 0) throw new Error(`export child failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!);
}

async function seed(databaseUrl: string, rows: number): Promise<void> {
  const pool = createPool(databaseUrl, () => undefined, 2);
  const siteId = await insertSite(pool as unknown as pg.Pool, 'https://bench.example.test');
  const started = performance.now();
  for (let done = 0; done < rows; done += SEED_CHUNK) {
    await insertManyArticles(pool as unknown as pg.Pool, siteId, Math.min(SEED_CHUNK, rows - done), { firstWpId: done, bodyWords: 400 });
    process.stderr.write(`\rseeded ${Math.min(done + SEED_CHUNK, rows)}/${rows}`);
  }
  await execute(pool, analyze());
  process.stderr.write(` in ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  await pool.end();
}

async function timeSearches(databaseUrl: string): Promise<Array<{ q: string; hits: number; ms: number }>> {
  const pool = createPool(databaseUrl, () => undefined, 2);
  const timings: Array<{ q: string; hits: number; ms: number }> = [];
  for (const q of SEARCHES) {
    await searchArticles(pool, { q }); // warm the cache
    const started = performance.now();
    const hits = await searchArticles(pool, { q });
    timings.push({ q, hits: hits.length, ms: performance.now() - started });
  }
  await pool.end();
  return timings;
}

async function main(): Promise<void> {
  if (values.child) return child(values.child as ExportFormat, values.database!, values.until);
  const rows = Number(values.rows);
  const name = `wpingest_bench_export_${randomBytes(4).toString('hex')}`;
  const databaseUrl = `${SERVER}/${name}`;
  await migrate(databaseUrl);
  try {
    await seed(databaseUrl, rows);
    // Seeded publication times are one minute apart from 2026-01-01: this bound selects the first tenth.
    const tenth = new Date(Date.parse('2026-01-01T00:00:00Z') + Math.ceil(rows / 10) * 60_000 + 1).toISOString();
    console.log(`export processes run with --max-old-space-size=${CHILD_HEAP_MB}`);
    console.log(`| format | rows | seconds | rows/s | MB written | peak RSS MB |`);
    console.log(`|---|---:|---:|---:|---:|---:|`);
    for (const format of FORMATS) {
      for (const until of [tenth, undefined]) {
        const r = runChild(format, databaseUrl, until);
        console.log(
          `| ${format} | ${r.rows} | ${r.seconds.toFixed(1)} | ${Math.round(r.rows / r.seconds)} | ${(r.bytes / 1e6).toFixed(0)} | ${r.peakRssMb.toFixed(0)} |`,
        );
      }
    }
    console.log(`\nsearch over ${rows} articles (limit 20, warm):`);
    for (const t of await timeSearches(databaseUrl)) console.log(`  ${t.ms.toFixed(1).padStart(7)} ms  ${t.hits} hits  ${t.q}`);
  } finally {
    if (!values.keep) {
      const admin = new pg.Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await execute(admin, dropDatabase(name));
      await admin.end();
    } else console.log(`kept ${databaseUrl}`);
  }
}

await main();
