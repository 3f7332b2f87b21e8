import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../../src/wpPost.js';

/**
 * A headline edited after the page's `<title>` was written ("… over Celtics" under "… over Boston Celtics | Site"),
 * on a page with many h1s (ad and promo cards): the h1 whose words are nearly all the title's is the headline the
 * page shows, and the one that locates the story.
 */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const PROSE = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the game report says that the home side, without its coach, won the game in front of a full arena.</p>`,
).join('');
const PROMO = (i: number) => `<div class="card"><h1>Visit the county fair number ${i} this autumn</h1><p>Sponsored.</p></div>`;

function wrapped(page: string, pageTitle: string): WpPost {
  return {
    id: 9,
    link: 'https://agg.example/?p=9',
    title: { rendered: pageTitle },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://news.example/game/&#8221;]</p>` },
  };
}

describe('a headline edited after the page title', () => {
  it('is the title when its words are nearly all the page title’s, among promo h1s', () => {
    const page = `<div class="promos">${PROMO(1)}${PROMO(2)}</div><div class="feature-article"><p class="date-publish">November 8, 2023</p><h1>Game notes: the home side leads the league after a statement win over the Celtics</h1>${PROSE}</div><div class="promos">${PROMO(3)}</div>`;
    const article = extractArticle(
      wrapped(page, 'Game notes: the home side leads the league after a statement win over the Boston Celtics | City Voice'),
      CONTEXT,
    );
    expect(article.title).toBe('Game notes: the home side leads the league after a statement win over the Celtics');
    expect(article.body_text).toContain('Paragraph 5 of the game report');
  });

  it('is not a heading that shares only a few of the title’s words', () => {
    const page = `<div class="promos">${PROMO(1)}${PROMO(2)}</div><div class="feature-article"><h1>Celtics lose again at home</h1>${PROSE}</div>`;
    const article = extractArticle(
      wrapped(page, 'Game notes: the home side leads the league after a statement win over the Boston Celtics | City Voice'),
      CONTEXT,
    );
    expect(article.title).toBe('Game notes: the home side leads the league after a statement win over the Boston Celtics');
  });

  it('a headline styled as a div, not a heading, is not the first line of the body; a post’s own paragraph that says its title stays', () => {
    const page = `<div class="site"><div class="post"><div class="big-line">The councillor resigns, the coach is sorry, and the derby is lost: episode twelve of the show</div>${PROSE}</div></div>`;
    const article = extractArticle(
      wrapped(page, 'The councillor resigns, the coach is sorry, and the derby is lost: episode twelve of the show | City Voice'),
      CONTEXT,
    );
    expect(article.body_text).toMatch(/^Paragraph 1 of the game report/);
    const ordinary = extractArticle(
      {
        id: 7,
        link: 'https://agg.example/?p=7',
        title: { rendered: 'The councillor resigns, the coach is sorry, and the derby is lost: episode twelve of the show' },
        content: { rendered: `<p>The councillor resigns, the coach is sorry, and the derby is lost: episode twelve of the show</p>${PROSE}` },
      },
      CONTEXT,
    );
    expect(ordinary.body_text).toMatch(/^The councillor resigns, the coach is sorry, and the derby is lost: episode twelve of the show\n\nParagraph 1/);
  });
});
