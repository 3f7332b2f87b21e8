import type { QueryParams } from './parseCollectionQuery.js';
import { errorResponse, restHeaders, type RestResponse } from './restResponse.js';

/** The post types a fixture site lists at /wp/v2/types (as WordPress 6.1 shows them, trimmed). */
const TYPES = {
  post: {
    description: '',
    hierarchical: false,
    has_archive: false,
    name: 'Posts',
    slug: 'post',
    taxonomies: ['category', 'post_tag'],
    rest_base: 'posts',
    rest_namespace: 'wp/v2',
  },
  page: { description: '', hierarchical: true, has_archive: false, name: 'Pages', slug: 'page', taxonomies: [], rest_base: 'pages', rest_namespace: 'wp/v2' },
  attachment: {
    description: '',
    hierarchical: false,
    has_archive: false,
    name: 'Media',
    slug: 'attachment',
    taxonomies: [],
    rest_base: 'media',
    rest_namespace: 'wp/v2',
  },
};
/** Page ids start far above any post id (WordPress shares one id sequence between types). */
export const FIRST_PAGE_ID = 900_000;
const PAGE_DATE_GMT = '2026-01-15T09:00:00';

/** The text of fixture page `n` (1-based): what a test expects to find in its article. */
export function fixturePageText(n: number): { title: string; paragraphs: string[] } {
  return {
    title: `About the newsroom, part ${n}`,
    paragraphs: [
      `This page explains how the newsroom works, part ${n} of the series about our editorial standards and corrections policy.`,
      `Readers can reach the editors through the contact form; every message is read and answered within two working days.`,
      `We publish corrections at the foot of the article they concern, with the date and the nature of the change, part ${n}.`,
    ],
  };
}

function pageObject(baseUrl: string, n: number): Record<string, unknown> {
  const id = FIRST_PAGE_ID + n;
  const { title, paragraphs } = fixturePageText(n);
  const slug = `about-the-newsroom-${n}`;
  return {
    id,
    date: PAGE_DATE_GMT,
    date_gmt: PAGE_DATE_GMT,
    guid: { rendered: `${baseUrl}/?page_id=${id}` },
    modified: PAGE_DATE_GMT,
    modified_gmt: PAGE_DATE_GMT,
    slug,
    status: 'publish',
    type: 'page',
    link: `${baseUrl}/${slug}/`,
    title: { rendered: title },
    content: { rendered: paragraphs.map((p) => `\n<p>${p}</p>\n`).join(''), protected: false },
    excerpt: { rendered: `<p>${paragraphs[0]}</p>\n`, protected: false },
    author: 1,
    featured_media: 0,
    parent: 0,
    menu_order: n,
    comment_status: 'closed',
    ping_status: 'closed',
    template: '',
    meta: [],
  };
}

/**
 * /wp/v2/types and /wp/v2/pages of a fixture site with `pageCount` pages (ordinary WordPress pages, paged like
 * posts with X-WP-Total). Undefined for any other route.
 */
export function answerPagesAndTypes(baseUrl: string, root: string, pageCount: number, route: string, params: QueryParams): RestResponse | undefined {
  if (route === '/wp/v2/types') return { status: 200, headers: restHeaders(root), body: JSON.stringify(TYPES) };
  if (route !== '/wp/v2/pages') return undefined;
  const get = (name: string) => params.find(([key]) => key === name)?.[1];
  const perPage = Number(get('per_page') ?? 10);
  const page = Number(get('page') ?? 1);
  const totalPages = Math.ceil(pageCount / perPage);
  if (page > Math.max(totalPages, 1)) {
    return errorResponse(root, {
      status: 400,
      body: {
        code: 'rest_post_invalid_page_number',
        message: 'The page number requested is larger than the number of pages available.',
        data: { status: 400 },
      },
    });
  }
  const numbers = Array.from({ length: pageCount }, (_, i) => i + 1).slice((page - 1) * perPage, page * perPage);
  const fields = get('_fields')?.split(',');
  const items = numbers.map((n) => {
    const full = pageObject(baseUrl, n);
    return fields ? Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])) : full;
  });
  return { status: 200, headers: restHeaders(root, { 'X-WP-Total': String(pageCount), 'X-WP-TotalPages': String(totalPages) }), body: JSON.stringify(items) };
}

/**
 * A site that needs a login (application passwords): no credentials answer 401 rest_not_logged_in, a wrong
 * user or password 401 incorrect_password, as WordPress does. Undefined when the request may pass.
 */
export function checkSiteLogin(
  root: string,
  required: { user: string; password: string } | undefined,
  authorization: string | undefined,
): RestResponse | undefined {
  if (!required) return undefined;
  const refuse = (code: string, message: string) => errorResponse(root, { status: 401, body: { code, message, data: { status: 401 } } });
  if (!authorization?.startsWith('Basic ')) return refuse('rest_not_logged_in', 'You are not currently logged in.');
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = decoded.slice(0, colon);
  // WordPress ignores the spaces it shows an application password with.
  const password = decoded.slice(colon + 1).replace(/\s+/g, '');
  if (user !== required.user) return refuse('invalid_username', 'Unknown username. Check again or try your email address.');
  if (password !== required.password.replace(/\s+/g, '')) return refuse('incorrect_password', 'The provided password is an invalid application password.');
  return undefined;
}
