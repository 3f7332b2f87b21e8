import { load, type CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { isElement, rawText } from './domNodes.js';

/**
 * Deepest element nesting kept as structure. Real articles nest < 60 deep; beyond this the subtree is
 * replaced by its text so that recursive library code (serializers, selectors) cannot overflow the stack.
 */
export const MAX_NESTING_DEPTH = 160;

/** Largest markup parsed, in characters (~4 MB): bounds time on hostile 10 MB posts; real pages are < 1 MB. */
export const MAX_MARKUP_CHARS = 4_000_000;

/**
 * Parses a fragment with htmlparser2 (no parse5), keeping source indices for byte counts, and returns it under
 * one wrapper element: stray closing tags in scraped pages cannot split the page into several roots.
 */
export function parseHtml(markup: string): { $: CheerioAPI; root: Element } {
  const bounded = markup.length > MAX_MARKUP_CHARS ? markup.slice(0, MAX_MARKUP_CHARS) : markup;
  const $ = load(`<div>${bounded}</div>`, { xml: false, withStartIndices: true, withEndIndices: true } as never, false);
  flattenDeepNesting($);
  return { $, root: gatherUnderWrapper($) };
}

/** Moves everything the parser left after the wrapper (closed early by a stray `</div>`) back inside it. */
function gatherUnderWrapper($: CheerioAPI): Element {
  const document = $.root()[0] as unknown as { children: AnyNode[] };
  const [wrapper, ...rest] = document.children as [Element, ...AnyNode[]];
  if (rest.length === 0) return wrapper;
  let previous: AnyNode | null = wrapper.children[wrapper.children.length - 1] ?? null;
  for (const node of rest) {
    node.parent = wrapper;
    node.prev = previous;
    if (previous) previous.next = node;
    previous = node;
  }
  if (previous) previous.next = null;
  wrapper.children.push(...rest);
  wrapper.next = null;
  document.children = [wrapper];
  return wrapper;
}

/** Replaces every subtree deeper than MAX_NESTING_DEPTH with its plain text (iteratively). */
function flattenDeepNesting($: CheerioAPI): void {
  const root = $.root()[0];
  if (!root) return;
  const stack: Array<{ node: AnyNode; depth: number }> = root.children.map((node) => ({ node, depth: 1 }));
  const tooDeep: Element[] = [];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: AnyNode; depth: number };
    if (!isElement(node)) continue;
    if (depth >= MAX_NESTING_DEPTH) {
      tooDeep.push(node);
      continue;
    }
    for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  for (const element of tooDeep) $(element).text(rawText(element));
}
