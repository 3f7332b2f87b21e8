import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract/index.js';
import { EMPTY_TERM_NAMES, type WpPost } from '../../src/wpPost.js';

/** The article header above the body: headline, standfirst, picture. Inline pages of the shapes seen on news sites. */
const CONTEXT = { site: 'https://agg.example', terms: EMPTY_TERM_NAMES };
const STANDFIRST = 'Heat pumps are booming, partly because heating with gas and oil has become expensive this winter.';
const PROSE = Array.from(
  { length: 5 },
  (_, i) => `<p>Paragraph ${i + 1} of the report, long enough to be prose, with a comma, and a second clause that goes on.</p>`,
).join('');

function scrapedPost(page: string, title = 'Heat pump market grows by 42 percent'): WpPost {
  return {
    id: 8,
    link: 'https://agg.example/?p=8',
    title: { rendered: title },
    content: { rendered: `${page}<p>[analyse_source url=&#8221;https://n.example/heat-pumps&#8221;]</p>` },
  };
}

describe('article header', () => {
  it('keeps the headline and standfirst of a header that holds share buttons (class has-sharing)', () => {
    const share =
      '<div class="header__sharing"><ul><li><a href="https://social.example/share">Share</a></li><li><a href="mailto:?body=x">E-mail</a></li></ul></div>';
    const header = `<header class="contentHeader has-sharing">${share}<h1 class="contentHeader__title">Heat pump market grows by 42 percent</h1><div class="contentHeader__abstract">${STANDFIRST}</div></header>`;
    const article = extractArticle(scrapedPost(`<article>${header}<section class="contentMain">${PROSE}</section></article>`), CONTEXT);
    expect(article.title).toBe('Heat pump market grows by 42 percent');
    expect(article.body_text).toMatch(new RegExp(`^${STANDFIRST}`));
    expect(article.body_text).not.toContain('Share');
  });
});

describe('protected e-mail addresses', () => {
  it('puts back an address a CDN hid behind "[email protected]", in the body text and html', () => {
    // "hey@show.example" XOR-ed with 0x2a, hex-encoded after the key, as Cloudflare writes it.
    const hex = '2a' + Buffer.from([...'hey@show.example'].map((c) => c.charCodeAt(0) ^ 0x2a)).toString('hex');
    const line = `<p>Send your questions to us at <span class="__cf_email__" data-cfemail="${hex}">[email&#160;protected]</span> before the next episode.</p>`;
    const article = extractArticle(scrapedPost(`<article><div class="body">${PROSE}${line}</div></article>`), CONTEXT);
    expect(article.body_text).toContain('Send your questions to us at hey@show.example before the next episode.');
    expect(article.body_html).toContain('hey@show.example');
    expect(article.body_text).not.toContain('protected');
  });
});
