import type { Writable } from 'node:stream';
import { FEED_COLUMNS, type FeedArticle } from './feedArticle.js';
import type { FeedWriter } from './feedWriter.js';
import { writeChunk } from './writeChunk.js';

/** A CSV field (RFC 4180): lists and objects as JSON text, null as an empty field, quoted when needed. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a header row of the public column names; CRLF line ends. */
export function csvWriter(out: Writable): FeedWriter {
  let headerWritten = false;
  const line = (article: FeedArticle) => `${FEED_COLUMNS.map((column) => csvField(article[column])).join(',')}\r\n`;
  const header = () => {
    if (headerWritten) return '';
    headerWritten = true;
    return `${FEED_COLUMNS.join(',')}\r\n`;
  };
  return {
    write: (articles) => writeChunk(out, header() + articles.map(line).join('')),
    // An export of no rows still says which columns it would have.
    finish: async () => {
      const rest = header();
      if (rest) await writeChunk(out, rest);
    },
  };
}
