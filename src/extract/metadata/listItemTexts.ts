import type { Element } from 'domhandler';
import { findElements, textOf } from '../../html/index.js';
import { MAX_LABEL_CHARS } from './rules.js';

/** Separator glyphs that breadcrumb trails put between items. */
const SEPARATOR_ONLY = /^[\s›»>/|·•→-]*$/;

/** Texts of the leaf-most items under a list-like element (li, a, p, span...), de-duplicated, in order. */
export function listItemTexts(container: Element, itemTags: readonly string[]): string[] {
  for (const tag of itemTags) {
    const items = findElements(container, (element) => element.name === tag);
    const texts = uniqueLabels(items.map((item) => textOf(item)));
    if (texts.length > 0) return texts;
  }
  return uniqueLabels(textOf(container).split(/\s+[›»>/|·•→]\s+/));
}

/** Trims, drops separators and over-long entries, de-duplicates case-insensitively. */
export function uniqueLabels(texts: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of texts) {
    const text = raw.replace(/^[\s›»>/|·•→#-]+|[\s›»>/|·•→,-]+$/g, '').trim();
    if (!text || SEPARATOR_ONLY.test(text) || text.length > MAX_LABEL_CHARS) continue;
    const key = text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}
