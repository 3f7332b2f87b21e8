import { buildRestUrl } from './buildRestUrl.js';
import { fetchJson } from './fetchJson.js';
import type { HttpClient } from './httpClient.js';
import { listingPosts, NO_LISTING_POSTS, notAList, type ListingPosts, type RejectedItem } from './listingPosts.js';
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

/** One page of a post collection whose posts are parsed and checked one at a time, when asked for. */
export interface PostsListing {
  /** `end` when WordPress answered `rest_post_invalid_page_number`: past the last page. */
  end: boolean;
  posts: ListingPosts;
  total: number | undefined;
  totalPages: number | undefined;
  bytes: number;
  url: string;
}

/**
 * Fetches one page of a post collection (`/wp/v2/posts` by default) and reads its totals; its posts are parsed
 * one at a time when the caller asks for them, so one that stores each as it comes holds a page near the size cap
 * as its bytes (outside the JS heap) and a few posts, never as a whole parsed page.
 */
export async function fetchPostsListing(client: HttpClient, apiRoot: string, query: PostsQuery, signal?: AbortSignal): Promise<PostsListing> {
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
  const response = await fetchJson(client, url, signal, { arrayItems: true });
  const total = headerInt(response.headers['x-wp-total']);
  const totalPages = headerInt(response.headers['x-wp-totalpages']);
  if (response.status === 400 && (response.body as { code?: unknown })?.code === 'rest_post_invalid_page_number') {
    return { end: true, posts: NO_LISTING_POSTS, total, totalPages, bytes: response.bytes, url };
  }
  if (!response.items) throw notAList(response.body, url);
  return { end: false, posts: listingPosts(response.items, { escapesUnstorable: response.escapesUnstorable }), total, totalPages, bytes: response.bytes, url };
}

/** Fetches one page of a post collection and reads its totals, with its posts parsed. */
export async function fetchPostsPage(client: HttpClient, apiRoot: string, query: PostsQuery, signal?: AbortSignal): Promise<PostsPage> {
  const listing = await fetchPostsListing(client, apiRoot, query, signal);
  const posts: WpPost[] = [];
  const rejected: RejectedItem[] = [];
  for (let index = 0; index < listing.posts.count; index++) {
    const item = listing.posts.item(index);
    if (item.post) posts.push(item.post);
    else rejected.push(item.rejected);
  }
  return { end: listing.end, posts, rejected, total: listing.total, totalPages: listing.totalPages, bytes: listing.bytes, url: listing.url };
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
