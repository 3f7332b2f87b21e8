import type { Element } from 'domhandler';
import { hintString } from '../../html/index.js';
import { boilerplateReason } from './boilerplateHints.js';
import { statsOf, type ElementStats } from '../body/nodeStats.js';
import { hasComponentClass } from './articleComponentClasses.js';
import { sitsAmongParagraphs } from './sitsAmongParagraphs.js';
import type { DropReason } from '../dropReasons.js';
import { MAX_SHORT_FURNITURE_CHARS, WRAPPER_MIN_PLAIN_CHARS, WRAPPER_MIN_PROSE_CHARS, WRAPPER_PROSE_SHARE } from './rules.js';

/** Elements dropped whatever they wrap (a `<form>` or `<aside>` may wrap a whole ASP.NET or blog page). */
const ALWAYS_DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
]);

/** Reasons that only fit short elements: a 2,000-character "item-caption" or "author-box" is content. */
const SHORT_ONLY_REASONS: ReadonlySet<DropReason> = new Set(['caption', 'byline', 'tags']);
/** Inline elements keep their text even when styled as a dateline ("KOBE – "): it is part of the sentence. */
const INLINE_TAGS = new Set(['span', 'em', 'strong', 'b', 'i', 'small', 'abbr', 'a', 'time', 'mark', 'u', 'sup', 'sub']);

const NO_COMPONENTS: ReadonlySet<string> = new Set();

/**
 * Names of a comment thread and its parts (WordPress `#comments.comments-area > ol.comment-list > li#comment-12.comment`
 * with `.comment-body`, `.comment-content`; a news CMS's `article-comments`, `articulo-comentarios`, `kommentare`): however much prose a long reader comment holds, such an element is
 * the thread, never a layout wrapper around the article (those are named `has-comments`, `with-comments`...).
 */
const COMMENT_THREAD_NAME =
  /(?:^|\s)(?:comments-area|comments?-list|commentlist|comment-(?:body|content|text|container|respond)|respond|(?:div-|li-)?comment-\d+|(?!(?:has|with|without|no|show|open|closed)[-_])(?:[a-z]+[-_])?(?:comments?|comentarios?|comentários|commentaires?|kommentare?|komentarze?|komentáře|commenti)(?:[-_](?:area|list|section|wrapper|container|block|box|wrap|thread))?)(?:\s|$)/;

export function isCommentThread(element: Element): boolean {
  return COMMENT_THREAD_NAME.test(hintString(element));
}

/**
 * Why an element is furniture on this page, or null; never condemns a wrapper of most of the prose, nor a block
 * whose navigation word is one of the page's article component classes (see articleComponentClasses).
 */
export function furnitureReason(
  element: Element,
  stats: Map<Element, ElementStats>,
  pageProse: number,
  page?: ElementStats,
  components: ReadonlySet<string> = NO_COMPONENTS,
): DropReason | null {
  const reason = boilerplateReason(element);
  if (!reason || ALWAYS_DROPPED.has(element.name)) return reason;
  if (reason === 'navigation' && hasComponentClass(element, components)) return null;
  const elementStats = statsOf(stats, element);
  if (SHORT_ONLY_REASONS.has(reason) && (elementStats.text > MAX_SHORT_FURNITURE_CHARS || (reason === 'byline' && INLINE_TAGS.has(element.name)))) return null;
  // A box among the article's own paragraphs is no wrapper, however much prose it holds; a "read more" expander
  // there is the rest of those paragraphs, though.
  if (reason !== 'read-more' && sitsAmongParagraphs(element, stats)) return reason;
  if (reason === 'comments' && isCommentThread(element)) return reason;
  const prose = elementStats.paragraph;
  if (prose >= WRAPPER_MIN_PROSE_CHARS && prose > pageProse * WRAPPER_PROSE_SHARE) return null;
  const plain = elementStats.text - elementStats.link;
  if (page && plain >= WRAPPER_MIN_PLAIN_CHARS && plain > (page.text - page.link) * WRAPPER_PROSE_SHARE) return null;
  return reason;
}
