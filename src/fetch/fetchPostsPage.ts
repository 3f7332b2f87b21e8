import { buildRestUrl } from './buildRestUrl.js';
import { fetchJson } from './fetchJson.js';
import type { HttpClient } from './httpClient.js';
import { parsePostsPage, type RejectedItem } from './parsePostsPage.js';
import type { WpPost } from '../wpPost.js';
import { withUtcZone } from '../withUtcZone.js';

/** Which slice of the posts collection to read. */
export interface PostsQuery {
  /** The collection: a REST base under wp/v2 (`posts`, `pages`, a custom type's), or `namespace/base`. @defaultValue 'posts' */
  collection?: string;
  page: number;
  perPage: number;
  /** Backfills use `id` ascending so posts published during the run do not shift pages. */
  orderby: 'id' | 'date' | 'modified';
  order: 'asc' | 'desc';
  /** ISO bounds passed as WordPress parameters; a value without a zone is UTC (WordPress would read it as site-local time). */
  after?: string;
  before?: string;
  modifiedAfter?: string;
  /** Only these fields (`_fields`), e.g. `id` for planning or id sweeps. */
  fields?: string;
}

export interface PostsPage {
  /** `end` when WordPress answered `rest_post_invalid_page_number`: past the last page. */
  end: boolean;
  posts: WpPost[];
  rejected: RejectedItem[];
  total: number | undefined;
  totalPages: number | undefined;
  bytes: number;
  url: string;
}

/** Fetches one page of a post collection (`/wp/v2/posts` by default) and reads its totals. */
export async function fetchPostsPage(client: HttpClient, apiRoot: string, query: PostsQuery, signal?: AbortSignal): Promise<PostsPage> {
  const url = buildRestUrl(apiRoot, collectionRoute(query.collection ?? 'posts'), {
    per_page: query.perPage,
    page: query.page,
    orderby: query.orderby,
    order: query.order,
    after: explicitUtc(query.after),
    before: explicitUtc(query.before),
    modified_after: explicitUtc(query.modifiedAfter),
    _fields: query.fields,
  });
  const response = await fetchJson(client, url, signal);
  const total = headerInt(response.headers['x-wp-total']);
  const totalPages = headerInt(response.headers['x-wp-totalpages']);
  if (response.status === 400 && (response.body as { code?: unknown })?.code === 'rest_post_invalid_page_number') {
    return { end: true, posts: [], rejected: [], total, totalPages, bytes: response.bytes, url };
  }
  const { posts, rejected } = parsePostsPage(response.body, url, { escapesUnstorable: response.escapesUnstorable });
  return { end: false, posts, rejected, total, totalPages, bytes: response.bytes, url };
}

/** The REST route of a collection: `pages` is `wp/v2/pages`; a base with a namespace (`myplugin/v1/events`) is used as is. */
export function collectionRoute(collection: string): string {
  return collection.includes('/') ? collection : `wp/v2/${collection}`;
}

/** Appends `Z` to a zone-less ISO time: WordPress takes those as site-local, and wpingest's times are all UTC. */
export function explicitUtc(value: string | undefined): string | undefined {
  if (value === undefined || !/T\d\d:\d\d/.test(value)) return value;
  return withUtcZone(value);
}

function headerInt(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined) return undefined;
  const parsed = Number.parseInt(raw, 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}
