import type { Element } from 'domhandler';
import { attr, hintString, isElement, textOf } from '../../html/index.js';

/** A box's label that names its author ("AUTOR", "About the author", "Über die Autorin", "Sobre el autor"). */
const AUTHOR_LABEL =
  /^(?:(?:about|über|zum|zur|sobre|à propos de|a proposito de)\s+)?(?:the\s+|den\s+|die\s+|el\s+|la\s+|l['’]\s*|de\s+l['’]\s*)?(?:autor(?:in|en)?|author|auteur(?:e)?|autore|autrice|auteurs?)\s*:?$/i;
/** A label is short: a word or three (characters). */
const MAX_LABEL_CHARS = 30;
const LABEL_TAG = /^(?:h[2-6]|header|strong|b|span|div|p)$/;
const LABEL_HINT = /head|title|label|caption/;

/**
 * Whether an element is a box about the article's author: microdata says it is the author (`itemprop="author"`,
 * as author-box plugins write it; a schema.org Person alone may be a team page's card), or its first child is a
 * label naming the author. The caller keeps such a box when it is long (a profile written as an article) or
 * inline (a byline's name).
 */
export function isAuthorBox(element: Element): boolean {
  const itemprop = attr(element, 'itemprop');
  if (itemprop && /(?:^|\s)author(?:\s|$)/i.test(itemprop)) return true;
  const first = element.children.find(isElement);
  if (!first || !LABEL_TAG.test(first.name)) return false;
  if (!/^h[2-6]$/.test(first.name) && !LABEL_HINT.test(hintString(first))) return false;
  const label = textOf(first);
  return label.length <= MAX_LABEL_CHARS && AUTHOR_LABEL.test(label);
}
