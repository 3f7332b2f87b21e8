import type { Teaser } from '../article.js';
import { fingerprintText } from '../fingerprintText.js';

/**
 * The key a teaser is stored under: the story it advertises, by its normalised title. One story appears as a
 * card with a `data-nid` in "Latest" and as a bare title in "Read more" on the same site; keying by the
 * structural id would store it twice. The structural key (`nid:`, `url:`) is kept beside it as `ref`.
 * A teaser without a title falls back to its structural key.
 */
export function teaserStoryKey(teaser: Pick<Teaser, 'key' | 'title'>): string {
  const normalised = teaser.title.trim();
  return normalised ? `text:${fingerprintText(normalised)}` : teaser.key;
}
