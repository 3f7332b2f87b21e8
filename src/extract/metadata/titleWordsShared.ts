import { MIN_LOOSE_TITLE_SHARE, MIN_LOOSE_TITLE_WORDS } from './rules.js';

/** Lower-cased runs of letters and digits. */
export function titleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * How many of a heading's words are the title's, when nearly all of them are (a headline edited after the page's
 * `<title>` was written: "… over Celtics" under "… over Boston Celtics | Site"), else 0.
 */
export function titleWordsShared(heading: string, title: ReadonlySet<string>): number {
  const own = titleWords(heading);
  const shared = own.filter((word) => title.has(word)).length;
  return shared >= MIN_LOOSE_TITLE_WORDS && shared >= own.length * MIN_LOOSE_TITLE_SHARE ? shared : 0;
}
