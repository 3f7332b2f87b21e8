import type { ArticleImage } from '../../article.js';

/** Article fields read from the page (profile or generic), before the WordPress fallbacks are applied. */
export interface PageMetadata {
  title: string | null;
  summary: string | null;
  authors: string[];
  published_at: string | null;
  modified_at: string | null;
  section: string[];
  topics: string[];
  image: { url: string | null; caption: string | null; credit: string | null } | null;
  language: string | null;
  source_url: string | null;
}

export const EMPTY_METADATA: PageMetadata = {
  title: null, summary: null, authors: [], published_at: null, modified_at: null, section: [], topics: [],
  image: null, language: null, source_url: null,
};

/** Field-wise merge: the first source with a non-empty value wins. */
export function mergeMetadata(...sources: ReadonlyArray<Partial<PageMetadata>>): PageMetadata {
  const merged: PageMetadata = { ...EMPTY_METADATA };
  for (const key of Object.keys(EMPTY_METADATA) as Array<keyof PageMetadata>) {
    for (const source of sources) {
      const value = source[key];
      if (value === null || value === undefined || (Array.isArray(value) && value.length === 0) || value === '') continue;
      (merged as unknown as Record<string, unknown>)[key] = value;
      break;
    }
  }
  return merged;
}

/** Joins the image parts: a URL from one source may take its caption from another (same hero image). */
export function finishImage(parts: ReadonlyArray<PageMetadata['image']>): ArticleImage | null {
  const url = parts.find((part) => part?.url)?.url ?? null;
  if (!url) return null;
  return {
    url,
    caption: parts.find((part) => part?.caption)?.caption ?? null,
    credit: parts.find((part) => part?.credit)?.credit ?? null,
  };
}
