import type { Element } from 'domhandler';
import { firstElement, isBlockTag, isElement } from '../../html/index.js';
import { BLOCK_ELEMENTS } from './rules.js';

/** Blocks of text (not layout wrappers such as a `<div>` or `<span>` styled as a block) that no heading holds. */
const TEXT_BLOCK_TAGS: ReadonlySet<string> = new Set([...BLOCK_ELEMENTS, 'h1', 'figure']);

/**
 * A heading left open around blocks of text: a paragraph or list as its child, or inside a container that is (an
 * unclosed `<h2>` standfirst before `<div class="article-body"><p>…`).
 */
export function wrapsTextBlocks(heading: Element): boolean {
  return heading.children.some(
    (child) =>
      isElement(child) &&
      (TEXT_BLOCK_TAGS.has(child.name) || (isBlockTag(child.name) && firstElement(child, (element) => TEXT_BLOCK_TAGS.has(element.name)) !== undefined)),
  );
}
