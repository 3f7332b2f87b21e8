import type { Element } from 'domhandler';
import { attr, closest, textOf, withAttribute, type PageElement, type PageIndex } from '../../html/index.js';
import type { Drops } from '../dropReasons.js';
import { isOtherItemDate } from './otherItemDate.js';
import { parseVisibleDate } from './parseDate.js';
import { readElementDate } from './readElementDate.js';
import { HEADER_DATE_AFTER_ELEMENTS, HEADER_DATE_BEFORE_ELEMENTS, MAX_HEADER_DATE_LINE_CHARS, MIN_HEADER_DATE_LINE_CHARS } from './rules.js';

/** Tags whose short text is a line of the article header (a byline, a meta line, a date), not a control or a picture. */
const LINE_TAGS = new Set(['span', 'div', 'p', 'a', 'li', 'time', 'small', 'strong', 'b', 'em', 'h4', 'h5', 'h6', 'dd', 'dt', 'address']);

/**
 * The publication date of a page that names no element as its date: one the markup declares on an unnamed element,
 * else the date shown beside the headline.
 */
export function headerDate($: PageIndex, inBoilerplate: (element: Element) => boolean, drops: Drops): string | null {
  return declaredDate($, inBoilerplate) ?? dateBesideHeadline($, inBoilerplate, drops);
}

/**
 * A publication date the markup declares on an element that no class names as a date: microdata's
 * `itemprop="datePublished"` on a plain `<span>`, a `datetime` on an element other than `<time>` (`<amp-timeago>`).
 */
function declaredDate($: PageIndex, inBoilerplate: (element: Element) => boolean): string | null {
  for (const element of withAttribute($, 'itemprop')) {
    if (attr(element, 'itemprop') !== 'datePublished' || inBoilerplate(element)) continue;
    const date = readElementDate(element);
    if (date) return date;
  }
  for (const element of withAttribute($, 'datetime')) {
    if (inBoilerplate(element)) continue;
    const date = readElementDate(element);
    if (date) return date;
  }
  return null;
}

/**
 * The first short line that reads as a date among the elements right after the title heading (a meta line
 * "Gunter Frank / 22.04.2020 / 06:15", an unnamed `<h6>January 10, 2020 9:00AM</h6>`), else right before it (a
 * dateline above the headline). A paragraph of the story is longer than a line, so a date the story mentions is
 * not taken for the article's.
 */
function dateBesideHeadline($: PageIndex, inBoilerplate: (element: Element) => boolean, drops: Drops): string | null {
  const heading = ($.byTag.get('h1') ?? []).find((element) => !inBoilerplate(element));
  if (!heading) return null;
  const at = (heading as PageElement).documentOrder;
  const within = (i: number): string | null => {
    const element = $.all[i];
    // A byline or caption line is dropped from the body and still carries the date; other stories' and menus' do not.
    if (!element || !LINE_TAGS.has(element.name) || isOtherItemDate(element, drops) || inMenu(element, drops)) return null;
    const text = textOf(element);
    return text.length >= MIN_HEADER_DATE_LINE_CHARS && text.length <= MAX_HEADER_DATE_LINE_CHARS ? parseVisibleDate(text) : null;
  };
  const last = Math.min($.all.length - 1, at + HEADER_DATE_AFTER_ELEMENTS);
  for (let i = at + 1; i <= last; i++) {
    // The next headline starts another story; a standfirst set as an h2 does not.
    if ($.all[i]?.name === 'h1') break;
    const date = within(i);
    if (date) return date;
  }
  for (let i = at - 1; i >= Math.max(0, at - HEADER_DATE_BEFORE_ELEMENTS); i--) {
    const date = within(i);
    if (date) return date;
  }
  return null;
}

function inMenu(element: Element, drops: Drops): boolean {
  return closest(element, (ancestor) => drops.get(ancestor) === 'navigation') !== null;
}
