import type { Query } from './query.js';

/** The database's instance id (row `{ id }`), made by a migration: it scopes queue job ids. */
export const instanceId = (): Query => ({ text: 'SELECT id FROM instance', values: [] });
