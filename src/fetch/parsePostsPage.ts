import { PermanentError, TransientError } from '../errors.js';
import type { WpPost } from '../wpPost.js';

/** A post the listing sent that cannot be stored as a post, with the reason. */
export interface RejectedItem {
  index: number;
  reason: string;
}

export interface ParsedPostsPage {
  posts: WpPost[];
  rejected: RejectedItem[];
}

/**
 * Validates a listing body: it must be an array; each item must be an object with a positive integer id.
 * A JSON object where a list belongs is how some caches and security plugins answer: retried as transient.
 */
export function parsePostsPage(body: unknown, url: string): ParsedPostsPage {
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
    posts.push(item as WpPost);
  });
  return { posts, rejected };
}
