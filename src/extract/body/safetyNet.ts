import type { Element } from 'domhandler';
import type { BodyBlock, RemovedBlock } from '../../article.js';
import { byDocumentOrder, closest, type PageIndex } from '../../html/index.js';
import { collectBlocks, type BodyCollection } from './collectBlocks.js';
import { blocksRemoved } from './blocksRemoved.js';
import type { BodyChoice } from './extractBody.js';
import { findMainContent } from './findMainContent.js';
import { contains, titleHeadings, type MarkedPost } from './markedPost.js';
import { statsOf, type ElementStats } from './nodeStats.js';
import { textUnderTitle, underTitle } from './underTitle.js';
import { bodyChars } from './bodyChars.js';
import { readsLikeFurniture } from './readsLikeFurniture.js';
import { builderLayout, inBuilderModule } from './builderLayout.js';
import { cutBeforeNextStory, nextStoryHeadline } from './nextStory.js';
import { isSiteHeader } from './findLead.js';
import { MIN_HEADLINE_LINK_SHARE } from '../furniture/rules.js';
import type { DropReason, Drops } from '../dropReasons.js';
import type { LinkScope } from './linkTarget.js';
import { ELSEWHERE_MIN_SHARE, FAR_SHORTER_SHARE, MIN_DENSEST_PROSE_CHARS, type PostMarkerLabel } from './rules.js';

/** Drop reasons that are no misfire of a name: the densest-prose fallback never looks inside these. */
const HARD_REASONS: ReadonlySet<DropReason> = new Set(['comments', 'script', 'form', 'hidden', 'embed', 'articlebody-copy', 'ad', 'newsletter', 'share']);

export interface SafetyNetInput {
  $: PageIndex;
  root: Element;
  stats: Map<Element, ElementStats>;
  drops: Drops;
  base: string | null;
  /** Where the page is, to tell where its links lead. */
  scope: LinkScope;
  /** The post the page marks (`markedPost`), computed once for the page. */
  marked: MarkedPost | null;
  /** The post's title as the post or page gives it. */
  title: string;
}

type Relation = 'same' | 'inside' | 'contains' | 'elsewhere';

function relation(containers: readonly Element[], marked: Element): Relation {
  if (containers.includes(marked)) return 'same';
  if (containers.some((container) => contains(marked, container))) return 'inside';
  if (containers.some((container) => contains(container, marked))) return 'contains';
  return 'elsewhere';
}

/** The rejected choice goes to `removed` with the net's reason; an empty one leaves a marker saying what was taken. */
function replaced(body: BodyChoice, taken: BodyCollection, containers: Element[], reason: DropReason, label: string): BodyChoice {
  const rejected = blocksRemoved(body.blocks, reason);
  const marker: RemovedBlock[] = body.blocks.length === 0 ? [{ fingerprint: '', text: `took ${label}`, reason, bytes: 0 }] : [];
  return { ...body, blocks: taken.blocks, removed: [...body.removed, ...taken.removed, ...rejected, ...marker], containers };
}

/**
 * Blocks before the first and after the last block of the marked post are the page around it (the date, byline and
 * category line above it; the author box, the comment thread below): a theme writes the whole post inside its
 * the_content() element. With `before` false only what follows is trimmed.
 */
function trimAroundPost(body: BodyChoice, post: BodyCollection, label: PostMarkerLabel, before = true): BodyChoice {
  const inPost = new Set(post.blocks.map((block) => block.fingerprint));
  const first = before ? body.blocks.findIndex((block) => inPost.has(block.fingerprint)) : 0;
  const last = body.blocks.findLastIndex((block) => inPost.has(block.fingerprint));
  if (first < 0 || last < 0) return body;
  const blocks = body.blocks.slice(first, last + 1).map((block) => (inPost.has(block.fingerprint) ? markedInPost(block) : block));
  const removed = [
    ...blocksRemoved(body.blocks.slice(0, first), `safety-net: before ${label}`),
    ...blocksRemoved(body.blocks.slice(last + 1), `safety-net: after ${label}`),
  ];
  return { ...body, blocks, removed: [...body.removed, ...removed] };
}

function markedInPost(block: BodyBlock): BodyBlock {
  return block.inPost ? block : { ...block, inPost: true };
}

/** The body's blocks all come from the marked post (see `BodyBlock.inPost`). */
function allInPost(body: BodyChoice): BodyChoice {
  return body.blocks.length === 0 ? body : { ...body, blocks: body.blocks.map(markedInPost) };
}

