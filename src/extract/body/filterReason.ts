import type { AnyNode, Element } from 'domhandler';
import { countWords } from '../../article.js';
import { findElements, isElement, isLink, textOf } from '../../html/index.js';
import type { DropReason } from '../dropReasons.js';
import { headsProse } from './headsProse.js';
import { isLinkedSentence } from './isLinkedSentence.js';
import { isListOfSentences } from './listOfSentences.js';
import { linkTarget, UNKNOWN_SCOPE, type LinkScope } from './linkTarget.js';
import {
  HEADING_TAG,
  LINK_LIST_MAX_CHARS,
  MAX_BLOCK_LINK_DENSITY,
  MAX_BYLINE_CHARS,
  MAX_CALL_TO_ACTION_CHARS,
  MAX_CREDIT_LINE_CHARS,
  MIN_CREDIT_SENTENCE_WORDS,
  MAX_DATELINE_CHARS,
  MAX_SIGN_UP_PITCH_CHARS,
  MAX_TOOL_BAR_CHARS,
  MIN_READING_LIST_LINKS,
  MIN_READING_LIST_TITLE_WORDS,
  MIN_REFERENCE_LINK_WORDS,
  MIN_TOOL_WORDS,
  SUBHEADING_TAG,
} from './rules.js';

/** Whole-block texts that are widget labels, not prose, with the reason recorded. */
/** Labels that title a box of links or buttons (related stories, sharing), not a block of their own. */
const BOX_TITLES: ReadonlySet<DropReason> = new Set(['share', 'read-more']);

const LABELS: ReadonlyArray<{ reason: DropReason; pattern: RegExp }> = [
  { reason: 'ad', pattern: /^(?:advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|sponsored( content)?|partner content)$/i },
  {
    reason: 'share',
    pattern:
      /^(?:share( this( article| story| post)?)?( on \w+)?|teilen|partager|compartir|condividi|tweet|facebook|twitter|e-?mail|print|drucken|whatsapp|linkedin|copy link|link kopieren)$/i,
  },
  {
    reason: 'read-more',
    pattern:
      /^(?:read more|read next|weiterlesen|mehr lesen|lesen sie auch|lire aussi|leer más|more on this story|see also|siehe auch|explore further|auch interessant|mehr zum thema|das könnte sie auch interessieren|related (?:articles|stories|posts)|you may also like|more from|mehr themen)\b.{0,120}$/i,
  },
  { reason: 'newsletter', pattern: /^(?:sign up|subscribe|newsletter|abonnieren)\b.{0,160}$/i },
  {
    reason: 'navigation',
    pattern:
      /^(?:go to accessibility shortcuts|skip to (main )?content|back to top|nach oben|zurück|previous|next|close|schließen|menu|comments?|kommentare?|\d+ comments?)$/i,
  },
  { reason: 'ad', pattern: /^(?:anzeige|advertisement|werbung|sponsored|publicité)\s*[-–:|]\s.{0,160}$/i },
  { reason: 'tags', pattern: /^(?:category|categories|kategorie|kategorien|rubrik|filed under|posted in|tags|schlagworte|schlagwörter)\s*:.{0,100}$/i },
  // A post's meta fields in a row ("News date : 04/21/2022 Category : Press Releases").
  {
    reason: 'byline',
    pattern:
      /^(?:(?:news\s+|post\s+)?(?:date|datum|fecha|category|kategorie|categoría|rubrik|tags?|author|autor|autora|source|quelle|fuente)\s*:\s*[^:]{1,60}?\s*){2,3}$/i,
  },
  { reason: 'newsletter', pattern: /^(?:wir respektieren (?:deine|ihre) privatsphäre|we (?:value|respect) your privacy)\b.{0,400}$/i },
  { reason: 'rating', pattern: /^\(?(?:noch keine bewertungen|no ratings yet|bewerten sie diesen artikel|rate this (?:article|post))\)?(?:\s*loading\.*)?$/i },
  {
    reason: 'byline',
    pattern: /^(?:published|updated|posted|veröffentlicht|aktualisiert|stand)(?: on| am)?:?\s*[\d\s./:,-]{6,40}(?:\s*(?:uhr|gmt|utc|cet|[ap]m)[+\d:]*)?$/i,
  },
  // The label left alone when its <time> is dropped ("PUBLISHED:", "| UPDATED:").
  { reason: 'byline', pattern: /^[|·•]?\s*(?:published|updated|posted|veröffentlicht|aktualisiert)\s*:$/i },
  // The same label with the month written out ("Veröffentlichung: 2. Februar 2022", "Published: March 4, 2021").
  {
    reason: 'byline',
    pattern:
      /^(?:published|updated|posted|veröffentlicht|veröffentlichung|aktualisiert|aktualisierung)(?: on| am)?:?\s*(?:\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})(?:,?\s*(?:um\s+|at\s+)?\d{1,2}:\d{2}(?:\s*(?:uhr|[ap]m))?)?$/iu,
  },
];

