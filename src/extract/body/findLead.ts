import type { Element } from 'domhandler';
import { hintString, isElement, textOf, walkElements } from '../../html/index.js';

/** Class words of the standfirst that sites put in the article header, outside the body container. */
const LEAD_HINT = /(?:^|[-_ ])(?:lead|lede|leadin|intro|introduction|excerpt|abstract|standfirst|summary|dek|subtitle|subheadline|teaser-?text|description|article-?teaser)(?:[-_ ]|$)|__abstract|__lead|__intro|__teaser|leadin|intro$/;
/** A lead is a sentence or a short paragraph. */
export const MIN_LEAD_CHARS = 40;
export const MAX_LEAD_CHARS = 1200;
/** How many ancestor levels above the body container are searched for a preceding lead. */
export const LEAD_LOOKUP_LEVELS = 4;

function leadWithin(element: Element, drops: ReadonlyMap<Element, string>): Element | null {
  let lead: Element | null = null;
  const consider = (candidate: Element): boolean => {
    if (lead || drops.has(candidate) || candidate.name === 'figure' || candidate.name === 'h1' || candidate.name === 'a') return false;
    if (!LEAD_HINT.test(hintString(candidate))) return true;
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
export function findLead(containers: readonly Element[], drops: ReadonlyMap<Element, string>): Element | null {
  let child = containers[0];
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
