import { execute, queryAll } from '../../db/query.js';
import { PermanentError } from '../../errors.js';
import { fetchTermNames, type TermTaxonomy } from '../../fetch/fetchTermNames.js';
import type { WpPost } from '../../wpPost.js';
import type { AppContext } from '../context.js';
import { knownTermIds, upsertTerms } from './termQueries.js';

/**
 * Resolves the category, tag and author ids that posts refer to and the site's cache does not know yet.
 * A site that hides its users (401/403) leaves authors unnamed rather than failing the page.
 */
export async function refreshTerms(
  ctx: Pick<AppContext, 'pool' | 'http' | 'log'>,
  siteId: number,
  apiRoot: string,
  posts: ReadonlyArray<Pick<WpPost, 'categories' | 'tags' | 'author'>>,
  signal?: AbortSignal,
): Promise<void> {
  const wanted: Record<TermTaxonomy, Set<number>> = { category: new Set(), post_tag: new Set(), user: new Set() };
  for (const post of posts) {
    for (const id of Array.isArray(post.categories) ? post.categories : []) if (Number.isInteger(id)) wanted.category.add(id);
    for (const id of Array.isArray(post.tags) ? post.tags : []) if (Number.isInteger(id)) wanted.post_tag.add(id);
    if (Number.isInteger(post.author)) wanted.user.add(post.author as number);
  }
  const known = await queryAll<{ taxonomy: TermTaxonomy; term_id: number }>(ctx.pool, knownTermIds(siteId));
  for (const row of known) wanted[row.taxonomy]?.delete(row.term_id);
  for (const taxonomy of Object.keys(wanted) as TermTaxonomy[]) {
    const ids = [...wanted[taxonomy]].sort((a, b) => a - b);
    if (ids.length === 0) continue;
    let names: Map<number, string>;
    try {
      names = await fetchTermNames(ctx.http, apiRoot, taxonomy, ids, signal);
    } catch (error) {
      if (!(error instanceof PermanentError)) throw error;
      ctx.log.warn({ siteId, taxonomy, reason: error.reason }, 'cannot resolve names');
      continue;
    }
    if (names.size === 0) continue;
    await execute(ctx.pool, upsertTerms(siteId, taxonomy, names));
  }
}
