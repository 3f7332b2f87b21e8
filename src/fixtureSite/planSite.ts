import { createRng } from './createRng.js';
import type { Rng } from './createRng.js';
import { TOPICS } from './newsVocabulary.js';
import { CATEGORY, NEWS_CATEGORIES, TAG, TOPIC_TAGS } from './siteTerms.js';
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './wpDates.js';

/** Kinds of post, by their index in POST_KINDS. */
export const POST_KINDS = ['scraped', 'duplicate', 'ordinary', 'unknown-template'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** Shares of N per kind; the rest are scraped. */
export const DUPLICATE_SHARE = 0.05;
export const ORDINARY_SHARE = 0.02;
export const UNKNOWN_TEMPLATE_SHARE = 0.05;
/** Dates spread over this many days before `now`. */
export const DATE_SPAN_DAYS = 90;
const FIRST_POST_ID = 1001;
const ID_GAP_SHARE = 0.15;
const MODIFIED_SHARE = 0.1;
const DUPLICATE_MIN_AGE_MS = 2 * HOUR_MS;
const DUPLICATE_MAX_AGE_MS = 6 * DAY_MS;
const SECOND_CATEGORY_SHARE = 0.1;
const TOPIC_TAG_SHARE = 0.35;
const BREAKING_SHARE = 0.08;
const TOPIC_TAG_BY_NAME = new Map(TOPIC_TAGS.map((t) => [t.name, t.id]));
const CATEGORY_BY_NAME = new Map(NEWS_CATEGORIES.map((c) => [c.name, c.id]));

/** Compact per-post facts for the whole site (typed arrays; the posts themselves are built on demand). */
export interface SitePlan {
  count: number;
  kinds: Uint8Array;
  ids: Int32Array;
  dateMs: Float64Array;
  /** publication slot of the post itself (differs from dateMs for duplicates) */
  slotMs: Float64Array;
  modifiedMs: Float64Array;
  /** index of the original for duplicates, else -1 */
  duplicateOf: Int32Array;
  topics: Uint8Array;
  categories: number[][];
  tags: number[][];
}

function assignKinds(seed: string | number, count: number): Uint8Array {
  const kinds = new Uint8Array(count);
  const order = createRng(seed, 'kinds').sample(
    Array.from({ length: Math.max(0, count - 1) }, (_, k) => k + 1),
    count,
  );
  const dup = Math.round(count * DUPLICATE_SHARE);
  const ord = Math.round(count * ORDINARY_SHARE);
  const unk = Math.round(count * UNKNOWN_TEMPLATE_SHARE);
  order.forEach((index, k) => {
    kinds[index] = k < dup ? 1 : k < dup + ord ? 2 : k < dup + ord + unk ? 3 : 0;
  });
  return kinds;
}

function findOriginal(plan: SitePlan, index: number, ageMs: number): number {
  const target = plan.slotMs[index]! - ageMs;
  let fallback = -1;
  for (let j = index - 1; j >= 0; j--) {
    if (plan.kinds[j] !== 0) continue;
    if (fallback < 0) fallback = j;
    if (plan.slotMs[j]! <= target) return j;
  }
  return fallback;
}

function assignTerms(plan: SitePlan, rng: Rng, index: number): void {
  const kind = plan.kinds[index];
  const original = plan.duplicateOf[index]!;
  if (original >= 0) {
    plan.categories[index] = plan.categories[original]!;
    plan.tags[index] = plan.tags[original]!;
    return;
  }
  if (kind === 2) {
    plan.categories[index] = [CATEGORY.siteNews.id];
    plan.tags[index] = rng.chance(0.3) ? [TAG.announcement.id, TAG.archive.id] : [TAG.announcement.id];
    return;
  }
  const topic = TOPICS[plan.topics[index]!]!;
  const main = CATEGORY_BY_NAME.get(topic.category)!;
  const categories = [main];
  if (rng.chance(SECOND_CATEGORY_SHARE)) categories.push(rng.pick(NEWS_CATEGORIES.filter((c) => c.id !== main)).id);
  const tags: number[] = [TAG.crawlmanager.id, kind === 3 ? TAG.exampleNews.id : TAG.euronews.id];
  if (rng.chance(TOPIC_TAG_SHARE)) tags.push(TOPIC_TAG_BY_NAME.get(topic.wpTag)!);
  if (rng.chance(BREAKING_SHARE)) tags.push(TAG.breaking.id);
  plan.categories[index] = categories.sort((a, b) => a - b);
  plan.tags[index] = tags;
}

/** Plans `count` posts dated over the 90 days before `nowMs`, deterministically from `seed`. */
export function planSite(seed: string | number, count: number, nowMs: number): SitePlan {
  const rng = createRng(seed, 'plan');
  const plan: SitePlan = {
    count,
    kinds: assignKinds(seed, count),
    ids: new Int32Array(count),
    dateMs: new Float64Array(count),
    slotMs: new Float64Array(count),
    modifiedMs: new Float64Array(count),
    duplicateOf: new Int32Array(count).fill(-1),
    topics: new Uint8Array(count),
    categories: new Array<number[]>(count),
    tags: new Array<number[]>(count),
  };
  const startMs = nowMs - DATE_SPAN_DAYS * DAY_MS;
  const stepMs = (DATE_SPAN_DAYS * DAY_MS) / Math.max(1, count);
  let id = FIRST_POST_ID;
  for (let i = 0; i < count; i++) {
    plan.ids[i] = id;
    id += 1 + (rng.chance(ID_GAP_SHARE) ? rng.int(1, 3) : 0);
    const slot = startMs + (i + 0.5 + (rng.next() - 0.5) * 0.8) * stepMs;
    plan.slotMs[i] = Math.floor(slot / SECOND_MS) * SECOND_MS;
    plan.dateMs[i] = plan.slotMs[i]!;
    plan.topics[i] = rng.int(0, TOPICS.length - 1);
    const ageMs = DUPLICATE_MIN_AGE_MS + rng.next() * (DUPLICATE_MAX_AGE_MS - DUPLICATE_MIN_AGE_MS);
    const modifiedDelay = rng.chance(MODIFIED_SHARE) ? 10 * MINUTE_MS + rng.next() * 5 * DAY_MS : 0;
    if (plan.kinds[i] === 1) {
      const original = findOriginal(plan, i, ageMs);
      if (original < 0) plan.kinds[i] = 0;
      else {
        plan.duplicateOf[i] = original;
        plan.dateMs[i] = plan.dateMs[original]!;
        plan.topics[i] = plan.topics[original]!;
      }
    }
    const modified = Math.max(plan.slotMs[i]!, Math.min(plan.slotMs[i]! + modifiedDelay, nowMs - MINUTE_MS));
    plan.modifiedMs[i] = Math.floor(modified / SECOND_MS) * SECOND_MS;
  }
  const termRng = createRng(seed, 'terms');
  for (let i = 0; i < count; i++) assignTerms(plan, termRng, i);
  return plan;
}
