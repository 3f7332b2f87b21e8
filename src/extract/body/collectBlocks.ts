import type { AnyNode, Element } from 'domhandler';
import { weightedLength } from './weightedLength.js';
import type { BodyBlock, RemovedBlock } from '../../article.js';
import { fingerprintFast } from './fingerprintFast.js';
import { sanitizeHtml } from './sanitizeHtml.js';
import { hasParagraphBreak, visitMixed } from './visitMixed.js';
import { attr, closest, firstElement, hintString, isBlockTag, isElement, sourceLength, textOf, textStart } from '../../html/index.js';
import { filterReason } from './filterReason.js';
import { UNKNOWN_SCOPE, type LinkScope } from './linkTarget.js';
import { isCommentsHeading } from './commentsHeading.js';
import { collapsedInPost } from './collapsedInPost.js';
import { isEditorLinkBlock } from './isEditorLinkBlock.js';
import { wrapsTextBlocks } from './wrapsTextBlocks.js';
import type { DropReason, Drops } from '../dropReasons.js';
import {
  BLOCK_ELEMENTS,
  HEADING_TAG,
  MAX_BOX_TITLE_CHARS,
  MAX_LEAD_IN_CHARS,
  MAX_REMOVED_TEXT_CHARS,
  MIN_DIV_PARAGRAPH_CHARS,
  MIN_STORY_CHARS_BEFORE_COMMENTS,
  SUBHEADING_TAG,
} from './rules.js';

/** Elements dropped from the body with the reason recorded. */
// prettier-ignore
const DROPPED_ELEMENTS: ReadonlyMap<string, DropReason> = new Map([
  ['h1', 'title'], ['figure', 'caption'], ['figcaption', 'caption'], ['picture', 'caption'], ['hr', 'separator'],
]);

/** Elements that make a `<figure>` a picture, a video or an embed (dropped, its caption with it). */
const MEDIA_ELEMENTS = new Set(['img', 'picture', 'video', 'audio', 'iframe', 'svg', 'object', 'embed', 'canvas', 'noscript']);
/** Class, id, `aria-label`, `itemprop` or `itemtype` words of a media figure, or of its lazy-loaded parts. */
const MEDIA_HINT = /image|img|photo|picture|video|media|embed|gallery|audio|graphic|slideshow|player/i;
const MEDIA_ATTRIBUTES = ['class', 'id', 'aria-label', 'itemprop', 'itemtype'];
/** Attributes a lazy-loading script fills in later: the picture is there though no `<img>` is yet. */
const LAZY_ATTRIBUTES = ['data-src', 'data-srcset', 'data-lazy-src', 'data-bg', 'data-original'];

/**
 * Whether a figure holds media: a media element, a lazy-loaded picture, or words saying so. One that does not is
 * text the author set apart (WordPress's table and pullquote blocks, a code listing): its blocks are read as any
 * others, its `<figcaption>` dropped as a caption.
 */
function holdsMedia(figure: Element): boolean {
  const isMedia = (element: Element): boolean =>
    MEDIA_ELEMENTS.has(element.name) ||
    MEDIA_ATTRIBUTES.some((name) => MEDIA_HINT.test(attr(element, name))) ||
    LAZY_ATTRIBUTES.some((name) => attr(element, name) !== '');
  return isMedia(figure) || firstElement(figure, (element) => element.name !== 'figcaption' && isMedia(element)) !== undefined;
}

/** Removals that take the heading just before them along: a heading introduces the box that was dropped. */
const BOX_REASONS: ReadonlySet<DropReason> = new Set([
  'teaser',
  'related-box',
  'read-more',
  'link-list',
  'navigation',
  'newsletter',
  'share',
  'comments',
  'ad',
  'tags',
]);

export interface BodyCollection {
  blocks: BodyBlock[];
  removed: RemovedBlock[];
}