/** A dateline: a date with a time of day, optionally an author after a separator ("24. März 2004, 19:49 | Anna"). */
const DATE_PART = String.raw`(?:\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})`;
const TIMESTAMP_LINE = new RegExp(
  String.raw`^(?:\p{L}+,?\s+)?${DATE_PART},?\s+(?:um\s+|at\s+|@\s*|-\s*)?\d{1,2}:\d{2}(?:\s*(?:uhr|h|[ap]\.?m\.?))?(?:\s*[|·•,–-]\s*(?:von\s+|by\s+)?[\p{L}\p{N} .'-]{1,40})?$`,
  'iu',
);
/**
 * A date alone, with its weekday ("Tuesday, April 5, 2023", "05.04.2023"): the post header's date line. Inside the
 * post's the_content(), or as a heading (a live blog's, a diary's), it heads an entry, and stays.
 */
const DATE_LINE = new RegExp(String.raw`^(?:\p{L}+,?\s+)?${DATE_PART}$`, 'iu');

/** Photo credit lines left in the body ("Foto: dpa", "Credit: Getty Images"). */
const CREDIT_LINE =
  /^[([]?(?:(?:foto|fotos|photo|photos|bild|credit|credits|quelle|source|image|titelbild|beitragsbild|bildquelle)\s*[:©]|©)|(?:getty images|shutterstock|imago|picture alliance|dpa|afp|reuters|istock|unsplash)(?:\s*\/\s*[\w .-]+)?$/i;
/** A sentence of the article that starts like a credit ("Source: the party said on Monday that ..."). */
const SENTENCE_END = /[.!?。！？]["”’)」]?$/;
function isSentence(text: string): boolean {
  return SENTENCE_END.test(text) && countWords(text) >= MIN_CREDIT_SENTENCE_WORDS;
}

/** Newsletter and alert sign-up pitches: a promise of delivery plus a call to act. */
const SIGN_UP_PITCH = /\b(?:newsletter|posteingang|inbox|never miss|nichts (?:mehr )?(?:verpassen|versäumen)|wir informieren sie)/i;
const SIGN_UP_CALL = /\b(?:sign(?:ing)? up|subscribe|abonnier|anmeld|registrier|liefern|deliver|erhalten|bestellen|informieren|versäumen|verpassen)/i;
/** Page tools (print, permalink, e-mail; a blog post's comment feed, trackback, "comments closed") listed together are a tool bar. */
const TOOL_WORD =
  /\b(?:print(?: this page)?|imprimer|drucken|permalink|permalien|e-?mail|teilen|share|partager|trackback(?:-url)?|kommentar-?feed|comments? feed|kommentare (?:sind )?geschlossen|comments (?:are )?closed)\b/gi;
/** Calls to follow, subscribe or download that end many articles. */
const CALL_TO_ACTION =
  /^(?:follow|folge|folgen sie|síguenos|siguenos|suivez)[^.]{0,60}(?:facebook|twitter|instagram|telegram|whatsapp|x\b|linkedin|youtube)|download (?:our|the) [\w ]{0,30}app|(?:artikel|beitrag) gefallen\?|submit (?:a|your) letter|we want to hear what you think|jetzt (?:abonnieren|anmelden)/i;

/**
 * A block of nothing but shortcodes a plugin did not render (`[gallery ids="1,2"]`, `[contact-form-7 id="5"]`, `[/caption]`):
 * a name alone or with `attribute=` values; bracketed prose ("[figure SG01: ...]", "[Video call from ...]") is none.
 */
const UNRENDERED_SHORTCODES = /^(?:\[\/?[a-z][\w-]*(?:\s+[\w-]+\s*=[^\]]{0,2000})?\s*\/?\]\s*)+$/i;

/** A paragraph that is only a web address: the author's reference (a petition, a source), not navigation. */
const BARE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * The site's copyright notice ("© 2017 Jobs & Hire All rights reserved. Do not reproduce without permission."):
 * footer furniture, which a wrapper of its own can set beside the article. In a post it is the author's own line.
 */
const COPYRIGHT_NOTICE =
  /^(?:©|\(c\)|copyright\b).{0,120}\b(?:all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|todos os direitos reservados)\b.{0,120}$/i;

/** Characters of the block's link text; with `counts`, only of the links it accepts. */
function linkChars(node: AnyNode, counts?: (link: Element) => boolean): number {
  if (!isElement(node)) return 0;
  const links = node.name === 'a' ? (isLink(node) ? [node] : []) : findElements(node, isLink);
  let chars = 0;
  for (const link of links) if (!counts || counts(link)) chars += textOf(link).length;
  return chars;
}

/** Words of a link's text; an address written out (`example.org/page`) names its reference as well as a title. */
function referenceWords(link: Element): number {
  const text = textOf(link);
  if (/\w\.\w+\/|\/\w/.test(text)) return MIN_REFERENCE_LINK_WORDS;
  let words = 0;
  for (const word of text.split(' ')) if (/\p{L}/u.test(word)) words++;
  return words;
}

/** Whether a link of the block names what it leads to (a title, an address): not a bar of one-word labels. */
function namesReferences(node: AnyNode): boolean {
  if (!isElement(node)) return false;
  const links = node.name === 'a' ? [node] : findElements(node, isLink);
  return links.some((link) => referenceWords(link) >= MIN_REFERENCE_LINK_WORDS);
}

/**
 * A list of titles of other sites' pages, every item a link that names what it leads to in a few words (a reading
 * list, a post's sources): text wherever it sits, even where the page does not say where the post is. A list of
 * links within the site is its navigation, one-word links to other sites are a bar of profiles, and a link or two
 * set as a list between paragraphs is a news page's "read also".
 */
function isReadingList(node: AnyNode, scope: LinkScope): boolean {
  if (!isElement(node)) return false;
  const links = findElements(node, isLink);
  return (
    links.length >= MIN_READING_LIST_LINKS &&
    links.every((link) => linkTarget(link, scope) === 'elsewhere' && referenceWords(link) >= MIN_READING_LIST_TITLE_WORDS) &&
    node.children.every((item) => !isElement(item) || item.name !== 'li' || findElements(item, isLink).length === 1)
  );
}

/**
 * Why a candidate body block should not be in the body, or null to keep it. `inPost`: the block sits in the
 * page's WordPress `the_content()` element, where a link-dense paragraph that reads as a sentence is the author's
 * (see `isLinkedSentence`), and so is a list of links to other sites (the post's references: bugs, sources, tools);
 * elsewhere a paragraph mostly made of links is taken for a link list. `scope` tells where links lead: a section
 * heading that links to its own anchor or to another site is no teaser headline. `wholeIsPost`: the block is of an
 * ordinary post's `content.rendered`, where links are never furniture by their density alone.
 */
export function filterReason(
  node: AnyNode,
  tag: string,
  text: string,
  inPost = false,
  scope: LinkScope = UNKNOWN_SCOPE,
  wholeIsPost = false,
): DropReason | null {
  // A heading of the post's own text ("Related posts", "Share this", "Comments") heads the section after it; one
  // that titles a box is dropped with the box (dropOrphanHeadings). An "Advertisement" label stays a label.
  // Outside a marked post, a heading over a paragraph of prose heads that prose, whatever box it is named like.
  const postHeading = (inPost || wholeIsPost) && SUBHEADING_TAG.test(tag);
  for (const { reason, pattern } of LABELS)
    if (pattern.test(text) && !(postHeading && reason !== 'ad') && !(BOX_TITLES.has(reason) && SUBHEADING_TAG.test(tag) && headsProse(node))) return reason;
  if (UNRENDERED_SHORTCODES.test(text)) return 'embed';
  if (!inPost && !wholeIsPost && COPYRIGHT_NOTICE.test(text)) return 'copyright';
  if (text.length <= MAX_CREDIT_LINE_CHARS && CREDIT_LINE.test(text) && !isSentence(text)) return 'caption';
  if (text.length <= MAX_DATELINE_CHARS && (TIMESTAMP_LINE.test(text) || (!inPost && !HEADING_TAG.test(tag) && DATE_LINE.test(text)))) return 'byline';
  if (text.length <= MAX_CALL_TO_ACTION_CHARS && CALL_TO_ACTION.test(text)) return 'newsletter';
  if (text.length <= MAX_SIGN_UP_PITCH_CHARS && SIGN_UP_PITCH.test(text) && SIGN_UP_CALL.test(text)) return 'newsletter';
  if (text.length <= MAX_TOOL_BAR_CHARS && (text.match(TOOL_WORD)?.length ?? 0) >= MIN_TOOL_WORDS) return 'share';
  if (text.length <= MAX_BYLINE_CHARS && /^(?:by|von|par|por|di|door|av)\s+\p{Lu}/u.test(text) && !/[.!?]$/.test(text)) return 'byline';
  // An ordinary post's own links (link cards, downloads, a list of pages) are its text: no theme put them there.
  if (!wholeIsPost && text.length < LINK_LIST_MAX_CHARS && linkChars(node) > text.length * MAX_BLOCK_LINK_DENSITY) {
    if (tag === 'p' && BARE_ADDRESS.test(text)) return null;
    if (SUBHEADING_TAG.test(tag))
      return linkChars(node, (link) => linkTarget(link, scope) === 'site') > text.length * MAX_BLOCK_LINK_DENSITY ? 'link-list' : null;
    // Inside the_content(), a block whose links lead to other sites and name what they cite is the author's
    // (sources, credits, bugs); links of one word each to other sites are a bar of profiles ("Facebook Twitter").
    const cites = (): boolean =>
      inPost && linkChars(node, (link) => linkTarget(link, scope) !== 'elsewhere') <= text.length * MAX_BLOCK_LINK_DENSITY && namesReferences(node);
    if (tag !== 'ul' && tag !== 'ol') return inPost && tag === 'p' && (isLinkedSentence(node, text) || cites()) ? null : 'link-list';
    return (isElement(node) && isListOfSentences(node)) || cites() || isReadingList(node, scope) ? null : 'navigation';
  }
  return null;
}
