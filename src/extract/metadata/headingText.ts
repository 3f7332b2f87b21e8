import type { Element } from 'domhandler';
import { hintString, textOf } from '../../html/index.js';

/**
 * Class words of the parts of a headline element that are not the headline: the kicker above it ("roofline",
 * "overline", German "Dachzeile"), a subtitle set in the same element, and screen-reader labels ("Headline:").
 */
const NOT_HEADLINE_HINT = /kicker|roofline|overline|dachzeile|spitzmarke|eyebrow|subheadline|subtitle|visually-?hidden|sr-only|screen-reader/;

/** The text of a heading without its kicker, subtitle or screen-reader parts; the whole text when nothing else is left. */
export function headingText(heading: Element): string {
  const text = textOf(heading, (part) => NOT_HEADLINE_HINT.test(hintString(part)));
  return text || textOf(heading);
}
