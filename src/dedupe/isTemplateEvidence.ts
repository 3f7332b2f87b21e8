import { normalisedLength } from './wordRuns.js';

/**
 * Blocks shorter than this (characters of normalised text, about three words) are neither counted as
 * template evidence nor removed as template. Short blocks are subheadings and one-liners ("Background",
 * "What happens next", "Yes.") that different stories share by formula rather than by template, and that
 * carry little text; short labels that really are boilerplate ("ADVERTISEMENT", "Share") are removed by
 * the extractor's ad and share rules, which know the markup.
 */
export const TEMPLATE_MIN_BLOCK_CHARS = 20;

/** Whether a block's text (normalised as for its fingerprint) is long enough to count towards, or be removed by, template detection. */
export function isTemplateEvidence(text: string): boolean {
  return normalisedLength(text) >= TEMPLATE_MIN_BLOCK_CHARS;
}
