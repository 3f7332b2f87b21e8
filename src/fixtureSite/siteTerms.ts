/** Categories, tags and users of the fixture site (ids are fixed; counts are computed from the plan). */

/** A taxonomy term as the fixture defines it. */
export interface SiteTerm {
  id: number;
  name: string;
  slug: string;
  taxonomy: 'category' | 'post_tag';
}

const term = (id: number, name: string, slug: string, taxonomy: SiteTerm['taxonomy']): SiteTerm => ({ id, name, slug, taxonomy });

export const CATEGORY = {
  uncategorized: term(1, 'Uncategorized', 'uncategorized', 'category'),
  international: term(2, 'International', 'international', 'category'),
  europe: term(3, 'Europe', 'europe', 'category'),
  business: term(4, 'Business', 'business', 'category'),
  culture: term(5, 'Culture', 'culture', 'category'),
  health: term(6, 'Health', 'health', 'category'),
  siteNews: term(7, 'Site news', 'site-news', 'category'),
} as const;

export const CATEGORIES: readonly SiteTerm[] = Object.values(CATEGORY);
/** Categories a scraped post can get (not Uncategorized or Site news). */
export const NEWS_CATEGORIES: readonly SiteTerm[] = CATEGORIES.filter((c) => c.id >= 2 && c.id <= 6);

export const TAG = {
  crawlmanager: term(8, 'crawlmanager', 'crawlmanager', 'post_tag'),
  euronews: term(9, 'euronews.com', 'euronews-com', 'post_tag'),
  exampleNews: term(10, 'example-news.test', 'example-news-test', 'post_tag'),
  breaking: term(11, 'Breaking', 'breaking', 'post_tag'),
  announcement: term(12, 'Announcement', 'announcement', 'post_tag'),
  archive: term(13, 'Archive', 'archive', 'post_tag'),
} as const;

const TOPIC_TAG_NAMES = ['Energy', 'Economy', 'Security', 'Migration', 'Climate', 'Health', 'Technology', 'EU politics', 'Culture'];
export const TOPIC_TAGS: readonly SiteTerm[] = TOPIC_TAG_NAMES.map((name, k) => term(14 + k, name, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'), 'post_tag'));

export const TAGS: readonly SiteTerm[] = [...Object.values(TAG), ...TOPIC_TAGS];

const BY_ID = new Map<number, SiteTerm>([...CATEGORIES, ...TAGS].map((t) => [t.id, t]));

/** The term with id `id` (categories and tags share one id space, as in WordPress). */
export function termById(id: number): SiteTerm {
  const t = BY_ID.get(id);
  if (!t) throw new Error(`unknown term id ${id}`);
  return t;
}

/** The site's only user, author of every post. */
export const ADMIN_USER = { id: 1, name: 'admin', slug: 'admin' } as const;
