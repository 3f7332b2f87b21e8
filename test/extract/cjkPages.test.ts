import { describe, expect, it } from 'vitest';
import { countWords } from '../../src/article.js';
import { extractArticle } from '../../src/extract/index.js';
import { weightedLength } from '../../src/extract/body/weightedLength.js';
import { EMPTY_TERM_NAMES } from '../../src/wpPost.js';

/**
 * Pages in Chinese, Japanese and Korean (issue 14: "empty body on ordinary news pages in Korean"). Such text has
 * no spaces between words (Chinese, Japanese) or few letters per word (Korean): a story of 300 characters says
 * what 900 Latin ones do. Every text measure of the extractor was made on Latin text, so the story lost to a
 * shorter-looking block of English furniture on the same page.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(body: string, title: string) {
  const content = `${body}<p>[analyse_source url=&#8221;https://news.example/2024/05/story/&#8221;]</p>`;
  return { id: 7, link: 'https://agg.example/?p=7', title: { rendered: title }, content: { rendered: content } };
}

/** Short Chinese paragraphs (about 35 characters, as Chinese news writes them), each its own numbered sentence. */
const chineseStory = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>第${i + 1}段：市政府今天宣布，明年春季前完成老城区供水管网改造，受益居民超过十二万户。</p>`).join('\n');

/** Short Korean paragraphs (about 35 syllables). */
const koreanStory = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>${i + 1}번째 문단: 시 당국은 내년 봄까지 구도심 상수도관 교체를 마무리한다고 밝혔다.</p>`).join('\n');

/** English legal and cookie text in `<p>`s, as a site's footer carries it on every page, in any language. */
const ENGLISH_NOTICE = `<div class="site-notice">${Array.from(
  { length: 2 },
  (_, i) =>
    `<p>Notice ${i + 1}: this website uses cookies and similar technologies to improve your experience, to measure the audience and to show you personalised content; by continuing to browse you accept their use as described in our policy.</p>`,
).join('')}</div>`;

/** A news page that marks no post: the story in a plain div, a menu, the English notice below. */
function unmarkedPage(story: string, headline: string): string {
  return `<div class="top"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news/">新闻</a></li><li><a href="/sports/">体育</a></li></ul></div>
<div class="wrap"><div class="left"><h1>${headline}</h1><div class="txt">${story}</div></div>
<div class="right"><div class="box"><a href="/a/">热门文章一</a><a href="/b/">热门文章二</a><a href="/c/">热门文章三</a></div></div></div>
<div class="bottom">${ENGLISH_NOTICE}</div>`;
}

describe('pages in Chinese, Japanese and Korean', () => {
  const stories = [
    { language: 'Chinese', story: chineseStory(5), headline: '老城区供水管网明年春季前完成改造', site: '新闻网', first: '第1段', last: '第5段' },
    { language: 'Korean', story: koreanStory(5), headline: '구도심 상수도관 내년 봄까지 교체', site: '뉴스', first: '1번째 문단', last: '5번째 문단' },
  ];
  for (const { language, story, headline, site, first, last } of stories)
    it(`a ${language} story is the body, not joined by a longer-looking block of English notices, on a page that marks no post`, () => {
      const article = extractArticle(scrapedPost(unmarkedPage(story, headline), `${headline} - ${site}`), CONTEXT);
      expect(article.body_text).toContain(first);
      expect(article.body_text).toContain(last);
      expect(article.body_text).not.toContain('this website uses cookies');
    });

  it('counts each Chinese or Japanese character as a word, and weighs it like a Latin word in length', () => {
    expect(countWords('市政府今天宣布。')).toBe(7);
    expect(countWords('日本語のテキスト and English')).toBe(10);
    expect(countWords("don't stop")).toBe(2);
    expect(weightedLength('abc')).toBe(3);
    expect(weightedLength('市政府')).toBeGreaterThanOrEqual(6);
    expect(weightedLength('시 당국')).toBeGreaterThan('시 당국'.length);
  });
});
