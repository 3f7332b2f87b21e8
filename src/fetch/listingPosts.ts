import { PermanentError, TransientError } from '../errors.js';
import type { WpPost } from '../wpPost.js';
import type { JsonArrayItems } from './splitJsonArray.js';

/**
 * Longest post link accepted. An ordinary post's link is its article's unique key, and a longer (incompressible)
 * one exceeds Postgres's btree entry limit, failing the whole page's load transaction; real permalinks are far shorter.
 */
export const MAX_LINK_CHARS = 2_048;

/**
 * Deepest nesting of objects and arrays accepted in one post. WordPress posts nest a few levels (meta, _links,
 * block attributes); a post nested thousands deep is hostile and would overflow the stack of every recursive
 * walk after it (serialising it for storage, Postgres's json parser), failing its whole page.
 */
export const MAX_POST_DEPTH = 100;

/** A post the listing sent that cannot be stored as a post, with the reason. */
export interface RejectedItem {
  index: number;
  reason: string;
  /** the post's id, when it had a valid one */
  wpId?: number;
}

/**
 * Largest post accepted, in bytes of its JSON. A worker holds a post whole while it extracts it, about 12 times its
 * size at the peak (its strings two bytes a character once one is not Latin-1, copies of its HTML, the tree, the
 * article): a 7.6 MB post of short paragraphs was measured at 100 MB, so one much larger would exhaust the
 * documented worker heap (160 MB) on every attempt. Real posts are far smaller, even with a few inline images.
 */
export const MAX_POST_BYTES = 4 * 1024 * 1024;

/** One item of a listing: a post to store, or the reason it cannot be one. */
export type PostItem = { post: WpPost; rejected?: undefined } | { post?: undefined; rejected: RejectedItem };

/** A listing's items, each parsed and checked only when asked for (see `listingPosts`). */
export interface ListingPosts {
  count: number;
  /** Bytes of item `index`'s JSON text, known before it is parsed. */
  bytes(index: number): number;
  /** Item `index`, parsed and checked: a post to store, or the reason it cannot be one. */
  item(index: number): PostItem;
}

/**
 * The items of a listing body, each parsed and checked only when asked for: a caller storing them as they come
 * never holds the page parsed whole. Each must be an object with a positive integer id, a link of a sane length,
 * a sane depth and size (`MAX_POST_BYTES`, checked before it is parsed); one that is not is rejected alone, with
 * the reason. Strings are made storable (see `storableValue`) unless the caller knows the JSON text escaped no
 * NUL or surrogate (`escapesUnstorable: false`), which saves a deep copy of every post.
 */
export function listingPosts(items: JsonArrayItems, options: { escapesUnstorable?: boolean } = {}): ListingPosts {
  const clean = options.escapesUnstorable ?? true;
  return {
    count: items.length,
    bytes: (index) => items.byteLength(index),
    item(index) {
      if (items.byteLength(index) > MAX_POST_BYTES) return { rejected: { index, reason: 'too-large', wpId: leadingId(items.head(index, 100)) } };
      return checkPostItem(items.parse(index), index, clean);
    },
  };
}

/** A listing with no items (past the last page). */
export const NO_LISTING_POSTS: ListingPosts = {
  count: 0,
  bytes: () => 0,
  item: () => {
    throw new RangeError('no items');
  },
};

/** The id of a post whose JSON text starts with it, as WordPress writes posts; read without parsing the post. */
function leadingId(head: string): number | undefined {
  const id = Number(/^\s*\{\s*"id"\s*:\s*(\d{1,15})\s*[,}]/.exec(head)?.[1]);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/**
 * A body that is not a list of posts: a WordPress error (permanent), or a JSON object where a list belongs, which is
 * how some caches and security plugins answer (transient).
 */
export function notAList(body: unknown, url: string): Error {
  const code = (body as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return new PermanentError(`${url} answered WordPress error ${code}`, code);
  return new TransientError(`${url} answered a JSON ${body === null ? 'null' : typeof body} where a list of posts belongs`, 'not-a-list');
}

function checkPostItem(item: unknown, index: number, clean: boolean): PostItem {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return { rejected: { index, reason: 'not-an-object' } };
  const id = (item as { id?: unknown }).id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return { rejected: { index, reason: 'bad-id' } };
  const link = (item as { link?: unknown }).link;
  if (typeof link === 'string' && link.length > MAX_LINK_CHARS) return { rejected: { index, reason: 'link-too-long', wpId: id } };
  if (nestedDeeperThan(item, MAX_POST_DEPTH)) return { rejected: { index, reason: 'too-deep', wpId: id } };
  return { post: (clean ? storableValue(item) : item) as WpPost };
}

/** True when `value` nests objects/arrays more than `limit` deep; iterative, so any depth is measured safely. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) if (child && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** NUL, which no Postgres text can hold, and UTF-16 surrogates without their pair, which jsonb refuses. */
const UNSTORABLE_CHARS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * The item with every string made storable: NUL removed, lone surrogates (invalid UTF-8 the site escaped)
 * replaced by U+FFFD, as a UTF-8 decoder does. Otherwise one such post fails the whole page's transaction
 * in Postgres, taking its good neighbours with it.
 */
function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE_CHARS, (char) => (char === '\u0000' ? '' : '\ufffd'));
  if (Array.isArray(value)) return value.map(storableValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableValue(key) as string, storableValue(item)]));
  return value;
}
