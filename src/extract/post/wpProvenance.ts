import type { WpProvenance } from '../../article.js';
import type { TermNames, WpPost } from '../../wpPost.js';
import { decodeHtmlText } from '../../html/index.js';
import type { PostFields } from './readPost.js';

type TermTaxonomy = 'category' | 'post_tag';

/** Names from `_embedded['wp:term']` for one taxonomy, when the post was fetched with `_embed`. */
function embeddedTerms(post: WpPost, taxonomy: TermTaxonomy): string[] {
  const groups = (post as { _embedded?: { 'wp:term'?: unknown } })._embedded?.['wp:term'];
  if (!Array.isArray(groups)) return [];
  const names: string[] = [];
  for (const group of groups) {
    if (!Array.isArray(group)) continue;
    for (const term of group) {
      if (term && typeof term === 'object' && term.taxonomy === taxonomy && typeof term.name === 'string') names.push(decodeHtmlText(term.name));
    }
  }
  return names;
}

/** Slugs from `class_list` (`category-international` -> `international`), the last resort. */
function classListTerms(post: WpPost, prefix: 'category-' | 'tag-'): string[] {
  const raw = post.class_list;
  const classes = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? Object.values(raw) : [];
  return classes.filter((name): name is string => typeof name === 'string' && name.startsWith(prefix)).map((name) => name.slice(prefix.length));
}

function resolve(idList: number[], names: ReadonlyMap<number, string> | undefined): string[] {
  if (!names) return [];
  const out = idList.map((id) => names.get(id)).filter((name): name is string => typeof name === 'string');
  return out.length === idList.length ? out : [];
}

/** The `wp` block: where the article came from, with term names from context, `_embed`, or class_list. */
export function wpProvenance(post: WpPost, fields: PostFields, context: { site: string; terms?: Partial<TermNames> }): WpProvenance {
  const pick = (ids: number[], names: ReadonlyMap<number, string> | undefined, taxonomy: TermTaxonomy, prefix: 'category-' | 'tag-'): string[] => {
    const fromContext = ids.length > 0 ? resolve(ids, names) : [];
    if (fromContext.length > 0) return fromContext;
    const embedded = embeddedTerms(post, taxonomy);
    return embedded.length > 0 ? embedded : classListTerms(post, prefix);
  };
  return {
    site: typeof context.site === 'string' ? context.site : '',
    id: fields.id,
    link: fields.link,
    slug: fields.slug,
    date_gmt: fields.date_gmt,
    modified_gmt: fields.modified_gmt,
    categories: pick(fields.categories, context.terms?.categories, 'category', 'category-'),
    tags: pick(fields.tags, context.terms?.tags, 'post_tag', 'tag-'),
  };
}
