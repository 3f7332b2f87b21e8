import { fingerprintText } from '../fingerprintText.js';
import { createRng } from './createRng.js';
import { createTextGenerator } from './createTextGenerator.js';
import { slugify } from './encodeText.js';
import { COUNTRIES, TEASER_LABELS, TOPICS } from './newsVocabulary.js';
import { captionDate, DAY_MS, parisTime } from './wpDates.js';

/** Number of stories in the teaser pool. */
export const TEASER_POOL_SIZE = 60;
const FIRST_NID = 2_889_100;
const FIRST_CID = 9_739_400;
const POOL_SPAN_DAYS = 90;

/** One story that other pages link to as a teaser. */
export interface Teaser {
  /** `nid:<data-nid>`, the key of nid-bearing teasers (latest, top stories, most read) */
  key: string;
  /** `text:<fingerprintText(title)>`, the key of title-only teasers (read more, related) */
  textKey: string;
  nid: number;
  cid: number;
  /** decoded title */
  title: string;
  /** section label shown above the title (latest stories) */
  label: string;
  /** decoded alt text of the image */
  alt: string;
  hasVideo: boolean;
  /** canonical story URL on euronews.com */
  url: string;
  /** image URL at a given size, e.g. `189x106` or `320x180` */
  imageUrl(size: string): string;
}

/** Path segment of a euronews image: the 8-digit cid split in pairs (`09/74/79/72`). */
export function cidPath(cid: number): string {
  return String(cid).padStart(8, '0').match(/../g)!.join('/');
}

/** Builds the deterministic pool of teaser stories, oldest first. */
export function buildTeaserPool(seed: string | number, nowMs: number): Teaser[] {
  const rng = createRng(seed, 'teaser-pool');
  const text = createTextGenerator(rng);
  const pool: Teaser[] = [];
  for (let k = 0; k < TEASER_POOL_SIZE; k++) {
    const nid = FIRST_NID + k * 7 + rng.int(0, 5);
    const cid = FIRST_CID + k * 131 + rng.int(0, 99);
    const ctx = { topic: rng.pick(TOPICS), country: rng.pick(COUNTRIES), other: rng.pick(COUNTRIES) };
    const title = text.headline(ctx);
    const storyMs = nowMs - POOL_SPAN_DAYS * DAY_MS + (k * POOL_SPAN_DAYS * DAY_MS) / TEASER_POOL_SIZE;
    const uuid = rng.uuid();
    pool.push({
      key: `nid:${nid}`,
      textKey: `text:${fingerprintText(title)}`,
      nid,
      cid,
      title,
      label: rng.chance(0.3) ? ctx.country[0] : rng.pick(TEASER_LABELS),
      alt: text.caption(ctx, captionDate(storyMs)),
      hasVideo: rng.chance(0.45),
      url: `https://www.euronews.com/${parisTime(storyMs).ymd.replace(/-/g, '/')}/${slugify(title)}`,
      imageUrl: (size) => `https://images.euronews.com/articles/stories/${cidPath(cid)}/${size}_cmsv2_${uuid}-${cid}.jpg`,
    });
  }
  return pool;
}
