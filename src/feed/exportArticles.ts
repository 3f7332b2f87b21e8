import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Pool } from '../db/createPool.js';
import { execute, queryOne } from '../db/query.js';
import { csvWriter } from './csvWriter.js';
import { readExportCursor, saveExportCursor } from './exportCursorQueries.js';
import type { FeedFilter, FeedPosition } from './feedQueries.js';
import type { ExportFormat, FeedWriter } from './feedWriter.js';
import { jsonlWriter } from './jsonlWriter.js';
import { parquetWriter } from './parquetWriter.js';
import { countFeed, streamFeed } from './streamFeed.js';

/** Options of `exportArticles`. */
export interface ExportOptions {
  format: ExportFormat;
  filter: Omit<FeedFilter, 'after' | 'settled' | 'q'>;
  /** Where the bytes go. */
  out: Writable;
  /** End `out` and wait until it is closed before saving the cursor (a file); false leaves it open (stdout). */
  endOutput: boolean;
  /**
   * Named incremental cursor: start after the position it saved, save the new one once everything is written.
   * An export that fails saves nothing, so the next one starts from the same place (nothing is skipped).
   */
  cursorName?: string;
  /** Called with the total once (counted first only when given) and after every batch with rows written. */
  onProgress?: (written: number, total: number) => void;
  /** Rows per cursor read (and Parquet row group). */
  batchRows?: number;
}

/** What an export wrote. */
export interface ExportResult {
  rows: number;
  /** Position of the last row written (what the named cursor saved), or the cursor's old one when none was. */
  last: FeedPosition | undefined;
}

const WRITERS: Record<ExportFormat, (out: Writable) => FeedWriter> = { jsonl: jsonlWriter, csv: csvWriter, parquet: parquetWriter };

/**
 * Streams the filtered feed in (updated_at, id) order into one output. With a cursor name, only rows after the
 * saved position, and only settled ones (see `SETTLED_HORIZON`), so consecutive exports together hold every
 * change exactly once.
 */
export async function exportArticles(pool: Pool, options: ExportOptions): Promise<ExportResult> {
  const saved = options.cursorName ? ((await queryOne<FeedPosition>(pool, readExportCursor(options.cursorName))) ?? undefined) : undefined;
  const filter: FeedFilter = { ...options.filter, after: saved, settled: options.cursorName !== undefined };
  const total = options.onProgress ? await countFeed(pool, filter) : 0;
  options.onProgress?.(0, total);
  const writer = WRITERS[options.format](options.out);
  let rows = 0;
  let last = saved;
  for await (const batch of streamFeed(pool, filter, options.batchRows)) {
    await writer.write(batch.articles);
    rows += batch.articles.length;
    last = batch.last;
    options.onProgress?.(rows, Math.max(total, rows));
  }
  await writer.finish();
  if (options.endOutput) await endStream(options.out);
  else await drained(options.out);
  if (options.cursorName && last && rows > 0) await execute(pool, saveExportCursor(options.cursorName, last, rows));
  return { rows, last };
}

async function endStream(out: Writable): Promise<void> {
  out.end();
  await finished(out);
}

/** Resolves once everything written so far has left the stream's buffer. */
async function drained(out: Writable): Promise<void> {
  if (out.writableLength === 0) return;
  await new Promise<void>((resolve, reject) => {
    out.once('drain', resolve);
    out.once('error', reject);
  });
}
