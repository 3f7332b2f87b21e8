import { createRng } from './createRng.js';
import type { Teaser } from './buildTeaserPool.js';

/** Posts between moves of the "latest stories" window. */
export const LATEST_WINDOW_STEP_POSTS = 8;
/** Posts between changes of the "most read" list. */
export const MOST_READ_STEP_POSTS = 24;
const LATEST_COUNT = 4;
const TOP_COUNT = 5;
const MOST_READ_COUNT = 5;
const READ_MORE_COUNT = 3;
const RELATED_COUNT = 2;
const TOP_SPREAD = 4;
const MOST_READ_AGE_MIN = 6;
const MOST_READ_AGE_MAX = 22;

/** The teasers a page shows, per slot, in display order. */
export interface TeaserSlots {
  latest: Teaser[];
  top: Teaser[];
  mostRead: Teaser[];
  readMore: Teaser[];
  related: Teaser[];
}

const at = (pool: readonly Teaser[], index: number): Teaser => pool[((index % pool.length) + pool.length) % pool.length] as Teaser;

/** Picks the teasers of the page at sequence position `position` (neighbouring positions share most). */
export function pickTeasers(pool: readonly Teaser[], seed: string | number, position: number): TeaserSlots {
  const windowIndex = Math.floor(position / LATEST_WINDOW_STEP_POSTS);
  const base = windowIndex % pool.length;
  const latest = Array.from({ length: LATEST_COUNT }, (_, k) => at(pool, base + LATEST_COUNT - 1 - k));

  const topRng = createRng(seed, 'top', windowIndex);
  const around = Array.from({ length: 2 * TOP_SPREAD + LATEST_COUNT }, (_, k) => base - TOP_SPREAD + k);
  const top = topRng
    .sample(around, TOP_COUNT)
    .sort((a, b) => b - a)
    .map((k) => at(pool, k));

  const readIndex = Math.floor(position / MOST_READ_STEP_POSTS);
  const readBase = (readIndex * (MOST_READ_STEP_POSTS / LATEST_WINDOW_STEP_POSTS)) % pool.length;
  const older = Array.from({ length: MOST_READ_AGE_MAX - MOST_READ_AGE_MIN }, (_, k) => readBase - MOST_READ_AGE_MIN - k);
  const mostRead = createRng(seed, 'most-read', readIndex)
    .sample(older, MOST_READ_COUNT)
    .map((k) => at(pool, k));

  const shown = new Set([...latest, ...top, ...mostRead]);
  const rest = pool.filter((t) => !shown.has(t));
  const picks = createRng(seed, 'read-more', position).sample(rest, READ_MORE_COUNT + RELATED_COUNT);
  return {
    latest,
    top,
    mostRead,
    readMore: picks.slice(0, READ_MORE_COUNT),
    related: picks.slice(READ_MORE_COUNT),
  };
}