/** A removal record; the fingerprint is of the kept (cut) text, so long copies cost no more than short ones. */
export function removedBlock(node: AnyNode, reason: DropReason, text?: string): RemovedBlock {
  const source = sourceLength(node);
  const full = text ?? (source > 0 ? textStart(node, MAX_REMOVED_TEXT_CHARS) : textOf(node));
  const kept = full.slice(0, MAX_REMOVED_TEXT_CHARS);
  return { fingerprint: fingerprintFast(kept), text: kept, reason, bytes: source || Buffer.byteLength(full) };
}

export interface CollectOptions {
  /** False keeps going past a comments heading (the safety net re-reads a post that such a heading cut short). Default true. */
  commentsHeadingEnds?: boolean;
  /**
   * The page's WordPress `the_content()` element (see `markedPost`), or null. Everything inside it is what the
   * author published (with what plugins add to every post, such as a podcast player's links): a block there is not
   * judged by its own words and links (`filterReason`), which guess furniture on pages that do not say where the
   * post is. Furniture marked by tag, role or class is still dropped.
   */
  theContent?: Element | null;
  /** The rest of the post after a stray end tag closed `theContent` early (`MarkedPost.rest`): read as inside it. */
  theContentRest?: readonly Element[];
  /** Where the page is, to tell where its links lead (see `filterReason`). Default: unknown. */
  scope?: LinkScope;
  /**
   * The containers are an ordinary post's `content.rendered`: all of it is the author's. An `<h1>` there is a heading
   * of the post (a theme prints the title outside the content), a short line is a line of it, and a heading at its
   * end is its last line, not the title of a box that was dropped.
   */
  wholeIsPost?: boolean;
}

/** A caption's own class words; a credit or copyright line inside a caption is dropped with its reason. */
const CAPTION_HINT = /caption/;

