import type { Element } from 'domhandler';
import { attr, hintString, isElement, textOf, walkElements } from '../../html/index.js';
import { LEAD_LOOKUP_LEVELS, MAX_LEAD_CHARS, MIN_LEAD_CHARS } from './rules.js';
import type { Drops } from '../dropReasons.js';

/** Class words of the standfirst that sites put in the article header, outside the body container. */
const LEAD_HINT =
  /(?:^|[-_ ])(?:lead|lede|leadin|intro|introduction|excerpt|abstract|standfirst|summary|dek|subtitle|subheadline|teaser-?text|description|article-?teaser)(?:[-_ ]|$)|__abstract|__lead|__intro|__teaser|leadin|intro$/;

/** Class words of a picture's parts: an `image-description` describes the picture, not the article. */
const PICTURE_HINT = /(?:^|[-_ ])(?:image|img|photo|picture|figure|gallery)s?(?:[-_ ]|$)/;

/**
 * The site's own header (banner, masthead, branding): its `p.description` is the site's tagline, never a post's
 * standfirst. An article's `header.entry-header` is not one of these.
 */
const SITE_HEADER_NAMES: ReadonlySet<string> = new Set([
  'header',
  'site-header',
  'masthead',
  'branding',
  'site-branding',
  'site-title',
  'site-description',
  'blog-description',
]);

function isSiteHeader(element: Element): boolean {
  if (attr(element, 'role').toLowerCase() === 'banner') return true;
  const hints = hintString(element);
  return hints !== '' && hints.split(/\s+/).some((name) => SITE_HEADER_NAMES.has(name));
}

function leadWithin(element: Element, drops: Drops): Element | null {
  let lead: Element | null = null;
  const consider = (candidate: Element): boolean => {
    if (lead || drops.has(candidate) || candidate.name === 'figure' || candidate.name === 'h1' || candidate.name === 'a' || isSiteHeader(candidate))
      return false;
    const hints = hintString(candidate);
    if (!LEAD_HINT.test(hints)) return true;
    if (PICTURE_HINT.test(hints)) return false;
    const text = textOf(candidate);
    if (text.length >= MIN_LEAD_CHARS && text.length <= MAX_LEAD_CHARS) lead = candidate;
    return false;
  };
  if (consider(element)) walkElements(element, consider);
  return lead;
}

/**
 * The standfirst that precedes the body container among its ancestors' earlier children (the article header),
 * when the scorer picked only the body below it. Null when there is none.
 */
export function findLead(containers: readonly Element[], drops: Drops): Element | null {
  // Containers that are siblings (a featured image, then the text) are one article: a lead between them counts too.
  const first = containers[0];
  let child = first ? containers.findLast((container) => container.parent === first.parent) : undefined;
  for (let level = 0; child && level < LEAD_LOOKUP_LEVELS; level++) {
    const parent = child.parent;
    if (!parent || !isElement(parent as Element)) return null;
    const siblings = (parent as Element).children;
    for (let i = siblings.indexOf(child) - 1; i >= 0; i--) {
      const sibling = siblings[i];
      if (!sibling || !isElement(sibling) || containers.includes(sibling)) continue;
      const lead = leadWithin(sibling, drops);
      if (lead) return lead;
    }
    child = parent as Element;
  }
  return null;
}
