import { parseDocument } from 'htmlparser2';
import { normaliseSpace, rawText } from './domNodes.js';

/** Longest WP title/excerpt decoded, in characters; hostile posts may put megabytes here. */
export const MAX_SHORT_FIELD_CHARS = 20_000;

/** Plain text of a short HTML string (a WP title or excerpt): tags dropped, entities decoded, spaces collapsed. */
export function decodeHtmlText(html: string): string {
  if (!html) return '';
  const bounded = html.length > MAX_SHORT_FIELD_CHARS ? html.slice(0, MAX_SHORT_FIELD_CHARS) : html;
  if (!/[<&]/.test(bounded)) return normaliseSpace(bounded);
  return normaliseSpace(rawText(parseDocument(bounded)));
}
