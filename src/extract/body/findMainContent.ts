import type { Element, ParentNode } from 'domhandler';
import { attr, childElements, closest, collapseWhitespace, hintString, isBlockTag, isElement, textOf, walkElements } from '../../html/index.js';
import { isPostExcerpt } from './isPostExcerpt.js';
import { weightedLength } from './weightedLength.js';
import { linkDensity, statsOf, type ElementStats } from './nodeStats.js';
import {
  ALTERNATIVE_CANDIDATE_SHARE,
  CLASS_WEIGHT_POINTS,
  MAX_FRAGMENT_PROSE_CHARS,
  MAX_LENGTH_POINTS,
  MAX_SIBLING_LINK_DENSITY,
  MAX_SIBLING_PARAGRAPH_LINK_DENSITY,
  MIN_ALTERNATIVE_CANDIDATES,
  MIN_MAIN_PROSE_CHARS,
  MIN_SCORED_PARAGRAPH_CHARS,
  MIN_SHARE_OF_MAIN_PROSE,
  MIN_SIBLING_PARAGRAPH_CHARS,
  MIN_SIBLING_SCORE,
  MIN_SPLIT_PART_PROSE_SHARE,
  SCORED_ANCESTOR_LEVELS,
  SIBLING_SCORE_SHARE,
  TOP_CANDIDATES,
} from './rules.js';

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

/**
 * A div that only holds inline content is scored like a paragraph. A table cell is one too, unless it holds
 * tables, divs or lists: then it is a layout column (a sidebar, the whole content column) and only its own loose
 * text counts, as for any container.
 */
function isParagraphLike(element: Element): boolean {
  if (element.name === 'td') return !childElements(element).some((child) => LAYOUT_CELL_CHILD.has(child.name));
  if (SCORED_TAGS.has(element.name)) return true;
  if (element.name !== 'div' && element.name !== 'section') return false;
  return !childElements(element).some((child) => isBlockTag(child.name) && child.name !== 'br' && child.name !== 'img');
}

