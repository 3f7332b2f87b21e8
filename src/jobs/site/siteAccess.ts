import { execute, queryOne } from '../../db/query.js';
import { ConfigError } from '../../errors.js';
import { resolvePostTypes } from '../../fetch/resolvePostTypes.js';
import { retryTransient } from '../../fetch/retryTransient.js';
import { setSitePostTypes, sitePostTypes } from '../../scheduler/siteQueries.js';
import { basicAuthorization } from '../../secretBox.js';
import type { AppContext } from '../context.js';
import { canonicalSiteUrl } from './registerSite.js';

/** Parses `--auth user:application-password` (the password may contain colons and the spaces WordPress shows). */
export function parseAuth(value: string): { user: string; password: string } {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) throw new ConfigError('--auth must look like user:application-password');
  return { user: value.slice(0, colon), password: value.slice(colon + 1) };
}

/** The collections to read: the ones `--types` names (remembered for the site), else the site's stored ones. */
export async function siteCollections(ctx: AppContext, siteId: number, apiRoot: string, types: string[] | undefined): Promise<string[]> {
  if (types && types.length > 0) {
    const collections = await retryTransient(() => resolvePostTypes(ctx.http, apiRoot, types));
    await execute(ctx.pool, setSitePostTypes(siteId, collections));
    return collections;
  }
  const stored = (await queryOne<{ post_types: string[] | null }>(ctx.pool, sitePostTypes(siteId)))?.post_types;
  return stored && stored.length > 0 ? stored : ['posts'];
}

/** Uses credentials given on the command line for the site's origin, before the API is even discovered; returns how to drop them. */
export function useCredentials(ctx: AppContext, siteUrl: string, auth: { user: string; password: string }): () => void {
  if (!ctx.config.secretKey) throw new ConfigError('--auth needs WPINGEST_SECRET_KEY (32 bytes, hex or base64) to store the password encrypted');
  const origin = new URL(canonicalSiteUrl(siteUrl)).origin;
  ctx.http.credentials.set(origin, basicAuthorization(auth.user, auth.password));
  return () => void ctx.http.credentials.delete(origin);
}
