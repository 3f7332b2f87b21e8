import type { QueryParams } from './parseCollectionQuery.js';

/** How the request reached the API: `/wp-json/…` or `?rest_route=…`. */
export type RequestForm = 'pretty' | 'query';

const enc = (s: string): string => encodeURIComponent(s);

/**
 * The pagination `Link` value in WordPress's form: prev first, then next; the request's other
 * parameters carried over in order, `page` last; `rest_route` links use `index.php` and `%2F`-encoded routes.
 */
export function paginationLink(options: {
  baseUrl: string;
  permalinks: 'pretty' | 'plain';
  form: RequestForm;
  route: string;
  params: QueryParams;
  page: number;
  totalPages: number;
}): string | undefined {
  const { baseUrl, permalinks, form, route, params, page, totalPages } = options;
  const carried = params.filter(([k]) => k !== 'page' && k !== 'rest_route').map(([k, v]) => (v === null ? enc(k) : `${enc(k)}=${enc(v)}`));
  const head = permalinks === 'pretty' ? `${baseUrl}/wp-json${route}` : `${baseUrl}/index.php`;
  const lead = form === 'query' || permalinks === 'plain' ? [`rest_route=${enc(route)}`] : [];
  const url = (p: number): string => `${head}?${[...lead, ...carried, `page=${p}`].join('&')}`;
  const links: string[] = [];
  if (page > 1) links.push(`<${url(Math.min(page - 1, totalPages))}>; rel="prev"`);
  if (page < totalPages) links.push(`<${url(page + 1)}>; rel="next"`);
  return links.length > 0 ? links.join(', ') : undefined;
}
