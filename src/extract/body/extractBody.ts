import type { Element } from 'domhandler';
import { collectBlocks, type BodyCollection } from './collectBlocks.js';
import type { PageIndex } from '../../html/index.js';
import { findLead } from './findLead.js';
import { findMainContent } from './findMainContent.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { readProfileFields, type ProfileFields } from '../profiles/readProfileFields.js';
import type { SiteProfile } from '../profiles/siteProfiles.js';

/** A profile body shorter than this (characters of text) is implausible: the template changed. */
export const MIN_PROFILE_BODY_CHARS = 150;
/** A profile body must hold at least this share of the page's prose, or the generic scorer knows better. */
export const MIN_PROFILE_PROSE_SHARE = 0.3;
/**
 * ...unless the generic scorer finds nothing much bigger: a short story on a page full of teaser titles holds
 * little of the page's prose, yet the profile is right. The generic body must be this many times larger to win.
 */
export const GENERIC_OVERRIDES_PROFILE_RATIO = 1.5;

export interface BodyChoice extends BodyCollection {
  /** `profile.name`, `generic` or `wordpress`. */
  profile: string;
  profileFields: ProfileFields | null;
}

interface BodyInput {
  $: PageIndex;
  root: Element;
  stats: Map<Element, ElementStats>;
  pageProse: number;
  drops: Map<Element, string>;
  base: string | null;
  profile: SiteProfile | null;
  ordinaryPost: boolean;
}

/** Profile first (verified by generic measures), else the whole post for ordinary posts, else content scoring. */
export function extractBody(input: BodyInput): BodyChoice {
  const { root, stats, pageProse, drops, base } = input;
  let generic: BodyCollection | undefined;
  if (input.profile) {
    const fields = readProfileFields(input.$, input.profile);
    const profileDrops = new Map([...drops, ...fields.drops]);
    const body = collectBlocks(fields.body, profileDrops, base);
    const prose = fields.body.reduce((sum, element) => sum + statsOf(stats, element).paragraph, 0);
    const bodyChars = textChars(body);
    const accept = () => ({ ...body, profile: input.profile!.name, profileFields: fields });
    if (bodyChars >= MIN_PROFILE_BODY_CHARS && prose >= pageProse * MIN_PROFILE_PROSE_SHARE) return accept();
    if (bodyChars >= MIN_PROFILE_BODY_CHARS && !input.ordinaryPost) {
      generic = genericBody(input);
      if (textChars(generic) <= bodyChars * GENERIC_OVERRIDES_PROFILE_RATIO) return accept();
    }
  }
  if (input.ordinaryPost) return { ...collectBlocks([root], drops, base), profile: 'wordpress', profileFields: null };
  return { ...(generic ?? genericBody(input)), profile: 'generic', profileFields: null };
}

function genericBody(input: BodyInput): BodyCollection {
  const found = findMainContent(input.root, input.stats, new Set(input.drops.keys()));
  const lead = findLead(found, input.drops);
  return collectBlocks(lead ? [lead, ...found] : found, input.drops, input.base);
}

function textChars(body: BodyCollection): number {
  return body.blocks.reduce((sum, block) => sum + block.text.length, 0);
}
