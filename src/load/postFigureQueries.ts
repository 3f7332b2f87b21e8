import type { Query } from '../db/query.js';

/**
 * Named queries of `post_figures`: one row per post with the figures behind `status` and the teasers the post
 * showed (`teaser_ids`), which keep `teasers.times_seen` exact: a post's teasers are counted by the difference
 * between what its row held and what it holds now, under the row's lock.
 */

/** A teaser a post showed: its id, and the slot and position (index among the post's teasers) it was first shown in. */
export interface ShownTeaser {
  id: number;
  slot: string;
  position: number;
}

/** One post's figures and the teasers it showed, each once, in the order it showed them. */
export interface PostFigures {
  siteId: number;
  wpId: number;
  teaserOccurrences: number;
  removedBytes: number;
  contentBytes: number;
  teasers: readonly ShownTeaser[];
}

const UNNEST_FIGURES = `unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[])
       AS u(site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes, teaser_ids, teaser_slots, teaser_positions)`;

/** The row's columns from `UNNEST_FIGURES`, in the table's order. */
const FIGURE_VALUES = `u.site_id, u.wp_id, u.teaser_occurrences, u.removed_bytes, u.content_bytes,
       u.teaser_ids::bigint[], u.teaser_slots::text[], u.teaser_positions::int[]`;

function figureValues(posts: readonly PostFigures[]): unknown[] {
  return [
    posts.map((p) => p.siteId),
    posts.map((p) => p.wpId),
    posts.map((p) => p.teaserOccurrences),
    posts.map((p) => p.removedBytes),
    posts.map((p) => p.contentBytes),
    // Arrays of arrays cannot be ragged in Postgres: each post's teasers travel as array literals.
    posts.map((p) => `{${p.teasers.map((t) => t.id).join(',')}}`),
    posts.map((p) => `{${p.teasers.map((t) => quoted(t.slot)).join(',')}}`),
    posts.map((p) => `{${p.teasers.map((t) => t.position).join(',')}}`),
  ];
}

/** An element of a Postgres array literal: double-quoted, its backslashes and quotes escaped. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Inserts the rows of posts seen for the first time; returns those inserted (rows `{ site_id, wp_id }`). */
export const insertNewPostFigures = (posts: readonly PostFigures[]): Query => ({
  text: `INSERT INTO post_figures (site_id, wp_id, teaser_occurrences, removed_bytes, content_bytes, teaser_ids, teaser_slots, teaser_positions)
     SELECT ${FIGURE_VALUES} FROM ${UNNEST_FIGURES}
     ON CONFLICT (site_id, wp_id) DO NOTHING RETURNING site_id, wp_id`,
  values: figureValues(posts),
});

/**
 * Locks the stored rows of the posts (in key order) and returns the teaser ids each holds (rows
 * `{ site_id, wp_id, teaser_ids }`): the latest committed ones, as a row lock waits for its holder to finish.
 */
export const lockPostTeaserIds = (siteIds: readonly number[], wpIds: readonly number[]): Query => ({
  text: `SELECT f.site_id, f.wp_id, f.teaser_ids FROM post_figures f JOIN unnest($1::bigint[], $2::bigint[]) AS u(site_id, wp_id)
       ON f.site_id = u.site_id AND f.wp_id = u.wp_id ORDER BY f.site_id, f.wp_id FOR UPDATE OF f`,
  values: [siteIds, wpIds],
});

/** Rewrites stored rows (locked by `lockPostTeaserIds`) whose figures or teasers changed. */
export const updatePostFigures = (posts: readonly PostFigures[]): Query => ({
  text: `UPDATE post_figures f SET teaser_occurrences = v.teaser_occurrences, removed_bytes = v.removed_bytes, content_bytes = v.content_bytes,
       teaser_ids = v.teaser_ids, teaser_slots = v.teaser_slots, teaser_positions = v.teaser_positions
     FROM (SELECT ${FIGURE_VALUES} FROM ${UNNEST_FIGURES}) AS v
     WHERE f.site_id = v.site_id AND f.wp_id = v.wp_id
       AND (f.teaser_occurrences, f.removed_bytes, f.content_bytes, f.teaser_ids, f.teaser_slots, f.teaser_positions) IS DISTINCT FROM
           (v.teaser_occurrences, v.removed_bytes, v.content_bytes, v.teaser_ids, v.teaser_slots, v.teaser_positions)`,
  values: figureValues(posts),
});

/** Adds a delta (positive or negative) to each teaser's `times_seen`; ids in ascending order (one lock order). */
export const addTimesSeen = (teaserIds: readonly number[], deltas: readonly number[]): Query => ({
  text: `UPDATE teasers t SET times_seen = t.times_seen + u.delta FROM unnest($1::bigint[], $2::int[]) AS u(id, delta) WHERE t.id = u.id`,
  values: [teaserIds, deltas],
});
