import type { Query } from '../../db/query.js';
import type { TermTaxonomy } from '../../fetch/fetchTermNames.js';

/** Named queries over a site's cached category, tag and author names (`terms`). */

/** A row of `siteTerms`. */
export interface TermRow {
  taxonomy: TermTaxonomy;
  term_id: number;
  name: string;
}

/** Every cached name of the site. */
export const siteTerms = (siteId: number): Query => ({
  text: 'SELECT taxonomy, term_id, name FROM terms WHERE site_id = $1',
  values: [siteId],
});

/** The ids the site's cache knows (rows `{ taxonomy, term_id }`). */
export const knownTermIds = (siteId: number): Query => ({
  text: 'SELECT taxonomy, term_id FROM terms WHERE site_id = $1',
  values: [siteId],
});

/** Stores names of one taxonomy, replacing a changed one. */
export const upsertTerms = (siteId: number, taxonomy: TermTaxonomy, names: ReadonlyMap<number, string>): Query => ({
  text: `INSERT INTO terms (site_id, taxonomy, term_id, name) SELECT $1, $2, * FROM unnest($3::bigint[], $4::text[])
       ON CONFLICT (site_id, taxonomy, term_id) DO UPDATE SET name = EXCLUDED.name WHERE terms.name <> EXCLUDED.name`,
  values: [siteId, taxonomy, [...names.keys()], [...names.values()]],
});