/**
 * With no marker: the densest run of prose in `within` (the page, or the element around the post's title), looking
 * past drops that are only names. The found containers and `within` itself are read even when dropped for their
 * name (an article wrapper called "widget").
 */
function densestProse(body: BodyChoice, input: SafetyNetInput, within: Element, reason: DropReason): BodyChoice {
  if ((input.stats.get(within)?.paragraph ?? 0) < MIN_DENSEST_PROSE_CHARS) return body;
  const hard = new Set([...input.drops].filter(([, dropped]) => HARD_REASONS.has(dropped)).map(([element]) => element));
  const found = findMainContent(within, input.stats, hard);
  if (found.length === 0) return body;
  const drops = new Map(input.drops);
  for (const container of [within, ...found]) drops.delete(container);
  const taken = collectBlocks(found, drops, input.base, { scope: input.scope });
  const chars = bodyChars(taken.blocks);
  if (chars === 0 || readsLikeFurniture({ ...body, ...taken, containers: found }, chars)) return body;
  return replaced(body, taken, found, reason, 'the densest prose');
}

/** Still nothing: the text under the post's title heading (see `underTitle`), unless it reads like furniture. */
function orUnderTitle(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  if (body.blocks.length > 0) return body;
  const found = underTitle(input);
  if (!found || readsLikeFurniture({ ...body, ...found.taken, containers: found.containers }, bodyChars(found.taken.blocks))) return body;
  return replaced(body, found.taken, found.containers, 'safety-net: empty', 'the text under the title');
}

const withoutDrop = (drops: Drops, element: Element): Drops => new Map([...drops].filter(([dropped]) => dropped !== element));

function isSoftDrop(drops: Drops, element: Element): boolean {
  const reason = drops.get(element);
  return reason !== undefined && !HARD_REASONS.has(reason);
}

/**
 * With no marker, when the post's one title heading sits in an element dropped only for its name (a story wrapper
 * called "widget" on a page whose teaser excerpts outweigh the story, so that the rules chose the excerpts): the
 * densest prose of that element. A title inside a comment, form or hidden element is no evidence.
 */
function aroundTitle(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  // Most pages drop no h1: the title is then not looked for (matching headings against it is the costly part).
  const dropped = (heading: Element): boolean => closest(heading, (element) => input.drops.has(element)) !== null;
  if (!(input.$.byTag.get('h1') ?? []).some(dropped)) return body;
  const headings = titleHeadings(input.$, input.title);
  if (headings.length === 0) return withHeadlineOpening(body, input);
  const wrapper = headings.length === 1 ? closest(headings[0] as Element, (element) => input.drops.has(element)) : null;
  if (!wrapper || !isSoftDrop(input.drops, wrapper) || closest(wrapper, (element) => element !== wrapper && input.drops.has(element))) return body;
  return densestProse(body, input, wrapper, 'safety-net: elsewhere');
}

/**
 * With no marker and no heading that carries the title (a page whose `<title>` is written for search engines and
 * headlines its story differently): the page's first `<h1>` is the story's headline. When it sits in an element
 * dropped only for its name (a CMS that calls every block "teaser_123") before the chosen body, that element's
 * prose is the story's opening, and is read before the body rather than lost. A linked h1 (a logo, a teaser's
 * headline) or one in the site header says nothing of where the story is.
 */
function withHeadlineOpening(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  const heading = input.$.byTag.get('h1')?.[0];
  if (!heading || closest(heading, (element) => element.name === 'a' || isSiteHeader(element))) return body;
  const { text, link } = statsOf(input.stats, heading);
  const wrapper = closest(heading, (element) => input.drops.has(element));
  const first = body.containers[0];
  if (text === 0 || link >= text * MIN_HEADLINE_LINK_SHARE || !wrapper || !first || !isSoftDrop(input.drops, wrapper)) return body;
  if (closest(wrapper, (element) => element !== wrapper && input.drops.has(element)) || byDocumentOrder(wrapper, first) >= 0) return body;
  if (statsOf(input.stats, wrapper).paragraph < MIN_DENSEST_PROSE_CHARS || body.containers.some((container) => contains(wrapper, container))) return body;
  const drops = new Map(input.drops);
  drops.delete(wrapper);
  const opening = collectBlocks([wrapper], drops, input.base, { scope: input.scope });
  const inBody = new Set(body.blocks.map((block) => block.fingerprint));
  const blocks = opening.blocks.filter((block) => !inBody.has(block.fingerprint));
  if (blocks.length === 0 || readsLikeFurniture({ ...body, blocks, containers: [wrapper] }, bodyChars(blocks))) return body;
  return { ...body, blocks: [...blocks, ...body.blocks], removed: [...opening.removed, ...body.removed], containers: [wrapper, ...body.containers] };
}

