import type { FeedArticle } from './feedArticle.js';

/** Export formats of `wpingest export`. */
export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Writes batches of feed articles to one output in one format. */
export interface FeedWriter {
  /** Writes one batch; resolves when the output has taken it (backpressure). */
  write(articles: readonly FeedArticle[]): Promise<void>;
  /** Writes what the format needs at the end (Parquet's footer); does not close the output. */
  finish(): Promise<void>;
}
