import { queryOne } from '../../db/query.js';
import { PermanentError } from '../../errors.js';
import { siteCredentials, type SiteCredentialsRow } from '../../scheduler/siteQueries.js';
import { basicAuthorization, openSecret } from '../../secretBox.js';
import type { AppContext } from '../context.js';

/** How long a site's credentials are trusted before they are read again (a changed password lands this fast). */
const CREDENTIALS_TTL_MS = 10_000;
const checkedAt = new WeakMap<AppContext['http'], Map<number, number>>();

/**
 * Puts a site's stored application password (if it has one) into the HTTP client, for that site's origin only,
 * before its requests. Read at most every 10 s per site; a site without credentials costs one cached lookup.
 */
export async function applySiteCredentials(ctx: Pick<AppContext, 'pool' | 'http' | 'config'>, siteId: number): Promise<void> {
  const seen = checkedAt.get(ctx.http) ?? new Map<number, number>();
  checkedAt.set(ctx.http, seen);
  if (Date.now() - (seen.get(siteId) ?? 0) < CREDENTIALS_TTL_MS) return;
  const row = await queryOne<SiteCredentialsRow>(ctx.pool, siteCredentials(siteId));
  if (!row) return;
  const origins = new Set([new URL(row.url).origin, ...(row.apiRoot ? [new URL(row.apiRoot).origin] : [])]);
  if (row.user && row.secret) {
    if (!ctx.config.secretKey) throw new PermanentError(`site ${row.url} has stored credentials but WPINGEST_SECRET_KEY is not set`, 'no-secret-key');
    let password: string;
    try {
      password = openSecret(row.secret, ctx.config.secretKey);
    } catch (error) {
      throw new PermanentError(`cannot decrypt the credentials of ${row.url}: WPINGEST_SECRET_KEY is not the key they were stored with`, 'bad-secret-key', {
        cause: error,
      });
    }
    for (const origin of origins) ctx.http.credentials.set(origin, basicAuthorization(row.user, password));
  } else {
    for (const origin of origins) ctx.http.credentials.delete(origin);
  }
  seen.set(siteId, Date.now());
}
