/**
 * How typographic characters of a text appear in rendered HTML. wptexturize turns ASCII quotes typed by an editor
 * into numeric entities while typographic characters typed directly stay literal, so real pages mix both.
 */
export type QuoteStyle = 'entity' | 'literal' | 'mixed';

/** Quote styles in the proportions of the seed page (about half literal, the rest entities or a mix). */
export const QUOTE_STYLES: readonly QuoteStyle[] = ['literal', 'literal', 'entity', 'mixed'];

const ENTITY_OF: Record<string, string> = {
  '\u2018': '&#8216;',
  '\u2019': '&#8217;',
  '\u201c': '&#8220;',
  '\u201d': '&#8221;',
  '\u2013': '&#8211;',
  '\u2014': '&#8212;',
  '\u2026': '&#8230;',
};

const SPECIAL = /[&<>\u2018\u2019\u201c\u201d\u2013\u2014\u2026]/g;

/** Escapes `&`, `<`, `>` and writes typographic quotes per `style` (mixed: closing quotes as entities). */
export function encodeText(text: string, style: QuoteStyle): string {
  return text.replace(SPECIAL, (ch) => {
    if (ch === '&') return '&amp;';
    if (ch === '<') return '&lt;';
    if (ch === '>') return '&gt;';
    if (style === 'entity') return ENTITY_OF[ch] ?? ch;
    if (style === 'mixed' && (ch === '\u201d' || ch === '\u2019')) return ENTITY_OF[ch] ?? ch;
    return ch;
  });
}

/** Escapes a value for a double-quoted HTML attribute. */
export function encodeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** URL slug as WordPress's sanitize_title makes it from a decoded title. */
export function slugify(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u2018\u2019'\u201c\u201d"]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 190);
}
