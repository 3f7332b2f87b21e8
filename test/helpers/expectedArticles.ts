import { normaliseSourceUrl } from '../../src/dedupe/index.js';
import type { FixtureSite } from '../../src/fixtureSite/index.js';

export interface ExpectedStory {
  sourceUrl: string;
  /** wp ids of every post of the story, oldest first */
  wpIds: number[];
  /** the newest post's truth: what the article must hold */
  newest: ReturnType<FixtureSite['truth']>;
}

/** The stories the ground truth says the site holds: one per normalised source URL, newest post wins. */
export function expectedStories(site: FixtureSite): Map<string, ExpectedStory> {
  const stories = new Map<string, ExpectedStory>();
  for (let i = 0; i < site.count; i++) {
    if (site.isDeleted(i)) continue;
    const truth = site.truth(i);
    const sourceUrl = normaliseSourceUrl(truth.source_url)!;
    const known = stories.get(sourceUrl);
    if (!known) stories.set(sourceUrl, { sourceUrl, wpIds: [truth.id], newest: truth });
    else {
      known.wpIds.push(truth.id);
      if (truth.published_at >= known.newest.published_at) known.newest = truth;
    }
  }
  return stories;
}

/**
 * Every teaser story the site's posts showed, as stored: by title (`text:` key), whether the page showed it as
 * a card with a data-nid or as a bare "Read more" title.
 */
export function expectedTeaserKeys(site: FixtureSite): Set<string> {
  const storyKey = new Map(
    site.teaserPool().flatMap(
      (teaser) =>
        [
          [teaser.key, teaser.text_key],
          [teaser.text_key, teaser.text_key],
        ] as const,
    ),
  );
  const keys = new Set<string>();
  for (let i = 0; i < site.count; i++) {
    if (site.isDeleted(i)) continue;
    for (const key of site.truth(i).teaser_keys) keys.add(storyKey.get(key) ?? key);
  }
  return keys;
}
