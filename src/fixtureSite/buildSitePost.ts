import type { Teaser } from './buildTeaserPool.js';
import { applyDuplicateEdit, applyFixtureEdit } from './editArticle.js';
import { encodeText, slugify } from './encodeText.js';
import { asciiBytes, phpJson } from './phpJson.js';
import { emptySlots } from './fixtureTruth.js';
import type { FixtureTruth } from './fixtureTruth.js';
import { generateScrapedArticle } from './generateScrapedArticle.js';
import type { ScrapedArticle } from './generateScrapedArticle.js';
import { pickTeasers } from './pickTeasers.js';
import type { TeaserSlots } from './pickTeasers.js';
import { POST_KINDS } from './planSite.js';
import type { PostKind, SitePlan } from './planSite.js';
import { TOPICS } from './newsVocabulary.js';
import { generateOrdinaryPost, ordinaryParagraphs, renderOrdinaryPost } from './renderOrdinaryPost.js';
import { renderScrapedOpening, renderScrapedPage } from './renderScrapedPage.js';
import { excerptWords, formatExcerpt, makeExcerpt } from './makeExcerpt.js';
import type { BlockMemo } from './renderScrapedPage.js';
import { UNKNOWN_SITE_DOMAIN, UNKNOWN_TEMPLATE_BLOCKS, renderUnknownTemplatePage, unknownSourceUrl } from './renderUnknownTemplatePage.js';
import { termById } from './siteTerms.js';
import { formatIsoUtc, formatWpDate } from './wpDates.js';

/** One generated post: what the REST layer needs plus its ground truth. */
export interface SitePost {
  index: number;
  id: number;
  kind: PostKind;
  slug: string;
  /** decoded title */
  title: string;
  /** `title.rendered`: wptexturize entities */
  titleRendered: string;
  /** `content.rendered` as a PHP-escaped JSON string literal (quotes included), as byte chunks: what the REST layer sends */
  contentJson: Buffer[];
  /** `content.rendered` (decoded from contentJson on demand) */
  readonly content: string;
  excerpt: string;
  dateMs: number;
  modifiedMs: number;
  categories: number[];
  tags: number[];
  truth: FixtureTruth;
}

/** Inputs shared by every post of a site. */
export interface PostContext {
  seed: string | number;
  plan: SitePlan;
  pool: readonly Teaser[];
  /** the post's public link (depends on host and permalinks) */
  link(index: number, slug: string): string;
  /** shared cache of rendered teaser blocks */
  memo: BlockMemo;
}

function teaserTruth(slots: TeaserSlots, showsRelated: boolean): Pick<FixtureTruth, 'teaser_keys' | 'teasers_by_slot' | 'related_titles'> {
  const related = showsRelated ? slots.related : [];
  const bySlot = {
    latest: slots.latest.map((t) => t.key),
    top: slots.top.map((t) => t.key),
    'most-read': slots.mostRead.map((t) => t.key),
    'read-more': slots.readMore.map((t) => t.textKey),
    related: related.map((t) => t.textKey),
  };
  const keys = [...new Set(Object.values(bySlot).flat())];
  return { teaser_keys: keys, teasers_by_slot: bySlot, related_titles: related.map((t) => t.title) };
}

function articleTruth(
  a: ScrapedArticle,
): Omit<
  FixtureTruth,
  | 'id'
  | 'kind'
  | 'source_url'
  | 'duplicate_of'
  | 'categories'
  | 'tags'
  | 'modified_gmt'
  | 'teaser_keys'
  | 'teasers_by_slot'
  | 'related_titles'
  | 'template_blocks'
> {
  return {
    title: a.headline,
    wp_title: a.headline,
    author: a.author,
    published_at: formatIsoUtc(a.publishedMs),
    summary: a.summary.text,
    section: a.breadcrumbs,
    topics: a.pageTags,
    image: { url: a.image.heroUrl, caption: a.image.caption, credit: a.image.credit },
    paragraphs: a.paragraphs.map((p) => p.text),
    subheads: a.subheads.map((s) => s.text),
  };
}

type Built = {
  title: string;
  slug: string;
  contentJson: Buffer[];
  excerpt: string;
  truth: Omit<FixtureTruth, 'id' | 'kind' | 'duplicate_of' | 'categories' | 'tags' | 'modified_gmt'>;
};

const withContent = (content: string): Pick<Built, 'contentJson' | 'excerpt'> => ({
  contentJson: [asciiBytes(phpJson(content))],
  excerpt: makeExcerpt(content),
});

function buildEuronews(ctx: PostContext, index: number, version: number): Built {
  const { plan, seed } = ctx;
  const original = plan.duplicateOf[index]!;
  const base =
    original >= 0
      ? applyDuplicateEdit(generateScrapedArticle(seed, original, plan.dateMs[original]!, plan.topics[original]!), seed, index)
      : generateScrapedArticle(seed, index, plan.dateMs[index]!, plan.topics[index]!);
  const article = { ...base, paragraphs: applyFixtureEdit(base.paragraphs, base.context, seed, index, version) };
  const slots = pickTeasers(ctx.pool, seed, index);
  const opening = renderScrapedOpening(article, slots, ctx.memo);
  return {
    title: article.headline,
    slug: original >= 0 ? `${article.slug}-2` : article.slug,
    contentJson: renderScrapedPage(article, slots, ctx.memo, opening),
    excerpt: formatExcerpt(opening.words ?? excerptWords(opening.raw)),
    truth: { ...articleTruth(article), source_url: article.sourceUrl, ...teaserTruth(slots, article.relatedAfter !== null), template_blocks: [] },
  };
}

