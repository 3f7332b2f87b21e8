import type { Element } from 'domhandler';
import { attr, hintString } from '../../html/index.js';
import type { DropReason } from '../dropReasons.js';
import { isAuthorBox } from './isAuthorBox.js';
import { MIN_SLUG_ID_WORDS } from './rules.js';

/**
 * Class/id patterns of page furniture, checked in order; the first match names the removal reason.
 * Tokens are matched at `-`, `_`, space or camelCase-free boundaries so `header` does not hit `c-ad`.
 */
export const BOILERPLATE_HINTS: ReadonlyArray<{ reason: DropReason; pattern: RegExp }> = [
  // WordPress's form for a password-protected post, and the notice themes print above it: never the post's text.
  { reason: 'form', pattern: /post-password-(?:form|message)/ },
  { reason: 'comments', pattern: /comment|comentari|komentar|disqus|kommentar|respond\b|replies|discussion|leserbrief/ },
  { reason: 'share', pattern: /share|sharing|social|partage|teilen|addthis|shariff|sociable|follow-us|print-?button/ },
  {
    reason: 'ad',
    pattern:
      /(?:^|[-_ ])(?:ad|ads|adv|advert|advertisement|adzone|adslot|adunit|dfp|gpt|anzeige|werbung|sponsor|sponsored|promo|commercial|affiliate)(?:[-_ ]|\d|$)|ad-?wrapper|ad-?container|outbrain|taboola|plista|google_ads|banner/,
  },
  {
    reason: 'newsletter',
    pattern:
      /newsletter|subscri|signup|sign-up|(?<!non-|no-)paywall|piano|register|cookie|consent|gdpr|(?:^|[-_ ])(?:donation|donations|donate|spenden?)(?:[-_ ]|$)/,
  },
  { reason: 'related-box', pattern: /related|verwandt|similar|recommend|empfehl|also-like|might-like|mehr-zum-thema|recirc/ },
  { reason: 'read-more', pattern: /read-?more|weiterlesen|lesetipp|more-from|also-read|more-stories|next-post|prev-post|post-navigation/ },
  { reason: 'teaser', pattern: /teaser|most-?(?:read|viewed|popular|shared)|mostviewed|top-?stories|latest|trending|popular|meistgelesen/ },
  {
    reason: 'navigation',
    pattern:
      /(?:^|[-_ ])(?:nav|navbar|navigation|menu|breadcrumbs?|pagination|pager|skip|footer|masthead|toolbar|sidebar|widget|topbar|site-header|jump-?link)(?:[-_ ]|\d|$)|breadcrumb|(?:^|\s)(?:(?:reveal|c|js|ui|o)-)?modal(?:[-_](?:dialog|content|body|header|footer|backdrop|overlay|wrapper|container|inner|window|box|popup))?(?:\s|$)/,
  },
  {
    reason: 'byline',
    pattern:
      /byline|read-?time|reading-?time|lesezeit|(?:meta-?info|post-info)(?:\s|$)|(?:^|[-_ ])(?:author|authors|contributors?|dateline|timestamp|posted-on|entry-meta|post-meta|article-meta|meta-?data|publication-date|published)(?:[-_ ]|$)|contributor/,
  },
  { reason: 'caption', pattern: /caption|(?:^|[-_ ])(?:credit|credits|copyright)(?:[-_ ]|$)|image-copyright/ },
  { reason: 'tags', pattern: /tags?-?list|(?:^|[-_ ])(?:tags|tag-links|keywords|topics|schlagworte)(?:[-_ ]|$)/ },
];

/** One pass over a class string rules out most elements before the per-reason patterns run. */
const ANY_BOILERPLATE_HINT = new RegExp(BOILERPLATE_HINTS.map(({ pattern }) => pattern.source).join('|'));

/** Elements that never hold article text, with the reason recorded when they are dropped. */
// prettier-ignore
export const BOILERPLATE_TAGS: ReadonlyMap<string, DropReason> = new Map([
  ['script', 'script'], ['style', 'script'], ['noscript', 'script'], ['template', 'script'], ['iframe', 'embed'],
  ['object', 'embed'], ['embed', 'embed'], ['form', 'form'], ['button', 'form'], ['select', 'form'],
  ['input', 'form'], ['textarea', 'form'], ['nav', 'navigation'], ['aside', 'navigation'], ['footer', 'navigation'],
  ['svg', 'embed'], ['canvas', 'embed'], ['dialog', 'navigation'], ['menu', 'navigation'],
]);

