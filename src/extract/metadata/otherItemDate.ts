import type { Element } from 'domhandler';
import { attr, closest, findElements, hintString } from '../../html/index.js';
import type { DropReason, Drops } from '../dropReasons.js';
import { isCommentThread } from '../furniture/furnitureReason.js';
import { COMMENT_LOOKUP_LEVELS } from './rules.js';

/** The time stamp line of a WordPress comment (`div.comment-metadata`, `comment-meta`). */
const COMMENT_META = /(?:^|\s)comment-meta(?:data)?(?:\s|$)/;

/** Removed boxes that list other stories: each date in them is another story's. */
const OTHER_STORIES: ReadonlySet<DropReason> = new Set(['related-box', 'read-more', 'teaser', 'link-list']);

/**
 * Whether a date on the page belongs to something other than the article: a reader's comment (its time stamp), the
 * site banner (today's date), or a box of other stories (related posts, a "recent posts" widget, a teaser). A theme page shows many such dates, often
 * as `<time datetime>` while the post's own date is plain text, so they must never stand in for the post's date.
 */
export function isOtherItemDate(element: Element, drops: Drops): boolean {
  // A comment's own parts, not a meta line that links to the comments ("date-and-comments", "comments-count").
  if (closest(element, (ancestor) => isCommentThread(ancestor) || COMMENT_META.test(hintString(ancestor)), COMMENT_LOOKUP_LEVELS)) return true;
  if (closest(element, isSiteBanner)) return true;
  return closest(element, (ancestor) => OTHER_STORIES.has(drops.get(ancestor) as DropReason)) !== null;
}

/**
 * The site's banner: a `<header>` (or `role="banner"`) outside any article that holds no h1, where magazine themes
 * print today's date above the menu. An article's own header holds its headline.
 */
function isSiteBanner(element: Element): boolean {
  if (element.name !== 'header' && attr(element, 'role') !== 'banner') return false;
  if (findElements(element, (child) => child.name === 'h1').length > 0) return false;
  return !closest(element, (ancestor) => ancestor.name === 'article');
}
