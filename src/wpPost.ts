/** A WordPress REST `/wp/v2/posts` object, as much of it as wpingest reads. Unknown fields are kept. */
export interface WpPost {
  id: number;
  date?: string | null;
  date_gmt?: string | null;
  modified?: string | null;
  modified_gmt?: string | null;
  slug?: string;
  status?: string;
  type?: string;
  link?: string;
  title?: { rendered?: string } | string;
  content?: { rendered?: string; protected?: boolean } | string;
  excerpt?: { rendered?: string } | string;
  author?: number;
  categories?: number[];
  tags?: number[];
  class_list?: string[] | Record<string, string>;
  _embedded?: {
    author?: Array<{ id?: number; name?: string }>;
    'wp:term'?: Array<Array<{ id?: number; name?: string; taxonomy?: string }>>;
  };
  [key: string]: unknown;
}

/** Names of the taxonomy terms and authors a post refers to, resolved by the caller (cache or `_embed`). */
export interface TermNames {
  /** category id -> name */
  categories: ReadonlyMap<number, string>;
  /** tag id -> name */
  tags: ReadonlyMap<number, string>;
  /** user id -> display name */
  authors: ReadonlyMap<number, string>;
}

export const EMPTY_TERM_NAMES: TermNames = {
  categories: new Map(),
  tags: new Map(),
  authors: new Map(),
};

/** Reads `x.rendered` or a bare string, the two shapes WordPress uses for rendered fields. */
export function renderedField(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'rendered' in value) {
    const rendered = (value as { rendered?: unknown }).rendered;
    return typeof rendered === 'string' ? rendered : '';
  }
  return '';
}
