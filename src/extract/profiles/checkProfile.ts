import { compileSelector } from '../../html/index.js';
import type { SiteProfile } from './siteProfiles.js';

/** Profile fields holding a CSS selector (all but the name and hosts; `drop` holds selectors as keys). */
const SELECTOR_FIELDS = [
  'marker',
  'body',
  'title',
  'summary',
  'authors',
  'published',
  'modified',
  'section',
  'sectionItems',
  'topics',
  'topicItems',
  'heroImage',
  'caption',
  'credit',
] as const;

/**
 * The profile itself once every selector of it compiles; otherwise throws naming the profile and the selector.
 * Called on the profile list when it loads, so a typo fails at start-up instead of matching nothing on every page.
 */
export function checkProfile(profile: SiteProfile): SiteProfile {
  const selectors = [...SELECTOR_FIELDS.map((field) => profile[field]), ...Object.keys(profile.drop ?? {})];
  for (const selector of selectors) {
    if (selector === undefined) continue;
    try {
      compileSelector(selector);
    } catch (error) {
      throw new Error(`site profile ${JSON.stringify(profile.name)}: ${(error as Error).message}`);
    }
  }
  return profile;
}