/** Turns the chosen containers into body blocks, dropping furniture and in-post duplicates. */
export function collectBlocks(containers: readonly Element[], drops: Drops, base: string | null, options: CollectOptions = {}): BodyCollection {
  const { commentsHeadingEnds = true, theContent = null, theContentRest = [], scope = UNKNOWN_SCOPE, wholeIsPost = false } = options;
  const contentParts: ReadonlySet<Element> = new Set(theContent ? [theContent, ...theContentRest] : []);
  const result: BodyCollection = { blocks: [], removed: [] };
  const seen = new Set<string>();
  /** Per kept block, the reason of the first removal that directly followed it (undefined: none). */
  const followedBy: Array<DropReason | undefined> = [];
  const noteRemoval = (reason: DropReason): void => {
    if (followedBy.length > 0 && followedBy[followedBy.length - 1] === undefined) followedBy[followedBy.length - 1] = reason;
  };
  // Inside the post's own content a caption is the author's text, in a list or table as much as on its own; its
  // picture credit is not.
  // Whether a hidden element is collapsed text, asked once per element (text reads ask for every element they pass).
  const collapsed = new Map<Element, boolean>();
  const isCollapsed = (element: Element, inPost: boolean): boolean => {
    let known = collapsed.get(element);
    if (known === undefined) collapsed.set(element, (known = collapsedInPost(element, inPost)));
    return known;
  };
  const skip = (element: Element): boolean => {
    const drop = drops.get(element);
    if (drop === undefined) return false;
    if (drop === 'hidden') return !isCollapsed(element, inTheContent || wholeIsPost);
    return !((inTheContent || wholeIsPost) && drop === 'caption' && CAPTION_HINT.test(hintString(element)));
  };
  let storyChars = 0;
  /** Set at a comments heading after the story: what follows is reader comments. */
  let inComments = false;
  const opensComments = (text: string): boolean => {
    inComments ||= commentsHeadingEnds && storyChars >= MIN_STORY_CHARS_BEFORE_COMMENTS && isCommentsHeading(text);
    return inComments;
  };
  const emit = (node: AnyNode, tag: string, html: string | null, textOverride?: string): void => {
    const text = textOverride ?? textOf(node, skip);
    if (!text) return;
    // A file block of the block editor is a post's link (the editor writes it only into posts), however few its words.
    const linkBlock = isElement(node) && isEditorLinkBlock(node);
    const reason = opensComments(text) ? 'comments' : filterReason(node, tag, text, inTheContent, scope, wholeIsPost || linkBlock);
    if (reason) {
      noteRemoval(reason);
      return void result.removed.push(removedBlock(node, reason, text));
    }
    const fingerprint = fingerprintFast(text);
    if (seen.has(fingerprint)) return void result.removed.push(removedBlock(node, 'duplicate-in-post', text));
    seen.add(fingerprint);
    storyChars += text.length;
    result.blocks.push({ tag, text, html: html ?? `<${tag}>${sanitizeHtml(node, base, skip)}</${tag}>`, fingerprint });
    followedBy.push(undefined);
  };
  /** Whether the walk is inside `theContent`. */
  let inTheContent = false;
  const visit = (element: Element): void => {
    if (!contentParts.has(element) || inTheContent) return visitElement(element);
    inTheContent = true;
    visitElement(element);
    inTheContent = false;
  };
  const visitElement = (element: Element): void => {
    // In the post's own content (WordPress's the_content(), or an ordinary post), a caption is the author's text:
    // its picture goes, its words stay. Elsewhere on a page a caption is the page's (a credit, a teaser's picture).
    const inPost = inTheContent || wholeIsPost;
    const drop = drops.get(element);
    const captionInPost = inPost && (drop === undefined || drop === 'caption');
    if (captionInPost && element.name === 'figcaption') return emit(element, 'figcaption', `<figure>${sanitizeHtml(element, base, skip)}</figure>`);
    if (captionInPost && element.name === 'figure' && holdsMedia(element)) return keepCaptionOnly(element);
    const dropped =
      ((drop === 'caption' && inPost) || (drop === 'hidden' && isCollapsed(element, inPost)) ? undefined : drop) ??
      ((element.name === 'figure' && !holdsMedia(element)) || (element.name === 'h1' && wholeIsPost) ? undefined : DROPPED_ELEMENTS.get(element.name));
    if (dropped) {
      const text = textOf(element, skip);
      if (text) {
        noteRemoval(dropped);
        result.removed.push(removedBlock(element, dropped, text));
      }
      return;
    }
    // A heading left open around the rest of the post (`<h3>Intro</p><h2>...`, malformed markup real sites send) is
    // read as what it holds, or the whole post would be one heading.
    const wrapsBlocks = HEADING_TAG.test(element.name) && wrapsTextBlocks(element);
    if (element.name === 'h1' && !wrapsBlocks) return emit(element, 'h2', `<h2>${sanitizeHtml(element, base, skip)}</h2>`);
    if (BLOCK_ELEMENTS.has(element.name) && !isStructuredList(element) && !wrapsBlocks)
      return emit(element, element.name, `${sanitizeHtml(element, base, skip)}`);
    if (!element.children.some((child) => isElement(child) && isBlockTag(child.name) && child.name !== 'br') && !hasParagraphBreak(element)) {
      const text = textOf(element, skip);
      // A short label in a div (category, reading time, "Permalink") is page furniture, not a paragraph.
      const short = weightedLength(text) < MIN_DIV_PARAGRAPH_CHARS && !/[.!?…:"”。！？：」]$/.test(text);
      if (short && !wholeIsPost && !isEditorLinkBlock(element)) {
        if (text) result.removed.push(removedBlock(element, opensComments(text) ? 'comments' : 'fragment', text));
        return;
      }
      return emit(element, 'p', null, text);
    }
    visitMixed(element, { visit, emit, skip, base });
  };
  /** A picture, video or embed of the post: its caption is read, the rest (placeholders, an embed's own text) goes. */
  const keepCaptionOnly = (figure: Element): void => {
    const caption = firstElement(figure, (element) => element.name === 'figcaption');
    const rest = textOf(figure, (element) => skip(element) || element === caption);
    if (rest) {
      noteRemoval('caption');
      result.removed.push(removedBlock(figure, 'caption', rest));
    }
    if (caption) visitElement(caption);
  };
  for (const container of containers) {
    inTheContent = contentParts.size > 0 && closest(container, (ancestor) => contentParts.has(ancestor)) !== null;
    visit(container);
  }
  return dropPullQuotes(dropOrphanHeadings(result, followedBy, wholeIsPost));
}

/** A quote at least this long (characters) that another block holds word for word is a pull quote. */
const MIN_PULL_QUOTE_CHARS = 40;
/** Quote marks, ellipses and final punctuation at either end of a quote. */
const QUOTE_EDGES = /^[\s"'“”‘’„«»‹›…]+|[\s"'“”‘’„«»‹›….!?]+$/g;

/**
 * Drops pull quotes: a quote block whose whole text another block of the body already holds (a sentence of the
 * article set large beside it). A quote the article does not repeat is kept: it is the author's text.
 */
function dropPullQuotes(result: BodyCollection): BodyCollection {
  const isPullQuote = (block: BodyBlock): boolean => {
    if (block.tag !== 'blockquote') return false;
    // The sentence as the article has it: a pull quote adds quote marks and a full stop, or cuts a clause short.
    const sentence = block.text.replace(QUOTE_EDGES, '');
    return (
      sentence.length >= MIN_PULL_QUOTE_CHARS &&
      result.blocks.some((other) => other !== block && other.text.length > sentence.length && other.text.includes(sentence))
    );
  };
  const pullQuotes = new Set(result.blocks.filter(isPullQuote));
  if (pullQuotes.size === 0) return result;
  for (const quote of pullQuotes)
    result.removed.push({
      fingerprint: quote.fingerprint,
      text: quote.text.slice(0, MAX_REMOVED_TEXT_CHARS),
      reason: 'duplicate-in-post',
      bytes: Buffer.byteLength(quote.html),
    });
  return { blocks: result.blocks.filter((block) => !pullQuotes.has(block)), removed: result.removed };
}

/**
 * Removes headings whose section was dropped (a box title) and a heading left dangling at the end; a short
 * lead-in paragraph ending in a colon ("Das könnte dich auch interessieren:") is treated the same way.
 */
function dropOrphanHeadings(result: BodyCollection, followedBy: ReadonlyArray<DropReason | undefined>, keepLast: boolean): BodyCollection {
  const blocks: BodyBlock[] = [];
  result.blocks.forEach((block, i) => {
    const next = followedBy[i];
    const introduces = SUBHEADING_TAG.test(block.tag) || isLeadIn(block);
    // A sentence-long heading is no box title: a standfirst set as a heading, followed by the share or byline bar.
    const titlesBox = typeof next === 'string' && BOX_REASONS.has(next) && block.text.length <= MAX_BOX_TITLE_CHARS;
    const orphan = introduces && (titlesBox || (i === result.blocks.length - 1 && !keepLast));
    if (!orphan) return void blocks.push(block);
    result.removed.push({
      fingerprint: block.fingerprint,
      text: block.text,
      reason: typeof next === 'string' ? next : 'orphan-heading',
      bytes: Buffer.byteLength(block.html),
    });
  });
  return { blocks, removed: result.removed };
}

function isLeadIn(block: BodyBlock): boolean {
  return block.tag === 'p' && block.text.length <= MAX_LEAD_IN_CHARS && block.text.endsWith(':');
}

/** A list whose items hold paragraphs or headings (galleries, listicles) is walked item by item. */
function isStructuredList(element: Element): boolean {
  if (element.name !== 'ul' && element.name !== 'ol') return false;
  return element.children.some(
    (item) => isElement(item) && item.children.some((child) => isElement(child) && /^(?:p|div|h[2-6]|section|figure)$/.test(child.name)),
  );
}