/**
 * With no marker: the prose under the post's one title heading is the post's, when the rules chose other
 * containers (a story of short one-sentence paragraphs beside a block of long ones elsewhere: a notice, a blurb).
 * It is read with the chosen body, in page order; a chosen body that reads like furniture gives way to it. Text
 * under the title that is not prose (a byline, a share bar) or that reads like furniture changes nothing.
 */
function withStoryUnderTitle(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  if (body.blocks.length === 0) return body;
  const found = textUnderTitle(input, body.containers, input.stats, MIN_DENSEST_PROSE_CHARS);
  if (!found) return body;
  const prose = found.containers.reduce((sum, container) => sum + statsOf(input.stats, container).paragraph, 0);
  const chars = bodyChars(found.taken.blocks);
  if (prose < MIN_DENSEST_PROSE_CHARS || readsLikeFurniture({ ...body, ...found.taken, containers: found.containers }, chars)) return body;
  if (readsLikeFurniture(body, bodyChars(body.blocks)))
    return replaced(body, found.taken, found.containers, 'safety-net: furniture', 'the text under the title');
  // Read again with the chosen containers, in page order: the story comes where it stands (after a headline block
  // taken as the lead, before the other text).
  const containers = [...body.containers, ...found.containers].sort(byDocumentOrder);
  const taken = collectBlocks(containers, input.drops, input.base, { scope: input.scope });
  if (bodyChars(taken.blocks) <= bodyChars(body.blocks)) return body;
  return { ...body, blocks: taken.blocks, removed: taken.removed, containers };
}

/**
 * With no marker: a body that is the next story's (see `nextStoryHeadline`) gives way to the densest prose of the
 * post's region; a body that holds the post's story and then the
 * next one ends before the next one's headline.
 */
function underOwnHeadline(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  const both = cutBeforeNextStory(body, input);
  if (both) return both;
  const found = nextStoryHeadline(body, input);
  if (!found) return body;
  return densestProse(body, input, found.region, 'safety-net: elsewhere');
}
/**
 * With no marker: when the rules chose one module of a page builder's layout (a text module in one row), the
 * layout's other modules are the post's too (the heading module above it, the text module in the next row).
 */
function withBuilderLayout(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  const first = body.containers[0];
  const layout = first ? builderLayout(first) : null;
  if (!layout || layout.length === 0 || body.containers.every((container) => layout.includes(container))) return body;
  if (!body.containers.every((container) => layout.some((part) => contains(part, container)))) return body;
  const taken = collectBlocks(layout, input.drops, input.base, { scope: input.scope });
  const takenChars = bodyChars(taken.blocks);
  if (takenChars <= bodyChars(body.blocks) || readsLikeFurniture({ ...body, ...taken, containers: layout }, takenChars)) return body;
  return { ...body, blocks: taken.blocks, removed: [...body.removed, ...taken.removed], containers: layout };
}

/**
 * The body the rules chose is checked against independent evidence of where the post is (trafilatura compares
 * its result with two other extractors; this compares with the page's own markers, on the same tree and stats).
 * Checks the chosen body against the post the page marks (see `markedPost`) and swaps it when the choice is
 * empty, far shorter than the marked post around it, or furniture beside it; trims what follows the marked post.
 * A post cut short by a stray end tag in it comes with its rest (`MarkedPost.rest`). On pages that mark no post: an
 * empty body, prose under the post's title that the body leaves out, a body that is the next story's (the post's own
 * headline says which is the post's), one module of a page builder's layout. An ordinary post (the whole content is the post) is only read
 * again when names of navigation hid most of its text (see `ordinaryPost`).
 */
