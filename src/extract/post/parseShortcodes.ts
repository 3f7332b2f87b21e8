import { MAX_CAPTION_MARKUP_CHARS, MAX_SHORTCODE_ATTRIBUTE_CHARS } from './rules.js';

/** Quote marks WordPress's texturizer leaves around shortcode attribute values (raw or as entities). */
const QUOTE = String.raw`(?:&#822[01];|&#8243;|&#8242;|&#0?34;|&quot;|&#0?39;|&#x201[cd];|["'\u201c\u201d\u2033])`;
const ATTRIBUTE = new RegExp(String.raw`([a-z_]+)\s*=\s*${QUOTE}(.*?)${QUOTE}`, 'gi');
const ANALYSE_SHORTCODE = new RegExp(String.raw`\[analyse_(image|source)\b([^\]]{0,${MAX_SHORTCODE_ATTRIBUTE_CHARS}})\]`, 'gi');
const CAPTION_SHORTCODE = new RegExp(
  String.raw`\[caption\b[^\]]{0,${MAX_SHORTCODE_ATTRIBUTE_CHARS}}\]([\s\S]{0,${MAX_CAPTION_MARKUP_CHARS}}?)\[\/caption\]`,
  'gi',
);
/** Inner markup of a [caption]: the image (possibly linked) then the caption text. */
const CAPTION_PARTS = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i;

export interface AggregatorShortcodes {
  /** Markup with the analyse_* shortcodes removed and [caption] turned into figure/figcaption. */
  markup: string;
  /** `[analyse_image type="featured" src=…]` */
  imageUrl: string | null;
  /** `[analyse_source url=…]` */
  sourceUrl: string | null;
  /** Source characters taken by the removed shortcodes. */
  shortcodeChars: number;
}

/** Decodes the few entities that appear inside shortcode attribute values. */
function decodeAttribute(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#0?38;/g, '&')
    .replace(/&#(\d{1,7});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .trim();
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeAttribute(match[2] ?? ''));
  }
  return attributes;
}

/**
 * True when `text` holds `[` + `name` (ASCII case-insensitive): a cheap gate (`indexOf` per bracket) before the
 * shortcode regexes, which would otherwise scan every post character by character for nothing.
 */
export function mayHoldShortcode(text: string, name: string): boolean {
  for (let at = text.indexOf('['); at >= 0; at = text.indexOf('[', at + 1)) {
    if (text.slice(at + 1, at + 1 + name.length).toLowerCase() === name) return true;
  }
  return false;
}

/** WordPress's [caption] as a figure: the image (possibly linked), then the caption text as figcaption. */
function captionFigure(_whole: string, inner: string): string {
  const parts = CAPTION_PARTS.exec(inner);
  if (!parts) return `<figure class="wp-caption">${inner}</figure>`;
  return `<figure class="wp-caption">${parts[1] ?? ''}<figcaption>${(parts[2] ?? '').trim()}</figcaption></figure>`;
}

/** Reads and strips the aggregator's shortcodes; rewrites WordPress [caption] into HTML. */
export function parseShortcodes(content: string): AggregatorShortcodes {
  let imageUrl: string | null = null;
  let sourceUrl: string | null = null;
  let shortcodeChars = 0;
  const readShortcode = (whole: string, kind: string, rest: string): string => {
    const attributes = readAttributes(rest);
    shortcodeChars += whole.length;
    if (kind.toLowerCase() === 'image') {
      const src = attributes.get('src') ?? attributes.get('url') ?? '';
      const type = attributes.get('type') ?? 'featured';
      if (src && (imageUrl === null || type === 'featured')) imageUrl = imageUrl ?? src;
    } else {
      const url = attributes.get('url') ?? attributes.get('src') ?? '';
      if (url && sourceUrl === null) sourceUrl = url;
    }
    return '';
  };
  const withoutAnalyse = mayHoldShortcode(content, 'analyse_') ? content.replace(ANALYSE_SHORTCODE, readShortcode) : content;
  const markup = mayHoldShortcode(withoutAnalyse, 'caption') ? withoutAnalyse.replace(CAPTION_SHORTCODE, captionFigure) : withoutAnalyse;
  return { markup, imageUrl, sourceUrl, shortcodeChars };
}
