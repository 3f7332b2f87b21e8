import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPool, type Pool } from '../../src/db/createPool.js';
import { exportArticles, type ExportOptions } from '../../src/feed/exportArticles.js';
import { FEED_COLUMNS } from '../../src/feed/feedArticle.js';
import { createTestDatabase } from '../helpers/testDatabase.js';
import { parseCsv } from './parseCsv.js';
import { insertFeedArticle, insertManyArticles, insertSite } from './seedFeedArticles.js';

let db: Awaited<ReturnType<typeof createTestDatabase>>;
let pool: Pool;
let dir: string;
let siteA: number;
let siteB: number;

/** The feed as Postgres itself renders it (to_jsonb), independent of the exporter's own conversion. */
async function feedFromDatabase(where = 'f.deleted_at IS NULL'): Promise<Array<Record<string, unknown>>> {
  const rows = await pool.query(`SELECT to_jsonb(f) AS row FROM article_feed f WHERE ${where} ORDER BY f.updated_at, f.id`);
  return rows.rows.map(({ row }) => {
    for (const key of ['published_at', 'modified_at', 'created_at', 'updated_at', 'deleted_at']) {
      if (row[key] !== null) row[key] = new Date(row[key]).toISOString();
    }
    return row;
  });
}

async function exportTo(file: string, options: Omit<ExportOptions, 'out' | 'endOutput'>) {
  return exportArticles(pool, { ...options, out: createWriteStream(file), endOutput: true, batchRows: 7 });
}

const readJsonl = async (file: string) =>
  (await readFile(file, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  db = await createTestDatabase('feedexport');
  pool = createPool(db.databaseUrl, () => undefined, 4);
  dir = await mkdtemp(join(tmpdir(), 'wpingest-export-'));
  siteA = await insertSite(pool, 'https://a.example.test');
  siteB = await insertSite(pool, 'https://b.example.test');
  await insertFeedArticle(pool, siteA, {
    wpId: 1,
    title: 'Quotes "and", commas\nand a line break',
    summary: 'Zürich, “curly” – ok',
    authors: ['Ana, B.', 'Kim "K" Lee'],
    topics: ['Energy'],
    section: ['World', 'Europe'],
    image: { url: 'https://img.example.test/1.jpg', caption: 'A port, at dawn', credit: null },
    body: 'First paragraph.\n\nSecond, with "quotes".',
  });
  await insertFeedArticle(pool, siteA, { wpId: 2, publishedAt: null, language: null, summary: null, image: null, postType: 'page' });
  const deleted = await insertFeedArticle(pool, siteA, { wpId: 3 });
  await pool.query(`UPDATE articles SET deleted_at = now() WHERE id = $1`, [deleted]);
  await insertFeedArticle(pool, siteB, { wpId: 10, publishedAt: '2026-06-15T08:00:00Z' });
  await insertManyArticles(pool, siteA, 40, { firstWpId: 100, bodyWords: 60 });
  await pool.query(`INSERT INTO teasers (source_domain, key, title, url) VALUES ('source.example.test', 'nid:1', 'Teaser, one', 'https://t.example.test/1')`);
  await pool.query(
    `INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes, teaser_ids, teaser_slots, teaser_positions)
     SELECT a.version_site_id, a.version_wp_id, 1, 0, 0, ARRAY[t.id], '{latest}', '{1}' FROM articles a, teasers t WHERE a.version_wp_id = 1`,
  );
});

afterAll(async () => {
  await pool?.end();
  await rm(dir, { recursive: true, force: true });
  await db?.drop();
});

