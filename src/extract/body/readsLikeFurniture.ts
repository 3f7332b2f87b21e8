import { closest } from '../../html/index.js';
import { isCommentThread } from '../furniture/furnitureReason.js';
import type { BodyChoice } from './extractBody.js';
import { MAX_FURNITURE_TEXT_CHARS } from './rules.js';

/** Consent and privacy notices, a post's byline/category line: page furniture wherever it sits. */
const CONSENT_TEXT = /\b(?:cookies?|consent|privacy (?:policy|settings|notice)|personal (?:data|information)|opt[- ]out|ccpa|gdpr|datenschutz|einwilligung)\b/i;
const BYLINE_LINE = /^(?:published|posted|written|filed)\b.{0,160}\b(?:categor(?:y|ies)|tags?|filed under)\b/i;

/** Whether the chosen body reads like furniture: it sits in a comment thread, or is a consent notice or a byline line. */
export function readsLikeFurniture(body: BodyChoice, chars: number): boolean {
  if (body.containers.some((container) => closest(container, isCommentThread))) return true;
  if (chars > MAX_FURNITURE_TEXT_CHARS) return false;
  const text = body.blocks.map((block) => block.text).join(' ');
  return CONSENT_TEXT.test(text) || BYLINE_LINE.test(text);
}
