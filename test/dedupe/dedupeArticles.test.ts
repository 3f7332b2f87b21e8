import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions } from '../../src/dedupe/compareVersions.js';
import { contentHash } from '../../src/dedupe/contentHash.js';
import { dedupeArticles } from '../../src/dedupe/dedupeArticles.js';
import { teaserStats } from '../../src/dedupe/teaserStats.js';
import { TEMPLATE_MIN_POSTS } from '../../src/dedupe/isTemplateBlock.js';
import { generateParagraphs } from './generateText.js';
import { makeArticle, makeTeaser } from './makeArticle.js';

const FOOTER = 'Sign up for our weekly newsletter and get the best stories in your inbox.';
const ids = (articles: ReadonlyArray<{ wp: { id: number } }>): number[] => articles.map((article) => article.wp.id);

describe('compareVersions', () => {
  it('orders by date_gmt, then id, and treats a missing date as oldest', () => {
    const old = makeArticle({ id: 9, date_gmt: '2026-05-01T10:00:00' });
    const recent = makeArticle({ id: 1, date_gmt: '2026-05-05T10:00:00' });
    const sameTimeHigherId = makeArticle({ id: 2, date_gmt: '2026-05-05T10:00:00' });
    const undated = makeArticle({ id: 99, date_gmt: null });
    expect(compareVersions(recent, old)).toBeGreaterThan(0);
    expect(compareVersions(sameTimeHigherId, recent)).toBeGreaterThan(0);
    expect(compareVersions(undated, old)).toBeLessThan(0);
    expect(compareVersions(recent, recent)).toBe(0);
  });

  it('reads zoned and unzoned GMT times alike', () => {
    expect(compareVersions(makeArticle({ date_gmt: '2026-05-05T10:00:00Z' }), makeArticle({ date_gmt: '2026-05-05T10:00:00' }))).toBe(0);
  });
});

describe('dedupeArticles', () => {
  const v1 = makeArticle({
    id: 10,
    date_gmt: '2026-05-01T08:00:00',
    source_url: 'http://www.news.example/story/?utm_source=rss',
    paragraphs: ['First version.'],
  });
  const v2 = makeArticle({ id: 11, date_gmt: '2026-05-02T08:00:00', source_url: 'https://news.example/story', paragraphs: ['Second version.'] });
  const v3 = makeArticle({ id: 12, date_gmt: '2026-05-03T08:00:00', source_url: 'https://news.example/story#top', paragraphs: ['Third version.'] });
  const other = makeArticle({ id: 13, date_gmt: '2026-05-01T08:00:00', source_url: 'https://news.example/other', paragraphs: ['Another story.'] });

  it('keeps the newest version of each source URL and lists the merges', () => {
    const result = dedupeArticles([v1, other, v3, v2]);
    expect(ids(result.articles)).toEqual([13, 12]);
    expect(result.articles.find((article) => article.wp.id === 12)?.body_text).toBe('Third version.');
    expect(result.merged).toEqual([
      { kept: { site: v3.wp.site, id: 12 }, dropped: { site: v1.wp.site, id: 10 }, reason: 'same-source-url' },
      { kept: { site: v3.wp.site, id: 12 }, dropped: { site: v2.wp.site, id: 11 }, reason: 'same-source-url' },
    ]);
  });

  it('keeps the same articles whatever the input order', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([v1, v2, v3, other], { minLength: 4, maxLength: 4 }), (shuffled) => {
        const result = dedupeArticles(shuffled);
        return (
          JSON.stringify(ids(result.articles).sort()) === JSON.stringify([12, 13]) &&
          result.merged.every((merge) => merge.kept.id === 12) &&
          result.merged.length === 2
        );
      }),
    );
  });

  it('breaks date ties by the greater WP id, whatever the order', () => {
    const a = makeArticle({ id: 5, source_url: 'https://news.example/x', paragraphs: ['A'] });
    const b = makeArticle({ id: 6, source_url: 'https://news.example/x', paragraphs: ['B'] });
    expect(ids(dedupeArticles([a, b]).articles)).toEqual([6]);
    expect(ids(dedupeArticles([b, a]).articles)).toEqual([6]);
  });

  it('falls back to the WP link when there is no source URL', () => {
    const a = makeArticle({ id: 1, source_url: null, link: 'https://blog.example/hello-world/' });
    const b = makeArticle({ id: 2, source_url: null, link: 'http://www.blog.example/hello-world' });
    const c = makeArticle({ id: 3, source_url: null, link: 'https://blog.example/other' });
    expect(ids(dedupeArticles([a, b, c]).articles)).toEqual([2, 3]);
  });

  it('folds near-duplicate bodies at different URLs of one source into the newest', () => {
    const paragraphs = generateParagraphs(42, 400);
    const edited = [...paragraphs];
    edited[1] = (edited[1] ?? '').replace(/^(\S+) (\S+)/, '$1 corrected');
    const old = makeArticle({ id: 20, date_gmt: '2026-05-01T08:00:00', source_url: 'https://news.example/story-amp', paragraphs });
    const recent = makeArticle({ id: 21, date_gmt: '2026-05-02T08:00:00', source_url: 'https://news.example/story-canonical', paragraphs: edited });
    const elsewhere = makeArticle({ id: 22, date_gmt: '2026-05-03T08:00:00', source_url: 'https://wire.example/story', paragraphs });
    const result = dedupeArticles([old, recent, elsewhere]);
    expect(ids(result.articles)).toEqual([21, 22]);
    expect(result.merged).toEqual([{ kept: { site: recent.wp.site, id: 21 }, dropped: { site: old.wp.site, id: 20 }, reason: 'near-duplicate' }]);
  });

  it('never merges short bodies by text, only by URL', () => {
    const a = makeArticle({ id: 30, source_url: 'https://news.example/video-1', paragraphs: ['Watch the full report in the video above.'] });
    const b = makeArticle({ id: 31, source_url: 'https://news.example/video-2', paragraphs: ['Watch the full report in the video above.'] });
    expect(ids(dedupeArticles([a, b]).articles)).toEqual([30, 31]);
  });

  it('points a URL merge at the final article when the survivor is itself a near-duplicate', () => {
    const paragraphs = generateParagraphs(7, 300);
    const first = makeArticle({ id: 40, date_gmt: '2026-05-01T08:00:00', source_url: 'https://news.example/a', paragraphs });
    const firstAgain = makeArticle({ id: 41, date_gmt: '2026-05-02T08:00:00', source_url: 'https://news.example/a?utm_source=x', paragraphs });
    const moved = makeArticle({ id: 42, date_gmt: '2026-05-03T08:00:00', source_url: 'https://news.example/b', paragraphs });
    const result = dedupeArticles([first, firstAgain, moved]);
    expect(ids(result.articles)).toEqual([42]);
    expect(result.merged.map((merge) => [merge.dropped.id, merge.kept.id, merge.reason])).toEqual([
      [40, 42, 'same-source-url'],
      [41, 42, 'near-duplicate'],
    ]);
  });

  it('removes template blocks learned from the batch, and not when disabled', () => {
    const articles = Array.from({ length: TEMPLATE_MIN_POSTS }, (_, i) =>
      makeArticle({ id: i + 1, paragraphs: [`Story ${i} opens with a paragraph nobody else wrote.`, FOOTER] }),
    );
    const cleaned = dedupeArticles(articles);
    expect(cleaned.articles.every((article) => !article.body_text.includes('newsletter'))).toBe(true);
    expect(cleaned.articles.every((article) => article.removed.some((block) => block.reason === 'template'))).toBe(true);
    expect(cleaned.templates.get('news.example')?.size).toBe(1);
    const raw = dedupeArticles(articles, { templates: false });
    expect(raw.articles.every((article) => article.body_text.includes('newsletter'))).toBe(true);
  });

  it('does not mutate its input', () => {
    const input = [v1, v2, other];
    const before = structuredClone(input);
    dedupeArticles(input);
    expect(input).toEqual(before);
  });
});

