import type { Element } from 'domhandler';
import { attr, closest, findElements, hintString, textOf } from '../../html/index.js';
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
  if (closest(element, (ancestor) => OTHER_ITEM_HINT.test(hintString(ancestor)), OTHER_ITEM_LEVELS)) return true;
  if (inTeaserLink(element)) return true;
  return closest(element, (ancestor) => OTHER_STORIES.has(drops.get(ancestor) as DropReason)) !== null;
}

/**
 * Class words of a story card (`default-teaser__date`, `relateditem`) and of the site's top bar (`jeg_top_date` in
 * `jeg_nav_item`, `navtop`): dates there are other stories' or today's, whether or not the box was dropped.
 */
const OTHER_ITEM_HINT = /teaser|relateditem|related-item|(?:^|[\s_-])(?:nav|navbar|navtop|topbar|top-bar|top_bar)(?:[\s_-]|$)/;
/** Levels above a date element searched for those class words (the card around its footer line). */
const OTHER_ITEM_LEVELS = 3;
/** A link around a date holding this many more characters than the date is a card (headline and date). */
const MIN_CARD_LINK_EXTRA_CHARS = 20;

/** A date inside a link that also holds a headline: a story card that links as a whole to another page. */
function inTeaserLink(element: Element): boolean {
  const link = closest(element, (ancestor) => ancestor.name === 'a', OTHER_ITEM_LEVELS + 1);
  return link !== null && textOf(link).length >= textOf(element).length + MIN_CARD_LINK_EXTRA_CHARS;
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
