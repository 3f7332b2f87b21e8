/** A removed block as stored with its article. */
export interface RemovedBlockRow {
  reason: string;
  bytes: number;
  text: string;
}

/** One item of an article's body as the article page shows it: a kept paragraph or a removed block. */
export type BodyItem = { kind: 'kept'; text: string } | { kind: 'removed'; block: RemovedBlockRow };

/** Characters of a block's text (letters and digits only) used to find it in the post. */
const KEY_CHARS = 48;
/** A shorter key for a block whose start the extractor rewrote a little. */
const SHORT_KEY_CHARS = 20;

/** Letters and digits only, lower-cased: what survives entity decoding, markup and whitespace differences. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The visible text of post HTML, roughly: tags and scripts out, common entities decoded, unknown ones dropped. */
export function plainTextOfHtml(markup: string): string {
  return markup
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&#(\d+);/g, (_, code: string) => safeChar(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => safeChar(Number.parseInt(code, 16)))
    .replace(/&(amp|lt|gt|quot|apos|nbsp);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[name] ?? ' ')
    .replace(/&[a-z]+;/gi, ' ');
}

function safeChar(code: number): string {
  return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
}

function positionIn(haystack: string, text: string): number {
  const key = normalise(text);
  if (key.length === 0) return -1;
  const found = haystack.indexOf(key.slice(0, KEY_CHARS));
  return found >= 0 || key.length <= SHORT_KEY_CHARS ? found : haystack.indexOf(key.slice(0, SHORT_KEY_CHARS));
}

/**
 * Puts the removed blocks back where they stood in the post, between the kept paragraphs: each block and
 * paragraph is located in the post's text, and a removed block goes before the first kept paragraph that
 * comes after it. Blocks that cannot be located (the extractor rewrote them) are returned apart. Pure.
 */
export function placeRemovedBlocks(
  paragraphs: readonly string[],
  removed: readonly RemovedBlockRow[],
  postHtml: string,
): { items: BodyItem[]; unplaced: RemovedBlockRow[] } {
  const haystack = normalise(plainTextOfHtml(postHtml));
  let last = -1;
  // A paragraph not found takes its predecessor's place, so kept paragraphs stay in their order.
  const kept = paragraphs.map((text) => {
    const found = positionIn(haystack, text);
    last = found > last ? found : last;
    return { text, at: found >= 0 ? found : last };
  });
  const located = removed.map((block) => ({ block, at: positionIn(haystack, block.text) }));
  const placed = located.filter((entry) => entry.at >= 0).sort((a, b) => a.at - b.at);
  const items: BodyItem[] = [];
  let next = 0;
  for (const paragraph of kept) {
    while (next < placed.length && placed[next]!.at < paragraph.at) items.push({ kind: 'removed', block: placed[next++]!.block });
    items.push({ kind: 'kept', text: paragraph.text });
  }
  while (next < placed.length) items.push({ kind: 'removed', block: placed[next++]!.block });
  return { items, unplaced: located.filter((entry) => entry.at < 0).map((entry) => entry.block) };
}
