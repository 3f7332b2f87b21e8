import { parse, stringify } from 'css-what';

const cache = new Map<string, readonly string[]>();

/**
 * The alternatives of a selector list (`h1.title, h1` → `h1.title`, `h1`), split by css-what, in their order.
 * Cached: callers pass the few selectors of the site profiles, once per post.
 */
export function selectorAlternatives(selector: string): readonly string[] {
  let alternatives = cache.get(selector);
  if (!alternatives) {
    alternatives = parse(selector).map((group) => stringify([group]));
    cache.set(selector, alternatives);
  }
  return alternatives;
}
