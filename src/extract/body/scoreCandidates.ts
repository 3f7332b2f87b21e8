import type { Element, ParentNode } from 'domhandler';
import { childElements, collapseWhitespace, hintString, isBlockTag, isElement, textOf, walkElements } from '../../html/index.js';
import { weightedLength } from './weightedLength.js';
import { CLASS_WEIGHT_POINTS, MAX_LENGTH_POINTS, MIN_SCORED_PARAGRAPH_CHARS, SCORED_ANCESTOR_LEVELS } from './rules.js';

const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|artikel|inhalt/;
const NEGATIVE_HINT =
  /hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|most|latest|popular/;
/** A table cell holding these is a layout column, not a paragraph: its own text feeds it as loose text. */
const LAYOUT_CELL_CHILD = new Set(['table', 'div', 'ul', 'ol', 'p', 'form', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'dl']);
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
// prettier-ignore
const TAG_BASE: Readonly<Record<string, number>> = {
  div: 5, article: 8, section: 3, main: 5, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

/** Class/id weight as in Readability: content words up, furniture words down. */
function classWeight(element: Element): number {
  const hints = hintString(element);
  if (!hints) return 0;
  let weight = 0;
  if (NEGATIVE_HINT.test(hints)) weight -= CLASS_WEIGHT_POINTS;
  if (POSITIVE_HINT.test(hints)) weight += CLASS_WEIGHT_POINTS;
  if (/articlebody|article-?body|entry-content|post-content|story-body/.test(hints)) weight += CLASS_WEIGHT_POINTS;
  if (element.attribs?.itemprop === 'articleBody') weight += CLASS_WEIGHT_POINTS;
  return weight;
}

/**
 * A div that only holds inline content is scored like a paragraph. A table cell is one too, unless it holds
 * tables, divs or lists: then it is a layout column (a sidebar, the whole content column) and only its own loose
 * text counts, as for any container.
 */
export function isParagraphLike(element: Element): boolean {
  if (element.name === 'td') return !childElements(element).some((child) => LAYOUT_CELL_CHILD.has(child.name));
  if (SCORED_TAGS.has(element.name)) return true;
  if (element.name !== 'div' && element.name !== 'section') return false;
  return !childElements(element).some((child) => isBlockTag(child.name) && child.name !== 'br' && child.name !== 'img');
}

/** Text of the inline content written directly in a block container (text nodes and inline children). */
export function looseText(element: Element): string {
  let text = '';
  for (const child of element.children) {
    if (child.type === 'text') text += (child as unknown as { data: string }).data;
    else if (isElement(child) && child.type === 'tag' && !isBlockTag(child.name)) text += textOf(child);
  }
  return collapseWhitespace(text);
}

/**
 * Whether the element's text is written in <p> children. An empty one does not count: WordPress's wpautop()
 * leaves a stray `</p>` after text written straight into a builder's div (`<div>Text…</p><p>&nbsp;</p></div>`),
 * which parses as an empty paragraph beside the text.
 */
function hasParagraphChild(element: Element): boolean {
  return element.children.some((child) => isElement(child) && child.name === 'p' && /[^\s\u00a0]/.test(textOf(child)));
}

/** Readability's paragraph score: one point, one per comma, one per 100 characters (a Chinese character weighs more). */
export function paragraphScore(element: Element, text = textOf(element)): number {
  const length = weightedLength(text);
  if (length < MIN_SCORED_PARAGRAPH_CHARS) return 0;
  const commas = text.match(/[,，、،]/g)?.length ?? 0;
  return 1 + commas + Math.min(Math.floor(length / 100), MAX_LENGTH_POINTS);
}

export function ancestorsOf(element: Element, levels: number): Element[] {
  const out: Element[] = [];
  let node: ParentNode | null = element.parent;
  while (node && out.length < levels && isElement(node as Element) && (node as Element).type === 'tag') {
    out.push(node as Element);
    node = node.parent;
  }
  return out;
}

/** Readability-style scores: each paragraph feeds its ancestors; excluded subtrees are skipped. */
export function scoreCandidates(root: ParentNode, excluded: ReadonlySet<Element>): Map<Element, number> {
  const scores = new Map<Element, number>();
  walkElements(root, (element) => {
    if (excluded.has(element)) return false;
    const paragraphLike = isParagraphLike(element);
    // Loose text in a container scores as a paragraph child of that container (Readability wraps it in <p>). An
    // inline element's text is already its container's loose text (or its paragraph's).
    const score = paragraphLike
      ? paragraphScore(element)
      : hasParagraphChild(element) || !isBlockTag(element.name)
        ? 0
        : paragraphScore(element, looseText(element));
    if (score === 0) return true;
    const ancestors = ancestorsOf(element, SCORED_ANCESTOR_LEVELS);
    if (!paragraphLike) ancestors.unshift(element);
    ancestors.slice(0, SCORED_ANCESTOR_LEVELS).forEach((ancestor, level) => {
      if (!scores.has(ancestor)) scores.set(ancestor, (TAG_BASE[ancestor.name] ?? 0) + classWeight(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / divider);
    });
    return true;
  });
  return scores;
}
