import { checkProfile } from './checkProfile.js';
import type { DropReason } from '../dropReasons.js';

/**
 * Selectors for known page templates. A profile is data: adding a site is adding an entry here.
 * Every selector is optional except `body`; a profile whose body comes out empty or implausible is ignored
 * and the generic extractor runs instead.
 */
export interface SiteProfile {
  /** Reported in `ExtractedArticle.profile`. */
  name: string;
  /** Source hosts (suffix match) that use the template. */
  hosts: readonly string[];
  /** A selector present only on pages of this template, to recognise copies whose source is unknown. */
  marker: string;
  /** The article text container(s). */
  body: string;
  title?: string;
  summary?: string;
  authors?: string;
  /** Element carrying the publication time in `datetime`, `data-timestamp`, `content` or its text. */
  published?: string;
  modified?: string;
  /** Breadcrumb container and its items, outermost first. */
  section?: string;
  sectionItems?: string;
  /** Topic tag list and its items. */
  topics?: string;
  topicItems?: string;
  heroImage?: string;
  caption?: string;
  credit?: string;
  /** Elements inside the body to drop, with the reason recorded. */
  drop?: Readonly<Record<string, DropReason>>;
}

/** Checked when this module loads: a selector that does not compile fails at start-up (see `checkProfile`). */
export const SITE_PROFILES: readonly SiteProfile[] = (
  [
    {
      name: 'euronews',
      hosts: ['euronews.com'],
      marker: '.c-article-content, .o-article-newsy',
      body: '.c-article-content',
      title: 'h1.c-article-redesign-title, h1',
      summary: '.c-article-summary',
      authors: '.c-article-contributors',
      published: '.c-article-publication-date time[datetime], time[datetime], [data-timestamp]',
      modified: '.c-article-update-date time[datetime]',
      section: '.c-article-breadcrumbs',
      sectionItems: 'li, a, p',
      topics: '.c-tags-list',
      topicItems: 'li',
      heroImage: '.c-article-image-video img, .c-article-media__img',
      caption: '.c-article-caption__text',
      credit: '.c-article-caption__credit',
      drop: { '.c-ad, .c-ad-wrapper': 'ad', '.c-widget-related': 'related-box', '.c-article-partage-commentaire': 'share' },
    },
  ] satisfies SiteProfile[]
).map(checkProfile);
