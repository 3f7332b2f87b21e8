import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEASER_SLOTS, type ExtractedArticle } from '../../src/article.js';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://site.example', terms: EMPTY_TERM_NAMES };

/** Asserts the article has the contract's shape and types. */
function expectContractShape(article: ExtractedArticle): void {
  const isNullableString = (value: unknown): boolean => value === null || typeof value === 'string';
  expect(typeof article.title).toBe('string');
  expect(isNullableString(article.summary)).toBe(true);
  expect(isNullableString(article.source_url)).toBe(true);
  expect(isNullableString(article.published_at)).toBe(true);
  if (article.published_at) expect(article.published_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(article.authors.every((name) => typeof name === 'string')).toBe(true);
  expect(article.section.every((name) => typeof name === 'string')).toBe(true);
  expect(article.topics.every((name) => typeof name === 'string')).toBe(true);
  expect(
    article.image === null || (typeof article.image.url === 'string' && isNullableString(article.image.caption) && isNullableString(article.image.credit)),
  ).toBe(true);
  expect(typeof article.body_text).toBe('string');
  expect(typeof article.body_html).toBe('string');
  expect(Number.isInteger(article.word_count) && article.word_count >= 0).toBe(true);
  for (const teaser of article.teasers) {
    expect(TEASER_SLOTS).toContain(teaser.slot);
    expect(teaser.key).toMatch(/^(?:nid|url|text):./);
    expect(isNullableString(teaser.url) && isNullableString(teaser.image_url) && typeof teaser.title === 'string').toBe(true);
  }
  expect(article.related.every((link) => typeof link.title === 'string' && isNullableString(link.url))).toBe(true);
  expect(typeof article.wp.id).toBe('number');
  expect(article.body_html).not.toMatch(/<script|<iframe|<style|\son\w+=|javascript:/i);
}

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'aside',
  'nav',
  'h1',
  'h2',
  'ul',
  'li',
  'figure',
  'figcaption',
  'img',
  'script',
  'table',
  'td',
  'blockquote',
  'time',
  'svg',
  'iframe',
  'br',
];
const ATTRIBUTES = [
  'class="c-ad"',
  'class="related"',
  'class="article-content"',
  'data-nid="7"',
  'href="javascript:x"',
  'href="/rel"',
  'onclick="x()"',
  'datetime="2020-01-01T00:00:00Z"',
  'itemprop="articleBody"',
  'src="data:x"',
  'id="latest-stories"',
  'class="c-tags-list"',
];

const htmlArbitrary: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '[analyse_source url=&#8221;http://x.example/a&#8221;]',
      '[analyse_image src=&#8221;/i.jpg&#8221;]',
      '[caption]<img src=a> cap[/caption]',
      '&amp;nbsp',
      '<!-- c -->',
      '</div>',
      '<p>',
      '&#8221;',
    ),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRIBUTES, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, attributes, children]) => `<${tag} ${attributes.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

describe('extractArticle never throws and keeps the contract', () => {
  it('on generated HTML', () => {
    fc.assert(
      fc.property(htmlArbitrary, fc.string({ maxLength: 30 }), (content, title) => {
        const article = extractArticle({ id: 3, link: 'https://site.example/?p=3', title: { rendered: title }, content: { rendered: content } }, CONTEXT);
        expectContractShape(article);
      }),
      { numRuns: 300 },
    );
  });

  it('on posts with missing fields and wrong types', () => {
    // prettier-ignore
    const posts: unknown[] = [
      {}, { id: 'x' }, { id: 1, content: 5 }, { id: 1, content: { rendered: null } }, { id: 1, title: ['a'] },
      { id: 1, date_gmt: 'yesterday', modified_gmt: 42, link: {}, categories: 'x', tags: [null, 'a'], class_list: { 0: 'category-a' } },
      { id: 1, _embedded: { 'wp:term': 'x', author: [null] } }, null, undefined, 7, 'post',
    ];
    for (const post of posts) expectContractShape(extractArticle(post as WpPost, CONTEXT));
    expectContractShape(extractArticle({ id: 1 }, undefined as never));
  });

  it('on 10,000 nesting levels, in bounded time', () => {
    const deep = `${'<div>'.repeat(10_000)}<p>deep text that should survive somewhere in the body</p>${'</div>'.repeat(10_000)}`;
    const started = performance.now();
    const article = extractArticle({ id: 1, content: { rendered: deep } }, CONTEXT);
    expect(performance.now() - started).toBeLessThan(5_000);
    expectContractShape(article);
    expect(article.body_text).toContain('deep text');
  });

  it('on 10 MB of content, in bounded time', () => {
    const paragraph = '<p>Ein ganz normaler Absatz mit genug Text, um als Inhalt zu zählen, und einem <a href="/x">Link</a>.</p>\n';
    const huge = `<p>[analyse_source url=&#8221;https://site.example/a&#8221;]</p>${paragraph.repeat(Math.ceil(10_000_000 / paragraph.length))}`;
    const started = performance.now();
    const article = extractArticle({ id: 1, content: { rendered: huge } }, CONTEXT);
    expect(performance.now() - started).toBeLessThan(20_000);
    expectContractShape(article);
    expect(article.word_count).toBeGreaterThan(0);
  });

  it('on pathological markup: unclosed tags, huge attributes, many teasers', () => {
    const cases = [
      '<div'.repeat(50_000),
      `<p class="${'a '.repeat(100_000)}">x</p>`,
      `<ul class="latest">${'<li><a href="/a">Teaser title here</a></li>'.repeat(5_000)}</ul>`,
      `<article data-nid="1">${'<span>'.repeat(3_000)}`,
    ];
    for (const content of cases) {
      const started = performance.now();
      expectContractShape(extractArticle({ id: 1, content: { rendered: content } }, CONTEXT));
      expect(performance.now() - started).toBeLessThan(5_000);
    }
  });
});
