import type { TeaserSlot } from '../../article.js';
import type { DropReason } from '../dropReasons.js';

/**
 * Words (class/id or box heading) that name a teaser slot, checked in order. "You might also like" boxes count
 * as read-more (the editor's picks below the article); "related" is the in-article related-stories box.
 */
export const TEASER_SLOT_HINTS: ReadonlyArray<{ slot: Exclude<TeaserSlot, 'other'>; pattern: RegExp }> = [
  { slot: 'most-read', pattern: /most[-_ ]?(?:read|viewed|popular|shared|commented)|mostviewed|mostread|meistgelesen|popular|trending|les plus lus/i },
  { slot: 'top', pattern: /top[-_ ]?stor|topstor|top[-_ ]?news|headlines|top[-_ ]?articles|schlagzeilen|à la une/i },
  { slot: 'latest', pattern: /latest|newest|neueste|recent[-_ ]?(?:posts|stories|news|articles)|just[-_ ]?in|aktuelle? (?:nachrichten|news)|dernières/i },
  {
    slot: 'read-more',
    pattern:
      /read[-_ ]?more|read[-_ ]?next|next[-_ ]?posts?(?:[-_ ]|$)|also[-_ ]?like|might[-_ ]?like|also[-_ ]?read|more[-_ ]?stories|more[-_ ]?from|weiterlesen|lesen sie auch|lesetipp|more on this|à lire aussi|lire aussi/i,
  },
  { slot: 'related', pattern: /related|verwandt|similar|mehr zum thema|recommended|empfohlen|you may also|zum thema|à voir aussi/i },
];

const ANY_SLOT_HINT = new RegExp(TEASER_SLOT_HINTS.map(({ pattern }) => pattern.source).join('|'), 'i');

/** The slot a class/id string or box heading names, or null. */
export function teaserSlot(text: string): Exclude<TeaserSlot, 'other'> | null {
  if (!text || !ANY_SLOT_HINT.test(text)) return null;
  for (const { slot, pattern } of TEASER_SLOT_HINTS) if (pattern.test(text)) return slot;
  return null;
}

/** The removal reason recorded for a teaser of a slot. */
export function teaserReason(slot: TeaserSlot): DropReason {
  if (slot === 'related') return 'related-box';
  if (slot === 'read-more') return 'read-more';
  return 'teaser';
}
