import type { Element } from 'domhandler';
import { cleanAuthors } from '../metadata/cleanAuthors.js';
import { isSiteNameHeading } from '../metadata/isSiteNameHeading.js';
import { attr, type PageIndex, selectElements, selectorAlternatives, textOf } from '../../html/index.js';
import { listItemTexts } from '../metadata/listItemTexts.js';
import type { PageMetadata } from '../metadata/pageMetadata.js';
import { readElementDate } from '../metadata/readElementDate.js';
import { cleanCaption } from '../metadata/cleanCaption.js';
import type { SiteProfile } from './siteProfiles.js';
import type { DropReason } from '../dropReasons.js';

/** What a profile's selectors found: metadata plus the body container(s) and the elements to drop. */
export interface ProfileFields {
  metadata: Partial<PageMetadata>;
  body: Element[];
  drops: Map<Element, DropReason>;
}

function all($: PageIndex, selector: string | undefined): Element[] {
  return selector ? selectElements($, selector) : [];
}

/**
 * The first element of the first alternative of a selector list that matches anything: a profile lists its
 * selectors from the most specific to the fallback (`h1.c-article-title, h1`), so the fallback must not win by
 * coming first in the page (a block theme's site-title `<h1>` above the article).
 */
function first($: PageIndex, selector: string | undefined, accept: (element: Element) => boolean = () => true): Element | undefined {
  if (!selector) return undefined;
  for (const alternative of selectorAlternatives(selector)) for (const element of selectElements($, alternative)) if (accept(element)) return element;
  return undefined;
}

/** The first date any element matching `selector` carries (elements in document order). */
function firstDate($: PageIndex, selector: string | undefined): string | null {
  for (const element of all($, selector)) {
    const date = readElementDate(element);
    if (date) return date;
  }
  return null;
}

/** Applies a profile's selectors; missing elements simply leave fields empty. */
export function readProfileFields($: PageIndex, profile: SiteProfile): ProfileFields {
  const sectionBox = first($, profile.section);
  const topicBox = first($, profile.topics);
  const itemTags = (selector: string | undefined): string[] => (selector ?? 'li').split(',').map((tag) => tag.trim());
  const title = first($, profile.title, (element) => !isSiteNameHeading(element));
  const summary = first($, profile.summary);
  const metadata: Partial<PageMetadata> = {
    title: title ? textOf(title) || null : null,
    summary: summary ? textOf(summary) || null : null,
    authors: cleanAuthors(all($, profile.authors).map((element) => textOf(element))),
    published_at: firstDate($, profile.published),
    modified_at: firstDate($, profile.modified),
    section: sectionBox ? listItemTexts(sectionBox, itemTags(profile.sectionItems)) : [],
    topics: topicBox ? listItemTexts(topicBox, itemTags(profile.topicItems)) : [],
    image: profileImage($, profile),
  };
  const drops = new Map<Element, DropReason>();
  for (const [selector, reason] of Object.entries(profile.drop ?? {})) for (const element of all($, selector)) drops.set(element, reason);
  return { metadata, body: all($, profile.body), drops };
}

function profileImage($: PageIndex, profile: SiteProfile): PageMetadata['image'] {
  const hero = first($, profile.heroImage);
  const caption = first($, profile.caption);
  const credit = first($, profile.credit);
  const creditText = credit ? textOf(credit) || null : null;
  const captionText = caption ? cleanCaption(textOf(caption), creditText) : null;
  const url = hero ? attr(hero, 'src') || attr(hero, 'data-src') || null : null;
  if (!url && !captionText && !creditText) return null;
  return { url, caption: captionText || (hero ? attr(hero, 'alt') || null : null), credit: creditText };
}
