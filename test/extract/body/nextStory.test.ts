import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14, the next story loaded below the post (infinite scroll), longer than the post, inside the post's own
 * wrapper (a page whose tags are left open), with the post's headline in a hero box above.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scraped(page: string, title: string) {
  const content = `${page}<p>[analyse_source url=&#8221;https://news.example/bridge/&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: title }, content: { rendered: content } };
}

const para = (story: string, i: number, what: string) =>
  `<p>Paragraph ${i} of the ${story} says that ${what}, and the people of the town have been waiting for it for a long time now.</p>`;
const own = Array.from({ length: 3 }, (_, i) => para('bridge story', i + 1, 'the new bridge will open in May')).join('');
const next = Array.from({ length: 9 }, (_, i) => para('harbour story', i + 1, 'the harbour will be dredged in June')).join('');
const NEXT_STORY = `<article class="story"><h1>The harbour will be dredged in June, the port says</h1>${next}</article>`;

function expectBridgeStory(page: string): void {
  const article = extractArticle(scraped(page, 'The new bridge opens in May | City News'), CONTEXT);
  expect(article.body_text).toContain('Paragraph 1 of the bridge story');
  expect(article.body_text).toContain('Paragraph 3 of the bridge story');
  expect(article.body_text).not.toContain('harbour story');
}

describe('the next story below the post, when the post has no <h1> of its own over its text', () => {
  it('the next story inside the post’s own wrapper (tags left open), with the headline in a hero box above: the post is the densest prose outside the next story’s box', () => {
    expectBridgeStory(
      `<div class="page"><div class="dr-main"><div class="dr-hero"><h1 class="dr-hero__title">The new bridge opens in May</h1><div class="dr-hero__meta">May 2, 2022</div></div><div class="dr-grid"><div class="dr-col"><div class="dr-copy">${own}</div></div><div class="share"><a href="https://social.example/share">Share</a></div>${NEXT_STORY}</div></div></div>`,
    );
  });
});
