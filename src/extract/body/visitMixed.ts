import { Element, type AnyNode } from 'domhandler';
import { collapseWhitespace, isBlockTag, isElement, normaliseSpace, rawText } from '../../html/index.js';
import { escapeText, sanitizeHtml } from './sanitizeHtml.js';

/** What `visitMixed` calls back: the block walk of `collectBlocks`. */
export interface MixedWalk {
  visit: (element: Element) => void;
  emit: (node: AnyNode, tag: string, html: string | null, text?: string) => void;
  skip: (element: Element) => boolean;
  base: string | null;
}

/** Walks a container holding both blocks and loose inline content; loose runs become paragraphs. */
export function visitMixed(element: Element, { visit, emit, skip, base }: MixedWalk): void {
  let run: AnyNode[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const text = normaliseSpace(run.map((node) => rawText(node, skip)).join(''));
    const html = `<p>${collapseWhitespace(run.map((node) => (node.type === 'text' ? escapeText((node as unknown as { data: string }).data) : sanitizeHtml(node, base, skip))).join(''))}</p>`;
    // The run is judged as a whole (its link share, its sentences): a card whose link wraps a headline and its
    // summary is a link, whatever loose space precedes it. A detached wrapper: the page is not changed.
    if (text) emit(run.length === 1 ? (run[0] as AnyNode) : new Element('p', {}, run), 'p', html, text);
    run = [];
  };
  let afterBreak = false;
  for (const child of element.children) {
    if (isBreak(child)) {
      // A second line break in a row ends a paragraph (text laid out with <br><br>, no <p>).
      if (afterBreak) {
        while (run.length > 0 && (isBreak(run[run.length - 1]!) || isBlankText(run[run.length - 1]!))) run.pop();
        flush();
        continue;
      }
      afterBreak = true;
      run.push(child);
      continue;
    }
    if (isBlankText(child)) {
      run.push(child);
      continue;
    }
    afterBreak = false;
    if (isElement(child) && child.type === 'tag' && isBlockTag(child.name) && child.name !== 'br') {
      flush();
      visit(child);
    } else if (child.type === 'text' || (isElement(child) && child.type === 'tag' && !skip(child))) {
      run.push(child);
    }
  }
  flush();
}

function isBreak(node: AnyNode): boolean {
  return isElement(node) && node.type === 'tag' && node.name === 'br';
}

function isBlankText(node: AnyNode): boolean {
  return node.type === 'text' && !/\S/.test((node as unknown as { data: string }).data);
}

/** Whether an element's own children hold two line breaks in a row (blank text between them aside). */
export function hasParagraphBreak(element: Element): boolean {
  let afterBreak = false;
  for (const child of element.children) {
    if (isBreak(child)) {
      if (afterBreak) return true;
      afterBreak = true;
    } else if (!isBlankText(child)) afterBreak = false;
  }
  return false;
}
