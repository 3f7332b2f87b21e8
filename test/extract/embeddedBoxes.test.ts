import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(body: string, title = 'Headline | Site'): WpPost {
  return { id: 7, link: 'https://agg.example/?p=7', title: { rendered: title }, content: { rendered: `${body}<p>[analyse_source url=&#8221;https://n.example/story&#8221;]</p>` } };
}

const ARTICLE_PARAGRAPHS = Array.from({ length: 4 }, (_, i) => `<p>Article paragraph ${i + 1} tells the hotel story, with details, names and the numbers that matter here, and then goes on to explain what guests should check first.</p>`).join('');
const GALLERY_SLIDES = Array.from({ length: 20 }, (_, i) => `<li><h2><span class="counter">${i + 1}/20</span> Slide ${i + 1}</h2><p>Gallery caption ${i + 1} about another business story, with a company, a figure, and a quote from someone.</p></li>`).join('');

describe('boxes embedded in the article text', () => {
  it('drops a gallery widget among the article paragraphs even when its captions outweigh the article', () => {
    const body = `<div class="text-wrapper" itemprop="articleBody">${ARTICLE_PARAGRAPHS}<div class="media-widget-wrapper"><ul class="legends">${GALLERY_SLIDES}</ul></div></div>`;
    const article = extractArticle(scrapedPost(body), CONTEXT);
    expect(article.blocks.map((block) => block.text.slice(0, 19))).toEqual(['Article paragraph 1', 'Article paragraph 2', 'Article paragraph 3', 'Article paragraph 4']);
    expect(article.body_text).not.toContain('Gallery caption');
  });

  it('keeps a "read more" box that continues the paragraphs beside it', () => {
    const rest = Array.from({ length: 8 }, (_, i) => `<p>Continued paragraph ${i + 1} carries the rest of the report, with more detail, more names and more numbers.</p>`).join('');
    const body = `<div class="story-body">${ARTICLE_PARAGRAPHS}<div id="read-more"><a href="#">Read more</a><div id="read-more-content">${rest}</div></div></div>`;
    const article = extractArticle(scrapedPost(body), CONTEXT);
    expect(article.body_text).toContain('Continued paragraph 8');
  });
});
