import type { PostKind } from './planSite.js';

/** Teaser keys per slot, in display order (sidebar copies of latest stories are not repeated). */
export interface TruthTeaserSlots {
  latest: string[];
  top: string[];
  'most-read': string[];
  'read-more': string[];
  related: string[];
}

/** Ground truth of one post, one JSON line of the truth file. */
export interface FixtureTruth {
  id: number;
  kind: PostKind;
  /** the original article URL (`[analyse_source]`); the post link for ordinary posts */
  source_url: string;
  /** decoded headline as on the page */
  title: string;
  /** decoded WordPress post title */
  wp_title: string;
  /** byline name on the page; `admin` for ordinary posts */
  author: string;
  /** ISO 8601 UTC with whole seconds (`2026-05-05T13:25:43Z`) */
  published_at: string;
  summary: string | null;
  /** breadcrumbs, outermost first */
  section: string[];
  /** the page's own topic tags */
  topics: string[];
  image: { url: string; caption: string; credit: string | null } | null;
  /** decoded text of each body paragraph, in order */
  paragraphs: string[];
  subheads: string[];
  /** every teaser shown, each once: `nid:<n>` or `text:<fingerprintText(title)>` */
  teaser_keys: string[];
  teasers_by_slot: TruthTeaserSlots;
  related_titles: string[];
  /** wp id of the original for duplicates */
  duplicate_of: number | null;
  categories: string[];
  tags: string[];
  /** as in REST `modified_gmt` (`YYYY-MM-DDTHH:MM:SS`, UTC) */
  modified_gmt: string;
  /** decoded texts of the unknown template's repeated blocks (menu, most popular, newsletter, footer) */
  template_blocks: string[];
}

/** A teaser of the pool as the truth describes it. */
export interface PoolTeaser {
  key: string;
  text_key: string;
  nid: number;
  cid: number;
  title: string;
  label: string;
  url: string;
  /** the 189x106 image of "latest stories" (top stories use the same path with 320x180) */
  image_url: string;
}

/** Empty slot lists, for posts without teasers. */
export function emptySlots(): TruthTeaserSlots {
  return { latest: [], top: [], 'most-read': [], 'read-more': [], related: [] };
}
