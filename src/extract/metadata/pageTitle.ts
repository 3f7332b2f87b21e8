import type { Element } from 'domhandler';
import { headingText } from './headingText.js';
import { isSiteNameHeading } from './isSiteNameHeading.js';
import type { PageIndex } from '../../html/index.js';
import { stripSiteName } from './stripSiteName.js';
import { headlineParts } from './headlineParts.js';
import { MAX_TITLE_CANDIDATES, MAX_TITLE_CHARS, MIN_CONFIRMED_SHARE, MIN_CONFIRMED_WORDS } from './rules.js';
import { titleWords, titleWordsShared } from './titleWordsShared.js';

const TITLE_TAGS = new Set(['h1', 'h2', 'h3']);
/** Permalink glyphs that documentation generators append to headings ("History¶", "Setup #"). */
const ANCHOR_GLYPH = /\s*[¶#§]\s*$/;

/** Case, whitespace and quote style do not make two titles different. */
export function comparableTitle(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .trim();
}

interface Heading {
  tag: string;
  text: string;
  key: string;
}

function headings(index: PageIndex, inBoilerplate: (element: Element) => boolean, tags: ReadonlySet<string> = TITLE_TAGS): Heading[] {
  const out: Heading[] = [];
  for (const element of index.all) {
    if (out.length >= MAX_TITLE_CANDIDATES) break;
    if (!tags.has(element.name) || inBoilerplate(element) || isSiteNameHeading(element)) continue;
    const text = headingText(element).replace(ANCHOR_GLYPH, '');
    if (text.length > 0 && text.length <= MAX_TITLE_CHARS) out.push({ tag: element.name, text, key: comparableTitle(text) });
  }
  return out;
}

/**
 * The longest heading that the reference title contains and that is long enough to be the headline; one that the
 * site-free part of the title contains beats one that only the site name matches ("Guide — Project Docs"). A heading
 * that ends in a colon ("Open Journalism Project:") is the first half of a headline split over two elements.
 */
function confirmedHeading(candidates: readonly Heading[], reference: string): Heading | undefined {
  const whole = comparableTitle(reference);
  const siteFree = comparableTitle(stripSiteName(reference));
  if (!whole) return undefined;
  let best: { heading: Heading; rank: number } | undefined;
  for (const heading of candidates) {
    if (!whole.includes(heading.key) || heading.key.endsWith(':')) continue;
    const words = heading.key.split(' ').length;
    if (words < MIN_CONFIRMED_WORDS && heading.key.length < siteFree.length * MIN_CONFIRMED_SHARE) continue;
    const rank = (siteFree.includes(heading.key) ? MAX_TITLE_CHARS : 0) + heading.key.length;
    if (!best || rank > best.rank) best = { heading, rank };
  }
  return best?.heading;
}

const H1: ReadonlySet<string> = new Set(['h1']);

/**
 * An h1 that says exactly what the title says before its site name ("Opening hours" for "Opening hours – Site"),
 * wherever it sits: themes print a page's title in a banner above the content (a title bar with breadcrumbs, dropped
 * as furniture), and a short title is too short to be confirmed by the words it shares with the title.
 */
function namedHeading(index: PageIndex, reference: string): Heading | undefined {
  const parts = new Set(headlineParts(reference).map(comparableTitle));
  if (parts.size === 0) return undefined;
  return headings(index, () => false, H1).find((heading) => parts.has(heading.key));
}

/**
 * An h1 whose words are nearly all the title's: a headline edited after the page's `<title>` was written ("… over
 * Celtics" under "… over Boston Celtics | Site"). The one sharing most words wins.
 */
function looseHeading(candidates: readonly Heading[], reference: string): Heading | undefined {
  const words = new Set(titleWords(reference));
  let best: { heading: Heading; shared: number } | undefined;
  for (const heading of candidates) {
    const shared = heading.tag === 'h1' ? titleWordsShared(heading.text, words) : 0;
    if (shared > 0 && (!best || shared > best.shared)) best = { heading, shared };
  }
  return best?.heading;
}

/**
 * The article headline: a heading (h1-h3) that the structured headline or the WP title (an aggregator's WP title is
 * the page's `<title>`, "Headline | Site") confirms, or an h1 nearly all of whose words are the title's; else the page's only h1; else the structured headline or the
 * WP title without its site name (several unconfirmed h1s are logos and section names); else the first h1.
 */
export function pageTitle(index: PageIndex, inBoilerplate: (element: Element) => boolean, headline: string | null, wpTitle: string): string | null {
  const candidates = headings(index, inBoilerplate);
  const confirmed =
    (headline ? confirmedHeading(candidates, headline) : undefined) ??
    confirmedHeading(candidates, wpTitle) ??
    namedHeading(index, wpTitle) ??
    looseHeading(candidates, headline ?? wpTitle);
  if (confirmed) return confirmed.text;
  const h1s = candidates.filter((heading) => heading.tag === 'h1');
  if (h1s.length === 1) return (h1s[0] as Heading).text;
  if (headline) return headline;
  if (wpTitle) return stripSiteName(wpTitle);
  return h1s[0]?.text ?? null;
}