export function safetyNet(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  if (body.profile === 'wordpress') return ordinaryPost(body, input);
  const chars = bodyChars(body.blocks);
  const found = input.marked;
  const marked = found && (!found.inOtherPosts || chars === 0) ? found : null;
  if (!marked)
    return chars === 0
      ? orUnderTitle(densestProse(body, input, input.root, 'safety-net: empty'), input)
      : withBuilderLayout(underOwnHeadline(withStoryUnderTitle(aroundTitle(body, input), input), input), input);
  const where = relation(body.containers, marked.element);
  const theContent = marked.theContent ? marked.element : null;
  // The page marks this element as the post: a furniture name on it (a builder's "widget") is no reason to skip it.
  const postDrops = isSoftDrop(input.drops, marked.element) ? withoutDrop(input.drops, marked.element) : input.drops;
  const post = (commentsHeadingEnds = true): BodyCollection =>
    collectBlocks([marked.element, ...marked.rest], postDrops, input.base, {
      commentsHeadingEnds,
      theContent,
      theContentRest: marked.rest,
      scope: input.scope,
    });
  if (chars === 0) return takeIfAny(body, post(where !== 'same'), marked, 'safety-net: empty');
  if (where === 'same' || where === 'inside') {
    // A stray end tag in the post closed the_content() early: the rest of the post after it comes with it.
    if (marked.rest.length > 0) {
      const whole = post();
      if (bodyChars(whole.blocks) > chars)
        return allInPost({ ...body, blocks: whole.blocks, removed: [...body.removed, ...whole.removed], containers: [marked.element, ...marked.rest] });
    }
    // Beside the_content() element, the rules took other containers too: what follows it (tags, share buttons, an
    // author card) is no more the post than when the choice contains it; what precedes it may be a standfirst.
    if (where === 'same' && theContent && body.containers.length > 1) return trimAroundPost(body, post(), marked.label, false);
    // A page builder writes the post inside the_content() as modules (text, heading, image) in rows and columns:
    // when the rules chose the text of one module, the post's other modules come with it.
    if (where === 'inside' && theContent && body.containers.some(inBuilderModule)) {
      const whole = post();
      if (bodyChars(whole.blocks) > chars)
        return allInPost({ ...body, blocks: whole.blocks, removed: [...body.removed, ...whole.removed], containers: [marked.element] });
    }
    if (chars >= marked.plain * FAR_SHORTER_SHARE) return allInPost(body);
    // Read again without the rule that a comments heading ends the story: inside the marked post it is a subheading.
    const taken = post(false);
    return allInPost(
      chars < bodyChars(taken.blocks) * FAR_SHORTER_SHARE ? replaced(body, taken, [marked.element], 'safety-net: cut short', marked.label) : body,
    );
  }
  // News CMSs put the author's note and the print line after their article-body element; themes put nothing of the post after the_content.
  if (where === 'contains') return marked.theContent ? trimAroundPost(body, post(), marked.label) : body;
  const furniture = readsLikeFurniture(body, chars);
  const otherStory = !furniture && !body.containers.some((container) => contains(marked.element, container)) && nextStoryHeadline(body, input) !== null;
  if (otherStory) return takeIfAny(body, post(), marked, 'safety-net: elsewhere');
  // the_content() holds the post and nothing else: a choice elsewhere with far less text than it is not the post.
  const outweighed = marked.theContent && chars < marked.plain * FAR_SHORTER_SHARE;
  if (!furniture && !marked.holdsTitle && !outweighed) return body;
  const taken = post();
  const takenChars = bodyChars(taken.blocks);
  if (takenChars === 0 || (!furniture && takenChars < chars * ELSEWHERE_MIN_SHARE)) return body;
  return allInPost(replaced(body, taken, [marked.element], furniture ? 'safety-net: furniture' : 'safety-net: elsewhere', marked.label));
}

/**
 * An ordinary post is all post: a navigation word in its content's class names is a page builder's name for its
 * modules (`x-widget x-widget-text`), not a menu. When such elements hold more text than was kept, the post is
 * read again without them, as the post it is.
 */
function ordinaryPost(body: BodyChoice, input: SafetyNetInput): BodyChoice {
  let named = 0;
  for (const [element, reason] of input.drops) if (reason === 'navigation') named += statsOf(input.stats, element).text - statsOf(input.stats, element).link;
  const chars = bodyChars(body.blocks);
  if (named === 0 || named <= chars) return body;
  const drops = new Map([...input.drops].filter(([, reason]) => reason !== 'navigation'));
  const taken = collectBlocks([input.root], drops, input.base, { scope: input.scope, theContent: input.root, wholeIsPost: true });
  if (bodyChars(taken.blocks) <= chars) return body;
  const marker: RemovedBlock = { fingerprint: '', text: 'took the post without the names of its parts', reason: 'safety-net: cut short', bytes: 0 };
  return { ...body, blocks: taken.blocks, removed: [...body.removed.filter((block) => block.reason !== 'navigation'), ...taken.removed, marker] };
}

function takeIfAny(body: BodyChoice, taken: BodyCollection, marked: MarkedPost, reason: DropReason): BodyChoice {
  return taken.blocks.length > 0 ? allInPost(replaced(body, taken, [marked.element], reason, marked.label)) : body;
}
