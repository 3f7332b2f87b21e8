import type { Element, ParentNode } from 'domhandler';
import { isBlockTag, isLink } from '../../html/index.js';
import { charWeight } from './weightedLength.js';
import { MAX_P_PROSE_SHARE_OF_DIV_PROSE, MAX_PROSE_LINK_DENSITY, MIN_BROKEN_LINE_CHARS, MIN_PROSE_PARAGRAPH_CHARS } from './rules.js';

/** Per-element text measures, computed bottom-up in one pass. Lengths count non-space characters. */
export interface ElementStats {
  /** Characters of text in the subtree. */
  text: number;
  /** Characters of text inside links. */
  link: number;
  /** Characters in well-formed paragraphs (p/pre/blockquote with little link text) in the subtree. */
  paragraph: number;
  /** Number of those paragraphs. */
  paragraphs: number;
}

const PROSE_TAGS = new Set(['p', 'pre', 'blockquote']);
/** Subtrees whose text is never read as content (form options, hidden templates, vector graphics). */
const UNREAD_TAGS = new Set(['select', 'option', 'datalist', 'textarea', 'noscript', 'template', 'svg', 'math', 'button']);
const EMPTY: ElementStats = { text: 0, link: 0, paragraph: 0, paragraphs: 0 };

/**
 * Characters of `text` other than ASCII spaces and controls and the no-break space, a Chinese, Japanese or Korean
 * one weighted by `charWeight` (one of them carries more than a Latin letter, and every measure here was made on
 * Latin text). A charCodeAt loop: measured twice as fast as a regex removal on the parser's text slices (most of
 * them a single newline).
 */
function countNonSpace(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x2e80) {
      if (code > 32 && code !== 160) count++;
    } else count += charWeight(code);
  }
  return count;
}

/**
 * Computes ElementStats for the elements of a page, given in document order: every `tag` element outside script,
 * style and the unread subtrees, each one's own text counted as it is met, then summed up from the last.
 * A page that writes its prose in divs, not in <p>s (little <p> prose beside much text in divs holding only
 * inline content), has those divs counted as its paragraphs.
 */
export function computeStats(elements: readonly Element[]): Map<Element, ElementStats> {
  const stats = new Map<Element, ElementStats>();
  const measured: Element[] = [];
  const owns: ElementStats[] = [];
  // Each measured element's parent stats (null under the document), so summing up needs no map lookups.
  const ups: Array<ElementStats | null> = [];
  // Divs holding only text and inline elements, and the prose they hold per element (counted on p-less pages).
  const inlineDivs = new Set<ElementStats>();
  const divProse = new Map<ElementStats, { chars: number; count: number }>();
  // Containers with <br> children: their own text and line breaks, read as paragraphs once their children are summed.
  const broken = new Map<ElementStats, { direct: number; breaks: number }>();
  for (const element of elements) {
    if (element.type !== 'tag') continue;
    const parent = element.parent as ParentNode;
    let up: ElementStats | null = null;
    if (parent.type !== 'root') {
      const parentStats = stats.get(parent as Element);
      if (!parentStats || UNREAD_TAGS.has((parent as Element).name)) continue;
      up = parentStats;
    }
    let text = 0;
    let breaks = 0;
    let blocks = false;
    if (!UNREAD_TAGS.has(element.name)) {
      for (const child of element.children) {
        if (child.type === 'text') text += countNonSpace((child as unknown as { data: string }).data);
        else if (child.type === 'tag') {
          const name = (child as Element).name;
          if (name === 'br') breaks++;
          else if (!blocks && name !== 'img' && isBlockTag(name)) blocks = true;
        }
      }
    }
    const own: ElementStats = { text, link: 0, paragraph: 0, paragraphs: 0 };
    if (element.name === 'div' && !blocks) inlineDivs.add(own);
    if (breaks > 0 && !PROSE_TAGS.has(element.name) && element.name !== 'a') broken.set(own, { direct: text, breaks });
    stats.set(element, own);
    measured.push(element);
    owns.push(own);
    ups.push(up);
  }
  let pageParagraphs = 0;
  let pageDivProse = 0;
  for (let i = measured.length - 1; i >= 0; i--) {
    const own = owns[i] as ElementStats;
    const up = ups[i] as ElementStats | null;
    const lines = broken.get(own);
    if (lines) brokenLines(measured[i] as Element, own, lines, stats);
    finishElement(measured[i] as Element, own, up);
    const div = divProse.get(own) ?? (inlineDivs.has(own) && own.paragraph === 0 && isProse(own) ? { chars: own.text, count: 1 } : null);
    if (!div) continue;
    divProse.set(own, div);
    if (!up) {
      pageDivProse += div.chars;
      continue;
    }
    const above = divProse.get(up);
    if (above) {
      above.chars += div.chars;
      above.count += div.count;
    } else divProse.set(up, { ...div });
  }
  for (let i = 0; i < owns.length; i++) if (!ups[i]) pageParagraphs += (owns[i] as ElementStats).paragraph;
  if (pageDivProse > 0 && pageParagraphs < pageDivProse * MAX_P_PROSE_SHARE_OF_DIV_PROSE) {
    for (const [own, div] of divProse) {
      own.paragraph += div.chars;
      own.paragraphs += div.count;
    }
  }
  return stats;
}

/**
 * Prose written as lines between <br>s in a container (pages without <p>): the text written straight into it and
 * in its inline children (`<span>line</span><br>`) is its paragraphs, when the lines are long enough to be prose.
 */
function brokenLines(element: Element, own: ElementStats, lines: { direct: number; breaks: number }, stats: Map<Element, ElementStats>): void {
  let loose = lines.direct;
  for (const child of element.children) {
    if (child.type !== 'tag' || isBlockTag((child as Element).name)) continue;
    const childStats = stats.get(child as Element);
    if (childStats) loose += childStats.text - childStats.link - childStats.paragraph;
  }
  if (loose < MIN_PROSE_PARAGRAPH_CHARS || loose < (lines.breaks + 1) * MIN_BROKEN_LINE_CHARS) return;
  own.paragraph += loose;
  own.paragraphs += Math.ceil((lines.breaks + 1) / 2);
}

function isProse(own: ElementStats): boolean {
  return own.text >= MIN_PROSE_PARAGRAPH_CHARS && own.link <= own.text * MAX_PROSE_LINK_DENSITY;
}

function finishElement(element: Element, own: ElementStats, up: ElementStats | null): void {
  if (isLink(element)) own.link = own.text;
  if (PROSE_TAGS.has(element.name) && isProse(own)) {
    own.paragraph = own.text;
    own.paragraphs = 1;
  }
  if (!up) return;
  up.text += own.text;
  up.link += own.link;
  up.paragraph += own.paragraph;
  up.paragraphs += own.paragraphs;
}

export function statsOf(stats: Map<Element, ElementStats>, element: Element): ElementStats {
  return stats.get(element) ?? EMPTY;
}

/** Share of an element's text that sits in links (0..1). */
export function linkDensity(stats: Map<Element, ElementStats>, element: Element): number {
  const s = statsOf(stats, element);
  return s.text > 0 ? Math.min(1, s.link / s.text) : 0;
}
