import { renderedField, type WpPost } from '../../wpPost.js';

/** The WP post fields extraction reads, each checked for type: a post from the wild may have any shape. */
export interface PostFields {
  id: number;
  link: string;
  slug: string;
  title: string;
  content: string;
  excerpt: string;
  date_gmt: string | null;
  modified_gmt: string | null;
  author: number | null;
  categories: number[];
  tags: number[];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function ids(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number' && Number.isFinite(id)) : [];
}

/**
 * Reads a post defensively: wrong types become empty values, never exceptions. Text is put in Unicode NFC, so
 * an article reads and matches the same whichever composed or decomposed form its page used (a Bengali "য়",
 * a decomposed German "ä").
 */
export function readPost(post: WpPost | null | undefined): PostFields {
  const source = (post && typeof post === 'object' ? post : {}) as Record<string, unknown>;
  const date = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);
  return {
    id: typeof source.id === 'number' && Number.isFinite(source.id) ? source.id : 0,
    link: stringOr(source.link, ''),
    slug: stringOr(source.slug, ''),
    title: renderedField(source.title).normalize('NFC'),
    content: renderedField(source.content).normalize('NFC'),
    excerpt: renderedField(source.excerpt).normalize('NFC'),
    date_gmt: date(source.date_gmt),
    modified_gmt: date(source.modified_gmt),
    author: typeof source.author === 'number' ? source.author : null,
    categories: ids(source.categories),
    tags: ids(source.tags),
  };
}
