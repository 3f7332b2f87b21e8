import type { TermNames, WpPost } from '../../wpPost.js';
import { decodeHtmlText } from '../../html/index.js';
import type { PageMetadata } from '../metadata/pageMetadata.js';
import { parseDate } from '../metadata/parseDate.js';
import type { PostFields } from './readPost.js';

/** WP writes GMT dates without a zone; they are UTC. */
function gmtDate(value: string | null): string | null {
  if (!value) return null;
  return parseDate(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) ? value : `${value}Z`);
}

function embeddedAuthor(post: WpPost): string | null {
  const authors = (post as { _embedded?: { author?: unknown } })._embedded?.author;
  if (!Array.isArray(authors)) return null;
  const first = authors.find((author) => author && typeof author === 'object' && typeof author.name === 'string');
  return first ? (first.name as string) : null;
}

function featuredImage(post: WpPost): string | null {
  const jetpack = post.jetpack_featured_media_url;
  if (typeof jetpack === 'string' && jetpack) return jetpack;
  const media = (post as { _embedded?: Record<string, unknown> })._embedded?.['wp:featuredmedia'];
  const first = Array.isArray(media) ? media[0] : null;
  return first && typeof first === 'object' && typeof (first as { source_url?: unknown }).source_url === 'string' ? ((first as { source_url: string }).source_url) : null;
}

/** Auto-generated excerpts end in "[…]" or "Continue reading"; they repeat the body and are no summary. */
function summaryFrom(excerpt: string): string | null {
  const text = decodeHtmlText(excerpt);
  if (!text || /(?:\[(?:…|&hellip;|\.\.\.)\]|…|continue reading.*|read more.*)$/i.test(text)) return null;
  return text;
}

/** Metadata the WordPress post itself carries: the fallback for every page field, and all of an ordinary post's. */
export function wordpressMetadata(post: WpPost, fields: PostFields, terms: Partial<TermNames> | undefined, tags: string[], ordinaryPost: boolean): PageMetadata {
  const author = (fields.author !== null ? terms?.authors?.get(fields.author) : undefined) ?? embeddedAuthor(post);
  return {
    title: decodeHtmlText(fields.title) || null,
    // An aggregator's excerpt is the start of the scraped page (teasers), never a summary.
    summary: ordinaryPost ? summaryFrom(fields.excerpt) : null,
    authors: author ? [author] : [],
    published_at: gmtDate(fields.date_gmt),
    modified_at: gmtDate(fields.modified_gmt),
    section: [],
    topics: tags,
    image: featuredImage(post) ? { url: featuredImage(post), caption: null, credit: null } : null,
    language: null,
    source_url: fields.link || null,
  };
}
