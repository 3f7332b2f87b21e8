import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES } from '../../../src/wpPost.js';

/**
 * Issue 14: a scraped page that holds no article (a section front, a category archive) is said to be one, with
 * the stories it announces as its body, instead of passing one of its teaser streams off as an article. A page
 * with an article of its own, however short and however many cards follow it, stays an article.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };

function scrapedPost(page: string, url = 'https://news.example/section/science/') {
  const content = `${page}<p>[analyse_source url=&#8221;${url}&#8221;]</p>`;
  return { id: 9, link: 'https://agg.example/?p=9', title: { rendered: 'Science | News' }, content: { rendered: content } };
}

/** A story card: a kicker, a linked headline (or a link around the whole card), a summary and a byline. */
function card(i: number, wrapped = false): string {
  const inner = `<figure><img src="/img/${i}.jpg" alt=""><figcaption>Credit Photo agency</figcaption></figure><h3>Kicker ${i}</h3><h2>Headline of story ${i}</h2><p>The summary of story ${i} says in one sentence what the story is about and why.</p><p>By Reporter ${i}</p>`;
  if (wrapped) return `<li><article><a href="/2022/01/story-${i}.html">${inner}</a></article></li>`;
  return `<li><article>${inner.replace(`<h2>Headline of story ${i}</h2>`, `<h2><a href="/2022/01/story-${i}.html">Headline of story ${i}</a></h2>`)}</article></li>`;
}

const CHROME = `<header><nav><ul><li><a href="/">Home</a></li><li><a href="/section/science/">Science</a></li><li><a href="/section/world/">World</a></li></ul></nav></header>`;
const FOOTER = '<footer><p>Copyright News, all rights reserved. Terms of service and privacy policy apply to every page.</p></footer>';

describe('listing pages', () => {
  it('a section front of story cards is a listing: its profile and a marker say so, its body lists the stories in order', () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(i + 1, i % 2 === 1)).join('');
    const page = `${CHROME}<main id="site-content"><section><h2>Highlights</h2><ol>${cards}</ol><div class="ad">Advertisement</div></section></main>${FOOTER}`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.profile).toBe('listing');
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: 'listing-page', text: expect.stringContaining('10 story cards') }));
    const headlines = article.blocks.filter((block) => block.tag === 'h2').map((block) => block.text);
    expect(headlines).toEqual(Array.from({ length: 10 }, (_, i) => `Headline of story ${i + 1}`));
    expect(article.body_text).toContain('The summary of story 7 says in one sentence');
  });

  it('a short article followed by as many story cards in the same container stays an article', () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(i + 1)).join('');
    const story =
      '<h1>Telescope sees the first light</h1><div class="story">The new telescope saw its first light on Tuesday night.<br>Astronomers said the first images were sharper than they had hoped for.</div>';
    const page = `${CHROME}<main id="site-content">${story}<ol>${cards}</ol></main>${FOOTER}`;
    const article = extractArticle(scrapedPost(page, 'https://news.example/2022/01/telescope.html'), CONTEXT);
    expect(article.profile).not.toBe('listing');
    expect(article.body_text).toContain('The new telescope saw its first light on Tuesday night.');
    expect(article.removed.map((block) => block.reason)).not.toContain('listing-page');
  });

  it('a one-sentence story above a grid of story cards keeps its sentence, whatever the page is read as', () => {
    const cards = Array.from({ length: 8 }, (_, i) => card(i + 1)).join('');
    for (const story of [
      '<p>The minister resigned on Monday, the government said.</p>',
      '<div class="video"><iframe src="https://video.example/embed/1"></iframe></div><p>Watch the minister resign.</p>',
    ]) {
      const page = `${CHROME}<main id="site-content"><article><h1>Minister resigns</h1>${story}<section><ol>${cards}</ol></section></article></main>${FOOTER}`;
      const article = extractArticle(scrapedPost(page, 'https://news.example/2022/01/minister.html'), CONTEXT);
      const sentence = /<p>([^<]+)<\/p>/.exec(story)![1]!;
      expect(article.body_text.startsWith(sentence), article.body_text.slice(0, 120)).toBe(true);
    }
  });

  it('a page that declares an article in its structured data is never a listing', () => {
    const cards = Array.from({ length: 10 }, (_, i) => card(i + 1)).join('');
    const jsonLd = '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Science"}</script>';
    const page = `${jsonLd}${CHROME}<main id="site-content"><ol>${cards}</ol></main>${FOOTER}`;
    const article = extractArticle(scrapedPost(page), CONTEXT);
    expect(article.profile).not.toBe('listing');
  });
});

describe('headline lists', () => {
  it('a list of story cards whose headline follows a kicker heading is a teaser stream, not the article', () => {
    const paragraphs = Array.from(
      { length: 5 },
      (_, i) => `<p>Paragraph ${i + 1} of the story tells what the telescope saw, and what the astronomers made of it at first.</p>`,
    ).join('');
    const cards = Array.from({ length: 4 }, (_, i) => card(i + 1)).join('');
    const page = `${CHROME}<main><article><h1>Telescope sees the first light</h1><div class="story">${paragraphs}</div></article><section><ol>${cards}</ol></section></main>${FOOTER}`;
    const article = extractArticle(scrapedPost(page, 'https://news.example/2022/01/telescope.html'), CONTEXT);
    expect(article.body_text).toContain('Paragraph 5 of the story');
    expect(article.body_text).not.toContain('The summary of story 2');
    expect(article.removed).toContainEqual(expect.objectContaining({ reason: 'teaser', text: expect.stringContaining('Headline of story 1') }));
  });
});
