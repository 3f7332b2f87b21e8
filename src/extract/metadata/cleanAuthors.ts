import { MAX_AUTHOR_NAME_CHARS, MAX_AUTHOR_NAME_WORDS } from './rules.js';

/** Leading words of a byline in the languages of the corpus. */
const BY_PREFIX = /^(?:written\s+by|posted\s+by|text|von|by|par|por|di|door|av|autor(?:in)?|author)\s*[:|-]?\s+/i;
/** Separators between several authors. */
const AUTHOR_SEPARATOR = /\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\|)\s*/i;
/** Trailing job titles, agencies in parentheses, and dates that bylines carry. */
const TRAILING_NOISE = /\s*(?:\(.*?\)|\s[-–—|•·]\s.*|\d{1,2}[./]\d{1,2}[./]\d{2,4}.*|(?:published|updated|veröffentlicht).*)$/i;

/** Repairs entity text that was escaped twice (`By&amp;nbspSaida` arrives as `By&nbspSaida`). */
export function repairEntities(text: string): string {
  return text
    .replace(/&nbsp;?/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&#(\d{1,6});/g, (_, code: string) => String.fromCodePoint(Math.min(Number(code), 0x10ffff)))
    .replace(/&quot;/gi, '"');
}

/** Clean author names from byline texts: no "By", no dates, split on "and"/commas, de-duplicated. */
export function cleanAuthors(bylines: readonly string[]): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const byline of bylines) {
    const text = repairEntities(byline)
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .replace(BY_PREFIX, '');
    for (const part of text.split(AUTHOR_SEPARATOR)) {
      const name = part
        .replace(BY_PREFIX, '')
        .replace(TRAILING_NOISE, '')
        .replace(/^[@\s]+|[\s,.:;]+$/g, '')
        .trim();
      if (!isPlausibleName(name)) continue;
      const key = name.toLowerCase();
      if (!seen.has(key)) {
        seen.add(key);
        names.push(name);
      }
    }
  }
  return names.filter((name) => !names.some((other) => labelsName(name, other)));
}

/**
 * Whether `text` is a line about the author `name` rather than another author: it holds the name and at least two
 * words more ("View all of Ann Lee's posts", "More from Ann Lee"); one word more is a fuller name ("Ann Lee Smith").
 */
function labelsName(text: string, name: string): boolean {
  if (text === name || !` ${text.toLowerCase()} `.replace(/['’]s\b/g, '').includes(` ${name.toLowerCase()} `)) return false;
  return text.split(' ').length - name.split(' ').length >= 2;
}

function isPlausibleName(name: string): boolean {
  if (name.length < 2 || name.length > MAX_AUTHOR_NAME_CHARS) return false;
  if (/^https?:|[<>{}]|\d{3,}/.test(name)) return false;
  return /\p{L}/u.test(name) && name.split(' ').length <= MAX_AUTHOR_NAME_WORDS;
}
