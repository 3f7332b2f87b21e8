import type { Element } from 'domhandler';
import { hintString, textOf } from '../../html/index.js';

/** Class words of text only screen readers get ("Posted by", "Post author:"), set beside the name it labels. */
const SCREEN_READER_ONLY = /visually-?hidden|sr-only|screen-reader|assistive-text/;

/** A byline element's visible text: without the screen-reader labels themes glue to the name (no space between). */
export function bylineText(element: Element): string {
  return textOf(element, (part) => SCREEN_READER_ONLY.test(hintString(part)));
}
