import type { Query } from './query.js';

/** Named queries of `migrate`: its lock, its bookkeeping table and creating the database. */

/** Waits for the session advisory lock that serialises concurrent migrations. */
export const lockMigrations = (lockId: number): Query => ({ text: 'SELECT pg_advisory_lock($1)', values: [lockId] });

export const unlockMigrations = (lockId: number): Query => ({ text: 'SELECT pg_advisory_unlock($1)', values: [lockId] });

/** The table of applied migrations, created on first use. */
export const createMigrationsTable = (): Query => ({
  text: 'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
  values: [],
});

/** The file names of the applied migrations (rows `{ name }`). */
export const appliedMigrations = (): Query => ({ text: 'SELECT name FROM schema_migrations', values: [] });

export const recordMigration = (name: string): Query => ({ text: 'INSERT INTO schema_migrations (name) VALUES ($1)', values: [name] });

/** One row when the database exists. */
export const databaseExists = (name: string): Query => ({ text: 'SELECT 1 FROM pg_database WHERE datname = $1', values: [name] });

/** CREATE DATABASE takes no parameters: the name is quoted as an identifier (a quote inside doubled). */
export const createDatabase = (name: string): Query => ({ text: `CREATE DATABASE "${name.replace(/"/g, '""')}"`, values: [] });
