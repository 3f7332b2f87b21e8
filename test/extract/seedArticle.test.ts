import { describe, expect, it } from 'vitest';
import { renderBody, toContractArticle } from '../../src/article.js';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';
import { readCase } from './goldenFixtures.js';

const SITE = 'https://analyse.optim.biz';
const { post, expected } = readCase('seed');
const article = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });

/** Text that belongs to teasers, ads, share widgets and boxes around the euronews article. */
// prettier-ignore
const BOILERPLATE_SNIPPETS = [
  'ADVERTISEMENT', 'Share', 'Comments', 'Related', 'Read more', 'Top stories', 'Most read', 'Hantavirus ship evacuees',
  'Gulf braces itself', 'EU reinforces cooperation with Azerbaijan', 'Diplomats survey Karabakh', 'Go to accessibility shortcuts',
  'Copyright', 'Saida Rustamova', 'Published on', 'Kaja Kallas\nEuropean Union', 'analyse_', 'Facebook', 'Whatsapp',
];

describe('extractArticle on the euronews seed', () => {
  it('matches every field of the hand-checked golden file', () => {
    for (const [field, value] of Object.entries(expected)) {
      expect({ field, value: (article as unknown as Record<string, unknown>)[field] }).toEqual({ field, value });
    }
  });

  it('reads the headline, byline, page date and source from the page, not from WordPress', () => {
    expect(article.title).toBe('EU’s Kallas visits Baku to advance ‘strategic partnership’ with Azerbaijan');
    expect(article.authors).toEqual(['Saida Rustamova']);
    expect(article.published_at).toBe('2026-05-05T16:25:43.000Z');
    expect(article.source_url).toBe('http://www.euronews.com/2026/05/05/eus-kallas-visits-baku-to-advance-strategic-partnership-with-azerbaijan');
    expect(article.section).toEqual(['News', 'World', 'Azerbaijan']);
    expect(article.topics).toEqual(['Kaja Kallas', 'European Union', 'Azerbaijan']);
    expect(article.image).toEqual({
      url: 'https://images.euronews.com/articles/stories/09/74/58/11/1200x675_cmsv2_887de602-302d-5499-bd7c-a003a7b00966-9745811.jpg',
      caption: 'EU High Representative for Foreign Affairs and Security Policy (EEAS) Kaja Kallas in Baku, 5 May 2026',
      credit: 'Courtesy of Azertag',
    });
    expect(article.profile).toBe('euronews');
  });

  it('keeps every body paragraph once, in order, and nothing around it', () => {
    expect(article.blocks).toHaveLength(22);
    expect(article.blocks[0]?.text).toMatch(/^The EU’s foreign policy chief Kaja Kallas continued/);
    expect(article.blocks.at(-1)?.text).toBe(
      '“This sends a strong signal of our joint vision for the future,” Costa said, underlining that “energy security is a cornerstone of the EU’s cooperation with Azerbaijan.',
    );
    expect(article.blocks.filter((block) => block.tag === 'h2').map((block) => block.text)).toEqual([
      'Peace process on the agenda',
      '‘Strong signal of joint vision’',
    ]);
    for (const snippet of BOILERPLATE_SNIPPETS) {
      expect(article.body_text).not.toContain(snippet);
      expect(article.body_html).not.toContain(snippet);
    }
    expect(new Set(article.blocks.map((block) => block.fingerprint)).size).toBe(article.blocks.length);
  });

  it('derives body_text, body_html and word_count from the blocks', () => {
    expect({ body_text: article.body_text, body_html: article.body_html, word_count: article.word_count }).toEqual(renderBody(article.blocks));
  });

  it('reports each teaser once with its first slot (sidebar and repeated copies collapse)', () => {
    const slots = article.teasers.reduce<Record<string, number>>((counts, teaser) => ({ ...counts, [teaser.slot]: (counts[teaser.slot] ?? 0) + 1 }), {});
    expect(slots).toEqual({ latest: 4, related: 2, 'read-more': 3, top: 2, 'most-read': 5 });
    expect(new Set(article.teasers.map((teaser) => teaser.key)).size).toBe(article.teasers.length);
    expect(article.teasers.find((teaser) => teaser.key === 'nid:2891475')?.slot).toBe('latest');
    expect(article.related.map((link) => link.title)).toEqual([
      'EU reinforces cooperation with Azerbaijan on security and energy',
      'Italy’s PM Meloni visits Baku to reinforce key energy links',
    ]);
  });

  it('explains what it removed: ads, the related box, teasers and the articleBody copy', () => {
    const reasons = new Set(article.removed.map((entry) => entry.reason));
    for (const reason of ['ad', 'related-box', 'read-more', 'teaser', 'articlebody-copy']) expect(reasons).toContain(reason);
    const copy = article.removed.find((entry) => entry.reason === 'articlebody-copy');
    expect(copy?.bytes).toBeGreaterThan(4000);
    expect(article.removed.every((entry) => /^[0-9a-f]{16}$/.test(entry.fingerprint) && entry.bytes > 0)).toBe(true);
  });

  it('does not mutate its input and is deterministic', () => {
    const before = JSON.stringify(post);
    const again = extractArticle(post, { site: SITE, terms: EMPTY_TERM_NAMES });
    expect(JSON.stringify(post)).toBe(before);
    expect(again).toEqual(article);
  });

  it('prints exactly the contract fields through toContractArticle', () => {
    // prettier-ignore
    expect(Object.keys(toContractArticle(article)).sort()).toEqual(
      ['wp', 'source_url', 'title', 'summary', 'authors', 'published_at', 'section', 'topics', 'image', 'body_text', 'body_html', 'related', 'teasers', 'word_count'].sort(),
    );
  });
});

describe('extractArticle on a short story in the seed template', () => {
  // Keep only the first two paragraphs of the story (and of its articleBody copy): a brief on a page that is
  // mostly teaser titles, which real WordPress posts of this template include.
  const content = (post.content as { rendered: string }).rendered;
  const start = content.indexOf('<div class="c-article-content');
  const end = content.indexOf('<p>                                  Go to accessibility shortcuts');
  const paragraphs = content
    .slice(start, end)
    .match(/<p>[^]*?<\/p>/g)!
    .slice(0, 2);
  const short = `${content.slice(0, start)}<div class="c-article-content js-article-content">\n${paragraphs.join('\n')}\n</div>\n${content.slice(end)}`.replace(
    /<div class="articleBody"[^]*?<\/div>/,
    '',
  );
  const brief = extractArticle({ ...post, content: { rendered: short } }, { site: SITE, terms: EMPTY_TERM_NAMES });

  it('still uses the site profile, so the page date keeps its time and the caption stays', () => {
    expect(brief.profile).toBe('euronews');
    expect(brief.published_at).toBe('2026-05-05T16:25:43.000Z');
    expect(brief.image?.credit).toBe('Courtesy of Azertag');
    expect(brief.blocks.map((block) => block.tag)).toEqual(['p', 'p']);
  });
});
