import type { Element } from 'domhandler';
import { childElements, textOf } from '../../html/index.js';
import { MIN_ITEM_PLAIN_SHARE, MIN_ITEM_PLAIN_WORDS, MIN_SENTENCE_ITEM_SHARE } from './rules.js';

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
