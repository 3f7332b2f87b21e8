import type { Element, ParentNode } from 'domhandler';
import { attr, childElements, closest, isElement, textOf, walkElements } from '../../html/index.js';
import { isPostExcerpt } from './isPostExcerpt.js';
import { linkDensity, statsOf, type ElementStats } from './nodeStats.js';
import {
  ALTERNATIVE_CANDIDATE_SHARE,
  MAX_FRAGMENT_PROSE_CHARS,
  MAX_SIBLING_LINK_DENSITY,
  MAX_SIBLING_PARAGRAPH_LINK_DENSITY,
  MIN_ALTERNATIVE_CANDIDATES,
  MIN_MAIN_PROSE_CHARS,
  MIN_SHARE_OF_MAIN_PROSE,
  MIN_SIBLING_PARAGRAPH_CHARS,
  MIN_SIBLING_SCORE,
  MIN_SPLIT_PART_PROSE_SHARE,
  SIBLING_SCORE_SHARE,
  TOP_CANDIDATES,
} from './rules.js';
import { ancestorsOf, isParagraphLike, looseText, paragraphScore, scoreCandidates } from './scoreCandidates.js';

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
  const { top, via } = betterAncestor(best, bestScore, scores);
  const chosen = via
    ? withSiblings(via, scores.get(via) ?? 0, scores, stats, excluded, true)
    : withSiblings(top, scores.get(top) ?? bestScore, scores, stats, excluded);
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
function betterAncestor(best: Element, bestScore: number, scores: Map<Element, number>): { top: Element; via: Element | null } {
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
  // Readability stops the walk at an ancestor below a third of the winner's score; this walk's floor falls with each
  // weaker ancestor, so it also finds an article whose parts sit a few wrappers apart. Past Readability's floor the
  // ancestor it reaches is often the layout box that also holds the sidebar: `via` (its child towards the winner)
  // tells the caller to take only the children that continue the article.
  const readabilityFloor = lastScore / 3;
  let farClimb = false;
  let via: Element | null = null;
  const cellTable = top.name === 'td' ? closest(top, (element) => element.name === 'table') : null;
  for (const parent of ancestorsOf(top, Infinity)) {
    if (cellTable && (parent === cellTable || !contains(cellTable, parent))) break;
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < lastScore / 3) break;
    if (parentScore > lastScore) {
      // Text written straight into the ancestor (between <br>s) is no child box: it keeps the ancestor whole.
      if (farClimb && paragraphScore(parent, looseText(parent)) === 0) via = closest(top, (element) => element.parent === parent);
      top = parent;
      break;
    }
    if (parentScore < readabilityFloor) farClimb = true;
    lastScore = parentScore;
  }
  if (via) return { top, via };
  while (top.parent && top.parent.type === 'tag' && childElements(top.parent as Element).length === 1) top = top.parent as Element;
  return { top, via: null };
}

/**
 * The one paragraph a div or section wraps with nothing else (`<div class="firstPar"><p>…</p></div>`): a CMS that
 * gives each of the article's first paragraphs a box of its own, beside the box of the rest. Readability unwraps
 * such a div into its paragraph.
 */
function wrappedParagraph(element: Element): Element | null {
  if (element.name !== 'div' && element.name !== 'section') return null;
  const children = childElements(element);
  const only = children[0];
  if (children.length !== 1 || only?.name !== 'p') return null;
  return looseText(element) === '' ? only : null;
}

function withSiblings(
  best: Element,
  bestScore: number,
  scores: Map<Element, number>,
  stats: Map<Element, ElementStats>,
  excluded: ReadonlySet<Element>,
  proseParts = false,
): Element[] {
  const parent = best.parent;
  if (!parent) return [best];
  const threshold = Math.max(MIN_SIBLING_SCORE, bestScore * SIBLING_SCORE_SHARE);
  const signature = `${best.name} ${best.attribs?.class ?? ''}`;
  return childElements(parent).filter((sibling) => {
    if (sibling === best) return true;
    if (excluded.has(sibling) || isPostExcerpt(sibling)) return false;
    if ((scores.get(sibling) ?? -Infinity) >= threshold) return true;
    // In the layout box a far climb reached, any box of prose with few links is the article's (its conclusion box).
    if (proseParts && statsOf(stats, sibling).paragraph > MIN_SIBLING_PARAGRAPH_CHARS && linkDensity(stats, sibling) < MAX_SIBLING_LINK_DENSITY) return true;
    // A CMS that splits the article into repeated section wrappers gives them all the same tag and class.
    if (
      `${sibling.name} ${sibling.attribs?.class ?? ''}` === signature &&
      statsOf(stats, sibling).paragraph > 0 &&
      linkDensity(stats, sibling) < MAX_SIBLING_LINK_DENSITY
    )
      return true;
    // A div of inline text is a paragraph too (Readability turns it into one).
    const paragraph = sibling.name === 'p' || (sibling.name !== 'td' && isParagraphLike(sibling)) ? sibling : wrappedParagraph(sibling);
    if (!paragraph) return false;
    const s = statsOf(stats, paragraph);
    const density = linkDensity(stats, paragraph);
    return (
      (s.text > MIN_SIBLING_PARAGRAPH_CHARS && density < MAX_SIBLING_PARAGRAPH_LINK_DENSITY) ||
      (s.text > 0 && density === 0 && /[.!?…"”。！？」]\s*$/.test(textOf(paragraph)))
    );
  });
}
