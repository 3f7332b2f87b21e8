import type { Element } from 'domhandler';
import { attr, closest, type PageIndex } from '../../html/index.js';
import type { Drops } from '../dropReasons.js';
import { MAX_COMMENT_LINKS, MIN_COMMENT_LIST_ITEMS } from './rules.js';

/**
 * Links only a comment carries, whatever the theme calls its elements: the commenter's own site (WordPress writes
 * `rel="external nofollow ugc"`: user-generated content), a reply link (`?replytocom=12#respond`), and the comment's
 * permalink (`#comment-12`).
 */
const REPLY_OR_PERMALINK = /[?&]replytocom=\d|#comment-\d+$/;

function isCommentLink(link: Element): boolean {
  const rel = attr(link, 'rel');
  return (rel.length > 0 && /(?:^|\s)ugc(?:\s|$)/.test(rel)) || REPLY_OR_PERMALINK.test(attr(link, 'href'));
}

/**
 * Comment threads found by their links, not their names (themes name them in any language, or with hashed
 * classes): the smallest element whose children include at least `MIN_COMMENT_LIST_ITEMS` that each hold a
 * comment link is a list of comments (a thread, or a "recent comments" widget). Lists inside an element already
 * dropped are left out.
 */
export function commentListsByLinks($: PageIndex, drops: Drops): Element[] {
  const links = ($.byTag.get('a') ?? []).filter(isCommentLink);
  if (links.length < MIN_COMMENT_LIST_ITEMS) return [];
  // Per element above a comment link, the children of it that hold one.
  const holders = new Map<Element, Set<Element>>();
  // Each link walks up to the root: a hostile page of many thousands of them is read for its first ones only.
  for (const link of links.slice(0, MAX_COMMENT_LINKS)) {
    let child: Element = link;
    for (let parent = link.parent; parent && parent.type === 'tag'; parent = parent.parent) {
      const element = parent as Element;
      const seen = holders.get(element) ?? new Set<Element>();
      seen.add(child);
      holders.set(element, seen);
      child = element;
    }
  }
  const lists = [...holders].filter(([, children]) => children.size >= MIN_COMMENT_LIST_ITEMS).map(([element]) => element);
  // The smallest such elements: one holding another list is the page around the thread.
  const smallest = lists.filter((list) => !lists.some((other) => other !== list && closest(other, (element) => element === list) !== null));
  return smallest.filter((list) => closest(list, (element) => drops.has(element)) === null);
}
