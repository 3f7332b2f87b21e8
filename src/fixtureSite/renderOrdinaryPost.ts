import { createRng } from './createRng.js';
import { createTextGenerator } from './createTextGenerator.js';
import type { TextContext } from './createTextGenerator.js';
import { encodeText } from './encodeText.js';
import type { StyledText } from './generateScrapedArticle.js';

const BLOG_SENTENCES = [
  'This site collects and archives articles from public news sources for analysis.',
  'We have updated the crawler schedule so that new stories appear within the hour.',
  'Feedback about the archive is welcome through the usual channels.',
  'Older items are kept for research purposes and are not edited after import.',
  'The category pages now list sources in alphabetical order.',
  'A short maintenance window is planned for the weekend.',
  'Thanks to everyone who reported broken links last month.',
  'Images are linked from their original sources and are not stored locally.',
];
const TITLE_PREFIXES = ['Site update', 'Archive notes', 'Maintenance notice', 'What changed this week'];
const BLOCK_GAP = '\n\n\n\n';
const FIRST_ATTACHMENT_ID = 500_000;
const MEDIA_BASE = 'https://fixture-media.test/wp-content/uploads';

/** An ordinary block-editor post of the site itself. */
export interface OrdinaryPost {
  title: string;
  paragraphs: StyledText[];
  subheads: string[];
  listItems: string[];
  quote: { text: string; cite: string };
  image: { url: string; caption: string };
  secondImageUrl: string;
}

/** Generates the ordinary post at index `index`. */
export function generateOrdinaryPost(seed: string | number, index: number, ctx: TextContext): OrdinaryPost {
  const rng = createRng(seed, 'ordinary', index);
  const text = createTextGenerator(rng);
  const count = rng.int(3, 6);
  const paragraphs = Array.from({ length: count }, () => ({
    text: `${rng.pick(BLOG_SENTENCES)} ${text.sentence(ctx)}`,
    style: 'literal' as const,
  }));
  return {
    title: `${rng.pick(TITLE_PREFIXES)}: ${text.headline(ctx)}`,
    paragraphs,
    subheads: [text.subhead(ctx)],
    listItems: rng.sample(ctx.topic.things, 3).map((t) => `New coverage of ${t}`),
    quote: { text: text.sentence(ctx), cite: text.person() },
    image: { url: `${MEDIA_BASE}/2026/04/archive-${index}.jpg`, caption: text.caption(ctx, 'archive photo') },
    secondImageUrl: `${MEDIA_BASE}/2026/04/archive-${index}-detail.jpg`,
  };
}

/** Rendered `content.rendered` as WordPress renders these blocks; `paragraphs` may include fixture edits. */
export function renderOrdinaryPost(post: OrdinaryPost, paragraphs: readonly StyledText[], index: number): string {
  const id = FIRST_ATTACHMENT_ID + index * 2;
  const p = paragraphs.map((x) => `<p>${encodeText(x.text, x.style)}</p>`);
  const blocks = [
    `<figure id="attachment_${id}" aria-describedby="caption-attachment-${id}" style="width: 1024px" class="wp-caption aligncenter"><img decoding="async" loading="lazy" class="size-large wp-image-${id}" src="${post.image.url}" alt="" width="1024" height="576" /><figcaption id="caption-attachment-${id}" class="wp-caption-text">${encodeText(post.image.caption, 'entity')}</figcaption></figure>\n${p[0]}`,
    `<h2 class="wp-block-heading">${encodeText(post.subheads[0] ?? '', 'entity')}</h2>`,
    p[1] ?? '',
    `<ul>\n${post.listItems.map((li) => `<li>${encodeText(li, 'entity')}</li>`).join('\n')}\n</ul>`,
    `<blockquote class="wp-block-quote">\n<p>${encodeText(post.quote.text, 'entity')}</p>\n<cite>${encodeText(post.quote.cite, 'entity')}</cite></blockquote>`,
    `<figure class="wp-block-image size-large"><img decoding="async" src="${post.secondImageUrl}" alt="" class="wp-image-${id + 1}"/></figure>`,
    ...p.slice(2),
  ];
  return `${blocks.join(BLOCK_GAP)}\n`;
}

/** Decoded texts of every `<p>` of the rendered post, in order (the quote's paragraph included). */
export function ordinaryParagraphs(post: OrdinaryPost, paragraphs: readonly StyledText[]): string[] {
  const texts = paragraphs.map((x) => x.text);
  return [...texts.slice(0, 2), post.quote.text, ...texts.slice(2)];
}
