import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const PROSE = Array.from(
  { length: 4 },
  (_, i) => `<p>Paragraph ${i + 1} of the story, long enough to be prose, with a comma, and a second clause that goes on.</p>`,
).join('');

function scrapedPost(header: string, title: string): WpPost {
  return {
    id: 8,
    link: 'https://agg.example/?p=8',
    title: { rendered: title },
    content: { rendered: `<article>${header}<div class="body">${PROSE}</div></article><p>[analyse_source url=&#8221;https://n.example/h&#8221;]</p>` },
  };
}

describe('headline parts', () => {
  it('leaves the kicker set inside the h1 out of the title', () => {
    const header = '<h1 class="article-header__headline"><span class="article-header__roofline">Wurmkiste</span> Wurmkiste selber bauen</h1>';
    expect(extractArticle(scrapedPost(header, 'Wurmkiste | selbst.de'), CONTEXT).title).toBe('Wurmkiste selber bauen');
  });

  it('leaves a screen-reader label inside the h1 out of the title', () => {
    const header = '<h1><span class="visuallyhidden">Headline:</span> Energiewende und gesellschaftlicher Wandel</h1>';
    expect(extractArticle(scrapedPost(header, 'Energiewende und gesellschaftlicher Wandel | Institut'), CONTEXT).title).toBe(
      'Energiewende und gesellschaftlicher Wandel',
    );
  });

  it('does not take a heading that ends in a colon (a lead-in) for the headline the title confirms', () => {
    const header = '<h2>Open Journalism Project:</h2><h4><em>Better Student Journalism</em></h4>';
    expect(extractArticle(scrapedPost(header, 'The Open Journalism Project: Better Student Journalism — Medium'), CONTEXT).title).toBe(
      'The Open Journalism Project: Better Student Journalism',
    );
  });
});
