import { Text, type AnyNode, type Document, type Element } from 'domhandler';
import { isElement, rawText, walkElements, type PageElement } from './domNodes.js';
import { parseMarkupListingElements } from './parseMarkup.js';

/**
 * Deepest element nesting kept as structure. Real articles nest < 60 deep; beyond this the subtree is
 * replaced by its text so that recursive library code (serializers, selectors) cannot overflow the stack.
 */
export const MAX_NESTING_DEPTH = 160;

/** Largest markup parsed, in characters (~3 MB): bounds time on hostile 10 MB posts; real pages are < 1 MB. */
export const MAX_MARKUP_CHARS = 3_000_000;

/**
 * Most tags parsed (counted by their `<`). The tree costs some 400 bytes of heap a tag: 3 MB of tiny elements
 * (`<i>a</i>` repeated) held 300 MB, past any worker's heap, on every attempt. Real pages have far fewer (the
 * extraction corpus's largest: 19,191); the markup after the last one kept is dropped, as after `MAX_MARKUP_CHARS`.
 */
export const MAX_MARKUP_TAGS = 100_000;

/**
 * Parses a fragment with htmlparser2 (the parser cheerio/slim uses, called directly: cheerio's wrapper costs
 * three times the parse itself), keeping source indices for byte counts, and returns it under one wrapper
 * element: stray closing tags in scraped pages cannot split the page into several roots.
 */
export function parseHtml(markup: string): { document: Document; root: Element; elements: PageElement[] } {
  const bounded = boundedMarkup(markup);
  const parsed = parseMarkupListingElements(`<div>${bounded}</div>`);
  const { document } = parsed;
  const flattened = flattenDeepNesting(document);
  const root = gatherUnderWrapper(document);
  // Gathering keeps document order (what followed the wrapper now ends it); flattening removes elements.
  return { document, root, elements: flattened ? elementsOf(document) : parsed.elements };
}

/** The markup cut to `MAX_MARKUP_CHARS`, then before its tag number `MAX_MARKUP_TAGS + 1`. */
function boundedMarkup(markup: string): string {
  const text = markup.length > MAX_MARKUP_CHARS ? markup.slice(0, MAX_MARKUP_CHARS) : markup;
  let at = text.indexOf('<');
  for (let tags = 1; at >= 0 && tags <= MAX_MARKUP_TAGS; tags++) at = text.indexOf('<', at + 1);
  return at >= 0 ? text.slice(0, at) : text;
}

/** Every element under `document` (all built by the parser), in document order. */
function elementsOf(document: Document): PageElement[] {
  const elements: PageElement[] = [];
  walkElements(document, (element) => {
    elements.push(element as PageElement);
  });
  return elements;
}

/** Moves everything the parser left after the wrapper (closed early by a stray `</div>`) back inside it. */
function gatherUnderWrapper(document: Document): Element {
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

/** Replaces every subtree deeper than MAX_NESTING_DEPTH with its plain text (iteratively); true when it did. */
function flattenDeepNesting(document: Document): boolean {
  // Two parallel stacks (element, its depth): no object per element on this walk over the whole page.
  const stack: Element[] = [];
  const depths: number[] = [];
  for (const node of document.children) {
    if (!isElement(node)) continue;
    stack.push(node);
    depths.push(1);
  }
  const tooDeep: Element[] = [];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    const depth = depths.pop() as number;
    if (depth >= MAX_NESTING_DEPTH) {
      tooDeep.push(element);
      continue;
    }
    for (const child of element.children) {
      if (!isElement(child)) continue;
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  for (const element of tooDeep) {
    const text = new Text(rawText(element));
    text.parent = element;
    element.children = [text];
  }
  return tooDeep.length > 0;
}
