import type { Element } from 'domhandler';
import { attr, firstElement } from '../../html/index.js';

/** Class or id words of the element that holds the site's name or logo (`site-title`, WordPress's `wp-block-site-title`). */
const SITE_NAME_WORD = /(?:^|[\s_-])(?:site-?title|site-?name|site-?logo|logo)(?:$|[\s_-])/i;
const HOME_REL = /(?:^|\s)home(?:\s|$)/i;

/**
 * Whether a heading is the site's name, not a headline: marked as the site title or logo, or holding the link to
 * the site's home page (`rel="home"`, what WordPress themes put on the site title). A block theme renders the site
 * title as an `<h1>` on every page, beside the post's own `<h1>`.
 */
export function isSiteNameHeading(heading: Element): boolean {
  if (SITE_NAME_WORD.test(attr(heading, 'class')) || SITE_NAME_WORD.test(attr(heading, 'id'))) return true;
  return firstElement(heading, (element) => element.name === 'a' && HOME_REL.test(attr(element, 'rel'))) !== undefined;
}
