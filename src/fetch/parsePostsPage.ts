import { PermanentError, TransientError } from '../errors.js';
import type { WpPost } from '../wpPost.js';

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

export interface ParsedPostsPage {
  posts: WpPost[];
  rejected: RejectedItem[];
}

/**
 * Validates a listing body: it must be an array; each item must be an object with a positive integer id.
 * A JSON object where a list belongs is how some caches and security plugins answer: retried as transient.
 * Strings are made storable (see `storableValue`) unless the caller knows the JSON text escaped no NUL or
 * surrogate (`escapesUnstorable: false`), which saves a deep copy of every post.
 */
export function parsePostsPage(body: unknown, url: string, options: { escapesUnstorable?: boolean } = {}): ParsedPostsPage {
  const clean = options.escapesUnstorable ?? true;
  if (!Array.isArray(body)) {
    const code = (body as { code?: unknown } | null)?.code;
    if (typeof code === 'string') throw new PermanentError(`${url} answered WordPress error ${code}`, code);
    throw new TransientError(`${url} answered a JSON ${body === null ? 'null' : typeof body} where a list of posts belongs`, 'not-a-list');
  }
  const posts: WpPost[] = [];
  const rejected: RejectedItem[] = [];
  body.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return rejected.push({ index, reason: 'not-an-object' });
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return rejected.push({ index, reason: 'bad-id' });
    const link = (item as { link?: unknown }).link;
    if (typeof link === 'string' && link.length > MAX_LINK_CHARS) return rejected.push({ index, reason: 'link-too-long', wpId: id });
    if (nestedDeeperThan(item, MAX_POST_DEPTH)) return rejected.push({ index, reason: 'too-deep', wpId: id });
    posts.push((clean ? storableValue(item) : item) as WpPost);
  });
  return { posts, rejected };
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
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [storableValue(key) as string, storableValue(item)]));
  return value;
}
