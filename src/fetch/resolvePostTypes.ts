import { ConfigError } from '../errors.js';
import { buildRestUrl } from './buildRestUrl.js';
import { fetchJson } from './fetchJson.js';
import type { HttpClient } from './httpClient.js';

/** One entry of `/wp/v2/types` (the fields read). */
interface WpType {
  slug?: unknown;
  rest_base?: unknown;
  rest_namespace?: unknown;
}

/** The collection a post type is read from: its rest_base, prefixed by its namespace when that is not wp/v2. */
function collectionOf(type: WpType): string | undefined {
  if (typeof type.rest_base !== 'string' || !type.rest_base) return undefined;
  const namespace = typeof type.rest_namespace === 'string' && type.rest_namespace ? type.rest_namespace : 'wp/v2';
  return namespace === 'wp/v2' ? type.rest_base : `${namespace}/${type.rest_base}`;
}

/**
 * Maps the post types a user names (`post`, `page`, a custom type's slug or its rest_base) to the REST
 * collections to read, discovered from the site's `/wp/v2/types`. A name the site does not expose through
 * REST stops with one line listing the ones it does.
 */
export async function resolvePostTypes(client: HttpClient, apiRoot: string, names: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const response = await fetchJson(client, buildRestUrl(apiRoot, 'wp/v2/types'), signal);
  const types = response.status === 200 && response.body && typeof response.body === 'object' ? Object.values(response.body as Record<string, WpType>) : [];
  const bySlug = new Map<string, string>();
  for (const type of types) {
    const collection = collectionOf(type);
    if (!collection) continue;
    if (typeof type.slug === 'string') bySlug.set(type.slug, collection);
    bySlug.set(type.rest_base as string, collection);
  }
  const collections: string[] = [];
  for (const name of names) {
    const collection = bySlug.get(name);
    if (!collection) {
      const known = [...new Set(types.map((type) => (typeof type.slug === 'string' && collectionOf(type) ? type.slug : undefined)).filter(Boolean))];
      throw new ConfigError(`--types: the site has no post type "${name}" in its REST API (it has: ${known.join(', ') || 'none listed'})`);
    }
    if (!collections.includes(collection)) collections.push(collection);
  }
  return collections;
}