describe('wpingest export', () => {
  it('writes JSON lines equal to the article_feed view, live articles only, in (updated_at, id) order', async () => {
    const file = join(dir, 'all.jsonl');
    const result = await exportTo(file, { format: 'jsonl', filter: {} });
    const expected = await feedFromDatabase();
    expect(result.rows).toBe(expected.length);
    expect(expected.length).toBe(43);
    expect(await readJsonl(file)).toEqual(expected);
  });

  it('writes RFC 4180 CSV whose every cell reads back as the database value (lists and objects as JSON)', async () => {
    const file = join(dir, 'all.csv');
    await exportTo(file, { format: 'csv', filter: {} });
    const [header, ...rows] = parseCsv(await readFile(file, 'utf8'));
    expect(header).toEqual([...FEED_COLUMNS]);
    const expected = await feedFromDatabase();
    expect(rows).toHaveLength(expected.length);
    rows.forEach((cells, i) => {
      FEED_COLUMNS.forEach((column, c) => {
        const value = expected[i]![column];
        const text = value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        expect(cells[c], `${column} of row ${i}`).toBe(text);
      });
    });
  });

  it('writes Parquet that a reader (hyparquet) reads back with timestamps, lists and the image struct typed', async () => {
    const file = join(dir, 'all.parquet');
    await exportTo(file, { format: 'parquet', filter: {} });
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    const schema = new Map(metadata.schema.map((element) => [element.name, element]));
    expect(schema.get('published_at')).toMatchObject({ type: 'INT64', logical_type: { type: 'TIMESTAMP', unit: 'MILLIS', isAdjustedToUTC: true } });
    expect(schema.get('authors')).toMatchObject({ converted_type: 'LIST' });
    const rows = (await parquetReadObjects({ file: buffer })) as Array<Record<string, unknown>>;
    const expected = await feedFromDatabase();
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const want = expected[i]!;
      expect(Number(row.id)).toBe(want.id);
      for (const column of [
        'source_url',
        'permalinks',
        'site',
        'post_type',
        'title',
        'summary',
        'authors',
        'section',
        'topics',
        'body_text',
        'body_html',
        'language',
        'word_count',
        'image',
      ]) {
        expect(row[column], `${column} of row ${i}`).toEqual(want[column]);
      }
      for (const column of ['published_at', 'modified_at', 'created_at', 'updated_at', 'deleted_at']) {
        const value = row[column];
        expect(value instanceof Date ? value.toISOString() : value, `${column} of row ${i}`).toEqual(
          want[column] === null ? null : new Date(want[column] as string).toISOString(),
        );
      }
      expect(JSON.parse(row.teasers as string)).toEqual(want.teasers);
      expect(JSON.parse(row.related as string)).toEqual(want.related);
    });
    expect(metadata.row_groups.length).toBeGreaterThan(1);
  });

  it('filters by site and by publication time, and includes deleted articles only when asked', async () => {
    const siteFile = join(dir, 'site-b.jsonl');
    await exportTo(siteFile, { format: 'jsonl', filter: { siteId: siteB } });
    expect((await readJsonl(siteFile)).map((a) => a.site)).toEqual(['https://b.example.test']);
    const windowFile = join(dir, 'window.jsonl');
    await exportTo(windowFile, { format: 'jsonl', filter: { since: '2026-06-01T00:00:00Z', until: '2026-07-01T00:00:00Z' } });
    expect((await readJsonl(windowFile)).map((a) => a.published_at)).toEqual(['2026-06-15T08:00:00.000Z']);
    const allFile = join(dir, 'with-deleted.jsonl');
    const all = await exportTo(allFile, { format: 'jsonl', filter: { includeDeleted: true } });
    expect(all.rows).toBe(44);
    expect((await readJsonl(allFile)).filter((a) => a.deleted_at !== null)).toHaveLength(1);
  });

  it('--since-last exports each change once: nothing again, then only what changed since', async () => {
    const first = await exportTo(join(dir, 'inc1.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'warehouse' });
    expect(first.rows).toBe(43);
    const second = await exportTo(join(dir, 'inc2.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'warehouse' });
    expect(second.rows).toBe(0);
    await pool.query(`UPDATE articles SET title = title || ' (updated)', updated_at = now() WHERE version_wp_id IN (2, 105)`);
    const added = await insertFeedArticle(pool, siteB, { wpId: 11 });
    const third = await exportTo(join(dir, 'inc3.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'warehouse' });
    const changed = await readJsonl(join(dir, 'inc3.jsonl'));
    expect(third.rows).toBe(3);
    expect(changed.map((a) => a.id)).toContain(added);
    expect(changed.filter((a) => String(a.title).endsWith('(updated)'))).toHaveLength(2);
    // Another name keeps its own position.
    expect((await exportTo(join(dir, 'other.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'other' })).rows).toBe(44);
  });

  it('never steps past a change still being written: a row stamped before an open transaction waits for its commit', async () => {
    await exportTo(join(dir, 'pre.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'late' });
    const writer = new pg.Client({ connectionString: db.databaseUrl });
    await writer.connect();
    try {
      await writer.query('BEGIN');
      await writer.query(`UPDATE articles SET title = 'slow writer', updated_at = now() WHERE version_wp_id = 110`);
      // A faster writer commits a later change meanwhile.
      await pool.query(`UPDATE articles SET title = 'fast writer', updated_at = now() WHERE version_wp_id = 111`);
      const during = await exportTo(join(dir, 'during.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'late' });
      expect(during.rows).toBe(0);
      await writer.query('COMMIT');
    } finally {
      await writer.end();
    }
    await exportTo(join(dir, 'after.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'late' });
    expect((await readJsonl(join(dir, 'after.jsonl'))).map((a) => a.title).sort()).toEqual(['fast writer', 'slow writer']);
  });

  it('an export that fails part-way saves no cursor position, so the next one starts from the same place', async () => {
    const failing = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('disk full')) });
    failing.on('error', () => undefined);
    await expect(exportArticles(pool, { format: 'jsonl', filter: {}, out: failing, endOutput: true, cursorName: 'broken', batchRows: 5 })).rejects.toThrow(
      /disk full/,
    );
    const retry = await exportTo(join(dir, 'retry.jsonl'), { format: 'jsonl', filter: {}, cursorName: 'broken' });
    expect(retry.rows).toBe(44);
  });
});
