import type { Element } from 'domhandler';
import { attr, findElements, hintString, isElement, textOf, walkElements } from '../../html/index.js';
import { HEADING_TAG, LEAD_LOOKUP_LEVELS, MAX_LEAD_CHARS, MAX_LEAD_LINK_SHARE, MIN_LEAD_CHARS } from './rules.js';
import { isPostExcerpt } from './isPostExcerpt.js';
import type { Drops } from '../dropReasons.js';

/**
 * Class words of the standfirst that sites put in the article header, outside the body container, in the
 * languages newsrooms name it in: perex (Czech, Slovak), chapo/chapeau (French), entradilla/bajada/sumario
 * (Spanish), sommario (Italian), vorspann/anriss/einleitung (German), inleiding (Dutch), zajawka (Polish).
 */
const LEAD_HINT =
  /(?:^|[-_ ])(?:lead|lede|leadin|intro|introduction|excerpt|abstract|standfirst|summary|dek|deck|subtitle|subheadline|teaser-?text|description|(?:article|artikel)-?teaser|perex|chapo|chapeau|entradilla|bajada|sumario|sommario|vorspann|anriss|einleitung|inleiding|zajawka)(?:[-_ ]|$)|__abstract|__lead|__intro|__teaser|__perex|leadin|intro$/;

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

export function isSiteHeader(element: Element): boolean {
  if (attr(element, 'role').toLowerCase() === 'banner') return true;
  const hints = hintString(element);
  return hints !== '' && hints.split(/\s+/).some((name) => SITE_HEADER_NAMES.has(name));
}

/**
 * A standfirst that CMSs name "teaser" (`article-teaser`, `teaser-text`) is dropped as a teaser box by its name: it
 * is the lead when it holds plain text, no headline and hardly any link (a teaser card links away).
 */
function isNamedLikeTeaser(candidate: Element): boolean {
  if (findElements(candidate, (element) => HEADING_TAG.test(element.name)).length > 0) return false;
  const links = findElements(candidate, (element) => element.name === 'a').reduce((sum, link) => sum + textOf(link).length, 0);
  return links <= textOf(candidate).length * MAX_LEAD_LINK_SHARE;
}

function leadWithin(element: Element, drops: Drops): Element | null {
  let lead: Element | null = null;
  const consider = (candidate: Element): boolean => {
    const dropped = drops.get(candidate);
    if (
      lead ||
      (dropped && dropped !== 'teaser') ||
      candidate.name === 'figure' ||
      candidate.name === 'h1' ||
      candidate.name === 'a' ||
      isSiteHeader(candidate)
    )
      return false;
    const hints = hintString(candidate);
    if (isPostExcerpt(candidate)) return false;
    if (!LEAD_HINT.test(hints)) return !dropped;
    if (PICTURE_HINT.test(hints) || (dropped && !isNamedLikeTeaser(candidate))) return false;
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