/** ARIA roles of furniture. */
// prettier-ignore
const BOILERPLATE_ROLES: ReadonlyMap<string, DropReason> = new Map([
  ['navigation', 'navigation'], ['complementary', 'navigation'], ['contentinfo', 'navigation'],
  ['banner', 'navigation'], ['search', 'navigation'], ['menu', 'navigation'], ['dialog', 'navigation'],
]);

/** Why an element is furniture judging by its tag, role, hidden state or class/id, or null. */
export function boilerplateReason(element: Element): DropReason | null {
  const byTag = BOILERPLATE_TAGS.get(element.name);
  if (byTag) return byTag;
  const role = BOILERPLATE_ROLES.get(attr(element, 'role').toLowerCase());
  if (role) return role;
  if (isHidden(element)) return 'hidden';
  return hintReason(element) ?? (isAuthorBox(element) ? 'byline' : null);
}

/**
 * Why a hidden element would be furniture were it shown (a collapsed share menu, a closed cookie dialog), or null:
 * in a post's own content a hidden element is a collapsed accordion, tab or spoiler, and its text is the post's.
 */
export function reasonBesidesHidden(element: Element): DropReason | null {
  return (
    BOILERPLATE_TAGS.get(element.name) ??
    BOILERPLATE_ROLES.get(attr(element, 'role').toLowerCase()) ??
    hintReason(element) ??
    (isAuthorBox(element) ? 'byline' : null)
  );
}

/**
 * Class names that say what an element holds or lacks, not what it is (`has-sharing` on an article header with
 * share buttons in it, `with-sidebar`, `no-comments`, a BEM modifier `o-section--has-ads`).
 */
const MODIFIER_CLASS = /(?:^|\s)(?:has|with|without|no)-\S+|--(?:has|with|without|no)-[^\s]+/g;
const HAS_MODIFIER_CLASS = /(?:^|\s|--)(?:has|with|without|no)-/;

/** Last words of a component's id (`mvp-author-box-wrap`, `single-post-share-box`, `cookie-law-info-bar`): a heading's slug ends in words of its text. */
const COMPONENT_ID_END = /[-_](?:wrap|wrapper|box|container|inner|outer|holder|widget|module|area|bar|banner|popup|notice)$/i;

/** An id that is a heading's slug (`sharing-with-a-single-developer`), not a component name nor a numbered one (`panel-12-0-1`). */
function isHeadingSlug(id: string): boolean {
  return id.split(/[-_]+/).filter((part) => /\p{L}/u.test(part)).length >= MIN_SLUG_ID_WORDS && !COMPONENT_ID_END.test(id);
}

/**
 * Where the sidebar sits, said on the content area beside it (`content-area sidebar-right`, `primary right-sidebar`):
 * a layout modifier there. On an element with no content-area word it is the sidebar itself.
 */
const SIDEBAR_LAYOUT_CLASS = /(?:^|\s)(?:sidebar-(?:left|right|none|both)|(?:left|right|both)-sidebar)(?=\s|$)/g;
const CONTENT_AREA_HINT = /(?:^|\s)(?:content-area|site-content|main-content|content|primary|site-main|main)(?:\s|$)/;

/** Class and id, without ids that are heading slugs and without modifier classes. */
function furnitureHints(element: Element): string {
  const id = attr(element, 'id');
  let hints = id && isHeadingSlug(id) ? attr(element, 'class').toLowerCase() : hintString(element);
  if (hints.includes('sidebar') && CONTENT_AREA_HINT.test(hints)) hints = hints.replace(SIDEBAR_LAYOUT_CLASS, ' ');
  return hints.includes('-') && HAS_MODIFIER_CLASS.test(hints) ? hints.replace(MODIFIER_CLASS, '') : hints;
}

/** Reason from class/id hints only. */
export function hintReason(element: Element): DropReason | null {
  const hints = furnitureHints(element);
  if (!hints || !ANY_BOILERPLATE_HINT.test(hints)) return null;
  for (const { reason, pattern } of BOILERPLATE_HINTS) if (pattern.test(hints)) return reason;
  return null;
}

function isHidden(element: Element): boolean {
  if (element.attribs?.hidden !== undefined) return true;
  if (attr(element, 'aria-hidden') === 'true' && element.name !== 'span' && element.name !== 'i') return true;
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attr(element, 'style'));
}
