import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEASER_SLOTS } from '../../src/article.js';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';
import { FORBIDDEN_IN_BODY, XSS_PAYLOADS } from './hostilePosts.js';

const CONTEXT = { site: 'https://site.example', terms: EMPTY_TERM_NAMES };
const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'section',
  'aside',
  'h1',
  'h2',
  'ul',
  'li',
  'figure',
  'img',
  'table',
  'td',
  'blockquote',
  'svg',
  'iframe',
  'script',
  'style',
  'noscript',
  'template',
  'math',
  'object',
];
const ATTRIBUTES = [
  'href="javascript:alert(1)"',
  'src="data:text/html,x"',
  'onclick="alert(1)"',
  'onerror=alert(1)',
  'style="x:expression(1)"',
  'srcdoc="<script>x</script>"',
  'href="/ok"',
  'class="c-article-content"',
  'class="related"',
  'data-nid="9"',
  'itemprop="articleBody"',
  'xlink:href="javascript:x"',
];
const TEXT = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('&lt;script&gt;', '&#106;avascript:', '\u0000', '\u202e', '\ud800', '&amp;', '&#8221;', 'A sentence with several plain words in it.'),
);

/** Generated HTML mixing ordinary markup, active content, hostile attributes and known XSS payloads. */
const htmlArbitrary: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    TEXT,
    fc.constantFrom(...XSS_PAYLOADS),
    fc
      .tuple(fc.constantFrom(...TAGS), fc.subarray(ATTRIBUTES, { maxLength: 3 }), fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, attributes, children]) => `<${tag} ${attributes.join(' ')}>${children.join('')}</${tag}>`),
  ),
})).node;

/** Bodies as the two kinds of post carry them: ordinary, and scraped pages with the aggregator's shortcodes. */
const contentArbitrary = fc
  .tuple(fc.boolean(), fc.array(htmlArbitrary, { maxLength: 6 }))
  .map(([scraped, nodes]) =>
    scraped
      ? `[analyse_source url=&#8221;https://news.example/a&#8221;]<h1>Headline</h1><div class="c-article-content">${nodes.join('')}</div>`
      : nodes.join(''),
  );

const nullableString = (value: unknown) => value === null || typeof value === 'string';

describe('extractArticle over generated hostile HTML', () => {
  it('never throws, keeps the contract types, never mutates its input, and lets no active content into body_html', () => {
    fc.assert(
      fc.property(contentArbitrary, TEXT, (content, title) => {
        const post: WpPost = {
          id: 5,
          link: 'https://site.example/?p=5',
          title: { rendered: title },
          content: { rendered: content },
          excerpt: { rendered: content.slice(0, 50) },
        };
        const before = JSON.stringify(post);
        const article = extractArticle(post, CONTEXT);
        expect(JSON.stringify(post)).toBe(before);
        expect(typeof article.title).toBe('string');
        expect(nullableString(article.summary) && nullableString(article.source_url) && nullableString(article.published_at)).toBe(true);
        expect([article.authors, article.section, article.topics].every((list) => Array.isArray(list) && list.every((item) => typeof item === 'string'))).toBe(
          true,
        );
        expect(
          article.image === null || (typeof article.image.url === 'string' && nullableString(article.image.caption) && nullableString(article.image.credit)),
        ).toBe(true);
        expect(typeof article.body_text === 'string' && typeof article.body_html === 'string').toBe(true);
        expect(Number.isInteger(article.word_count) && article.word_count >= 0).toBe(true);
        expect(
          article.teasers.every((teaser) => TEASER_SLOTS.includes(teaser.slot) && typeof teaser.key === 'string' && typeof teaser.title === 'string'),
        ).toBe(true);
        expect(article.related.every((link) => typeof link.title === 'string' && nullableString(link.url))).toBe(true);
        expect(article.body_html).not.toMatch(FORBIDDEN_IN_BODY);
      }),
      { numRuns: 400 },
    );
  });

  it('never reports a javascript: or data: URL as the lead image or the source URL', () => {
    for (const src of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', ' java\tscript:alert(1)']) {
      const article = extractArticle({ id: 5, content: { rendered: `<figure><img src="${src}"></figure><p>Words of a body.</p>` } }, CONTEXT);
      expect(article.image?.url ?? '').not.toMatch(/^\s*(?:java\s*script|data|vbscript):/i);
      const scraped = extractArticle(
        { id: 6, link: 'https://wp.example/?p=6', content: { rendered: `<p>[analyse_source url=&#8221;${src}&#8221;]</p><p>Words of a body.</p>` } },
        CONTEXT,
      );
      expect(scraped.source_url).toBe('https://wp.example/?p=6');
    }
  });
});
