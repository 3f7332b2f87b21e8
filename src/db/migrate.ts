import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as q from './migrationQueries.js';
import { execute, queryAll, queryOne } from './query.js';

/** Where the numbered migrations live, relative to this file in both src/ and dist/src/. */
export const SQL_DIR = fileURLToPath(new URL(import.meta.url.includes('/dist/') ? '../../../sql/' : '../../sql/', import.meta.url));
/** Serialises concurrent `migrate` calls (several workers starting at once). */
const MIGRATION_LOCK_ID = 727_274_001;

export interface MigrationResult {
  created: boolean;
  applied: string[];
}

/** Creates the database if missing, then applies `sql/NNNNNN_*.sql` in order, each in a transaction. */
export async function migrate(databaseUrl: string): Promise<MigrationResult> {
  const created = await createDatabaseIfMissing(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await execute(client, q.lockMigrations(MIGRATION_LOCK_ID));
    await execute(client, q.createMigrationsTable());
    const done = new Set((await queryAll<{ name: string }>(client, q.appliedMigrations())).map((row) => row.name));
    const files = (await readdir(SQL_DIR)).filter((name) => /^\d{6}_.*\.sql$/.test(name)).sort();
    const applied: string[] = [];
    for (const name of files) {
      if (done.has(name)) continue;
      const sql = await readFile(SQL_DIR + name, 'utf8');
      await client.query('BEGIN');
      try {
        await client.query(sql);
        await execute(client, q.recordMigration(name));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    return { created, applied };
  } finally {
    await execute(client, q.unlockMigrations(MIGRATION_LOCK_ID)).catch(() => undefined);
    await client.end();
  }
}

async function createDatabaseIfMissing(databaseUrl: string): Promise<boolean> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (!name) throw new Error('DATABASE_URL names no database');
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    if (await queryOne(admin, q.databaseExists(name))) return false;
    await execute(admin, q.createDatabase(name));
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === '42P04') return false; // created concurrently
    throw error;
  } finally {
    await admin.end();
  }
}
