import type pg from 'pg';
import Cursor from 'pg-cursor';

/**
 * A named, parameterised query: values are always parameters, never concatenated into text. Each stage keeps
 * its queries in `*Queries.ts` modules (functions returning a `Query`) and runs them through the helpers below.
 */
export interface Query {
  text: string;
  values: unknown[];
}

/** What a query runs on: the pool, a pooled client (in a transaction) or a client of its own. */
export interface Queryable {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
}

/**
 * The first row of the result, or null when there is none ("nothing found" is a value). `T` is the row as the
 * query's column aliases name it; it is the caller's word, not checked at run time.
 */
export async function queryOne<T>(db: Queryable, query: Query): Promise<T | null> {
  const result = await db.query(query);
  return (result.rows[0] as T | undefined) ?? null;
}

/** Every row of the result, in the query's order. */
export async function queryAll<T>(db: Queryable, query: Query): Promise<T[]> {
  return (await db.query(query)).rows as T[];
}

/** Runs a statement for its effect; returns the rows it changed (or returned), 0 for a statement with no count. */
export async function execute(db: Queryable, query: Query): Promise<number> {
  return (await db.query(query)).rowCount ?? 0;
}

/** A server-side cursor over the query's rows, read a batch at a time (`read(n)`); the caller closes it. */
export function openCursor<T>(client: pg.Client, query: Query): Cursor<T> {
  return client.query(new Cursor<T>(query.text, query.values));
}
