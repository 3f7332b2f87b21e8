import type { Element } from 'domhandler';
import { attr, closest } from '../../html/index.js';

/**
 * The block editor's file block: a document the post offers, named in a few words. (Its buttons are calls to act,
 * "Donate", "Subscribe": they stay furniture.)
 */
const EDITOR_LINK_BLOCK = /(?:^|\s)wp-block-file(?:\s|$)/;

export function isEditorLinkBlock(element: Element): boolean {
  return closest(element, (ancestor) => EDITOR_LINK_BLOCK.test(attr(ancestor, 'class')), EDITOR_LINK_BLOCK_LEVELS) !== null;
}

/** Levels above a block searched for the editor block around it (the file's link inside it). */
const EDITOR_LINK_BLOCK_LEVELS = 2;
