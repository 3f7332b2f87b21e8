import type { Element } from 'domhandler';
import { renderBody, type ExtractedArticle, type RemovedBlock } from '../article.js';
import { EMPTY_TERM_NAMES, type TermNames, type WpPost } from '../wpPost.js';
import { absoluteUrl } from './absoluteUrl.js';
import { chooseProfile } from './chooseProfile.js';
import { removedBlock } from './collectBlocks.js';
import { collectTeasers } from './collectTeasers.js';
import { detectLanguage } from './detectLanguage.js';
import { closest } from './domNodes.js';
import { extractBody, type BodyChoice } from './extractBody.js';
import { findArticleBodyCopies, markFurniture } from './markFurniture.js';
import { computeStats, type ElementStats } from './nodeStats.js';
import { finishImage, mergeMetadata, type PageMetadata } from './pageMetadata.js';
import { indexPage, type PageIndex } from './pageIndex.js';
import { parseHtml } from './parseHtml.js';
import { parseShortcodes } from './parseShortcodes.js';
import { readPageMetadata } from './readPageMetadata.js';
import { readPost, type PostFields } from './readPost.js';
import { readStructuredData } from './readStructuredData.js';
import { wordpressMetadata } from './wordpressMetadata.js';
import { shiftWpClock } from './shiftWpClock.js';
import { wpProvenance } from './wpProvenance.js';

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
export function extractArticle(post: WpPost, context: ExtractContext): ExtractedArticle {
  const fields = readPost(post);
  const terms = context && typeof context === 'object' && context.terms ? context.terms : EMPTY_TERM_NAMES;
  const wp = wpProvenance(post, fields, { site: context?.site ?? '', terms });
  const fallback = wordpressMetadata(post, fields, terms, wp.tags);
  try {
    return extractFromContent(post, fields, wp, fallback);
  } catch {
    // Defensive: a parser or selector failure on hostile markup must not lose the post.
    return assemble(wp, mergeMetadata(fallback), { blocks: [], removed: [], profile: 'wordpress', profileFields: null }, [], fields);
  }
}

function extractFromContent(post: WpPost, fields: PostFields, wp: ExtractedArticle['wp'], fallback: PageMetadata): ExtractedArticle {
  const shortcodes = parseShortcodes(fields.content);
  const ordinaryPost = shortcodes.sourceUrl === null && shortcodes.imageUrl === null;
  const document = parseHtml(`<div>${shortcodes.markup}</div>`).root()[0];
  const root = document?.children[0] as Element;
  const stats = computeStats(document as never);
  const $ = indexPage(root);
  const pageProse = stats.get(root)?.paragraph ?? 0;
  const structured = readStructuredData(root);
  const base = absoluteUrl(shortcodes.sourceUrl ?? structured.canonical ?? '', fields.link || null) ?? (fields.link || null);
  const teasers = collectTeasers(root, { stats, pageProse, base });
  const copies = findArticleBodyCopies(root);
  const drops = new Map<Element, string>([...teasers.drops, ...copies.map(({ element }) => [element, 'articlebody-copy'] as [Element, string])]);
  for (const [element, reason] of markFurniture(root, stats, pageProse, drops)) drops.set(element, reason);
  const profile = ordinaryPost ? null : chooseProfile($, shortcodes.sourceUrl);
  const body = extractBody({ $, root, stats, pageProse, drops, base, profile, ordinaryPost });
  const page = ordinaryPost ? {} : pageFields($, structured, drops, body, shortcodes);
  const metadata = mergeMetadata(page, { ...fallback, modified_at: null }, fallback);
  if (!page.modified_at) metadata.modified_at = shiftWpClock(fallback.modified_at, fallback.published_at, metadata.published_at);
  metadata.image = finishImage([page.image ?? null, fallback.image]);
  const removed = [...body.removed, ...outsideRemovals(drops, body, root)];
  return assemble(wp, metadata, body, teasers.teasers, fields, removed, base, stats);
}

function pageFields($: PageIndex, structured: ReturnType<typeof readStructuredData>, drops: Map<Element, string>, body: BodyChoice, shortcodes: ReturnType<typeof parseShortcodes>): Partial<PageMetadata> {
  const inBoilerplate = (element: Element): boolean => closest(element, (ancestor) => drops.has(ancestor) && drops.get(ancestor) !== 'navigation') !== null;
  const fromProfile = body.profileFields?.metadata ?? {};
  const generic = readPageMetadata($, structured, inBoilerplate, fromProfile);
  const merged = mergeMetadata({ source_url: shortcodes.sourceUrl }, fromProfile, generic);
  merged.image = finishImage([{ url: shortcodes.imageUrl, caption: null, credit: null }, fromProfile.image ?? null, generic.image]);
  return merged;
}

/** Teasers and articleBody copies outside the body are reported too, so `explain` can show every drop. */
function outsideRemovals(drops: Map<Element, string>, body: BodyChoice, root: Element): RemovedBlock[] {
  const reported = new Set(body.removed.map((entry) => entry.fingerprint + entry.reason));
  const out: RemovedBlock[] = [];
  for (const [element, reason] of drops) {
    if (!['teaser', 'read-more', 'related-box', 'articlebody-copy'].includes(reason) || element === root) continue;
    const entry = removedBlock(element, reason);
    if (entry.text && !reported.has(entry.fingerprint + reason)) out.push(entry);
  }
  return out;
}

function assemble(wp: ExtractedArticle['wp'], metadata: PageMetadata, body: BodyChoice, teasers: ExtractedArticle['teasers'], fields: PostFields, removed: RemovedBlock[] = [], base: string | null = null, _stats?: Map<Element, ElementStats>): ExtractedArticle {
  const rendered = renderBody(body.blocks);
  const sourceUrl = metadata.source_url ? absoluteUrl(metadata.source_url, fields.link || null) ?? metadata.source_url : fields.link || null;
  const image = metadata.image?.url ? { ...metadata.image, url: absoluteUrl(metadata.image.url, base, 'image') ?? metadata.image.url } : null;
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
    language: metadata.language ?? detectLanguage(rendered.body_text.slice(0, 5000)),
    blocks: body.blocks,
    removed,
    profile: body.profile,
  };
}
