import { parseQueryParams } from './parseCollectionQuery.js';
import type { QueryParams } from './parseCollectionQuery.js';
import type { RequestForm } from './paginationLink.js';

/** Where a request goes. */
export type Route =
  | { kind: 'rest'; route: string; params: QueryParams; form: RequestForm }
  | { kind: 'redirect'; location: string }
  | { kind: 'home' }
  | { kind: 'post-page'; id: number }
  | { kind: 'fixture'; action: string; params: QueryParams }
  | { kind: 'not-found' };

const trimRoute = (route: string): string => (route.length > 1 ? route.replace(/\/+$/, '') : route);

/** Routes a request target as WordPress does for `plain` or `pretty` permalinks. */
export function routeRequest(target: string, permalinks: 'pretty' | 'plain'): Route {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const params = parseQueryParams(rawQuery);
  if (path.startsWith('/__fixture/')) return { kind: 'fixture', action: path.slice('/__fixture/'.length), params };
  const restRoute = params.find(([k]) => k === 'rest_route');
  if (restRoute) {
    const route = restRoute[1] ?? '';
    const rest = params.filter(([k]) => k !== 'rest_route');
    return route.startsWith('/')
      ? { kind: 'rest', route: trimRoute(route), params: rest, form: 'query' }
      : { kind: 'rest', route: `\u0000${route}`, params: rest, form: 'query' };
  }
  const wpJson = /^(?:\/index\.php)?\/wp-json(\/.*)?$/.exec(path);
  if (wpJson) {
    if (permalinks === 'pretty') return { kind: 'rest', route: trimRoute(wpJson[1] ?? '/'), params, form: 'pretty' };
    if (!path.endsWith('/')) return { kind: 'redirect', location: `${path}/${rawQuery ? `?${rawQuery}` : ''}` };
    return { kind: 'home' };
  }
  if (path === '/' || path === '/index.php') {
    const p = params.find(([k]) => k === 'p');
    return p && p[1] && /^\d+$/.test(p[1]) ? { kind: 'post-page', id: Number(p[1]) } : { kind: 'home' };
  }
  return { kind: 'not-found' };
}
