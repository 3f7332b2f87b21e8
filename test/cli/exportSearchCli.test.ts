import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { insertFeedArticle, insertSite } from '../feed/seedFeedArticles.js';
import { createTestDatabase } from '../helpers/testDatabase.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}bin/wpingest.js`;

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;

function wpingest(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  if (!existsSync(`${ROOT}dist/src/cli/main.js`)) throw new Error('dist/ is missing: run `npm run build` (npm test does)');
  db = await createTestDatabase('clifeed');
  pool = createPool(db.databaseUrl, () => undefined, 2);
  const site = await insertSite(pool, 'https://cli.example.test');
  await insertFeedArticle(pool, site, { wpId: 1, title: 'Harbour cranes return to Valletta', body: 'The cranes were repaired over the winter.' });
  await insertFeedArticle(pool, site, { wpId: 2, title: 'Budget talks', body: 'Talks about the harbour budget continue.' });
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

describe('wpingest export and search on the command line', () => {
  it('export --format jsonl writes one article object a line to stdout and a count to stderr', () => {
    const result = wpingest(['export', '--format', 'jsonl']);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { title: string; site: string });
    expect(lines.map((a) => a.title)).toEqual(['Harbour cranes return to Valletta', 'Budget talks']);
    expect(result.stderr).toMatch(/exported 2 articles/);
  });

  it('search prints id, title, site, date and a highlighted snippet, title match first', () => {
    const result = wpingest(['search', 'harbour']);
    expect(result.status).toBe(0);
    const [first, where, snippet] = result.stdout.split('\n');
    expect(first).toMatch(/^\d+ {2}Harbour cranes return to Valletta$/);
    expect(where).toMatch(/https:\/\/cli\.example\.test {2}2026-05-01/);
    expect(snippet).toBeDefined();
    expect(result.stdout).toMatch(/\*\*harbour\*\* budget/);
  });

  it('bad flags stop with one line and exit 2', () => {
    for (const args of [
      ['export', '--format', 'xml'],
      ['export', '--format', 'csv', '--site', 'https://unknown.example.test'],
      ['search', 'x', '--limit', '0'],
      ['export', '--format', 'csv', '--since-last', 'a b'],
    ]) {
      const result = wpingest(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
