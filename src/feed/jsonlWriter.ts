import type { Writable } from 'node:stream';
import type { FeedWriter } from './feedWriter.js';
import { writeChunk } from './writeChunk.js';

/** One JSON object per line, in the public shape. */
export function jsonlWriter(out: Writable): FeedWriter {
  return {
    write: (articles) => writeChunk(out, articles.map((article) => `${JSON.stringify(article)}\n`).join('')),
    finish: async () => undefined,
  };
}
