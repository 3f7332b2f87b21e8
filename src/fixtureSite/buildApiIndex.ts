import type { FixtureSite } from './generateSite.js';
import type { RestUrls } from './restUrls.js';
import type { JsonObject } from './toRestPost.js';

/** Site title of the fixture. */
export const SITE_NAME = 'Fixture news mirror';
const ROUTES = [
  '/wp/v2/posts',
  '/wp/v2/posts/(?P<id>[\\d]+)',
  '/wp/v2/categories',
  '/wp/v2/categories/(?P<id>[\\d]+)',
  '/wp/v2/tags',
  '/wp/v2/tags/(?P<id>[\\d]+)',
  '/wp/v2/users',
  '/wp/v2/users/(?P<id>[\\d]+)',
];

/** The API index (`/wp-json/`), reduced to the routes the fixture serves. */
export function buildApiIndex(site: FixtureSite, urls: RestUrls): JsonObject {
  const routes: JsonObject = {
    '/': {
      namespace: '',
      methods: ['GET'],
      endpoints: [{ methods: ['GET'], args: { context: { default: 'view', required: false } } }],
      _links: { self: [{ href: urls.root }] },
    },
    '/wp/v2': { namespace: 'wp/v2', methods: ['GET'], endpoints: [{ methods: ['GET'], args: {} }], _links: { self: [{ href: urls.route('/wp/v2') }] } },
  };
  for (const route of ROUTES) {
    routes[route] = {
      namespace: 'wp/v2',
      methods: ['GET'],
      endpoints: [{ methods: ['GET'], args: {} }],
      ...(route.includes('(') ? {} : { _links: { self: [{ href: urls.route(route) }] } }),
    };
  }
  return {
    name: SITE_NAME,
    description: 'Synthetic WordPress site for wpingest tests',
    url: site.baseUrl,
    home: site.baseUrl,
    gmt_offset: String(site.utcOffsetMs / 3_600_000),
    timezone_string: site.utcOffsetMs === 0 ? 'UTC' : '',
    namespaces: ['oembed/1.0', 'wp/v2', 'wp-site-health/v1'],
    authentication: [],
    routes,
    site_logo: 0,
    site_icon: 0,
    site_icon_url: '',
    _links: { help: [{ href: 'https://developer.wordpress.org/rest-api/' }] },
  };
}
