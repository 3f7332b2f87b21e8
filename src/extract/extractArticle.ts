import type { Element } from 'domhandler';
import { renderBody, type BodyBlock, type ExtractedArticle, type RemovedBlock } from '../article.js';
import { normaliseText } from '../fingerprintText.js';
import { fingerprintFast } from './body/fingerprintFast.js';
import { EMPTY_TERM_NAMES, type TermNames, type WpPost } from '../wpPost.js';
import { absoluteUrl, safeUrl } from './body/absoluteUrl.js';
import { chooseProfile } from './profiles/chooseProfile.js';
import { removedBlock } from './body/collectBlocks.js';
import { blocksRemoved } from './body/blocksRemoved.js';
import { collectTeasers } from './teasers/collectTeasers.js';
import { detectLanguage } from './metadata/detectLanguage.js';
import { closest, indexPage, type PageIndex, parseHtml } from '../html/index.js';
import { extractBody, type BodyChoice } from './body/extractBody.js';
import { linkScope, type LinkScope } from './body/linkTarget.js';
import { LISTING_PROFILE, readListing, type Listing } from './body/readListing.js';
import { safetyNet } from './body/safetyNet.js';
import { markedPost } from './body/markedPost.js';
import { findArticleBodyCopies, markFurniture } from './furniture/markFurniture.js';
import { computeStats, type ElementStats } from './body/nodeStats.js';
import { finishImage, mergeMetadata, type PageMetadata } from './metadata/pageMetadata.js';
import { mayHoldShortcode, parseShortcodes } from './post/parseShortcodes.js';
import { pageImage, readPageMetadata } from './metadata/readPageMetadata.js';
import { readPost, type PostFields } from './post/readPost.js';
import { readStructuredData } from './metadata/readStructuredData.js';
import { repairFromArticleBody } from './body/repairFromArticleBody.js';
import { revealProtectedEmails } from './body/revealProtectedEmails.js';
import { wordpressMetadata } from './post/wordpressMetadata.js';
import { shiftWpClock } from './post/shiftWpClock.js';
import { visibleArticleBody } from './body/visibleArticleBody.js';
import { wpProvenance } from './post/wpProvenance.js';
import type { DropReason, Drops } from './dropReasons.js';
import { HEADING_TAG } from './body/rules.js';
import { dropAuthorBox } from './body/dropAuthorBox.js';
import { LANGUAGE_SAMPLE_CHARS } from './metadata/rules.js';

/** What extraction needs besides the post: the site it came from and resolved term/author names. */
export interface ExtractContext {
  /** Site URL the post was fetched from (goes to `wp.site`). */
  site: string;
  /** Category, tag and author names by id; may be empty. */
  terms: TermNames;
}

/**
 * Turns a WP REST post into a clean article. Pure: no I/O, no mutation of `post`, never throws; a post with
 * nothing usable yields an article with empty fields.
 */
