/** Words WordPress keeps in an automatic excerpt. */
export const EXCERPT_WORDS = 55;
/** Only the start of a page can contribute 55 words; scanning more is wasted work. */
const EXCERPT_SCAN_CHARS = 8_000;

/** The first words of an HTML fragment's text (tags stripped), at most one more than an excerpt needs. */
export function excerptWords(html: string): string[] {
  const head = html.length > EXCERPT_SCAN_CHARS ? html.slice(0, EXCERPT_SCAN_CHARS) : html;
  return head
    .replace(/<[^>]*>/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, EXCERPT_WORDS + 1);
}

/** `excerpt.rendered` from words: the first 55, then ` [&hellip;]` when there were more. */
export function formatExcerpt(words: readonly string[]): string {
  const more = words.length > EXCERPT_WORDS ? ' [&hellip;]' : '';
  return `<p>${words.slice(0, EXCERPT_WORDS).join(' ')}${more}</p>\n`;
}

/** WordPress-like automatic excerpt of `content.rendered`. */
export function makeExcerpt(content: string): string {
  return formatExcerpt(excerptWords(content));
}
