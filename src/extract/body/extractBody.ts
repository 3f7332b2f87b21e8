import type { Element } from 'domhandler';
import { collectBlocks, type BodyCollection } from './collectBlocks.js';
import type { PageIndex } from '../../html/index.js';
import { findLead } from './findLead.js';
import { findMainContent } from './findMainContent.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { readProfileFields, type ProfileFields } from '../profiles/readProfileFields.js';
import type { SiteProfile } from '../profiles/siteProfiles.js';
import { GENERIC_OVERRIDES_PROFILE_RATIO, MIN_PROFILE_BODY_CHARS, MIN_PROFILE_PROSE_SHARE } from '../profiles/rules.js';
import type { DropReason } from '../dropReasons.js';
import type { LinkScope } from './linkTarget.js';

export interface BodyChoice extends BodyCollection {
  /** `profile.name`, `generic` or `wordpress`. */
  profile: string;
  profileFields: ProfileFields | null;
  /** The elements the body was collected from, in document order (checked by the safety net). */
  containers: readonly Element[];
}

interface BodyInput {
  $: PageIndex;
  root: Element;
  stats: Map<Element, ElementStats>;
  pageProse: number;
  drops: Map<Element, DropReason>;
  base: string | null;
  /** Where the page is, to tell where its links lead. */
  scope: LinkScope;
  profile: SiteProfile | null;
  ordinaryPost: boolean;
  /** The page's WordPress `the_content()` element, whose blocks are all the post's (see `CollectOptions`). */
  theContent: Element | null;
}

/** Profile first (verified by generic measures), else the whole post for ordinary posts, else content scoring. */
export function extractBody(input: BodyInput): BodyChoice {
  const { root, stats, pageProse, drops, base, scope } = input;
  let generic: (BodyCollection & { containers: Element[] }) | undefined;
  if (input.profile) {
    const fields = readProfileFields(input.$, input.profile);
    const profileDrops = new Map([...drops, ...fields.drops]);
    const body = collectBlocks(fields.body, profileDrops, base, { scope });
    const prose = fields.body.reduce((sum, element) => sum + statsOf(stats, element).paragraph, 0);
    const bodyChars = textChars(body);
    const accept = () => ({ ...body, profile: input.profile!.name, profileFields: fields, containers: fields.body });
    if (bodyChars >= MIN_PROFILE_BODY_CHARS && prose >= pageProse * MIN_PROFILE_PROSE_SHARE) return accept();
    if (bodyChars >= MIN_PROFILE_BODY_CHARS && !input.ordinaryPost) {
      generic = genericBody(input);
      if (textChars(generic) <= bodyChars * GENERIC_OVERRIDES_PROFILE_RATIO) return accept();
    }
  }
  if (input.ordinaryPost)
    return {
      ...collectBlocks([root], drops, base, { scope, theContent: root, wholeIsPost: true }),
      profile: 'wordpress',
      profileFields: null,
      containers: [root],
    };
  return { ...(generic ?? genericBody(input)), profile: 'generic', profileFields: null };
}

function genericBody(input: BodyInput): BodyCollection & { containers: Element[] } {
  const found = findMainContent(input.root, input.stats, new Set(input.drops.keys()));
  const lead = findLead(found, input.drops);
  const containers = lead ? [lead, ...found] : found;
  // A lead dropped by its name (a standfirst called "teaser") is read all the same.
  const drops = lead && input.drops.has(lead) ? new Map([...input.drops].filter(([element]) => element !== lead)) : input.drops;
  return { ...collectBlocks(containers, drops, input.base, { theContent: input.theContent, scope: input.scope }), containers };
}

function textChars(body: BodyCollection): number {
  return body.blocks.reduce((sum, block) => sum + block.text.length, 0);
}
