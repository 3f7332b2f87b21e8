/** How REST URLs of the fixture site are written, for `_links`, discovery and pagination. */
export interface RestUrls {
  /** API root for the discovery Link (`…/wp-json/` or `…/index.php?rest_route=/`) */
  root: string;
  /** a route URL with raw slashes (`self`, `collection`, `author`) */
  route(route: string): string;
  /** a route URL with query arguments; plain permalinks encode the route (`%2Fwp%2Fv2%2Fcomments&post=4`) */
  routeWithQuery(route: string, query: string): string;
}

/** URL forms for a site at `baseUrl` with `pretty` or `plain` permalinks. */
export function restUrls(baseUrl: string, permalinks: 'pretty' | 'plain'): RestUrls {
  if (permalinks === 'pretty') {
    return {
      root: `${baseUrl}/wp-json/`,
      route: (route) => `${baseUrl}/wp-json${route}`,
      routeWithQuery: (route, query) => `${baseUrl}/wp-json${route}?${query}`,
    };
  }
  return {
    root: `${baseUrl}/index.php?rest_route=/`,
    route: (route) => `${baseUrl}/index.php?rest_route=${route}`,
    routeWithQuery: (route, query) => `${baseUrl}/index.php?rest_route=${encodeURIComponent(route)}&${query}`,
  };
}
