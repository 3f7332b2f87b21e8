import type { Element } from 'domhandler';
import { bylineText } from './bylineText.js';
import { cleanAuthors } from './cleanAuthors.js';
import { cleanCaption } from './cleanCaption.js';
import { attr, closest, findElements, hintString, type PageIndex, selectElements, textOf } from '../../html/index.js';
import { listItemTexts, uniqueLabels } from './listItemTexts.js';
import type { PageMetadata } from './pageMetadata.js';
import { headerDate } from './headerDate.js';
import { isOtherItemDate } from './otherItemDate.js';
import { pageTitle } from './pageTitle.js';
import { parseDate } from './parseDate.js';
import { readElementDate, readMachineDate } from './readElementDate.js';
import type { StructuredData } from './readStructuredData.js';
import type { Drops } from '../dropReasons.js';
import { COMMENT_LOOKUP_LEVELS, MAX_BYLINE_ELEMENTS, MAX_BYLINE_TEXT_CHARS, MAX_DATE_CANDIDATES, MAX_SUMMARY_CHARS, MIN_SUMMARY_CHARS } from './rules.js';

function select($: PageIndex, selector: string): Element[] {
  return selectElements($, selector);
}

function metaValue(data: StructuredData, ...names: string[]): string | null {
  for (const name of names) {
    const value = data.meta.get(name);
    if (value) return value;
  }
  return null;
}

/**
 * Template-independent metadata from markup and structured data, computed only for the fields `known` lacks
 * (a profile's values win anyway). `inBoilerplate` guards against teaser headlines.
 */
export function readPageMetadata(
  $: PageIndex,
  data: StructuredData,
  inBoilerplate: (element: Element) => boolean,
  known: Partial<PageMetadata> = {},
  wpTitle = '',
  drops: Drops = new Map(),
): PageMetadata {
  const need = (field: keyof PageMetadata): boolean => {
    const value = known[field];
    return value === null || value === undefined || (Array.isArray(value) && value.length === 0);
  };
  return {
    title: need('title') ? pageTitle($, inBoilerplate, data.headline ?? metaValue(data, 'og:title', 'twitter:title'), wpTitle) : null,
    summary: need('summary') ? pageSummary($, data) : null,
    authors: need('authors') ? pageAuthors($, data) : [],
    published_at: need('published_at') ? (pageDate($, data, 'published', drops) ?? headerDate($, inBoilerplate, drops)) : null,
    modified_at: need('modified_at') ? pageDate($, data, 'modified', drops) : null,
    section: !need('section') ? [] : data.section.length > 0 ? uniqueLabels(data.section) : pageBreadcrumbs($),
    topics: need('topics') ? pageTopics($, data) : [],
    image: need('image') || !known.image?.caption ? pageImage($, data) : null,
    language: pageLanguage($, data),
    source_url: data.canonical ?? metaValue(data, 'og:url') ?? data.url,
  };
}

function pageSummary($: PageIndex, data: StructuredData): string | null {
  const standfirst = select(
    $,
    '[class*="standfirst"], [class*="summary"], [class*="lede"], [class*="intro"], [class*="teaser-text"], [class*="subtitle"], [itemprop="description"]',
  )
    .map((element) => textOf(element))
    .find((text) => text.length >= MIN_SUMMARY_CHARS && text.length <= MAX_SUMMARY_CHARS);
  return standfirst ?? data.description ?? metaValue(data, 'og:description', 'description', 'twitter:description');
}

function pageAuthors($: PageIndex, data: StructuredData): string[] {
  const fromData = cleanAuthors(
    data.authors.length > 0 ? data.authors : [metaValue(data, 'author', 'article:author', 'dc.creator') ?? ''].filter((name) => !/^https?:/.test(name)),
  );
  if (fromData.length > 0) return fromData;
  const bylines = select($, '[rel="author"], [itemprop="author"], [class*="byline" i], [class*="author" i], [class*="contributor" i]')
    .filter((element) => !closest(element, (ancestor) => /comment/.test(hintString(ancestor)), COMMENT_LOOKUP_LEVELS))
    .map((element) => bylineText(element))
    .filter((text) => text.length > 0 && text.length <= MAX_BYLINE_TEXT_CHARS);
  return cleanAuthors(bylines.slice(0, MAX_BYLINE_ELEMENTS));
}

