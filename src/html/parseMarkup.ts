import type { Document } from 'domhandler';
import type { PageElement } from './domNodes.js';
import { TreeBuilder } from './treeBuilder.js';

/**
 * The document tree htmlparser2's `parseDocument` builds (entities decoded, source indices kept), built faster.
 * Entities are decoded once a text run or attribute value is complete: the tokenizer (`tokenizeHtml`, htmlparser2's
 * without entity decoding) then skips over text and attribute values instead of testing every character for `&`.
 * Markup must end with a closing tag, as `parseHtml`'s wrapper does: text left open at the very end of the input
 * (`</&amp` as the last characters) is kept raw by the tokenizer but would be decoded here.
 */
export function parseMarkup(markup: string): Document {
  return parseMarkupListingElements(markup).document;
}

/** `parseMarkup`, also listing every element of the tree in document order (the order the parser opens them). */
export function parseMarkupListingElements(markup: string): { document: Document; elements: PageElement[] } {
  const builder = new TreeBuilder(markup);
  return { document: builder.build(), elements: builder.elementsInOrder };
}
