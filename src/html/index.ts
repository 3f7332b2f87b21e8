/**
 * Public API of the HTML module: parsing a page into a domhandler tree, walking and reading it, and selecting
 * elements. Knows nothing of articles or of the rest of the project; callers import this file only.
 */
export {
  attr,
  childElements,
  closest,
  collapseWhitespace,
  findElements,
  firstElement,
  hasText,
  hintString,
  isBlockTag,
  isElement,
  isLink,
  normaliseSpace,
  PageElement,
  rawText,
  sourceLength,
  textOf,
  textStart,
  walkElements,
} from './domNodes.js';
export { byDocumentOrder, documentOrder, indexPage, withAttribute, type PageIndex } from './pageIndex.js';
export { compileSelector, type CompiledSelector } from './compileSelector.js';
export { selectElements, selectFirst } from './selectElements.js';
export { selectorAlternatives } from './selectorAlternatives.js';
export { MAX_MARKUP_CHARS, MAX_MARKUP_TAGS, MAX_NESTING_DEPTH, parseHtml } from './parseHtml.js';
export { parseMarkup, parseMarkupListingElements } from './parseMarkup.js';
export { decodeHtmlText, MAX_SHORT_FIELD_CHARS } from './decodeHtmlText.js';
