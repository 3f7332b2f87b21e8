import { createRng } from './createRng.js';
import type { Rng } from './createRng.js';
import { createTextGenerator } from './createTextGenerator.js';
import type { TextContext } from './createTextGenerator.js';
import { QUOTE_STYLES, slugify } from './encodeText.js';
import type { QuoteStyle } from './encodeText.js';
import { CREDITS, JOURNALISTS, TOPICS, COUNTRIES } from './newsVocabulary.js';
import { captionDate, parisTime } from './wpDates.js';

const MIN_PARAGRAPHS = 5;
const MAX_PARAGRAPHS = 16;
const MAX_SUBHEADS = 2;
const RELATED_WIDGET_SHARE = 0.7;
const SECOND_AD_MIN_PARAGRAPHS = 10;
const SECOND_AD_AFTER_PARAGRAPH = 8;
const FIRST_FEATURED_CID = 9_600_000;

/** A body paragraph with the quote style its editor typed it in. */
export interface StyledText {
  text: string;
  style: QuoteStyle;
}

/** Everything a scraped euronews page says about its article (decoded text). */
export interface ScrapedArticle {
  headline: string;
  slug: string;
  sourceUrl: string;
  publishedMs: number;
  author: string;
  summary: StyledText;
  breadcrumbs: string[];
  pageTags: string[];
  paragraphs: StyledText[];
  /** subhead text shown before paragraph index `before` */
  subheads: Array<{ before: number; text: string }>;
  /** index of the paragraph the Related widget follows, or null when the page has none */
  relatedAfter: number | null;
  /** paragraph indexes followed by an ad block */
  adsAfter: number[];
  image: { featuredUrl: string; heroUrl: string; caption: string; credit: string };
  /** topic index into TOPICS (drives category and tags) */
  topicIndex: number;
  /** text context, for generating more text (duplicate edits) */
  context: TextContext;
}

/** Paragraph with a quote style drawn from the seed-like mix. */
export function styled(rng: Rng, text: string): StyledText {
  return { text, style: rng.pick(QUOTE_STYLES) };
}

function pickLayout(rng: Rng, count: number): Pick<ScrapedArticle, 'subheads' | 'relatedAfter' | 'adsAfter'> {
  const subheadCount = rng.int(0, Math.min(MAX_SUBHEADS, Math.floor(count / 4)));
  const positions = rng
    .sample(
      Array.from({ length: count - 2 }, (_, k) => k + 2),
      subheadCount,
    )
    .sort((a, b) => a - b);
  const relatedAfter = rng.chance(RELATED_WIDGET_SHARE) ? rng.int(1, count - 2) : null;
  const adsAfter = [0];
  if (count >= SECOND_AD_MIN_PARAGRAPHS && rng.chance(0.5)) adsAfter.push(SECOND_AD_AFTER_PARAGRAPH - 1);
  return { subheads: positions.map((before) => ({ before, text: '' })), relatedAfter, adsAfter };
}

/** Generates the article of the scraped page for post index `index`, published at `publishedMs`. */
export function generateScrapedArticle(seed: string | number, index: number, publishedMs: number, topicIndex: number): ScrapedArticle {
  const rng = createRng(seed, 'article', index);
  const text = createTextGenerator(rng);
  const topic = TOPICS[topicIndex] ?? TOPICS[0]!;
  const context: TextContext = { topic, country: rng.pick(COUNTRIES), other: rng.pick(COUNTRIES) };
  const headline = text.headline(context);
  const slug = slugify(headline);
  const count = rng.int(MIN_PARAGRAPHS, MAX_PARAGRAPHS);
  const paragraphs = Array.from({ length: count }, () => styled(rng, text.paragraph(context)));
  const layout = pickLayout(rng, count);
  for (const sub of layout.subheads) sub.text = text.subhead(context);
  const cid = FIRST_FEATURED_CID + index * 3 + rng.int(0, 2);
  const uuid = rng.uuid();
  const imageBase = `https://images.euronews.com/articles/stories/${String(cid).padStart(8, '0').match(/../g)!.join('/')}`;
  const tags = rng.sample(topic.pageTags, rng.int(1, 2));
  return {
    headline,
    slug,
    sourceUrl: `http://www.euronews.com/${parisTime(publishedMs).ymd.replace(/-/g, '/')}/${slug}`,
    publishedMs,
    author: rng.pick(JOURNALISTS),
    summary: styled(rng, text.summary(context)),
    breadcrumbs: ['News', topic.section, context.country[0]],
    pageTags: [...tags, context.country[0]],
    paragraphs,
    ...layout,
    image: {
      featuredUrl: `${imageBase}/1200x675_cmsv2_${uuid}-${cid}.jpg`,
      heroUrl: `${imageBase}/1536x864_cmsv2_${uuid}-${cid}.jpg`,
      caption: text.caption(context, captionDate(publishedMs)),
      credit: rng.pick(CREDITS),
    },
    topicIndex,
    context,
  };
}
