import { buildRestUrl } from './buildRestUrl.js';
import { fetchJson } from './fetchJson.js';
import type { HttpClient } from './httpClient.js';

/** The REST routes of the names wpingest resolves. */
export const TERM_ROUTES = { category: 'wp/v2/categories', post_tag: 'wp/v2/tags', user: 'wp/v2/users' } as const;
export type TermTaxonomy = keyof typeof TERM_ROUTES;
/** WordPress caps `include` lists at per_page, which is at most 100. */
const IDS_PER_REQUEST = 100;

/** Fetches the names of the given term or user ids; ids WordPress does not return are simply absent. */
export async function fetchTermNames(
  client: HttpClient,
  apiRoot: string,
  taxonomy: TermTaxonomy,
  ids: readonly number[],
  signal?: AbortSignal,
): Promise<Map<number, string>> {
  const names = new Map<number, string>();
  for (let start = 0; start < ids.length; start += IDS_PER_REQUEST) {
    const chunk = ids.slice(start, start + IDS_PER_REQUEST);
    const url = buildRestUrl(apiRoot, TERM_ROUTES[taxonomy], { include: chunk.join(','), per_page: IDS_PER_REQUEST, _fields: 'id,name' });
    const response = await fetchJson(client, url, signal);
    if (response.status !== 200 || !Array.isArray(response.body)) continue;
    for (const item of response.body as Array<{ id?: unknown; name?: unknown }>) {
      if (typeof item?.id === 'number' && typeof item.name === 'string') names.set(item.id, item.name);
    }
  }
  return names;
}