describe('teaserStats', () => {
  it('stores each teaser once per domain and key, counting distinct articles', () => {
    const a = makeArticle({ id: 1, source_url: 'https://news.example/1', teasers: [makeTeaser('nid:100', 'Old title'), makeTeaser('nid:200')] });
    const aAgain = makeArticle({ id: 2, source_url: 'https://news.example/1?utm_medium=x', teasers: [makeTeaser('nid:100', 'Old title')] });
    const b = makeArticle({ id: 3, date_gmt: '2026-06-01T00:00:00', source_url: 'https://news.example/2', teasers: [makeTeaser('nid:100', 'New title')] });
    const elsewhere = makeArticle({ id: 4, source_url: 'https://other.example/1', teasers: [makeTeaser('nid:100')] });
    const stats = teaserStats([b, a, elsewhere, aAgain]);
    const news = stats.get('news.example');
    expect(news?.get('nid:100')).toEqual({ teaser: makeTeaser('nid:100', 'New title'), times: 2 });
    expect(news?.get('nid:200')?.times).toBe(1);
    expect(stats.get('other.example')?.get('nid:100')?.times).toBe(1);
  });
});

describe('contentHash', () => {
  const base = makeArticle({ paragraphs: ['Body text.'] });

  it('is stable for an unchanged article and ignores provenance', () => {
    expect(contentHash(base)).toBe(contentHash(structuredClone(base)));
    expect(contentHash({ ...base, wp: { ...base.wp, id: 999, date_gmt: null } })).toBe(contentHash(base));
    expect(contentHash(base)).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['title', { title: 'Changed' }],
    ['summary', { summary: 'New summary' }],
    ['body', { body_text: 'Body text, corrected.' }],
    ['authors', { authors: ['A. Writer'] }],
    ['published_at', { published_at: '2026-05-05T13:25:43.000Z' }],
    ['image', { image: { url: 'https://img.example/1.jpg', caption: null, credit: null } }],
    ['section', { section: ['World'] }],
    ['topics', { topics: ['Azerbaijan'] }],
  ])('changes when the %s changes', (_, change) => {
    expect(contentHash({ ...base, ...change })).not.toBe(contentHash(base));
  });
});
