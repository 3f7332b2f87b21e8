/** Query parameters of a REST request; undefined values are left out. */
export type RestParams = Record<string, string | number | undefined>;

/**
 * Builds a REST URL for both root forms: `https://site/wp-json/` + `wp/v2/posts` gives
 * `https://site/wp-json/wp/v2/posts?…`, and `https://site/?rest_route=/` gives `https://site/?rest_route=/wp/v2/posts&…`.
 */
export function buildRestUrl(apiRoot: string, route: string, params: RestParams = {}): string {
  const root = new URL(apiRoot);
  const cleanRoute = route.replace(/^\/+/, '');
  const restRoute = root.searchParams.get('rest_route');
  let url: URL;
  if (restRoute !== null) {
    url = new URL(root.toString());
    url.searchParams.set('rest_route', `${restRoute.replace(/\/+$/, '')}/${cleanRoute}`);
  } else {
    url = new URL(cleanRoute, root.toString().endsWith('/') ? root : `${root.toString()}/`);
  }
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** The form of an API root: `plain` roots use `?rest_route=`. */
export function apiFormOf(apiRoot: string): 'pretty' | 'plain' {
  return new URL(apiRoot).searchParams.has('rest_route') ? 'plain' : 'pretty';
}
