import type { Element } from 'domhandler';
import { childElements, textOf } from '../../html/index.js';

/** Words outside links an item needs to be a sentence with inline links rather than a linked label or headline. */
export const MIN_ITEM_PLAIN_WORDS = 4;
/** ...and the share of its text they must make up. */
export const MIN_ITEM_PLAIN_SHARE = 0.2;
/** Share of the items that must be such sentences. */
export const MIN_SENTENCE_ITEM_SHARE = 0.6;

function isSentenceItem(item: Element): boolean {
  const text = textOf(item);
  const plain = textOf(item, (element) => element.name === 'a');
  const words = plain.split(' ').filter((word) => /\p{L}/u.test(word)).length;
  return words >= MIN_ITEM_PLAIN_WORDS && plain.length >= text.length * MIN_ITEM_PLAIN_SHARE;
}

/**
 * True for a list whose items are sentences that link their sources ("Neil has patches up to <a>improve the tab
 * unloader</a>, and <a>show UI when subframes crash</a>"): release notes and weekly updates, not a link list,
 * however much of their text is link text. Navigation and teaser items are links with at most a date beside them.
 */
export function isListOfSentences(list: Element): boolean {
  const items = childElements(list).filter((child) => child.name === 'li');
  if (items.length === 0) return false;
  let sentences = 0;
  for (const item of items) if (isSentenceItem(item)) sentences++;
  return sentences >= items.length * MIN_SENTENCE_ITEM_SHARE;
}
