import type { AnyNode, Element } from 'domhandler';
import { isWideChar } from '../../isWideChar.js';
import { attr, findElements, isElement, rawText } from '../../html/index.js';
import { MIN_LINKED_SENTENCE_WORDS, MIN_SENTENCE_PLAIN_WORDS } from './rules.js';

/** A sentence's full stop (not an ellipsis; a Chinese or Japanese one too), then perhaps a closing quote or bracket. */
const FULL_STOP = /(?:[^.]\.|[。！？])["”’)」]?$/;
/** An audio or video file's address: what a podcast post's "Play in new window | Download" links lead to. */
const MEDIA_FILE = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac|mp4|m4v|webm|mov)(?:[?#]|$)/i;

/** Words with a letter; a Chinese or Japanese character is a word (that text has no spaces). */
function wordCount(text: string): number {
  let words = 0;
  for (const word of text.split(/\s+/)) if (/\p{L}/u.test(word)) words += Math.max(1, wideChars(word));
  return words;
}

function wideChars(word: string): number {
  let count = 0;
  for (let i = 0; i < word.length; i++) if (isWideChar(word.charCodeAt(i))) count++;
  return count;
}

/** Text outside links before the block's first link and after it, in document order. */
function plainAroundLinks(node: AnyNode): { before: string; after: string } {
  const parts = { before: '', after: '' };
  let seenLink = false;
  const walk = (current: AnyNode): void => {
    if (isElement(current) && current.name === 'a') {
      seenLink = true;
      return;
    }
    if (!isElement(current)) {
      if (current.type === 'text') parts[seenLink ? 'after' : 'before'] += rawText(current);
      return;
    }
    for (const child of current.children) walk(child);
  };
  walk(node);
  return parts;
}

/** Every link of the block leads to an audio or video file: the post's own episode, not other pages. */
function linksToMedia(node: AnyNode): boolean {
  if (!isElement(node)) return false;
  const links = node.name === 'a' ? [node] : findElements(node, (element) => element.name === 'a');
  return links.length > 0 && links.every((link: Element) => MEDIA_FILE.test(attr(link, 'href')));
}

/**
 * Whether a link-dense paragraph of a post's own text is the author's rather than a link list: a sentence that
 * links inside it ("Visit our page on Facebook or tweet us at @name": words outside the links on both sides), a
 * declarative sentence that is one link ("... Please consider a donation to the Red Cross."), or the post's media
 * links ("Podcast: Play in new window | Download"). A lead-in and a linked headline ("Related: Why ...?", "Read
 * more: ...") is none of these.
 */
export function isLinkedSentence(node: AnyNode, text: string): boolean {
  if (FULL_STOP.test(text) && wordCount(text) >= MIN_LINKED_SENTENCE_WORDS) return true;
  const { before, after } = plainAroundLinks(node);
  if (/\p{L}/u.test(after) && wordCount(before) + wordCount(after) >= MIN_SENTENCE_PLAIN_WORDS) return true;
  return linksToMedia(node);
}
