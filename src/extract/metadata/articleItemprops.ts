import type { Element } from 'domhandler';
import { attr, closest, type PageIndex, withAttribute } from '../../html/index.js';

/** Item types whose properties are the article's own: the post, or the page that is the post. */
const ARTICLE_ITEM = /^(?:\w*Article|\w*Posting|CreativeWork|Report|Review)$/;
const PAGE_ITEM = /^(?:WebPage|ItemPage|Blog)$/;

/** The item an `itemprop` belongs to: the nearest enclosing `itemscope` (not the element's own scope, its value). */
function ownerType(element: Element): string | null {
  const parent = element.parent as Element | null;
  const owner = parent && parent.type === 'tag' ? closest(parent, (ancestor) => ancestor.attribs?.itemscope !== undefined) : null;
  if (!owner) return null;
  return attr(owner, 'itemtype').split(/[/#]/).pop()?.trim() ?? '';
}

/**
 * The first element of each `itemprop` name that is the article's, by the item it belongs to (microdata scopes):
 * a property of an article item beats one of the page or of no item; a property of any other item is not the
 * article's at all. Themes mark the site title (`WPHeader`), a page banner, each reader's comment (`Comment`: its
 * author and date) and sidebar entries with the same names as the post's headline, author and date.
 */
export function articleItemprops(index: PageIndex): Map<string, Element> {
  const best = new Map<string, { element: Element; rank: number }>();
  for (const element of withAttribute(index, 'itemprop')) {
    const type = ownerType(element);
    const rank = type !== null && ARTICLE_ITEM.test(type) ? 0 : type === null || type === '' || PAGE_ITEM.test(type) ? 1 : -1;
    if (rank < 0) continue;
    for (const name of (element.attribs?.itemprop ?? '').split(/\s+/).filter(Boolean)) {
      const found = best.get(name);
      if (!found || rank < found.rank) best.set(name, { element, rank });
    }
  }
  return new Map([...best].map(([name, { element }]) => [name, element]));
}
