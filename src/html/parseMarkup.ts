import { DomHandler, type Document } from 'domhandler';
import { Parser, type Options } from 'htmlparser2';
import { PageElement } from './domNodes.js';

/** Source indices are kept: byte counts of removed blocks are measured from them. */
const OPTIONS: Options = { withStartIndices: true, withEndIndices: true };

/**
 * domhandler's DomHandler building `PageElement`s (which remember their class, id and hint string) and listing
 * them in the order they are opened, which is document order: the page index needs that list, and building it
 * here saves a walk over the whole tree. Everything else (text merging, indices, comments) is DomHandler's.
 */
class PageHandler extends DomHandler {
  readonly elementsInOrder: PageElement[] = [];

  override onopentag(name: string, attribs: Record<string, string>): void {
    const element = new PageElement(name, attribs);
    this.addNode(element);
    this.tagStack.push(element);
    this.elementsInOrder.push(element);
  }
}

/** The document tree htmlparser2's `parseDocument` builds (entities decoded, source indices kept), of `PageElement`s. */
export function parseMarkup(markup: string): Document {
  return parseMarkupListingElements(markup).document;
}

/** `parseMarkup`, also listing every element of the tree in document order (the order the parser opens them). */
export function parseMarkupListingElements(markup: string): { document: Document; elements: PageElement[] } {
  const handler = new PageHandler(undefined, OPTIONS);
  new Parser(handler, OPTIONS).end(markup);
  return { document: handler.root, elements: handler.elementsInOrder };
}
