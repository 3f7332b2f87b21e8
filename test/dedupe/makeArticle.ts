import type { BodyBlock, ExtractedArticle, Teaser } from '../../src/article.js';
import { renderBody } from '../../src/article.js';
import { fingerprintText } from '../../src/fingerprintText.js';

/** What a test says about an article; everything else gets a plain default. */
export interface ArticleSpec {
  site?: string;
  id?: number;
  date_gmt?: string | null;
  modified_gmt?: string | null;
  source_url?: string | null;
  link?: string;
  title?: string;
  paragraphs?: string[];
  teasers?: Teaser[];
}

/** A body block of a paragraph, fingerprinted as the extractor does. */
export function makeBlock(text: string, tag = 'p'): BodyBlock {
  return { tag, text, html: `<${tag}>${text}</${tag}>`, fingerprint: fingerprintText(text) };
}

/** A teaser with the given key, slot `latest`. */
export function makeTeaser(key: string, title = `Teaser ${key}`): Teaser {
  return { key, slot: 'latest', title, url: null, image_url: null };
}

/** A small, consistent ExtractedArticle (body fields rendered from its blocks). */
export function makeArticle(spec: ArticleSpec = {}): ExtractedArticle {
  const site = spec.site ?? 'https://aggregator.example';
  const id = spec.id ?? 1;
  const blocks = (spec.paragraphs ?? ['A single paragraph of body text for the test article.']).map((text) => makeBlock(text));
  return {
    wp: {
      site,
      id,
      link: spec.link ?? `${site}/?p=${id}`,
      slug: `post-${id}`,
      date_gmt: spec.date_gmt === undefined ? '2026-05-05T13:25:43' : spec.date_gmt,
      modified_gmt: spec.modified_gmt === undefined ? null : spec.modified_gmt,
      categories: [],
      tags: [],
    },
    source_url: spec.source_url === undefined ? `https://news.example/story-${id}` : spec.source_url,
    title: spec.title ?? `Story ${id}`,
    summary: null,
    authors: [],
    published_at: null,
    section: [],
    topics: [],
    image: null,
    related: [],
    teasers: spec.teasers ?? [],
    modified_at: null,
    language: 'en',
    blocks,
    removed: [],
    profile: 'generic',
    ...renderBody(blocks),
  };
}