export function extractArticle(input: WpPost, context: ExtractContext): ExtractedArticle {
  const post: WpPost = input && typeof input === 'object' ? input : ({} as WpPost);
  const fields = readPost(post);
  const terms = context && typeof context === 'object' && context.terms ? context.terms : EMPTY_TERM_NAMES;
  const wp = wpProvenance(post, fields, { site: context?.site ?? '', terms });
  const ordinaryPost = !(mayHoldShortcode(fields.content, 'analyse_') && /\[analyse_(?:source|image)\b/i.test(fields.content));
  const fallback = wordpressMetadata(post, fields, terms, wp.tags, ordinaryPost);
  try {
    return extractFromContent(fields, wp, fallback);
  } catch {
    // Defensive: a parser or selector failure on hostile markup must not lose the post.
    return assemble(wp, mergeMetadata(fallback), { blocks: [], removed: [], profile: 'wordpress', profileFields: null, containers: [] }, [], fields);
  }
}

function extractFromContent(fields: PostFields, wp: ExtractedArticle['wp'], fallback: PageMetadata): ExtractedArticle {
  const shortcodes = parseShortcodes(fields.content);
  const ordinaryPost = shortcodes.sourceUrl === null && shortcodes.imageUrl === null;
  const { root, elements } = parseHtml(shortcodes.markup);
  if (shortcodes.markup.includes('data-cfemail')) revealProtectedEmails(elements);
  const stats = computeStats(elements);
  const $ = indexPage(elements);
  const pageProse = stats.get(root)?.paragraph ?? 0;
  const structured = readStructuredData($);
  const base = absoluteUrl(shortcodes.sourceUrl ?? structured.canonical ?? '', fields.link || null) ?? (fields.link || null);
  const declared = [structured.canonical, structured.meta.get('og:url') ?? null, structured.url].map((url) => (url ? absoluteUrl(url, base) : null));
  const scope = linkScope(base, declared);
  const teasers = collectTeasers(root, { stats, pageProse, base });
  const copies = findArticleBodyCopies($);
  const drops = new Map<Element, DropReason>([...teasers.drops, ...copies.map(({ element }) => [element, 'articlebody-copy'] as const)]);
  for (const [element, reason] of markFurniture($, root, stats, pageProse, drops)) drops.set(element, reason);
  const profile = ordinaryPost ? null : chooseProfile($, shortcodes.sourceUrl);
  // The post the page marks; an ordinary post is all post. Its the_content() element holds only the post's blocks.
  const marked = ordinaryPost ? null : markedPost({ $, stats, drops, title: fallback.title ?? '' });
  const theContent = marked?.theContent && !marked.inOtherPosts ? marked.element : null;
  const chosen = extractBody({ $, root, stats, pageProse, drops, base, scope, profile, ordinaryPost, theContent });
  const checked = safetyNet(chosen, { $, root, stats, drops, base, scope, marked, title: fallback.title ?? '' });
  const body = ordinaryPost ? checked : asListing(checked, listingOf($, checked, stats, scope, structured.declaresArticle));
  const page = ordinaryPost ? { image: pageImage($, structured) } : pageFields($, structured, drops, body, shortcodes, fallback.title ?? '');
  const metadata = mergeMetadata(page, fallback);
  if (!page.modified_at) metadata.modified_at = shiftWpClock(fallback.modified_at, fallback.published_at, metadata.published_at);
  // An ordinary post's declared featured image beats its first figure; a scraped page's own image beats the WP one.
  metadata.image = finishImage(ordinaryPost ? [fallback.image, page.image ?? null] : [page.image ?? null, fallback.image]);
  const repaired = repairFromArticleBody(body.blocks, visibleArticleBody($, structured.articleBody, drops) ?? copies[0]?.text ?? null);
  const confirmed = repaired ? replaceBlocks(body, repaired) : body;
  const withoutTitle = dropAuthorBox(dropTitleHeadings(confirmed, metadata.title), metadata.authors);
  const removed = [...withoutTitle.removed, ...outsideRemovals(drops, body, root, copies)];
  return assemble(wp, metadata, withoutTitle, teasers.teasers, fields, removed, base);
}

function pageFields(
  $: PageIndex,
  structured: ReturnType<typeof readStructuredData>,
  drops: Drops,
  body: BodyChoice,
  shortcodes: ReturnType<typeof parseShortcodes>,
  wpTitle: string,
): Partial<PageMetadata> {
  const inBoilerplate = (element: Element): boolean => closest(element, (ancestor) => drops.has(ancestor)) !== null;
  const fromProfile = body.profileFields?.metadata ?? {};
  const generic = readPageMetadata($, structured, inBoilerplate, fromProfile, wpTitle, drops);
  const merged = mergeMetadata({ source_url: shortcodes.sourceUrl }, fromProfile, generic);
  merged.image = finishImage([{ url: shortcodes.imageUrl, caption: null, credit: null }, fromProfile.image ?? null, generic.image]);
  return merged;
}

/**
 * The page read as a listing, in the chosen containers; when the rules kept nothing (every card dropped as a
 * teaser), in the page's main region.
 */
function listingOf($: PageIndex, body: BodyChoice, stats: Map<Element, ElementStats>, scope: LinkScope, declaresArticle: boolean): Listing | null {
  const listing = readListing(body.containers, stats, scope, declaresArticle);
  if (listing || body.blocks.length > 0) return listing;
  const main = ($.byTag.get('main') ?? []).filter((element) => !closest(element, (ancestor) => ancestor !== element && ancestor.name === 'main'));
  return main.length > 0 ? readListing(main, stats, scope, declaresArticle) : null;
}

/**
 * A listing page (a section front, an archive) holds no article: its body says so (profile `listing`, a
 * `listing-page` marker in `removed`) and lists the stories its cards announce, in page order, instead of
 * whichever card stream the rules happened to keep. What the rules kept that is not the cards' text (most of its
 * words in none of them) comes first, unless it is only headings: a listing has little such text (`MAX_LISTING_OWN_TEXT_CHARS`), but a
 * one-sentence story above a grid of story cards is that text, and it is never dropped for the cards.
 */
function asListing(body: BodyChoice, listing: Listing | null): BodyChoice {
  if (!listing) return body;
  const cardWords = new Set(listing.blocks.flatMap((block) => wordsOf(block.text)));
  const outside = body.blocks.filter((block) => {
    const words = wordsOf(block.text);
    return words.filter((word) => !cardWords.has(word)).length * 2 > words.length;
  });
  // Headings alone ("Highlights", "Latest news") label the listing; with text beside them they are the story's.
  const own = outside.some((block) => !HEADING_TAG.test(block.tag)) ? outside : [];
  const marker: RemovedBlock = {
    fingerprint: '',
    text: `a listing page: ${listing.cards} story cards and no article; the body lists the stories`,
    reason: 'listing-page',
    bytes: 0,
  };
  return { ...body, blocks: [...own, ...listing.blocks], removed: [...body.removed, marker], profile: LISTING_PROFILE };
}

/** The words of a text as fingerprints see them (`normaliseText`: lower-cased runs of letters and digits). */
function wordsOf(text: string): string[] {
  const normalised = normaliseText(text);
  return normalised ? normalised.split(' ') : [];
}

/** Swaps in blocks rebuilt from the articleBody, recording the rejected choice. */
function replaceBlocks(body: BodyChoice, blocks: BodyBlock[]): BodyChoice {
  return { ...body, blocks, removed: [...body.removed, ...blocksRemoved(body.blocks, 'articlebody-mismatch')] };
}

/**
 * Headings that repeat the title (themes print it again at the top of the content) are not body, nor is a first
 * line that repeats it in a styled element instead of a heading (`<div class="entry-title">`).
 */
function dropTitleHeadings(body: BodyChoice, title: string | null): BodyChoice {
  if (!title) return body;
  const titlePrint = fingerprintFast(title);
  // A scraped page's styled title line; an ordinary post's paragraph that says its title is the author's, and stays.
  const line = (block: BodyBlock, i: number): boolean =>
    body.profile !== 'wordpress' && i < TITLE_LINE_BLOCKS && body.blocks.length > TITLE_LINE_BLOCKS && block.text.length <= MAX_TITLE_LINE_CHARS;
  const repeats = body.blocks.filter((block, i) => block.fingerprint === titlePrint && (HEADING_TAG.test(block.tag) || line(block, i)));
  if (repeats.length === 0) return body;
  return { ...body, blocks: body.blocks.filter((block) => !repeats.includes(block)), removed: [...body.removed, ...blocksRemoved(repeats, 'title')] };
}

/** A title repeated as one of the body's first this many blocks, in an element that is no heading, is the title. */
const TITLE_LINE_BLOCKS = 2;
/** Longest such title line (a paragraph the title happens to repeat is longer). */
const MAX_TITLE_LINE_CHARS = 300;

/** Drop reasons reported even outside the body. */
const OUTSIDE_REASONS: ReadonlySet<DropReason> = new Set(['teaser', 'read-more', 'related-box', 'articlebody-copy']);

/**
 * Teasers and articleBody copies outside the body are reported too, so `explain` can show every drop. A copy's
 * text is already known (a long one would otherwise be read again).
 */
function outsideRemovals(drops: Drops, body: BodyChoice, root: Element, copies: ReadonlyArray<{ element: Element; text: string }>): RemovedBlock[] {
  const reported = new Set(body.removed.map((entry) => entry.fingerprint + entry.reason));
  const copyTexts = new Map(copies.map(({ element, text }) => [element, text]));
  const out: RemovedBlock[] = [];
  for (const [element, reason] of drops) {
    if (!OUTSIDE_REASONS.has(reason) || element === root || body.containers.includes(element)) continue;
    const entry = removedBlock(element, reason, reason === 'articlebody-copy' ? copyTexts.get(element) : undefined);
    if (entry.text && !reported.has(entry.fingerprint + reason)) out.push(entry);
  }
  return out;
}

function assemble(
  wp: ExtractedArticle['wp'],
  metadata: PageMetadata,
  body: BodyChoice,
  teasers: ExtractedArticle['teasers'],
  fields: PostFields,
  removed: RemovedBlock[] = [],
  base: string | null = null,
): ExtractedArticle {
  const rendered = renderBody(body.blocks);
  const sourceUrl = (metadata.source_url ? safeUrl(metadata.source_url, fields.link || null) : null) ?? (fields.link || null);
  const imageUrl = metadata.image?.url ? safeUrl(metadata.image.url, base, 'image') : null;
  const image = metadata.image && imageUrl ? { ...metadata.image, url: imageUrl } : null;
  return {
    wp,
    source_url: sourceUrl,
    title: metadata.title ?? '',
    summary: metadata.summary,
    authors: metadata.authors,
    published_at: metadata.published_at,
    section: metadata.section,
    topics: metadata.topics,
    image: image as ExtractedArticle['image'],
    ...rendered,
    related: teasers.filter((teaser) => teaser.slot === 'related').map(({ title, url }) => ({ title, url })),
    teasers,
    modified_at: metadata.modified_at,
    language: metadata.language ?? detectLanguage(rendered.body_text.slice(0, LANGUAGE_SAMPLE_CHARS)),
    blocks: body.blocks,
    removed,
    profile: body.profile,
  };
}
