import { renderBody } from '../article.js';
import type { ExtractedArticle, RemovedBlock } from '../article.js';
import { isTemplateEvidence } from './isTemplateEvidence.js';

/** `RemovedBlock.reason` of a body block removed as source boilerplate. */
export const TEMPLATE_REASON = 'template';

/**
 * `RemovedBlock.reason` of a marker (empty fingerprint and text, 0 bytes: nothing was removed) saying that
 * every body block matched a template fingerprint and the body was therefore kept whole. An empty body would
 * lose the article; a body that is all boilerplate usually means extraction picked the wrong container,
 * which `wpingest explain` and the dashboard can now show.
 */
export const TEMPLATE_ALL_KEPT_REASON = 'template-all-kept';

/**
 * Profiles whose bodies no template detection touches. `wordpress` marks ordinary posts written on the site
 * itself: their `content.rendered` is only what the author wrote, with no scraped page chrome around it, so a
 * line the author repeats in every post ("Posted by the site team.") is still the author's text.
 */
export const TEMPLATE_EXEMPT_PROFILES: ReadonlySet<string> = new Set(['wordpress']);

/**
 * Returns a new article whose body blocks with a fingerprint in `templateFingerprints` (and text long enough
 * to be evidence, see `isTemplateEvidence`) are moved into `removed` (reason `template`, bytes = UTF-8
 * length), with body_text, body_html and word_count re-rendered. Never empties a body that had blocks: if
 * every block matches, the body is kept and a `template-all-kept` marker is added to `removed` once.
 * Returns the input itself when nothing matches; never mutates it.
 */
export function applyTemplateBlocks(article: ExtractedArticle, templateFingerprints: ReadonlySet<string>): ExtractedArticle {
  if (templateFingerprints.size === 0 || TEMPLATE_EXEMPT_PROFILES.has(article.profile)) return article;
  // Repetition is evidence of page chrome only outside the post's own body element (see `BodyBlock.inPost`).
  const isTemplate = (block: { fingerprint: string; text: string; inPost?: true }): boolean =>
    !block.inPost && templateFingerprints.has(block.fingerprint) && isTemplateEvidence(block.text);
  const kept = article.blocks.filter((block) => !isTemplate(block));
  if (kept.length === article.blocks.length) return article;
  if (kept.length === 0) return withAllKeptMarker(article);
  const removedNow: RemovedBlock[] = article.blocks.filter(isTemplate).map((block) => ({
    fingerprint: block.fingerprint,
    text: block.text,
    reason: TEMPLATE_REASON,
    bytes: Buffer.byteLength(block.text, 'utf8'),
  }));
  return { ...article, blocks: kept, removed: [...article.removed, ...removedNow], ...renderBody(kept) };
}

function withAllKeptMarker(article: ExtractedArticle): ExtractedArticle {
  if (article.removed.some((block) => block.reason === TEMPLATE_ALL_KEPT_REASON)) return article;
  const marker: RemovedBlock = { fingerprint: '', text: '', reason: TEMPLATE_ALL_KEPT_REASON, bytes: 0 };
  return { ...article, removed: [...article.removed, marker] };
}