function pageDate($: PageIndex, data: StructuredData, kind: 'published' | 'modified', drops: Drops): string | null {
  const structured =
    kind === 'published'
      ? (parseDate(data.datePublished) ??
        parseDate(
          metaValue(
            data,
            'article:published_time',
            'og:published_time',
            'datepublished',
            'date',
            'dc.date',
            'dc.date.issued',
            'pubdate',
            'publishdate',
            'sailthru.date',
          ),
        ))
      : (parseDate(data.dateModified) ?? parseDate(metaValue(data, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified')));
  if (structured) return structured;
  const hint = kind === 'published' ? /publish|posted|created|date|time|meta|byline/ : /updat|modif/;
  // Class names in any case: `displayDate`, `publishedTime`, `PostDate` are date elements as much as `entry-date`.
  const candidates = select($, 'time, [data-timestamp], [class*="date" i], [class*="time" i], [class*="publish" i], [class*="updated" i]')
    .filter((element) => element.name === 'time' || hint.test(hintString(element)) || !!attr(element, 'data-timestamp'))
    .filter((element) => datesKind(hintString(element) + ' ' + attr(element, 'itemprop').toLowerCase(), kind))
    .filter((element) => !isOtherItemDate(element, drops));
  // Machine-readable dates first: a wrapper whose visible text holds a date (often without its time) comes
  // before the <time datetime> inside it in document order, and must not win over it.
  const nearest = candidates.slice(0, MAX_DATE_CANDIDATES);
  for (const element of nearest) {
    const date = readMachineDate(element);
    if (date) return date;
  }
  for (const element of nearest) {
    const date = readElementDate(element);
    if (date) return date;
  }
  return null;
}

/**
 * Whether a date element's class and itemprop name a date of this kind. WordPress themes mark a post never edited
 * `entry-date published updated` (its one date is both): that is its publication date too.
 */
function datesKind(says: string, kind: 'published' | 'modified'): boolean {
  const modified = /updat|modif/.test(says);
  return kind === 'modified' ? modified : !modified || /publish/.test(says);
}

function pageBreadcrumbs($: PageIndex): string[] {
  const trail = select($, '[class*="breadcrumb"], [id*="breadcrumb"], [aria-label*="readcrumb"]')[0];
  if (!trail) return [];
  return listItemTexts(trail, ['li', 'a', 'span', 'p']).filter((text) => !/^(?:home|startseite|accueil|inicio|start)$/i.test(text));
}

function pageTopics($: PageIndex, data: StructuredData): string[] {
  const list = select($, '[class*="tags-list"], [class*="tag-list"], [class*="taglist"], [class*="tags"], [class*="keywords"], [class*="schlagworte"]').find(
    (element) => element.name !== 'body',
  );
  const fromList = list ? listItemTexts(list, ['li', 'a']) : [];
  if (fromList.length > 0) return fromList;
  const relTags = uniqueLabels(select($, 'a[rel~="tag"]').map((element) => textOf(element)));
  if (relTags.length > 0) return relTags;
  const metaTags = [...data.meta].filter(([key]) => key === 'article:tag').map(([, value]) => value);
  return uniqueLabels(
    data.keywords.length > 0 ? data.keywords : metaTags.length > 0 ? metaTags : (metaValue(data, 'news_keywords', 'keywords') ?? '').split(','),
  );
}

/** Lead image from structured data, OpenGraph, or the first figure with its caption and credit. */
export function pageImage($: PageIndex, data: StructuredData): PageMetadata['image'] {
  const within = (root: Element | undefined, match: (element: Element) => boolean): Element | undefined => (root ? findElements(root, match)[0] : undefined);
  const figure = select($, 'figure').find((element) => within(element, (child) => child.name === 'img'));
  const img = within(figure, (child) => child.name === 'img');
  const captionElement = within(figure, (child) => child.name === 'figcaption' || /caption/.test(hintString(child)));
  const creditElement = within(figure, (child) => /credit|copyright/.test(hintString(child)));
  const credit = creditElement ? textOf(creditElement) || null : null;
  const url = data.image ?? metaValue(data, 'og:image', 'twitter:image') ?? (img ? attr(img, 'src') || attr(img, 'data-src') : null);
  const caption = captionElement ? cleanCaption(textOf(captionElement), credit) : null;
  return url || caption ? { url: url || null, caption, credit } : null;
}

function pageLanguage($: PageIndex, data: StructuredData): string | null {
  const declared = select($, 'html[lang], body[lang], article[lang], main[lang]')[0];
  const value = (declared ? attr(declared, 'lang') : '') || data.language || metaValue(data, 'og:locale', 'content-language', 'language');
  return value ? value.replace('_', '-').split('-')[0]?.toLowerCase() || null : null;
}