/** Text of the inline content written directly in a block container (text nodes and inline children). */
function looseText(element: Element): string {
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
function paragraphScore(element: Element, text = textOf(element)): number {
  const length = weightedLength(text);
  if (length < MIN_SCORED_PARAGRAPH_CHARS) return 0;
  const commas = text.match(/[,，、،]/g)?.length ?? 0;
  return 1 + commas + Math.min(Math.floor(length / 100), MAX_LENGTH_POINTS);
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
  // Text written straight into the page between <br>s and pictures, with no container of its own: the page is the content.
  if (!best) return isElement(root as Element) && paragraphScore(root as Element, looseText(root as Element)) > 0 ? [root as Element] : [];
  const top = betterAncestor(best, bestScore, scores);
  const chosen = withSiblings(top, scores.get(top) ?? bestScore, scores, stats, excluded);
  return fragmentedMain(chosen, top, stats) ?? withSplitParts(root, chosen, top, stats, excluded);
}

/**
 * A page whose text is a grid of short items (feature lists, product pages) has no single best paragraph
 * container: the winner is one small box. When the page marks its main region (`<main>`, `role="main"`) and the
 * winner holds little of that region's prose, the region is the content.
 */
function fragmentedMain(chosen: readonly Element[], top: Element, stats: Map<Element, ElementStats>): Element[] | null {
  const main = closest(top, (element) => element.name === 'main' || attr(element, 'role') === 'main');
  if (!main || main === top) return null;
  const mainProse = statsOf(stats, main).paragraph;
  const chosenProse = chosen.reduce((sum, element) => sum + statsOf(stats, element).paragraph, 0);
  const fragmented = chosenProse < MAX_FRAGMENT_PROSE_CHARS && chosenProse < mainProse * MIN_SHARE_OF_MAIN_PROSE;
  return mainProse >= MIN_MAIN_PROSE_CHARS && fragmented ? [main] : null;
}

function contains(ancestor: Element, node: Element): boolean {
  for (let current: ParentNode | null = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** A class string with the parts' numbers taken off its names (`story-body story-body-2` -> `story-body story-body`). */
function partClass(element: Element): string {
  const className = element.attribs?.class?.trim() ?? '';
  return /\d/.test(className) ? className.replace(/[-_]?\d+(?=\s|$)/g, '') : className;
}

/**
 * Parts of an article that a CMS split into several containers of the same tag and class, separated by ad rows
 * (`<div class="story-text">` three times in different layout rows, or numbered: `story-body-1`, `story-body-2`),
 * join the chosen one in document order.
 */
function withSplitParts(root: ParentNode, chosen: Element[], top: Element, stats: Map<Element, ElementStats>, excluded: ReadonlySet<Element>): Element[] {
  const className = partClass(top);
  if (!className) return chosen;
  const minProse = statsOf(stats, top).paragraph * MIN_SPLIT_PART_PROSE_SHARE;
  const parts: Element[] = [];
  let found = false;
  walkElements(root, (element) => {
    if (excluded.has(element)) return false;
    if (chosen.includes(element)) {
      parts.push(element);
      return false;
    }
    if (element.name !== top.name || !element.attribs?.class || partClass(element) !== className) return true;
    const partStats = statsOf(stats, element);
    if (
      partStats.paragraph > 0 &&
      partStats.paragraph >= minProse &&
      linkDensity(stats, element) < MAX_SIBLING_LINK_DENSITY &&
      !chosen.some((container) => contains(element, container))
    ) {
      parts.push(element);
      found = true;
      return false;
    }
    return true;
  });
  return found ? parts : chosen;
}

/**
 * Moves the choice up when the article is split into several sibling components (CMS grids): Readability's
 * "alternative candidate ancestors", its walk up while the parent scores better, and its only-child rule.
 * The walk does not leave the table of a winning table cell: the cell is the post's text, and the rows around it
 * (title bar with the time, views and tags line) or the layout cell holding the table are not.
 */
function betterAncestor(best: Element, bestScore: number, scores: Map<Element, number>): Element {
  const ranked = [...scores]
    .filter(([element]) => element !== best)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_CANDIDATES - 1);
  const alternatives = ranked
    .filter(([, score]) => score >= bestScore * ALTERNATIVE_CANDIDATE_SHARE)
    .map(([element]) => new Set(ancestorsOf(element, Infinity)));
  let top = best;
  if (alternatives.length >= MIN_ALTERNATIVE_CANDIDATES) {
    for (const ancestor of ancestorsOf(best, Infinity)) {
      if (alternatives.filter((set) => set.has(ancestor)).length >= MIN_ALTERNATIVE_CANDIDATES) {
        top = ancestor;
        break;
      }
    }
  }
  let lastScore = scores.get(top) ?? bestScore;
  const cellTable = top.name === 'td' ? closest(top, (element) => element.name === 'table') : null;
  for (const parent of ancestorsOf(top, Infinity)) {
    if (cellTable && (parent === cellTable || !contains(cellTable, parent))) break;
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < lastScore / 3) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
  }
  while (top.parent && top.parent.type === 'tag' && childElements(top.parent as Element).length === 1) top = top.parent as Element;
  return top;
}

function withSiblings(
  best: Element,
  bestScore: number,
  scores: Map<Element, number>,
  stats: Map<Element, ElementStats>,
  excluded: ReadonlySet<Element>,
): Element[] {
  const parent = best.parent;
  if (!parent) return [best];
  const threshold = Math.max(MIN_SIBLING_SCORE, bestScore * SIBLING_SCORE_SHARE);
  const signature = `${best.name} ${best.attribs?.class ?? ''}`;
  return childElements(parent).filter((sibling) => {
    if (sibling === best) return true;
    if (excluded.has(sibling) || isPostExcerpt(sibling)) return false;
    if ((scores.get(sibling) ?? -Infinity) >= threshold) return true;
    // A CMS that splits the article into repeated section wrappers gives them all the same tag and class.
    if (
      `${sibling.name} ${sibling.attribs?.class ?? ''}` === signature &&
      statsOf(stats, sibling).paragraph > 0 &&
      linkDensity(stats, sibling) < MAX_SIBLING_LINK_DENSITY
    )
      return true;
    if (sibling.name !== 'p') return false;
    const s = statsOf(stats, sibling);
    const density = linkDensity(stats, sibling);
    return (
      (s.text > MIN_SIBLING_PARAGRAPH_CHARS && density < MAX_SIBLING_PARAGRAPH_LINK_DENSITY) ||
      (s.text > 0 && density === 0 && /[.!?…"”。！？」]\s*$/.test(textOf(sibling)))
    );
  });
}
