import type { Element, ParentNode } from 'domhandler';
import { childElements, hintString, isBlockTag, isElement, textOf, walkElements } from './domNodes.js';
import { linkDensity, statsOf, type ElementStats } from './nodeStats.js';

/** Paragraphs shorter than this (characters) add nothing to their container's score (Readability's 25). */
export const MIN_SCORED_PARAGRAPH_CHARS = 25;
/** Each full 100 characters of a paragraph adds one point, up to this many (Readability's cap). */
export const MAX_LENGTH_POINTS = 3;
/** Ancestor levels that receive a paragraph's score. */
export const SCORED_ANCESTOR_LEVELS = 5;
/** Bonus or malus for class/id words that mark content or furniture. */
export const CLASS_WEIGHT_POINTS = 25;
/** A sibling joins the article when its score reaches this share of the best container's. */
export const SIBLING_SCORE_SHARE = 0.2;
/** ...or at least this absolute score. */
export const MIN_SIBLING_SCORE = 10;

const POSITIVE_HINT = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|artikel|inhalt/;
const NEGATIVE_HINT = /hidden|banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|most|latest|popular/;
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'blockquote']);
const TAG_BASE: Readonly<Record<string, number>> = {
  div: 5, article: 8, section: 3, main: 5, pre: 3, td: 3, blockquote: 3,
  address: -3, ol: -3, ul: -3, dl: -3, dd: -3, dt: -3, li: -3, form: -3,
  h1: -5, h2: -5, h3: -5, h4: -5, h5: -5, h6: -5, th: -5,
};

/** Class/id weight as in Readability: content words up, furniture words down. */
export function classWeight(element: Element): number {
  const hints = hintString(element);
  if (!hints) return 0;
  let weight = 0;
  if (NEGATIVE_HINT.test(hints)) weight -= CLASS_WEIGHT_POINTS;
  if (POSITIVE_HINT.test(hints)) weight += CLASS_WEIGHT_POINTS;
  if (/articlebody|article-?body|entry-content|post-content|story-body/.test(hints)) weight += CLASS_WEIGHT_POINTS;
  if (element.attribs?.itemprop === 'articleBody') weight += CLASS_WEIGHT_POINTS;
  return weight;
}

/** A div that only holds inline content is scored like a paragraph. */
function isParagraphLike(element: Element): boolean {
  if (SCORED_TAGS.has(element.name)) return true;
  if (element.name !== 'div' && element.name !== 'section') return false;
  return !childElements(element).some((child) => isBlockTag(child.name) && child.name !== 'br' && child.name !== 'img');
}

function paragraphScore(element: Element): number {
  const text = textOf(element);
  if (text.length < MIN_SCORED_PARAGRAPH_CHARS) return 0;
  const commas = text.match(/[,，、،]/g)?.length ?? 0;
  return 1 + commas + Math.min(Math.floor(text.length / 100), MAX_LENGTH_POINTS);
}

function ancestorsOf(element: Element, levels: number): Element[] {
  const out: Element[] = [];
  let node: ParentNode | null = element.parent;
  while (node && out.length < levels && isElement(node as Element) && (node as Element).type === 'tag') {
    out.push(node as Element);
    node = node.parent;
  }
  return out;
}

/** Readability-style scores: each paragraph feeds its ancestors; excluded subtrees are skipped. */
function scoreCandidates(root: ParentNode, excluded: ReadonlySet<Element>): Map<Element, number> {
  const scores = new Map<Element, number>();
  walkElements(root, (element) => {
    if (excluded.has(element)) return false;
    if (!isParagraphLike(element)) return true;
    const score = paragraphScore(element);
    if (score === 0) return true;
    ancestorsOf(element, SCORED_ANCESTOR_LEVELS).forEach((ancestor, level) => {
      if (!scores.has(ancestor)) scores.set(ancestor, (TAG_BASE[ancestor.name] ?? 0) + classWeight(ancestor));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / divider);
    });
    return true;
  });
  return scores;
}

/** Picks the best-scoring container and the siblings that continue it, in document order. */
export function findMainContent(root: ParentNode, stats: Map<Element, ElementStats>, excluded: ReadonlySet<Element>): Element[] {
  const scores = scoreCandidates(root, excluded);
  let best: Element | null = null;
  let bestScore = -Infinity;
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(stats, element));
    scores.set(element, final);
    if (final > bestScore) {
      best = element;
      bestScore = final;
    }
  }
  if (!best) return [];
  return withSiblings(best, bestScore, scores, stats, excluded);
}

function withSiblings(best: Element, bestScore: number, scores: Map<Element, number>, stats: Map<Element, ElementStats>, excluded: ReadonlySet<Element>): Element[] {
  const parent = best.parent;
  if (!parent) return [best];
  const threshold = Math.max(MIN_SIBLING_SCORE, bestScore * SIBLING_SCORE_SHARE);
  return childElements(parent).filter((sibling) => {
    if (sibling === best) return true;
    if (excluded.has(sibling)) return false;
    if ((scores.get(sibling) ?? -Infinity) >= threshold) return true;
    if (sibling.name !== 'p') return false;
    const s = statsOf(stats, sibling);
    const density = linkDensity(stats, sibling);
    return (s.text > 80 && density < 0.25) || (s.text > 0 && density === 0 && /[.!?…"”]\s*$/.test(textOf(sibling)));
  });
}
