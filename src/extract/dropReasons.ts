import type { Element } from 'domhandler';
import { POST_MARKER_LABELS } from './body/rules.js';

/**
 * Every reason a block can be removed for: `RemovedBlock.reason`, shown by `wpingest explain`. A new rule that
 * drops something adds its reason here (typed, so a misspelt reason does not compile).
 */
export const DROP_REASONS = [
  // Page furniture, by tag, ARIA role, hidden state, class/id words (furniture/) or a block's own words (body/filterReason).
  'ad',
  'share',
  'newsletter',
  'related-box',
  'read-more',
  'teaser',
  'navigation',
  'byline',
  'caption',
  'tags',
  'comments',
  'rating',
  'link-list',
  'script',
  'embed',
  'form',
  'hidden',
  'copyright',
  // Walking the body (body/collectBlocks).
  'title',
  'separator',
  'fragment',
  'duplicate-in-post',
  'orphan-heading',
  // A listing page (body/readListing): no article, the body lists the stories its cards announce (a marker says so).
  'listing-page',
  // The structured articleBody: a plain-text copy of the body on the page, or a chosen body it contradicts.
  'articlebody-copy',
  'articlebody-mismatch',
  // The safety net (body/safetyNet) rejected the rules' choice, or trimmed what preceded or followed the marked post.
  'safety-net: empty',
  'safety-net: cut short',
  'safety-net: furniture',
  'safety-net: elsewhere',
  ...POST_MARKER_LABELS.map((label) => `safety-net: after ${label}` as const),
  ...POST_MARKER_LABELS.map((label) => `safety-net: before ${label}` as const),
  // Recorded by src/dedupe (applyTemplateBlocks): a block repeated across a source's posts, or the marker that all were kept.
  'template',
  'template-all-kept',
] as const;

export type DropReason = (typeof DROP_REASONS)[number];

/** Elements to leave out of the body, each with its reason (descendants are implied). */
export type Drops = ReadonlyMap<Element, DropReason>;
