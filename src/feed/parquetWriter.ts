import type { Writable } from 'node:stream';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { FeedArticle } from './feedArticle.js';
import type { FeedWriter } from './feedWriter.js';
import { writeChunk } from './writeChunk.js';

type SchemaElement = ConstructorParameters<typeof ParquetWriter>[0]['schema'][number];

const text = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement[] => [
  { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition },
];
const json = (name: string): SchemaElement[] => [{ name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type: 'REQUIRED' }];
const timestamp = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement[] => [
  {
    name,
    type: 'INT64',
    converted_type: 'TIMESTAMP_MILLIS',
    logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MILLIS' },
    repetition_type: repetition,
  },
];
/** The standard three-level LIST of strings (an empty list, never null). */
const textList = (name: string): SchemaElement[] => [
  { name, repetition_type: 'REQUIRED', converted_type: 'LIST', logical_type: { type: 'LIST' }, num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
];

/** Column name -> its schema elements and how a feed article's value is encoded; in public column order. */
const COLUMNS: Array<{ name: keyof FeedArticle; schema: SchemaElement[]; value: (a: FeedArticle) => unknown }> = [
  { name: 'id', schema: [{ name: 'id', type: 'INT64', repetition_type: 'REQUIRED' }], value: (a) => BigInt(a.id) },
  { name: 'source_url', schema: text('source_url', 'REQUIRED'), value: (a) => a.source_url },
  { name: 'permalinks', schema: textList('permalinks'), value: (a) => a.permalinks },
  { name: 'site', schema: text('site', 'REQUIRED'), value: (a) => a.site },
  { name: 'post_type', schema: text('post_type'), value: (a) => a.post_type },
  { name: 'title', schema: text('title', 'REQUIRED'), value: (a) => a.title },
  { name: 'summary', schema: text('summary'), value: (a) => a.summary },
  { name: 'authors', schema: textList('authors'), value: (a) => a.authors },
  { name: 'published_at', schema: timestamp('published_at'), value: (a) => toDate(a.published_at) },
  { name: 'modified_at', schema: timestamp('modified_at'), value: (a) => toDate(a.modified_at) },
  { name: 'section', schema: textList('section'), value: (a) => a.section },
  { name: 'topics', schema: textList('topics'), value: (a) => a.topics },
  {
    name: 'image',
    schema: [{ name: 'image', repetition_type: 'OPTIONAL', num_children: 3 }, ...text('url', 'REQUIRED'), ...text('caption'), ...text('credit')],
    value: (a) => a.image,
  },
  { name: 'body_text', schema: text('body_text', 'REQUIRED'), value: (a) => a.body_text },
  { name: 'body_html', schema: text('body_html', 'REQUIRED'), value: (a) => a.body_html },
  { name: 'related', schema: json('related'), value: (a) => JSON.stringify(a.related) },
  { name: 'language', schema: text('language'), value: (a) => a.language },
  { name: 'word_count', schema: [{ name: 'word_count', type: 'INT32', repetition_type: 'REQUIRED' }], value: (a) => a.word_count },
  { name: 'teasers', schema: json('teasers'), value: (a) => JSON.stringify(a.teasers) },
  { name: 'created_at', schema: timestamp('created_at', 'REQUIRED'), value: (a) => toDate(a.created_at) },
  { name: 'updated_at', schema: timestamp('updated_at', 'REQUIRED'), value: (a) => toDate(a.updated_at) },
  { name: 'deleted_at', schema: timestamp('deleted_at'), value: (a) => toDate(a.deleted_at) },
];

/** The file's schema: timestamps as UTC millisecond TIMESTAMPs, lists as LISTs, the image as a struct. */
export const PARQUET_SCHEMA: SchemaElement[] = [{ name: 'root', num_children: COLUMNS.length }, ...COLUMNS.flatMap((column) => column.schema)];

function toDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/**
 * Parquet through hyparquet-writer: each batch becomes one row group, written out and dropped before the next,
 * so memory holds one batch whatever the number of rows. Snappy-compressed.
 */
export function parquetWriter(out: Writable): FeedWriter {
  const sink = streamSink(out);
  const writer = new ParquetWriter({ writer: sink, schema: PARQUET_SCHEMA, createdBy: 'wpingest' });
  return {
    write: async (articles) => {
      if (articles.length === 0) return;
      const columnData = COLUMNS.map((column) => ({ name: column.name, data: articles.map(column.value) }));
      await writer.write({ columnData, rowGroupSize: articles.length });
    },
    finish: async () => {
      await writer.finish();
    },
  };
}

/** A hyparquet-writer byte sink that hands each row group's bytes to the stream, then reuses its buffer. */
function streamSink(out: Writable): ByteWriter {
  const sink = new ByteWriter();
  const flush = async () => {
    if (sink.index === 0) return;
    // A copy: the buffer is overwritten by the next row group while the stream may still hold the chunk.
    const chunk = Buffer.from(new Uint8Array(sink.buffer, 0, sink.index));
    sink.index = 0;
    await writeChunk(out, chunk);
  };
  Object.assign(sink, { flush, finish: flush });
  return sink;
}