function buildUnknown(ctx: PostContext, index: number, version: number): Built {
  const { plan, seed } = ctx;
  const generated = generateScrapedArticle(seed, index, plan.dateMs[index]!, plan.topics[index]!);
  const media = (url: string): string => url.replace('https://images.euronews.com/articles/stories/', `https://${UNKNOWN_SITE_DOMAIN}/media/`);
  const article = { ...generated, image: { ...generated.image, featuredUrl: media(generated.image.featuredUrl), heroUrl: media(generated.image.heroUrl) } };
  const paragraphs = applyFixtureEdit(article.paragraphs, article.context, seed, index, version);
  const sourceUrl = unknownSourceUrl(article);
  return {
    title: article.headline,
    slug: article.slug,
    ...withContent(renderUnknownTemplatePage(article, paragraphs, sourceUrl)),
    truth: {
      ...articleTruth({ ...article, paragraphs }),
      section: article.breadcrumbs.slice(1, 2),
      source_url: sourceUrl,
      teaser_keys: [],
      teasers_by_slot: emptySlots(),
      related_titles: [],
      template_blocks: [...UNKNOWN_TEMPLATE_BLOCKS],
    },
  };
}

function buildOrdinary(ctx: PostContext, index: number, version: number): Built {
  const { plan, seed } = ctx;
  const base = generateScrapedArticle(seed, index, plan.dateMs[index]!, plan.topics[index]!).context;
  const textCtx = { ...base, topic: TOPICS[plan.topics[index]!]! };
  const post = generateOrdinaryPost(seed, index, textCtx);
  const paragraphs = applyFixtureEdit(post.paragraphs, textCtx, seed, index, version);
  const slug = slugify(post.title);
  return {
    title: post.title,
    slug,
    ...withContent(renderOrdinaryPost(post, paragraphs, index)),
    truth: {
      title: post.title,
      wp_title: post.title,
      author: 'admin',
      published_at: formatIsoUtc(plan.dateMs[index]!),
      summary: null,
      section: [],
      topics: [],
      image: { url: post.image.url, caption: post.image.caption, credit: null },
      paragraphs: ordinaryParagraphs(post, paragraphs),
      subheads: post.subheads,
      source_url: ctx.link(index, slug),
      teaser_keys: [],
      teasers_by_slot: emptySlots(),
      related_titles: [],
      template_blocks: [],
    },
  };
}

const TRUTH_KEYS: ReadonlyArray<keyof FixtureTruth> = [
  'id',
  'kind',
  'source_url',
  'title',
  'wp_title',
  'author',
  'published_at',
  'summary',
  'section',
  'topics',
  'image',
  'paragraphs',
  'subheads',
  'teaser_keys',
  'teasers_by_slot',
  'related_titles',
  'duplicate_of',
  'categories',
  'tags',
  'modified_gmt',
  'template_blocks',
];

/** The same truth with its keys in the documented order (stable JSON lines). */
function orderTruth(t: FixtureTruth): FixtureTruth {
  return Object.fromEntries(TRUTH_KEYS.map((k) => [k, t[k]])) as unknown as FixtureTruth;
}

/** Builds post `index` after `version` fixture edits, with modification time `modifiedMs`. */
export function buildSitePost(ctx: PostContext, index: number, version: number, modifiedMs: number): SitePost {
  const { plan } = ctx;
  const kind = POST_KINDS[plan.kinds[index]!]!;
  const built =
    kind === 'ordinary'
      ? buildOrdinary(ctx, index, version)
      : kind === 'unknown-template'
        ? buildUnknown(ctx, index, version)
        : buildEuronews(ctx, index, version);
  const original = plan.duplicateOf[index]!;
  const categories = plan.categories[index]!;
  const tags = plan.tags[index]!;
  const contentJson = built.contentJson;
  return {
    index,
    id: plan.ids[index]!,
    kind,
    slug: built.slug,
    title: built.title,
    titleRendered: encodeText(built.title, 'entity'),
    contentJson,
    get content(): string {
      return JSON.parse(Buffer.concat(contentJson).toString('latin1')) as string;
    },
    excerpt: built.excerpt,
    dateMs: plan.dateMs[index]!,
    modifiedMs,
    categories,
    tags,
    truth: orderTruth({
      id: plan.ids[index]!,
      kind,
      ...built.truth,
      duplicate_of: original >= 0 ? plan.ids[original]! : null,
      categories: categories.map((c) => termById(c).name),
      tags: tags.map((t) => termById(t).name),
      modified_gmt: formatWpDate(modifiedMs),
    }),
  };
}
